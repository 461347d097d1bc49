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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests that every failure of a decorated task is counted once, logged once, and seen by
 * {@code onFinish}, on each path it can take.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
						TaskExecutionAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withUserConfiguration(FailingConfiguration.class)
		.withPropertyValues("spring.task.execution.mode=force");

	@Test
	void countsAndLogsARunnableThatThrowsUnderExecuteAndKeepsTheWorker(CapturedOutput output) {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("failingPool", ExecutorService.class);
			pool.execute(new Failing("boom-execute"));
			Event finish = awaitFailure(context, "Failing");
			assertThat(finish.failure()).hasMessage("boom-execute");
			assertFailure(context, output, "failingPool", "Failing", "IllegalStateException", "boom-execute");
			assertThat(pool.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
				.as("the worker survived")
				.isEqualTo(finish.thread());
			assertThat(context.getBean(FailingConfiguration.class).uncaught)
				.as("the handler of the app's thread factory still received it, once")
				.containsExactly(finish.failure());
		});
	}

	@Test
	void handsARecoveredFailureToTheJvmsDefaultHandlerTheAppInstalledOnce(CapturedOutput output) {
		List<Throwable> received = new CopyOnWriteArrayList<>();
		CountDownLatch handled = new CountDownLatch(1);
		Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("plainPool", ExecutorService.class);
			// waited for with a latch: Awaitility puts a default handler of its own in
			// place
			// while it waits
			Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> {
				received.add(ex);
				handled.countDown();
			});
			try {
				pool.execute(new Failing("boom-default-handler"));
				assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
			}
			finally {
				Thread.setDefaultUncaughtExceptionHandler(previous);
			}
			Event finish = awaitFailure(context, "Failing");
			assertThat(pool.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
				.as("the worker survived")
				.isEqualTo(finish.thread());
			assertThat(received).containsExactly(finish.failure());
			assertFailure(context, output, "plainPool", "Failing", "IllegalStateException", "boom-default-handler");
		});
	}

	@Test
	void leavesARunnablesFailureToTheAppsHandlerAloneWhenNotRecovering(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.failures.recover=false").run((context) -> {
			ExecutorService pool = context.getBean("failingPool", ExecutorService.class);
			pool.execute(new Failing("boom-not-recovered"));
			Event finish = awaitFailure(context, "Failing");
			List<Throwable> uncaught = context.getBean(FailingConfiguration.class).uncaught;
			await().atMost(Duration.ofSeconds(10)).until(() -> !uncaught.isEmpty());
			assertThat(uncaught).as("the JVM handed it over, and tasklens did not too")
				.containsExactly(finish.failure());
			assertFailure(context, output, "failingPool", "Failing", "IllegalStateException", "boom-not-recovered");
		});
	}

	@Test
	void countsAndLogsACallableThatThrowsUnderSubmitFromTheFuturesOutcome(CapturedOutput output) {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("failingPool", ExecutorService.class);
			Future<?> future = pool.submit(new FailingCall("boom-submit"));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
				.withRootCauseInstanceOf(IllegalArgumentException.class);
			assertThat(awaitFailure(context, "FailingCall").failure()).hasMessage("boom-submit");
			assertFailure(context, output, "failingPool", "FailingCall", "IllegalArgumentException", "boom-submit");
		});
	}

	@Test
	void countsAndLogsAnAsyncVoidMethodOnceInsteadOfSpringsHandler(CapturedOutput output) {
		this.runner.run((context) -> {
			context.getBean(FailingService.class).voidMethod("boom-async-void");
			assertThat(awaitFailure(context, "FailingService.voidMethod").failure()).hasMessage("boom-async-void");
			assertFailure(context, output, "applicationTaskExecutor", "FailingService.voidMethod",
					"IllegalStateException", "boom-async-void");
		});
	}

	@Test
	void countsAnAsyncVoidMethodAndStillCallsTheAppsOwnHandler(CapturedOutput output) {
		this.runner.withBean(HandledFailures.class)
			.withUserConfiguration(AppHandlerConfiguration.class)
			.run((context) -> {
				context.getBean(FailingService.class).voidMethod("boom-app-handler");
				awaitFailure(context, "FailingService.voidMethod");
				// Boot wraps the app's AsyncConfigurer, so the failures it saw are a bean
				// of their own
				HandledFailures handler = context.getBean(HandledFailures.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> !handler.handled.isEmpty());
				assertThat(handler.handled).singleElement()
					.satisfies((ex) -> assertThat(ex).hasMessage("boom-app-handler"));
				assertFailure(context, output, "applicationTaskExecutor", "FailingService.voidMethod",
						"IllegalStateException", "boom-app-handler");
			});
	}

	@Test
	void countsAndLogsAnAsyncMethodReturningAFuture(CapturedOutput output) {
		this.runner.run((context) -> {
			Future<String> future = context.getBean(FailingService.class).futureMethod("boom-async-future");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS));
			assertThat(awaitFailure(context, "FailingService.futureMethod").failure()).hasMessage("boom-async-future");
			assertFailure(context, output, "applicationTaskExecutor", "FailingService.futureMethod",
					"IllegalStateException", "boom-async-future");
		});
	}

	@Test
	void countsAndLogsAnAsyncMethodReturningACompletableFuture(CapturedOutput output) {
		this.runner.run((context) -> {
			CompletableFuture<String> future = context.getBean(FailingService.class)
				.completableMethod("boom-async-completable");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS));
			assertThat(awaitFailure(context, "FailingService.completableMethod").failure())
				.hasMessage("boom-async-completable");
			assertFailure(context, output, "applicationTaskExecutor", "FailingService.completableMethod",
					"IllegalStateException", "boom-async-completable");
		});
	}

	@Test
	void countsEachFailedRunOfAScheduledMethodWhichKeepsRepeating(CapturedOutput output) {
		this.runner.withUserConfiguration(ScheduledConfiguration.class).run((context) -> {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(RecordingHook.class).named("finish", "FailingJob.tick").size() >= 3);
			stop(context.getBean(ThreadPoolTaskScheduler.class));
			List<Event> finishes = context.getBean(RecordingHook.class).named("finish", "FailingJob.tick");
			assertThat(finishes).allSatisfy((finish) -> assertThat(finish.failure()).hasMessage("boom-scheduled"));
			assertThat(failures(context, "taskScheduler", "FailingJob.tick", "IllegalStateException"))
				.isEqualTo(finishes.size());
			assertThat(occurrences(output, "boom-scheduled")).as("one log line per failed run")
				.isEqualTo(finishes.size());
			assertThat(context.getBean(ScheduledConfiguration.class).handled).isEmpty();
		});
	}

	@Test
	void countsAScheduledMethodsFailureAndStillCallsTheSchedulersOwnErrorHandler(CapturedOutput output) {
		this.runner.withUserConfiguration(ScheduledConfiguration.class)
			.withPropertyValues("test.scheduler.error-handler=true")
			.run((context) -> {
				ScheduledConfiguration scheduled = context.getBean(ScheduledConfiguration.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> scheduled.handled.size() >= 2);
				stop(context.getBean(ThreadPoolTaskScheduler.class));
				List<Event> finishes = context.getBean(RecordingHook.class).named("finish", "FailingJob.tick");
				assertThat(failures(context, "taskScheduler", "FailingJob.tick", "IllegalStateException"))
					.isEqualTo(finishes.size());
				assertThat(scheduled.handled).hasSameSizeAs(finishes);
			});
	}

	@Test
	void keepsAOneShotScheduledTasksFailureInItsFutureAndCountsIt(CapturedOutput output) {
		this.runner.withUserConfiguration(SchedulerConfiguration.class).run((context) -> {
			ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
			ScheduledFuture<?> future = scheduler.schedule(new Failing("boom-one-shot"), Instant.now());
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class);
			awaitFailure(context, "Failing");
			assertFailure(context, output, "taskScheduler", "Failing", "IllegalStateException", "boom-one-shot");
		});
	}

	@Test
	void countsAndRethrowsAnErrorUnchangedAndKeepsTheInterruptStatus(CapturedOutput output) {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("failingPool", ExecutorService.class);
			AssertionError error = new AssertionError("boom-error");
			pool.execute(new Interrupting(error));
			awaitFailure(context, "Interrupting");
			FailingConfiguration pools = context.getBean(FailingConfiguration.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !pools.uncaught.isEmpty());
			assertThat(pools.uncaught).containsExactly(error);
			assertThat(pools.interruptedAtFinish).containsExactly(true);
			assertThat(failures(context, "failingPool", "Interrupting", "AssertionError")).isOne();
		});
	}

	@Test
	void countsWithoutLoggingWhenLoggingIsOffAndLeavesSpringsHandlerToLog(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.failures.log=false").run((context) -> {
			ExecutorService pool = context.getBean("failingPool", ExecutorService.class);
			pool.execute(new Failing("boom-unlogged"));
			context.getBean(FailingService.class).voidMethod("boom-spring-logs");
			awaitFailure(context, "Failing");
			awaitFailure(context, "FailingService.voidMethod");
			assertThat(failures(context, "failingPool", "Failing", "IllegalStateException")).isOne();
			assertThat(
					failures(context, "applicationTaskExecutor", "FailingService.voidMethod", "IllegalStateException"))
				.isOne();
			assertThat(occurrences(output, "boom-unlogged")).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> occurrences(output, "boom-spring-logs") == 1);
			assertThat(output).doesNotContain("io.github.tasklens.TaskFailure");
		});
	}

	@Test
	void doesNotCountACompletableFutureSuppliedOutsideAsyncWhichTheJdkHides() {
		this.runner.run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
			CompletableFuture<Object> future = CompletableFuture.supplyAsync(() -> {
				throw new IllegalStateException("boom-hidden");
			}, executor);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS));
			List<Event> finishes = context.getBean(RecordingHook.class).awaitFinished("AsyncSupply", 1);
			assertThat(finishes).singleElement().satisfies((finish) -> assertThat(finish.failure()).isNull());
			assertThat(context.getBean(MeterRegistry.class).find("tasks.failures").meters()).isEmpty();
		});
	}

	/**
	 * Stop a scheduler and wait for the run in progress, so that counts are final.
	 */
	private static void stop(ThreadPoolTaskScheduler scheduler) throws InterruptedException {
		scheduler.shutdown();
		assertThat(scheduler.getScheduledExecutor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	private static Event awaitFailure(ApplicationContext context, String name) {
		RecordingHook hook = context.getBean(RecordingHook.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> hook.named("finish", name).stream().anyMatch((event) -> event.failure() != null));
		List<Event> finishes = hook.named("finish", name);
		assertThat(finishes).as("one run").hasSize(1);
		return finishes.get(0);
	}

	private static void assertFailure(ApplicationContext context, CapturedOutput output, String executor, String task,
			String exception, String message) {
		assertThat(failures(context, executor, task, exception)).as("counted once").isOne();
		await().atMost(Duration.ofSeconds(10)).until(() -> occurrences(output, message) >= 1);
		assertThat(occurrences(output, message)).as("logged once").isOne();
		assertThat(output).containsPattern("ERROR.*io.github.tasklens.TaskFailure.* Task \\d+ '" + Pattern.quote(task)
				+ "' on executor '" + executor + "' failed \\{executor=" + executor + ", task=" + Pattern.quote(task));
	}

	private static long failures(ApplicationContext context, String executor, String task, String exception) {
		FunctionCounter counter = context.getBean(MeterRegistry.class)
			.find("tasks.failures")
			.tags("executor", executor, "task", task, "exception", exception)
			.functionCounter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	/**
	 * Count the lines that print the exception with this message: each log line of a
	 * failure prints it once, in its stack trace.
	 */
	private static int occurrences(CapturedOutput output, String message) {
		Matcher matcher = Pattern.compile("Exception: " + Pattern.quote(message) + "|Error: " + Pattern.quote(message))
			.matcher(output.getAll());
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	static class Failing implements Runnable {

		private final String message;

		Failing(String message) {
			this.message = message;
		}

		@Override
		public void run() {
			throw new IllegalStateException(this.message);
		}

	}

	static class FailingCall implements Callable<String> {

		private final String message;

		FailingCall(String message) {
			this.message = message;
		}

		@Override
		public String call() {
			throw new IllegalArgumentException(this.message);
		}

	}

	static class Interrupting implements Runnable {

		private final AssertionError error;

		Interrupting(AssertionError error) {
			this.error = error;
		}

		@Override
		public void run() {
			Thread.currentThread().interrupt();
			throw this.error;
		}

	}

	static class FailingService {

		@Async
		void voidMethod(String message) {
			throw new IllegalStateException(message);
		}

		@Async
		Future<String> futureMethod(String message) {
			throw new IllegalStateException(message);
		}

		@Async
		CompletableFuture<String> completableMethod(String message) {
			throw new IllegalStateException(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class FailingConfiguration {

		final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

		final List<Boolean> interruptedAtFinish = new CopyOnWriteArrayList<>();

		@Bean
		ExecutorService failingPool() {
			return Executors.newFixedThreadPool(1, (task) -> {
				Thread thread = new Thread(task, "failing-pool");
				thread.setUncaughtExceptionHandler((t, ex) -> this.uncaught.add(ex));
				return thread;
			});
		}

		@Bean
		ExecutorService plainPool() {
			return Executors.newFixedThreadPool(1);
		}

		@Bean
		FailingService failingService() {
			return new FailingService();
		}

		@Bean
		TaskHook interruptProbe() {
			return new TaskHook() {

				@Override
				public void onFinish(TaskInfo task, @Nullable Throwable failure) {
					if (task.name().equals("Interrupting")) {
						FailingConfiguration.this.interruptedAtFinish.add(Thread.currentThread().isInterrupted());
					}
				}

			};
		}

	}

	static class HandledFailures {

		final List<Throwable> handled = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class AppHandlerConfiguration implements AsyncConfigurer {

		private final HandledFailures failures;

		AppHandlerConfiguration(HandledFailures failures) {
			this.failures = failures;
		}

		@Override
		public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
			return (ex, method, params) -> this.failures.handled.add(ex);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SchedulerConfiguration {

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ScheduledConfiguration {

		final List<Throwable> handled = new CopyOnWriteArrayList<>();

		@Bean
		ThreadPoolTaskScheduler taskScheduler(@Value("${test.scheduler.error-handler:false}") boolean own) {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			if (own) {
				scheduler.setErrorHandler(this.handled::add);
			}
			return scheduler;
		}

		@Bean
		FailingJob failingJob() {
			return new FailingJob();
		}

	}

	static class FailingJob {

		@Scheduled(fixedRate = 20)
		void tick() {
			throw new IllegalStateException("boom-scheduled");
		}

	}

}
