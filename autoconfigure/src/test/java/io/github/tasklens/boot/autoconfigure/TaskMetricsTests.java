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
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.tasklens.task.TaskChain;
import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.metrics.TaskCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the task meters: names and tags, pool gauges, the accounting at rest and the
 * cap on series.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskMetricsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				TaskExecutorMetricsAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withUserConfiguration(PoolsConfiguration.class)
		.withPropertyValues("spring.task.execution.mode=force");

	@Test
	void timesAndCountsTasksByExecutorAndName() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("userPool", ExecutorService.class);
			pool.submit(new Work()).get(10, TimeUnit.SECONDS);
			pool.submit(new Work()).get(10, TimeUnit.SECONDS);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(meters.get("tasks.run")
					.tags("executor", "userPool", "task", "Work", "outcome", "success")
					.functionTimer()
					.count()).isEqualTo(2));
			assertThat(meters.get("tasks.submitted")
				.tags("executor", "userPool", "task", "Work")
				.functionCounter()
				.count()).isEqualTo(2);
			FunctionTimer waits = meters.get("tasks.wait").tags("executor", "userPool", "task", "Work").functionTimer();
			assertThat(waits.count()).isEqualTo(2);
			assertThat(waits.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			// a function timer's max is a gauge beside it: the longer of two times lies
			// between half their sum and their sum
			double runs = meters.get("tasks.run")
				.tags("executor", "userPool", "task", "Work", "outcome", "success")
				.functionTimer()
				.totalTime(TimeUnit.SECONDS);
			assertThat(meters.get("tasks.run.seconds.max")
				.tags("executor", "userPool", "task", "Work", "outcome", "success")
				.gauge()
				.value()).isBetween(runs / 2, runs);
			double waited = waits.totalTime(TimeUnit.SECONDS);
			assertThat(
					meters.get("tasks.wait.seconds.max").tags("executor", "userPool", "task", "Work").gauge().value())
				.isBetween(waited / 2, waited);
			assertThat(meters.get("tasks.run.seconds.max")
				.tags("executor", "userPool", "task", "Work", "outcome", "failure")
				.gauge()
				.value()).isZero();
			assertThat(
					meters.get("tasks.run").tags("executor", "userPool", "outcome", "failure").functionTimer().count())
				.isZero();
			assertThat(meters.get("tasks.active").tag("executor", "userPool").gauge().value()).isZero();
		});
	}

	@Test
	void recordsRunAndWaitTimesIntoTimersWhenBootsDistributionPropertiesAskForThem() {
		// SLOs and percentiles, which the simple registry keeps; a percentiles histogram
		// it
		// ignores (PrometheusHistogramTests in the sample reads one from a real scrape)
		this.runner
			.withPropertyValues("management.metrics.distribution.slo.tasks.run=1ms,1s",
					"management.metrics.distribution.percentiles.tasks.wait=0.5,0.99",
					"management.metrics.distribution.slo.tasks.wait=50ms,1s")
			.run((context) -> {
				ExecutorService pool = context.getBean("userPool", ExecutorService.class);
				for (int i = 0; i < 3; i++) {
					pool.submit(new Work()).get(10, TimeUnit.SECONDS);
				}
				pool.execute(new Failure());
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(meters.get("tasks.run")
						.tags("executor", "userPool", "task", "Failure", "outcome", "failure")
						.timer()
						.count()).isEqualTo(1));
				Timer runs = meters.get("tasks.run")
					.tags("executor", "userPool", "task", "Work", "outcome", "success")
					.timer();
				assertThat(runs.count()).isEqualTo(3);
				assertThat(runs.max(TimeUnit.NANOSECONDS)).isPositive();
				assertThat(runs.takeSnapshot().histogramCounts()).extracting(CountAtBucket::bucket)
					.containsExactly((double) TimeUnit.MILLISECONDS.toNanos(1), (double) TimeUnit.SECONDS.toNanos(1));
				Timer waits = meters.get("tasks.wait").tags("executor", "userPool", "task", "Work").timer();
				assertThat(waits.count()).isEqualTo(3);
				assertThat(waits.takeSnapshot().percentileValues()).extracting(ValueAtPercentile::percentile)
					.containsExactly(0.5, 0.99);
				assertThat(waits.takeSnapshot().histogramCounts()).extracting(CountAtBucket::bucket)
					.containsExactly((double) TimeUnit.MILLISECONDS.toNanos(50), (double) TimeUnit.SECONDS.toNanos(1));
				assertThat(meters.find("tasks.run").functionTimers()).isEmpty();
				assertThat(meters.find("tasks.run.seconds.max").gauges()).as("the timer has its own max").isEmpty();
				assertThat(meters.find("tasks.wait.seconds.max").gauges()).isEmpty();
			});
	}

	@Test
	void countsATaskCancelledWhileQueuedAsCancelledAndNotAsARun() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("userPool", ExecutorService.class);
			CountDownLatch release = new CountDownLatch(1);
			pool.execute(() -> awaitQuietly(release));
			pool.execute(() -> awaitQuietly(release));
			Future<?> queued = pool.submit(new Work());
			assertThat(queued.cancel(false)).isTrue();
			release.countDown();
			Jobs.awaitRegistryEmpty(context);
			TaskCounters work = context.getBean(TaskChain.class)
				.series()
				.ofExecutor("userPool")
				.stream()
				.filter((counters) -> List.of(counters.tagValues()).contains("Work"))
				.findFirst()
				.orElseThrow();
			assertThat(work.submittedCount()).isEqualTo(1);
			assertThat(work.cancelledCount()).isEqualTo(1);
			assertThat(work.runCount(true) + work.runCount(false)).isZero();
		});
	}

	@Test
	void gaugesTheRunningAndQueuedTasksOfEachExecutor() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("userPool", ExecutorService.class);
			CountDownLatch release = new CountDownLatch(1);
			for (int i = 0; i < 5; i++) {
				pool.execute(() -> awaitQuietly(release));
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(meters.get("tasks.active").tag("executor", "userPool").gauge().value()).isEqualTo(2);
				assertThat(meters.get("tasks.queued").tag("executor", "userPool").gauge().value()).isEqualTo(3);
			});
			release.countDown();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(meters.get("tasks.active").tag("executor", "userPool").gauge().value())
					.isZero());
		});
	}

	@Test
	void bindsMicrometersPoolGaugesOnceForEveryDecoratedPool() {
		this.runner.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("executor.pool.size").tag("name", "userPool").gauges())
				.as("a pool Boot does not bind")
				.hasSize(1);
			assertThat(meters.find("executor.pool.size").tag("name", "applicationTaskExecutor").gauges())
				.as("a pool Boot binds, not bound again")
				.hasSize(1);
			assertThat(meters.find("executor.pool.max").tag("name", "userPool").gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void bindsNoMetersWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class.getPackageName())).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("tasklensTaskMeterBinder");
			context.getBean("userPool", ExecutorService.class).submit(new Work()).get(10, TimeUnit.SECONDS);
		});
	}

	@Test
	void keepsTheAccountsBalancedAfterMixedTasks() {
		this.runner.withPropertyValues("tasklens.failures.log=false").run((context) -> {
			ExecutorService pool = context.getBean("boundedPool", ExecutorService.class);
			int total = 100_000;
			AtomicInteger succeeded = new AtomicInteger();
			int failing = 0;
			int rejected = 0;
			int cancelledBeforeRun = 0;
			ThreadLocalRandom random = ThreadLocalRandom.current();
			for (int i = 0; i < total; i++) {
				int kind = random.nextInt(10);
				try {
					if (kind == 0) {
						pool.execute(new Failure());
						failing++;
					}
					else if (kind == 1) {
						Future<?> future = pool.submit(new Work());
						if (future.cancel(false) && !future.isDone()) {
							cancelledBeforeRun++;
						}
					}
					else {
						pool.execute(succeeded::incrementAndGet);
					}
				}
				catch (RejectedExecutionException ex) {
					rejected++;
				}
			}
			Jobs.awaitRegistryEmpty(context);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ((ThreadPoolExecutor) context.getBean(PoolsConfiguration.class).bounded)
					.getActiveCount() == 0);
			long submitted = sum(context, TaskCounters::submittedCount);
			long ok = sum(context, TaskCounters::succeededCount);
			long failed = sum(context, TaskCounters::failedCount);
			long cancelled = sum(context, TaskCounters::cancelledCount);
			long refused = sum(context, (counters) -> counters.rejectedCount(RejectReason.EXECUTOR));
			assertThat(submitted).isEqualTo(total);
			assertThat(submitted).as("submitted = succeeded + failed + cancelled + rejected + live")
				.isEqualTo(ok + failed + cancelled + refused + 0);
			assertThat(refused).isEqualTo(rejected).isPositive();
			assertThat(failed).isEqualTo(failing);
			assertThat(cancelled).isGreaterThanOrEqualTo(cancelledBeforeRun);
			assertThat(ok).isGreaterThanOrEqualTo(succeeded.get());
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("tasks.submitted")
				.tag("executor", "boundedPool")
				.functionCounters()
				.stream()
				.mapToDouble(FunctionCounter::count)
				.sum()).isEqualTo(total);
			assertThat(meters.get("tasks.rejected")
				.tags("executor", "boundedPool", "reason", "executor")
				.functionCounters()
				.stream()
				.mapToDouble(FunctionCounter::count)
				.sum()).isEqualTo(rejected);
		});
	}

	@Test
	void capsTheSeriesOfAnExecutorAndCountsTheRestAsOther() {
		this.runner.run((context) -> {
			ThreadPoolTaskExecutor pool = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
			int names = 10_000;
			CountDownLatch done = new CountDownLatch(names);
			for (int i = 0; i < names; i++) {
				pool.submit(new Named("Job" + i, done));
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Collection<FunctionCounter> submitted = meters.find("tasks.submitted")
				.tag("executor", "applicationTaskExecutor")
				.functionCounters();
			assertThat(submitted).hasSize(101);
			assertThat(meters.get("tasks.submitted")
				.tags("executor", "applicationTaskExecutor", "task", "other")
				.functionCounter()
				.count()).isEqualTo(names - 100);
			assertThat(meters.find("tasks.run").tag("executor", "applicationTaskExecutor").functionTimers())
				.hasSize(2 * 101);
		});
	}

	@Test
	void keepsTheCountsOfThreadsThatHaveEnded() {
		countsTasksOnThreadsThatEnd(this.runner, false);
	}

	/**
	 * Run tasks each on a thread of its own that ends after it, more threads than are
	 * ever alive together: the counts kept per thread must all be there afterwards,
	 * whether or not the threads' cells were folded yet.
	 * @param runner a runner with the metrics auto-configuration
	 * @param virtual whether the threads are virtual
	 */
	static void countsTasksOnThreadsThatEnd(ApplicationContextRunner runner, boolean virtual) {
		runner.withBean("threadPerTask", SimpleAsyncTaskExecutor.class, () -> {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("per-task-");
			executor.setVirtualThreads(virtual);
			return executor;
		}).run((context) -> {
			SimpleAsyncTaskExecutor executor = context.getBean("threadPerTask", SimpleAsyncTaskExecutor.class);
			int tasks = 500;
			CountDownLatch done = new CountDownLatch(tasks);
			for (int i = 0; i < tasks; i++) {
				executor.execute(new Named("Short", done));
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(meters.get("tasks.run")
					.tags("executor", "threadPerTask", "task", "Named", "outcome", "success")
					.functionTimer()
					.count()).isEqualTo(tasks));
			assertThat(meters.get("tasks.submitted")
				.tags("executor", "threadPerTask", "task", "Named")
				.functionCounter()
				.count()).isEqualTo(tasks);
			FunctionTimer waits = meters.get("tasks.wait")
				.tags("executor", "threadPerTask", "task", "Named")
				.functionTimer();
			assertThat(waits.count()).isEqualTo(tasks);
			assertThat(waits.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		});
	}

	private static long sum(ApplicationContext context, java.util.function.ToLongFunction<TaskCounters> count) {
		return context.getBean(TaskChain.class).series().ofExecutor("boundedPool").stream().mapToLong(count).sum();
	}

	@Test
	void registersEachFailureMeterOnceWhenManyThreadsFailWithANewExceptionAtOnce(CapturedOutput output) {
		List<Supplier<RuntimeException>> kinds = List.of(IllegalStateException::new, IllegalArgumentException::new,
				UnsupportedOperationException::new, ArithmeticException::new, ArrayStoreException::new,
				NegativeArraySizeException::new, ClassCastException::new, SecurityException::new);
		// a race: each fresh context is one more chance for two threads to meet
		for (int round = 0; round < 4; round++) {
			// failures not logged: the log's lock would otherwise space the threads out
			this.runner.withUserConfiguration(WidePoolConfiguration.class)
				.withPropertyValues("tasklens.failures.log=false")
				.run((context) -> {
					ExecutorService pool = context.getBean("widePool", ExecutorService.class);
					for (Supplier<RuntimeException> kind : kinds) {
						// the eight workers throw the same new exception type at the same
						// moment
						CyclicBarrier together = new CyclicBarrier(WidePoolConfiguration.THREADS);
						for (int i = 0; i < WidePoolConfiguration.THREADS; i++) {
							pool.execute(() -> {
								awaitQuietly(together);
								throw kind.get();
							});
						}
					}
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
						for (Supplier<RuntimeException> kind : kinds) {
							String exception = kind.get().getClass().getSimpleName();
							assertThat(meters.find("tasks.failures")
								.tags("executor", "widePool", "exception", exception)
								.functionCounters()).singleElement()
								.satisfies((counter) -> assertThat(counter.count())
									.isEqualTo(WidePoolConfiguration.THREADS));
						}
					});
				});
		}
		assertThat(output).doesNotContain("already registered");
	}

	private static void awaitQuietly(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class Work implements Runnable {

		@Override
		public void run() {
		}

	}

	static class Failure implements Runnable {

		@Override
		public void run() {
			throw new IllegalStateException("expected");
		}

	}

	/**
	 * A task named by its {@code toString()}, as tasklens names a task that a
	 * {@code FutureTask} hides.
	 */
	static class Named implements Runnable {

		private final String name;

		private final CountDownLatch done;

		Named(String name, CountDownLatch done) {
			this.name = name;
			this.done = done;
		}

		@Override
		public void run() {
			this.done.countDown();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WidePoolConfiguration {

		static final int THREADS = 8;

		@Bean
		ExecutorService widePool() {
			return Executors.newFixedThreadPool(THREADS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolsConfiguration {

		volatile ExecutorService bounded;

		@Bean
		ExecutorService userPool() {
			return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(20_000));
		}

		@Bean
		ExecutorService boundedPool() {
			this.bounded = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000));
			return this.bounded;
		}

	}

}
