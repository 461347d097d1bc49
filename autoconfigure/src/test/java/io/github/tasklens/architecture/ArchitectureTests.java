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

/**
 * The architecture as far as the split into a Spring-free core has come (issue 22): the
 * task runtime, which the core module will hold, reaches no Spring class. Each step of
 * the split adds its classes here, until the rule is the core module's own.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.tasklens");

	/**
	 * The task runtime: the API, the registry, the meters, and the chain with the JDK
	 * executor wrappers. What ties them to Spring (adopting beans, {@code @Async},
	 * {@code @Scheduled}, Spring's executors and wrappers) stays out of this list.
	 */
	private static final String[] RUNTIME = { "io.github.tasklens.TaskContext", "io.github.tasklens.TaskHook",
			"io.github.tasklens.TaskInfo", "io.github.tasklens.TaskLabel", "io.github.tasklens.TaskLabels",
			"io.github.tasklens.TaskRegistry", "io.github.tasklens.TaskState", "io.github.tasklens.TimeBox",
			"io.github.tasklens.decorate.AppUncaughtHandler", "io.github.tasklens.decorate.ContextCapture",
			"io.github.tasklens.decorate.InFlightLimit", "io.github.tasklens.decorate.InFlightLimits",
			"io.github.tasklens.decorate.LabelMdc", "io.github.tasklens.decorate.LogStartHook",
			"io.github.tasklens.decorate.MdcCarrier", "io.github.tasklens.decorate.OverlappingRun",
			"io.github.tasklens.decorate.PeriodicRun", "io.github.tasklens.decorate.Submissions",
			"io.github.tasklens.decorate.SubmitSites", "io.github.tasklens.decorate.TaskChain",
			"io.github.tasklens.decorate.TaskFrames", "io.github.tasklens.decorate.TaskNames",
			"io.github.tasklens.decorate.TaskPolicy", "io.github.tasklens.decorate.TaskQueueView",
			"io.github.tasklens.decorate.TaskRunEvent", "io.github.tasklens.decorate.TaskWrappers",
			"io.github.tasklens.decorate.TrackedExecutor", "io.github.tasklens.decorate.TrackedExecutorService",
			"io.github.tasklens.decorate.TrackedExecutors",
			"io.github.tasklens.decorate.TrackedScheduledExecutorService",
			"io.github.tasklens.decorate.TrackedScheduledThreadPoolExecutor", "io.github.tasklens.decorate.TrackedTask",
			"io.github.tasklens.decorate.TrackedThreadPoolExecutor",
			"io.github.tasklens.decorate.TrackingRejectedExecutionHandler",
			"io.github.tasklens.decorate.TrackingTaskDecorator" };

	@Test
	void theTaskRuntimeReachesNoSpringClass() {
		noClasses().that()
			.haveNameMatching("(" + String.join("|", RUNTIME).replace(".", "\\.") + ")(\\$.*)?")
			.or()
			.resideInAnyPackage("io.github.tasklens.inventory..", "io.github.tasklens.metrics..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(MAIN);
	}

}
