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
package io.github.tasklens.agent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.runtime.TaskRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Virtual threads, however started, are tracked tasks with the labels of the code that
 * started them.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadAgentTests {

	@Test
	void aVirtualThreadStartedByHandIsATaskWithItsStartersLabels() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<String> tenant = new AtomicReference<>();
		try (TaskRuntime runtime = TaskRuntime.builder().build()) {
			Thread thread = TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> Thread.ofVirtual().start(() -> {
				awaitQuietly(release);
				tenant.set(TaskContext.current().labels().get("tenant"));
			}));
			TaskInfo running = awaitRunning(runtime, "VirtualThreadAgentTests");
			assertThat(running.thread()).isSameAs(thread);
			assertThat(running.labels().get("tenant")).isEqualTo("acme");
			release.countDown();
			thread.join(10_000);
			assertThat(tenant.get()).isEqualTo("acme");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> runtime.registry().liveTasks().stream().noneMatch((task) -> task.thread() == thread));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void theTimersAndTheSchedulerOfVirtualThreadsAreNotTasks() throws Exception {
		List<String> submitted = new CopyOnWriteArrayList<>();
		TaskHook hook = new TaskHook() {
			@Override
			public void onSubmit(TaskInfo task) {
				submitted.add(task.executor());
			}
		};
		try (TaskRuntime runtime = TaskRuntime.builder().hook(hook).build()) {
			// a timed park schedules the thread's unpark on the JDK's timer pool, and each
			// mount is a task of the scheduler's fork-join pool
			Thread thread = Thread.ofVirtual().start(() -> LockSupport.parkNanos(Duration.ofMillis(20).toNanos()));
			thread.join(10_000);
			assertThat(thread.isAlive()).isFalse();
			assertThat(submitted).filteredOn((executor) -> !executor.equals("InternalExecutorServiceFactory"))
				.containsExactly("VirtualThreadAgentTests");
		}
	}

	@Test
	void aVirtualThreadPerTaskExecutorsTasksAreTasksNamedAfterTheirSubmitter() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (TaskRuntime runtime = TaskRuntime.builder().build();
				ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Boolean> virtual = perTask.submit(() -> {
				awaitQuietly(release);
				return Thread.currentThread().isVirtual();
			});
			TaskInfo running = awaitRunning(runtime, "VirtualThreadAgentTests");
			assertThat(running.thread().isVirtual()).isTrue();
			release.countDown();
			assertThat(virtual.get(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			release.countDown();
		}
	}

	private static TaskInfo awaitRunning(TaskRuntime runtime, String executor) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> runtime.registry()
				.liveTasks()
				.stream()
				.anyMatch((task) -> task.executor().equals(executor) && task.state() == TaskState.RUNNING));
		return runtime.registry()
			.liveTasks()
			.stream()
			.filter((task) -> task.executor().equals(executor) && task.state() == TaskState.RUNNING)
			.findFirst()
			.orElseThrow();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
