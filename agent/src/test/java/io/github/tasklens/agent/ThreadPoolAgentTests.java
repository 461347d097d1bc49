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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.bootstrap.TaskBridge;
import io.github.tasklens.runtime.TaskRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Pools that no code hands to tasklens, reached by the agent in the JVM these tests run
 * in (failsafe starts it with {@code -javaagent:target/tasklens-agent.jar}).
 */
class ThreadPoolAgentTests {

	private final List<String> submitted = new CopyOnWriteArrayList<>();

	private TaskRuntime runtime;

	@BeforeEach
	void startRuntime() {
		TaskHook hook = new TaskHook() {
			@Override
			public void onSubmit(TaskInfo task) {
				ThreadPoolAgentTests.this.submitted.add(task.executor() + ":" + task.name());
			}
		};
		this.runtime = TaskRuntime.builder().hook(hook).build();
	}

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void theAgentIsAttachedAndTheRuntimeServesIt() {
		assertThat(TaskBridge.attached()).isTrue();
		assertThat(TaskBridge.tracker()).isNotNull();
	}

	@Test
	void aServicesPrivatePoolIsTrackedUnderItsCreatorWithTheSubmittersLabels() throws Exception {
		OrderService service = new OrderService();
		CountDownLatch release = new CountDownLatch(1);
		try {
			Future<String> tenant = TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
					() -> service.pool.submit(() -> {
						release.await();
						return TaskContext.current().labels().get("tenant");
					}));
			TaskInfo running = awaitLive("OrderService", TaskState.RUNNING);
			assertThat(running.labels().get("tenant")).isEqualTo("acme");
			assertThat(running.thread()).isNotNull();
			release.countDown();
			assertThat(tenant.get(10, TimeUnit.SECONDS)).isEqualTo("acme");
			await().atMost(Duration.ofSeconds(10)).until(() -> live("OrderService").isEmpty());
			assertThat(this.submitted).filteredOn((entry) -> entry.startsWith("OrderService:")).hasSize(1);
		}
		finally {
			release.countDown();
			service.pool.shutdownNow();
		}
	}

	@Test
	void aPoolKeepsShowingTheAppsOwnTasks() throws Exception {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
		CountDownLatch release = new CountDownLatch(1);
		try {
			pool.execute(() -> awaitQuietly(release));
			Runnable queued = () -> {
			};
			pool.execute(queued);
			assertThat(pool.getQueue()).containsExactly(queued);
			assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
			}));
			assertThat(pool.getRejectedExecutionHandler()).isInstanceOf(ThreadPoolExecutor.AbortPolicy.class);
			assertThat(pool.remove(queued)).isTrue();
			assertThat(pool.getQueue()).isEmpty();
			Runnable another = () -> {
			};
			pool.execute(another);
			assertThat(pool.shutdownNow()).containsExactly(another);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(live("ThreadPoolAgentTests")).isEmpty());
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aPoolTheRuntimeTracksIsTrackedOnce() throws Exception {
		ExecutorService plain = Executors.newFixedThreadPool(1);
		try {
			ExecutorService tracked = this.runtime.track("jobs", plain);
			tracked.submit(() -> {
			}).get(10, TimeUnit.SECONDS);
			assertThat(this.submitted).filteredOn((entry) -> entry.startsWith("jobs:")).hasSize(1);
			assertThat(this.submitted).as("its own pool does not track the task again")
				.noneMatch((entry) -> entry.startsWith("ThreadPoolAgentTests:"));
		}
		finally {
			plain.shutdownNow();
		}
	}

	@Test
	void aScheduledPoolsTasksAreTrackedAPeriodicOneOnceForAllItsRuns() throws Exception {
		Heartbeat heartbeat = new Heartbeat();
		CountDownLatch threeRuns = new CountDownLatch(3);
		try {
			ScheduledFuture<?> beat = TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
					() -> heartbeat.pool.scheduleAtFixedRate(threeRuns::countDown, 0, 10, TimeUnit.MILLISECONDS));
			assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(live("Heartbeat")).singleElement().satisfies((task) -> {
				assertThat(task.periodic()).isTrue();
				assertThat(task.labels().get("tenant")).isEqualTo("acme");
			});
			assertThat(heartbeat.pool.schedule(() -> TaskContext.current().task().executor(), 0, TimeUnit.SECONDS)
				.get(10, TimeUnit.SECONDS)).isEqualTo("Heartbeat");
			assertThat(this.submitted).filteredOn((entry) -> entry.startsWith("Heartbeat:")).hasSize(2);
			beat.cancel(false);
			await().atMost(Duration.ofSeconds(10)).until(() -> live("Heartbeat").isEmpty());
		}
		finally {
			heartbeat.pool.shutdownNow();
		}
	}

	@Test
	void aCompletableFutureOnTheCommonPoolIsTrackedWithTheSubmittersLabels() throws Exception {
		assertThat(ForkJoinPool.getCommonPoolParallelism()).as("set for this JVM by the build").isGreaterThan(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			CompletableFuture<String> tenant = TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
					() -> CompletableFuture.supplyAsync(() -> {
						awaitQuietly(release);
						return TaskContext.current().labels().get("tenant");
					}));
			TaskInfo running = awaitLive("commonPool", TaskState.RUNNING);
			assertThat(running.labels().get("tenant")).isEqualTo("acme");
			release.countDown();
			assertThat(tenant.get(10, TimeUnit.SECONDS)).isEqualTo("acme");
			await().atMost(Duration.ofSeconds(10)).until(() -> live("commonPool").isEmpty());
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aServicesForkJoinPoolIsNamedAfterItAndItsForksAreNotTasks() throws Exception {
		Crawler crawler = new Crawler();
		try {
			Future<Integer> pages = crawler.pool.submit(() -> new CountDown(8).fork().join());
			assertThat(pages.get(10, TimeUnit.SECONDS)).isEqualTo(8);
			assertThat(this.submitted).filteredOn((entry) -> entry.startsWith("Crawler:")).hasSize(1);
		}
		finally {
			crawler.pool.shutdownNow();
		}
	}

	@Test
	void aRawThreadIsATaskWithItsStartersLabelsAndAPoolsWorkersAreNot() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<String> tenant = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			awaitQuietly(release);
			tenant.set(TaskContext.current().labels().get("tenant"));
		}, "raw-worker");
		TaskContext.withLabels(TaskLabels.of("tenant", "acme"), thread::start);
		try {
			TaskInfo running = awaitLive("ThreadPoolAgentTests", TaskState.RUNNING);
			assertThat(running.thread()).isSameAs(thread);
			assertThat(running.name()).isEqualTo("Thread");
			assertThat(running.labels().get("tenant")).isEqualTo("acme");
		}
		finally {
			release.countDown();
		}
		thread.join(10_000);
		assertThat(tenant.get()).isEqualTo("acme");
		await().atMost(Duration.ofSeconds(10)).until(() -> live("ThreadPoolAgentTests").isEmpty());
		ExecutorService pool = Executors.newFixedThreadPool(1);
		try {
			pool.submit(() -> {
			}).get(10, TimeUnit.SECONDS);
			assertThat(this.submitted).as("a pool's worker thread is no task of its own")
				.noneMatch((entry) -> entry.endsWith(":Thread") && !entry.startsWith("ThreadPoolAgentTests:"));
			assertThat(this.submitted).filteredOn((entry) -> entry.endsWith(":Thread")).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void tasklensOwnThreadsAreNotTasks() {
		// a second runtime starts its watchdog thread while this test's serves the agent
		try (TaskRuntime second = TaskRuntime.builder().serveAgent(false).build()) {
			assertThat(second.registry().liveTasks()).isEmpty();
		}
		assertThat(this.submitted).noneMatch((entry) -> entry.startsWith("Watchdog:"));
		assertThat(live("Watchdog")).isEmpty();
	}

	@Test
	void aThreadSubclassWithItsOwnRunLeavesNothingBehind() throws Exception {
		Thread subclass = new Thread() {
			@Override
			public void run() {
				// runs outside Thread's own run()
			}
		};
		subclass.start();
		subclass.join(10_000);
		await().atMost(Duration.ofSeconds(10)).until(() -> live("ThreadPoolAgentTests").isEmpty());
	}

	private TaskInfo awaitLive(String executor, TaskState state) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> live(executor).stream().anyMatch((task) -> task.state() == state));
		return live(executor).stream().filter((task) -> task.state() == state).findFirst().orElseThrow();
	}

	private List<TaskInfo> live(String executor) {
		return this.runtime.registry().liveTasks().stream().filter((task) -> task.executor().equals(executor)).toList();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class Crawler {

		final ForkJoinPool pool = new ForkJoinPool(2);

	}

	/**
	 * Counts down by forking itself, as a recursive task does.
	 */
	static final class CountDown extends RecursiveTask<Integer> {

		private final int left;

		CountDown(int left) {
			this.left = left;
		}

		@Override
		protected Integer compute() {
			return (this.left == 0) ? 0 : 1 + new CountDown(this.left - 1).fork().join();
		}

	}

	static final class Heartbeat {

		final ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);

	}

	static final class OrderService {

		final ExecutorService pool = Executors.newFixedThreadPool(2);

	}

}
