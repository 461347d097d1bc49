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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.StateCounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for in-flight limits: reject, block, never a deadlock, exact under concurrency,
 * and periodic runs skipped rather than blocked.
 */
class InFlightLimitTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withUserConfiguration(PoolConfiguration.class);

	@Test
	void rejectsATaskOverItsExecutorsLimitAndCountsIt() {
		this.runner.withPropertyValues("tasklens.limits.executors.[workPool].max-in-flight=2").run((context) -> {
			ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
			CountDownLatch release = new CountDownLatch(1);
			pool.execute(() -> awaitQuietly(release));
			pool.execute(() -> awaitQuietly(release));
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}))
				.havingCause()
				.withMessageContaining("2 task(s) in flight reach tasklens.limits.executors.[workPool].max-in-flight");
			assertThat(rejectedByLimit(context, "workPool")).isEqualTo(1);
			release.countDown();
			await().atMost(WAIT).until(() -> live(context, "workPool") == 0);
			pool.submit(() -> "room again").get(10, TimeUnit.SECONDS);
		});
	}

	@Test
	void makesTheSubmitterWaitUntilATaskEndsWhenItBlocks() {
		this.runner
			.withPropertyValues("tasklens.limits.executors.[workPool].max-in-flight=1",
					"tasklens.limits.executors.[workPool].on-limit=block")
			.run((context) -> {
				ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
				CountDownLatch release = new CountDownLatch(1);
				pool.execute(() -> awaitQuietly(release));
				AtomicReference<Thread> submitter = new AtomicReference<>();
				CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
					submitter.set(Thread.currentThread());
					return pool.submitCompletable(() -> "second").join();
				});
				await().atMost(WAIT)
					.until(() -> submitter.get() != null && submitter.get().getState() == Thread.State.TIMED_WAITING);
				assertThat(second).isNotDone();
				release.countDown();
				assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
				assertThat(rejectedByLimit(context, "workPool")).isZero();
			});
	}

	@Test
	void refusesAtOnceASubmitterWhoseWaitWouldCloseACycleAcrossTwoExecutorsLimits() {
		this.runner.withBean("otherPool", ThreadPoolTaskExecutor.class, () -> {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(4);
			pool.setThreadNamePrefix("other-");
			return pool;
		})
			.withPropertyValues("tasklens.limits.executors.[workPool].max-in-flight=1",
					"tasklens.limits.executors.[workPool].on-limit=block",
					"tasklens.limits.executors.[workPool].block-timeout=60s",
					"tasklens.limits.executors.[otherPool].max-in-flight=1",
					"tasklens.limits.executors.[otherPool].on-limit=block",
					"tasklens.limits.executors.[otherPool].block-timeout=60s")
			.run((context) -> {
				ThreadPoolTaskExecutor work = context.getBean("workPool", ThreadPoolTaskExecutor.class);
				ThreadPoolTaskExecutor other = context.getBean("otherPool", ThreadPoolTaskExecutor.class);
				CountDownLatch otherWaits = new CountDownLatch(1);
				AtomicReference<Thread> otherThread = new AtomicReference<>();
				AtomicReference<Throwable> refused = new AtomicReference<>();
				CountDownLatch workTaskEnded = new CountDownLatch(1);
				CountDownLatch workTaskHolds = new CountDownLatch(1);
				// a task of workPool holds workPool's only permit...
				work.execute(() -> {
					workTaskHolds.countDown();
					awaitQuietly(otherWaits);
					// ...and submits to otherPool, whose task waits for workPool's permit
					try {
						other.execute(() -> {
						});
					}
					catch (TaskRejectedException ex) {
						refused.set(ex);
					}
					workTaskEnded.countDown();
				});
				assertThat(workTaskHolds.await(10, TimeUnit.SECONDS)).isTrue();
				CountDownLatch nestedRan = new CountDownLatch(1);
				other.execute(() -> {
					otherThread.set(Thread.currentThread());
					work.execute(nestedRan::countDown);
				});
				await().atMost(WAIT)
					.until(() -> otherThread.get() != null
							&& otherThread.get().getState() == Thread.State.TIMED_WAITING);
				otherWaits.countDown();
				assertThat(workTaskEnded.await(10, TimeUnit.SECONDS)).as("refused at once, not after 60s").isTrue();
				assertThat(refused.get()).isNotNull()
					.rootCause()
					.hasMessageContaining("tasklens.limits.executors.[workPool]")
					.hasMessageContaining("could deadlock");
				assertThat(nestedRan.await(10, TimeUnit.SECONDS)).as("the waiting task went on").isTrue();
			});
	}

	@Test
	void rejectsABlockedSubmitterAfterBlockTimeout() {
		this.runner
			.withPropertyValues("tasklens.limits.tasks.[slow].max-in-flight=1",
					"tasklens.limits.tasks.[slow].on-limit=block", "tasklens.limits.tasks.[slow].block-timeout=50ms")
			.run((context) -> {
				ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
				CountDownLatch release = new CountDownLatch(1);
				pool.execute(new Slow(release));
				try {
					assertThatExceptionOfType(TaskRejectedException.class)
						.isThrownBy(() -> pool.execute(new Slow(release)))
						.havingCause()
						.withMessageContaining(
								"no task ended within tasklens.limits.tasks.[slow].block-timeout (50ms)");
					assertThat(rejectedByLimit(context, "workPool")).isEqualTo(1);
					pool.execute(() -> {
					});
				}
				finally {
					release.countDown();
				}
			});
	}

	@Test
	void refusesRatherThanBlocksATaskSubmittingToItsOwnLimitedExecutor() {
		this.runner
			.withPropertyValues("tasklens.limits.executors.[workPool].max-in-flight=1",
					"tasklens.limits.executors.[workPool].on-limit=block",
					"tasklens.limits.executors.[workPool].block-timeout=1h")
			.run((context) -> {
				ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
				Future<String> outer = pool.submit(() -> {
					try {
						pool.execute(() -> {
						});
						return "not refused";
					}
					catch (TaskRejectedException ex) {
						// Spring's executor wraps tasklens's refusal in its own
						return String.valueOf(ex.getCause());
					}
				});
				assertThat(outer.get(10, TimeUnit.SECONDS)).contains("could deadlock");
			});
	}

	@Test
	void neverLetsMoreTasksInFlightThanTheLimitUnderConcurrentSubmitters() throws Exception {
		this.runner
			.withPropertyValues("tasklens.limits.executors.[workPool].max-in-flight=3",
					"tasklens.limits.executors.[workPool].on-limit=block")
			.run((context) -> {
				ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
				LiveTaskRegistry registry = context.getBean(LiveTaskRegistry.class);
				AtomicInteger mostInFlight = new AtomicInteger();
				AtomicInteger ran = new AtomicInteger();
				ExecutorService submitters = Executors.newFixedThreadPool(8);
				try {
					List<Future<?>> done = new ArrayList<>();
					for (int s = 0; s < 8; s++) {
						done.add(submitters.submit(() -> {
							for (int i = 0; i < 100; i++) {
								pool.execute(() -> {
									StateCounts counts = registry.countsByExecutor()
										.getOrDefault("workPool", StateCounts.NONE);
									mostInFlight.accumulateAndGet(counts.live(), Math::max);
									ran.incrementAndGet();
								});
							}
						}));
					}
					for (Future<?> submitter : done) {
						submitter.get(60, TimeUnit.SECONDS);
					}
				}
				finally {
					submitters.shutdown();
				}
				await().atMost(WAIT).until(() -> ran.get() == 800);
				assertThat(mostInFlight.get()).isBetween(1, 3);
				assertThat(rejectedByLimit(context, "workPool")).isZero();
			});
	}

	@Test
	void skipsAPeriodicRunOverItsLimitAndCountsItWithoutBlockingTheScheduler() {
		assertSkipsPeriodicRunsOverTheLimit(this.runner);
	}

	@Test
	void skipsAPeriodicRunOverItsLimitOnASimpleAsyncTaskScheduler() {
		assertSkipsPeriodicRunsOverTheLimit(
				this.runner.withBean("taskScheduler", SimpleAsyncTaskScheduler.class, SimpleAsyncTaskScheduler::new));
	}

	private static void assertSkipsPeriodicRunsOverTheLimit(ApplicationContextRunner runner) {
		runner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(ScheduledMethodTrackingTests.TickerConfiguration.class)
			.withPropertyValues("spring.task.scheduling.pool.size=2",
					"tasklens.limits.executors.[taskScheduler].max-in-flight=1",
					"tasklens.limits.executors.[taskScheduler].on-limit=block")
			.run((context) -> {
				ScheduledMethodTrackingTests.Ticker ticker = context.getBean(ScheduledMethodTrackingTests.Ticker.class);
				await().atMost(WAIT).until(() -> ticker.rate.get() > 0);
				CountDownLatch holding = new CountDownLatch(1);
				CountDownLatch release = new CountDownLatch(1);
				context.getBean("taskScheduler", Executor.class).execute(() -> {
					holding.countDown();
					awaitQuietly(release);
				});
				try {
					assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
					int ticks = ticker.rate.get();
					await().atMost(WAIT).until(() -> rejectedByLimit(context, "taskScheduler") >= 3);
					assertThat(ticker.rate).as("no run while the limit is full").hasValue(ticks);
				}
				finally {
					release.countDown();
				}
				int ticks = ticker.rate.get();
				await().atMost(WAIT).until(() -> ticker.rate.get() > ticks);
			});
	}

	private static double rejectedByLimit(ApplicationContext context, String executor) {
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		return meters.find("tasks.rejected")
			.tags("executor", executor, "reason", "limit")
			.functionCounters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private static int live(ApplicationContext context, String executor) {
		return context.getBean(LiveTaskRegistry.class)
			.countsByExecutor()
			.getOrDefault(executor, StateCounts.NONE)
			.live();
	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class Slow implements Runnable {

		private final CountDownLatch release;

		Slow(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public void run() {
			awaitQuietly(this.release);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolConfiguration {

		@Bean
		ThreadPoolTaskExecutor workPool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(4);
			pool.setThreadNamePrefix("work-");
			return pool;
		}

	}

}
