/*
 * Copyright 2026 the tasklens authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.tasklens.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The Boot module's architecture, as {@code docs/architecture.md} draws it: adopting
 * executors and tracking annotated methods know nothing of the auto-configuration or the
 * endpoint that use them, and the packages have no cycles.
 */
class BootArchitectureTests {

	private static final String BOOT = "io.github.tasklens.boot";

	private static final JavaClasses MODULE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BOOT);

	@Test
	void packagesHaveNoCycles() {
		slices().matching(BOOT + ".(*)..").should().beFreeOfCycles().check(MODULE);
	}

	@Test
	void adoptingAndSchedulingKnowNothingOfConfigurationOrEndpoint() {
		noClasses().that()
			.resideInAnyPackage(BOOT + ".executor..", BOOT + ".scheduling..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BOOT + ".autoconfigure..", BOOT + ".actuate..")
			.check(MODULE);
	}

	@Test
	void adoptingExecutorsKnowsNothingOfAnnotatedMethods() {
		noClasses().that()
			.resideInAPackage(BOOT + ".executor..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BOOT + ".scheduling..")
			.check(MODULE);
	}

	@Test
	void theEndpointKnowsNothingOfTheConfigurationOrAnnotatedMethods() {
		noClasses().that()
			.resideInAPackage(BOOT + ".actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BOOT + ".autoconfigure..", BOOT + ".scheduling..")
			.check(MODULE);
	}

}
