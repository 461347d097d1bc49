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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import io.github.tasklens.timebox.Watchdog;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for time boxes: overdue tasks found while they run, interrupts that reach only
 * their own task, queued tasks that wait too long.
 */
@ExtendWith(OutputCaptureExtension.class)
class TimeBoxTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withUserConfiguration(PoolsConfiguration.class)
		.withBean(RecordingHook.class)
		.withPropertyValues("tasklens.timebox.check-interval=20ms");

	@Test
	void reportsATaskBlockedForeverAsOverdueWhileItRunsExactlyOnce(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.timebox.warn-after=100ms").run((context) -> {
			CountDownLatch release = new CountDownLatch(1);
			context.getBean("workPool", Executor.class).execute(new BlockedForever(release));
			RecordingHook hook = context.getBean(RecordingHook.class);
			try {
				await().atMost(Duration.ofSeconds(10)).until(() -> hook.of("overdue").size() == 1);
				Event overdue = hook.of("overdue").get(0);
				assertThat(overdue.state()).isEqualTo(TaskState.OVERDUE);
				assertThat(overdue.thread()).isEqualTo("tasklens-watchdog");
				TaskInfo task = context.getBean(TaskRegistry.class).find(overdue.id());
				assertThat(task).isNotNull();
				assertThat(task.state()).isEqualTo(TaskState.OVERDUE);
				assertThat(task.overdue()).isTrue();
				awaitOverdueGauge(context, "workPool", 1);
				Watchdog watchdog = context.getBean(Watchdog.class);
				for (int i = 0; i < 5; i++) {
					assertThat(watchdog.check()).as("a later check finds nothing new").isZero();
				}
				assertThat(hook.of("overdue")).hasSize(1);
				assertThat(output.toString().split("is overdue: running for", -1)).hasSize(2);
				assertThat(output).containsPattern("Task " + overdue.id()
						+ " 'BlockedForever' on executor 'workPool' is overdue: running for \\S+ on thread 'work-1', "
						+ "past its warn-after of 100ms \\{executor=workPool, task=BlockedForever\\}")
					.contains("\tat " + BlockedForever.class.getName() + ".run(TimeBoxTests.java:");
			}
			finally {
				release.countDown();
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> hook.of("finish").size() == 1);
			awaitOverdueGauge(context, "workPool", 0);
		});
	}

	@Test
	void runsOneWatchdogThreadThatStopsWhenTheContextCloses() {
		AtomicReference<Watchdog> watchdog = new AtomicReference<>();
		this.runner.run((context) -> {
			watchdog.set(context.getBean(Watchdog.class));
			assertThat(context).hasSingleBean(Watchdog.class);
			assertThat(watchdog.get().isRunning()).isTrue();
		});
		assertThat(watchdog.get().isRunning()).isFalse();
	}

	@Test
	void interruptsATaskPastInterruptAfterOnceAndItEnds(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.timebox.interrupt-after=100ms").run((context) -> {
			CountDownLatch never = new CountDownLatch(1);
			AtomicBoolean interrupted = new AtomicBoolean();
			Future<?> task = context.getBean("workPool", ThreadPoolTaskExecutor.class).submit(() -> {
				try {
					never.await();
				}
				catch (InterruptedException ex) {
					interrupted.set(true);
				}
			});
			task.get(10, TimeUnit.SECONDS);
			assertThat(interrupted).isTrue();
			RecordingHook hook = context.getBean(RecordingHook.class);
			assertThat(hook.of("overdue")).as("an interrupted run is past its time box").hasSize(1);
			// the watchdog logs the interrupt after delivering it: the task may end first
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output)
					.containsPattern("Task \\d+ '\\S+' on executor 'workPool' interrupted: running for \\S+, "
							+ "past its interrupt-after of 100ms"));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(
						meters.get("tasks.interrupted").tag("executor", "workPool").functionCounter().count())
					.isEqualTo(1));
		});
	}

	@Test
	void clearsItsOwnInterruptWhenItOutlivesTheTask() {
		this.runner.withPropertyValues("tasklens.timebox.interrupt-after=50ms").run((context) -> {
			Executor sameThread = context.getBean("reportingExecutor", Executor.class);
			ReportingExecutor reporting = context.getBean(PoolsConfiguration.class).reporting;
			// the task ignores interrupts: it waits for the watchdog's and ends with the
			// flag still set
			AtomicBoolean sawInterrupt = new AtomicBoolean();
			sameThread.execute(() -> {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
				while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
					Thread.onSpinWait();
				}
				sawInterrupt.set(Thread.currentThread().isInterrupted());
			});
			assertThat(reporting.interruptedAfterTask.poll(10, TimeUnit.SECONDS)).isFalse();
			assertThat(sawInterrupt).isTrue();
		});
	}

	@Test
	void reportsATaskQueuedPastQueueWarnAfterButNeverAPeriodicTaskBetweenRuns(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.timebox.queue-warn-after=100ms").run((context) -> {
			CountDownLatch release = new CountDownLatch(1);
			ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
			ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
			scheduler.scheduleWithFixedDelay(() -> {
			}, Duration.ofHours(1));
			pool.execute(new BlockedForever(release));
			pool.execute(new BlockedForever(release));
			Future<?> queued = pool.submit(new Waiting());
			RecordingHook hook = context.getBean(RecordingHook.class);
			try {
				await().atMost(Duration.ofSeconds(10)).until(() -> !hook.of("overdue").isEmpty());
				// the periodic task was registered before the queued one: had it counted
				// as
				// waiting, it would have passed its box in the same check
				context.getBean(Watchdog.class).check();
				List<Event> overdue = hook.of("overdue");
				assertThat(overdue).extracting(Event::name).containsExactly("Waiting");
				assertThat(overdue.get(0).state()).isEqualTo(TaskState.QUEUED);
				TaskInfo waiting = context.getBean(TaskRegistry.class).find(overdue.get(0).id());
				assertThat(waiting.overdue()).isTrue();
				awaitOverdueGauge(context, "workPool", 1);
				assertThat(output)
					.containsPattern("Task \\d+ 'Waiting' on executor 'workPool' is overdue: queued for \\S+, past its "
							+ "queue-warn-after of 100ms");
			}
			finally {
				release.countDown();
			}
			queued.get(10, TimeUnit.SECONDS);
		});
	}

	private static void awaitOverdueGauge(ApplicationContext context, String executor, int expected) {
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meters.get("tasks.overdue").tag("executor", executor).gauge().value())
				.isEqualTo(expected));
	}

	static class BlockedForever implements Runnable {

		private final CountDownLatch release;

		BlockedForever(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public void run() {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static class Waiting implements Runnable {

		@Override
		public void run() {
		}

	}

	/**
	 * Runs each task on a new thread and reports whether the thread was still interrupted
	 * once the task returned.
	 */
	static class ReportingExecutor implements Executor {

		final BlockingQueue<Boolean> interruptedAfterTask = new LinkedBlockingQueue<>();

		@Override
		public void execute(Runnable task) {
			new Thread(() -> {
				task.run();
				this.interruptedAfterTask.add(Thread.currentThread().isInterrupted());
			}, "reporting").start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolsConfiguration {

		final ReportingExecutor reporting = new ReportingExecutor();

		@Bean
		ThreadPoolTaskExecutor workPool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(2);
			pool.setThreadNamePrefix("work-");
			return pool;
		}

		@Bean
		Executor reportingExecutor() {
			return this.reporting;
		}

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

}
