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
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that a task leaves the registry however it ends, and that the registry holds
 * queued and running tasks while they live.
 */
class TaskRegistryLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withUserConfiguration(PoolsConfiguration.class);

	@Test
	void listsQueuedAndRunningTasksAndForgetsThemWhenTheyEnd() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("abortPool", ExecutorService.class);
			Blocker blocker = new Blocker();
			pool.execute(blocker);
			assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> queued = pool.submit(() -> "queued");
			List<TaskInfo> live = context.getBean(TaskRegistry.class).liveTasks();
			assertThat(live).extracting(TaskInfo::state).containsExactly(TaskState.RUNNING, TaskState.QUEUED);
			assertThat(live.get(0).thread()).isNotNull();
			assertThat(live.get(1).thread()).isNull();
			blocker.release.countDown();
			assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
			Jobs.awaitRegistryEmpty(context);
		});
	}

	@Test
	void forgetsTasksThatThrowAndPassesTheFailureToFinishHooks() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("throwingTasksPool", ExecutorService.class);
			IllegalStateException exception = new IllegalStateException("task failed");
			AssertionError error = new AssertionError("task broke");
			pool.execute(new Throwing(exception));
			pool.execute(new Throwing(error));
			RecordingHook hook = context.getBean(RecordingHook.class);
			hook.awaitFinished("Throwing", 2);
			assertThat(hook.named("finish", "Throwing")).extracting(RecordingHook.Event::failure)
				.containsExactlyInAnyOrder(exception, error);
			Jobs.awaitRegistryEmpty(context);
			PoolsConfiguration pools = context.getBean(PoolsConfiguration.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> pools.uncaught.size() >= 2);
			assertThat(pools.uncaught)
				.as("the exception recovered and handed over, the Error rethrown: each reaches the thread's handler once")
				.containsExactlyInAnyOrder(exception, error);
		});
	}

	@Test
	void withoutRecoveryLetsTheFailureReachTheThreadAsTheJdkDoes() {
		this.runner.withPropertyValues("tasklens.failures.recover=false").run((context) -> {
			ExecutorService pool = context.getBean("throwingTasksPool", ExecutorService.class);
			IllegalStateException exception = new IllegalStateException("task failed");
			pool.execute(new Throwing(exception));
			context.getBean(RecordingHook.class).awaitFinished("Throwing", 1);
			PoolsConfiguration pools = context.getBean(PoolsConfiguration.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !pools.uncaught.isEmpty());
			assertThat(pools.uncaught).containsExactly(exception);
		});
	}

	@Test
	void forgetsATaskCancelledBeforeItsRun() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("abortPool", ExecutorService.class);
			Blocker blocker = new Blocker();
			pool.execute(blocker);
			assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
			AtomicInteger ran = new AtomicInteger();
			Future<?> cancelled = pool.submit(ran::incrementAndGet);
			assertThat(cancelled.cancel(false)).isTrue();
			assertThat(context.getBean(TaskRegistry.class).liveTasks()).hasSize(1);
			blocker.release.countDown();
			Jobs.awaitRegistryEmpty(context);
			assertThat(ran).hasValue(0);
		});
	}

	@Test
	void forgetsATaskCancelledDuringItsRun() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("abortPool", ExecutorService.class);
			Blocker blocker = new Blocker();
			Future<?> running = pool.submit(blocker);
			assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(running.cancel(true)).isTrue();
			Jobs.awaitRegistryEmpty(context);
			assertThat(blocker.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		});
	}

	@Test
	void forgetsTasksTheExecutorRejectsOrDiscards() {
		this.runner.run((context) -> {
			for (String name : List.of("abortPool", "discardPool", "discardOldestPool", "springPool")) {
				java.util.concurrent.Executor pool = context.getBean(name, java.util.concurrent.Executor.class);
				Blocker blocker = new Blocker();
				pool.execute(blocker);
				assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
				AtomicInteger ran = new AtomicInteger();
				pool.execute(ran::incrementAndGet);
				try {
					pool.execute(ran::incrementAndGet);
				}
				catch (RejectedExecutionException ex) {
					assertThat(name).isIn("abortPool", "springPool");
				}
				assertThat(context.getBean(TaskRegistry.class).liveTasks()).as(name).hasSize(2);
				blocker.release.countDown();
				Jobs.awaitRegistryEmpty(context);
				assertThat(ran).as(name).hasValue(1);
			}
		});
	}

	@Test
	void runsTasksTheCallerRunsPolicyGivesBackOnTheCaller() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("callerRunsPool", ExecutorService.class);
			Blocker blocker = new Blocker();
			pool.execute(blocker);
			assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
			pool.execute(() -> {
			});
			Jobs.Job onCaller = new Jobs.Job();
			pool.execute(onCaller);
			assertThat(onCaller.thread).isEqualTo(Thread.currentThread().getName());
			blocker.release.countDown();
			Jobs.awaitLifecycle(context, onCaller);
			Jobs.awaitRegistryEmpty(context);
		});
	}

	@Test
	void forgetsTasksThatShutdownNowReturns() {
		this.runner.run((context) -> {
			assertShutdownNowForgetsQueued(context, context.getBean("abortPool", ExecutorService.class));
			assertShutdownNowForgetsQueued(context, context.getBean("discardPool", ExecutorService.class));
		});
	}

	@Test
	void forgetsTasksThatSpringsShutdownCancels() {
		this.runner.run((context) -> {
			ThreadPoolTaskExecutor pool = context.getBean("springPool", ThreadPoolTaskExecutor.class);
			Blocker blocker = new Blocker();
			pool.execute(blocker);
			assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> queued = pool.submit(() -> "never");
			pool.shutdown();
			assertThat(queued.isCancelled()).isTrue();
			Jobs.awaitRegistryEmpty(context);
		});
	}

	private void assertShutdownNowForgetsQueued(ApplicationContext context, ExecutorService pool)
			throws InterruptedException {
		Blocker blocker = new Blocker();
		pool.execute(blocker);
		assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();
		pool.execute(() -> {
		});
		assertThat(context.getBean(TaskRegistry.class).liveTasks()).hasSize(2);
		List<Runnable> unrun = pool.shutdownNow();
		assertThat(unrun).hasSize(1);
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		Jobs.awaitRegistryEmpty(context);
	}

	static class Throwing implements Runnable {

		private final Throwable failure;

		Throwing(Throwable failure) {
			this.failure = failure;
		}

		@Override
		public void run() {
			if (this.failure instanceof Error failure) {
				throw failure;
			}
			throw (RuntimeException) this.failure;
		}

	}

	static class Blocker implements Runnable {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch interrupted = new CountDownLatch(1);

		@Override
		public void run() {
			this.started.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				this.interrupted.countDown();
				Thread.currentThread().interrupt();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolsConfiguration {

		final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

		@Bean
		ExecutorService throwingTasksPool() {
			return Executors.newFixedThreadPool(2, (task) -> {
				Thread thread = new Thread(task, "throwing-tasks");
				thread.setUncaughtExceptionHandler((t, failure) -> this.uncaught.add(failure));
				return thread;
			});
		}

		@Bean
		ThreadPoolExecutor abortPool() {
			return pool(new ThreadPoolExecutor.AbortPolicy());
		}

		@Bean
		ThreadPoolExecutor discardPool() {
			return pool(new ThreadPoolExecutor.DiscardPolicy());
		}

		@Bean
		ThreadPoolExecutor discardOldestPool() {
			return pool(new ThreadPoolExecutor.DiscardOldestPolicy());
		}

		@Bean
		ThreadPoolExecutor callerRunsPool() {
			return pool(new ThreadPoolExecutor.CallerRunsPolicy());
		}

		@Bean
		ThreadPoolTaskExecutor springPool() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(1);
			executor.setMaxPoolSize(1);
			executor.setQueueCapacity(1);
			return executor;
		}

		private static ThreadPoolExecutor pool(RejectedExecutionHandler handler) {
			return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), handler);
		}

	}

}
