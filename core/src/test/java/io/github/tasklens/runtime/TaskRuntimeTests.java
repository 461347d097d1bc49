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

package io.github.tasklens.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * A runtime started and stopped by plain code, with no Spring on the class path: what a
 * {@code main}, a test and the agent each do.
 */
class TaskRuntimeTests {

	@Test
	void tracksTheTasksOfAPlainPoolWithLabelsHooksAndTheRegistry() throws Exception {
		List<String> started = new CopyOnWriteArrayList<>();
		TaskHook hook = new TaskHook() {
			@Override
			public void onStart(TaskInfo task) {
				started.add(task.executor() + ":" + task.labels().get("tenant"));
			}
		};
		ExecutorService plain = Executors.newFixedThreadPool(2);
		try (TaskRuntime runtime = TaskRuntime.builder()
			.hook(hook)
			.staticLabels(TaskLabels.of("app", "plain"))
			.build()) {
			ExecutorService pool = runtime.track("jobs", plain);
			CountDownLatch release = new CountDownLatch(1);
			Future<TaskLabels> seen = TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> pool.submit(() -> {
				release.await();
				return TaskContext.current().labels();
			}));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> runtime.registry()
					.liveTasks()
					.stream()
					.anyMatch((task) -> task.state() == TaskState.RUNNING));
			TaskInfo running = runtime.registry().liveTasks().get(0);
			assertThat(running.executor()).isEqualTo("jobs");
			assertThat(runtime.registry().decoratedExecutors()).containsKey("jobs");
			release.countDown();
			assertThat(seen.get(10, TimeUnit.SECONDS).get("tenant")).isEqualTo("acme");
			assertThat(seen.get(10, TimeUnit.SECONDS).get("app")).isEqualTo("plain");
			assertThat(started).containsExactly("jobs:acme");
			await().atMost(Duration.ofSeconds(10)).until(() -> runtime.registry().liveTasks().isEmpty());
		}
		finally {
			plain.shutdownNow();
		}
	}

	@Test
	void carriesTheSubmittersMdcPutsLabelsInTheMdcAndCountsInMeters() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ExecutorService plain = Executors.newFixedThreadPool(1);
		try (TaskRuntime runtime = TaskRuntime.builder()
			.propagateContext()
			.labelsInMdc("task.")
			.meters(meters)
			.build()) {
			ExecutorService pool = runtime.track("jobs", plain);
			MDC.put("request", "42");
			Future<String> seen;
			try {
				seen = pool.submit(() -> MDC.get("request") + "/" + MDC.get("task.executor"));
			}
			finally {
				MDC.remove("request");
			}
			assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("42/jobs");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(
						meters.get("tasks.submitted").tag("executor", "jobs").functionCounter().count())
					.isEqualTo(1));
			assertThat(meters.find("executor.pool.size").tag("name", "jobs").gauge()).as("the pool is measured")
				.isNotNull();
		}
		finally {
			plain.shutdownNow();
		}
	}

	@Test
	void twoRuntimesSeeOnlyTheirOwnTasks() throws Exception {
		ExecutorService first = Executors.newSingleThreadExecutor();
		ExecutorService second = Executors.newSingleThreadExecutor();
		CountDownLatch release = new CountDownLatch(1);
		try (TaskRuntime one = TaskRuntime.builder().build(); TaskRuntime two = TaskRuntime.builder().build()) {
			one.track("first", first).execute(() -> awaitQuietly(release));
			two.track("second", second).execute(() -> awaitQuietly(release));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> one.registry().liveTasks().size() == 1 && two.registry().liveTasks().size() == 1);
			assertThat(one.registry().liveTasks()).extracting(TaskInfo::executor).containsExactly("first");
			assertThat(two.registry().liveTasks()).extracting(TaskInfo::executor).containsExactly("second");
		}
		finally {
			release.countDown();
			first.shutdownNow();
			second.shutdownNow();
		}
	}

	@Test
	void itsWatchdogInterruptsATaskPastItsTimeBoxUntilItIsClosed() throws Exception {
		List<Long> overdue = new CopyOnWriteArrayList<>();
		TaskHook hook = new TaskHook() {
			@Override
			public void onOverdue(TaskInfo task) {
				overdue.add(task.id());
			}
		};
		TimeBoxPolicy boxes = new TimeBoxPolicy(TaskTimeBox.of(null, Duration.ofMillis(100), null), Map.of(), Map.of());
		ExecutorService plain = Executors.newSingleThreadExecutor();
		try (TaskRuntime runtime = TaskRuntime.builder().hook(hook).timeBoxes(boxes, Duration.ofMillis(20)).build()) {
			Future<Boolean> interrupted = runtime.track("slow", plain).submit(() -> {
				try {
					new CountDownLatch(1).await();
					return false;
				}
				catch (InterruptedException ex) {
					return true;
				}
			});
			assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(overdue).hasSize(1);
		}
		finally {
			plain.shutdownNow();
		}
	}

	@Test
	void badSettingsAreRefusedNamingWhatIsAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskRuntime.builder().maxTracked(-1))
			.withMessage("Invalid maxTracked -1: 0 or more is allowed");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TaskRuntime.builder().timeBoxes(TimeBoxPolicy.NONE, Duration.ZERO))
			.withMessage("Invalid checkInterval PT0S: a positive duration is allowed");
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
