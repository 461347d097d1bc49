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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's architecture, as {@code docs/architecture.md} draws it: no Spring, an API
 * that imports nothing internal, feature packages without cycles that depend on each
 * other only as drawn.
 */
class CoreArchitectureTests {

	private static final String BASE = "io.github.tasklens";

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	/**
	 * Which feature packages each feature package may use, besides the API. Keep in step
	 * with the drawing in {@code docs/architecture.md}.
	 */
	private static final Map<String, List<String>> USES = Map.of("task",
			List.of("propagation", "limit", "timebox", "registry", "metrics"), "executor",
			List.of("task", "registry", "metrics", "bootstrap"), "timebox", List.of("registry"), "limit",
			List.of("registry"), "metrics", List.of("registry"), "registry", List.of(), "propagation", List.of(),
			"runtime", List.of("task", "executor", "registry", "timebox", "metrics", "propagation", "bootstrap"),
			"bootstrap", List.of());

	@Test
	void theBridgeUsesTheJdkOnlyForTheJdksClassesSeeNothingElse() {
		classes().that()
			.resideInAPackage("io.github.tasklens.bootstrap")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "io.github.tasklens.bootstrap")
			.check(CORE);
	}

	@Test
	void theCoreReachesNoSpringClass() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(CORE);
	}

	@Test
	void theApiImportsNothingInternal() {
		classes().that()
			.resideInAPackage(BASE)
			.should()
			.onlyDependOnClassesThat(not(resideInAPackage(BASE + "..")).or(resideInAPackage(BASE)))
			.check(CORE);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void featurePackagesDependOnlyAsDrawn() {
		USES.forEach((feature, uses) -> {
			List<String> allowed = new ArrayList<>();
			allowed.add(BASE);
			allowed.add(BASE + "." + feature + "..");
			uses.forEach((used) -> allowed.add(BASE + "." + used + ".."));
			classes().that()
				.resideInAPackage(BASE + "." + feature + "..")
				.should()
				.onlyDependOnClassesThat(
						not(resideInAPackage(BASE + "..")).or(resideInAnyPackage(allowed.toArray(String[]::new))))
				.check(CORE);
		});
	}

	@Test
	void everyPackageIsDrawn() {
		classes().that()
			.resideOutsideOfPackage(BASE)
			.should()
			.resideInAnyPackage(
					USES.keySet().stream().map((feature) -> BASE + "." + feature + "..").toArray(String[]::new))
			.check(CORE);
	}

}
