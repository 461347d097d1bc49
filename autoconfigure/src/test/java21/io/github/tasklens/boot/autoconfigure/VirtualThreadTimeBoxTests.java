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

package io.github.tasklens.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskState;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for time boxes on virtual threads (Java 21+): found overdue with the virtual
 * thread's stack, interrupted, and ended.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadTimeBoxTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withBean("virtualPool", ExecutorService.class, Executors::newVirtualThreadPerTaskExecutor)
		.withBean(RecordingHook.class)
		.withPropertyValues("tasklens.timebox.check-interval=20ms", "tasklens.timebox.warn-after=50ms",
				"tasklens.timebox.interrupt-after=300ms");

	@Test
	void reportsAVirtualThreadTaskOverdueThenInterruptsIt() {
		this.runner.run((context) -> {
			CountDownLatch never = new CountDownLatch(1);
			Future<String> task = context.getBean("virtualPool", ExecutorService.class).submit(() -> {
				try {
					never.await();
					return "released";
				}
				catch (InterruptedException ex) {
					return "interrupted on a " + (Thread.currentThread().isVirtual() ? "virtual" : "platform")
							+ " thread";
				}
			});
			RecordingHook hook = context.getBean(RecordingHook.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> hook.of("overdue").size() == 1);
			Event overdue = hook.of("overdue").get(0);
			assertThat(overdue.state()).isEqualTo(TaskState.OVERDUE);
			assertThat(task.get(10, TimeUnit.SECONDS)).isEqualTo("interrupted on a virtual thread");
			assertThat(hook.of("overdue")).hasSize(1);
		});
	}

}
