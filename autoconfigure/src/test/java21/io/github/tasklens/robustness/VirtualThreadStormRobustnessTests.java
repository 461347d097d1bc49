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

package io.github.tasklens.robustness;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The storm of {@link TaskStormRobustnessTests} with a virtual-thread executor in the mix
 * (Java 21+): one virtual thread per task, each of them a worker that must keep nothing.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadStormRobustnessTests {

	private static final int TASKS = Integer.getInteger("stress.tasks", 1_000_000);

	@Test
	void losesNoVirtualThreadTaskAndCountsEachOnce() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
			.withUserConfiguration(TaskStormRobustnessTests.StormConfiguration.class)
			.withBean("virtualPool", ExecutorService.class, Executors::newVirtualThreadPerTaskExecutor)
			.withPropertyValues("tasklens.inventory.max-tracked=1000000")
			.run((context) -> TaskStormRobustnessTests.runStorm(context, TASKS, "virtualPool", "abortPool",
					"stoppedPool", "scheduler"));
	}

}
