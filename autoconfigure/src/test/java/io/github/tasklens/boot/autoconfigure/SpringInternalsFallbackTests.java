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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import io.github.tasklens.boot.executor.HiddenSpringMember;
import io.github.tasklens.task.TaskFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.interceptor.AsyncExecutionAspectSupport;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.TaskSchedulerRouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for each fallback of a Spring member that a Spring version may lack: the app
 * starts and its tasks run, the one feature degrades, and one WARN names the member and
 * what degrades.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringInternalsFallbackTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void anExecutorWhoseDecoratorCannotBeReadIsLeftAloneAndItsTasksRun(CapturedOutput output) throws Exception {
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(ThreadPoolTaskExecutor.class, "taskDecorator")) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
				.withUserConfiguration(PoolConfiguration.class)
				.run((context) -> {
					TaskRegistry registry = context.getBean(TaskRegistry.class);
					assertThat(registry.undecoratedExecutors()).containsKey("pool");
					assertThat(registry.undecoratedExecutors().get("pool")).contains("cannot be read");
					CompletableFuture<Boolean> tracked = CompletableFuture
						.supplyAsync(() -> TaskFrames.currentTask() != null, context.getBean("pool", Executor.class));
					assertThat(tracked.get(10, TimeUnit.SECONDS)).as("it ran, untracked").isFalse();
				});
		}
		assertWarnedOnce(output, ThreadPoolTaskExecutor.class.getName() + ".taskDecorator",
				"executors of this class are left undecorated");
	}

	@Test
	void aSchedulerWhoseErrorHandlerCannotBeReplacedKeepsRunningItsFailingTask(CapturedOutput output) {
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(ThreadPoolTaskScheduler.class, "errorHandler")) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
				.withUserConfiguration(SchedulerConfiguration.class)
				.run((context) -> {
					AtomicInteger runs = new AtomicInteger();
					context.getBean(TaskScheduler.class).scheduleAtFixedRate(() -> {
						runs.incrementAndGet();
						throw new IllegalStateException("every run fails");
					}, Duration.ofMillis(10));
					await().atMost(WAIT).until(() -> runs.get() >= 3);
					assertThat(context.getBean(TaskRegistry.class).decoratedExecutors()).containsKey("taskScheduler");
				});
		}
		assertWarnedOnce(output, ThreadPoolTaskScheduler.class.getName() + ".errorHandler",
				"failures that this scheduler's error handler swallows");
	}

	@Test
	void withoutTheDefaultExecutorFieldAsyncMethodsStillRunOnAConfigurersExecutor(CapturedOutput output)
			throws Exception {
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(AsyncExecutionAspectSupport.class,
				"defaultExecutor")) {
			asyncRunner().withUserConfiguration(ConfigurerConfiguration.class).run((context) -> {
				AsyncService service = context.getBean(AsyncService.class);
				assertThat(service.tracked().get(10, TimeUnit.SECONDS)).as("it ran, untracked").isFalse();
			});
		}
		assertWarnedOnce(output, AsyncExecutionAspectSupport.class.getName() + ".defaultExecutor",
				"the default executor of @Async methods is tracked only if it is a bean");
	}

	@Test
	void withoutTheExceptionHandlerFieldAFailedAsyncMethodIsStillCounted(CapturedOutput output) throws Exception {
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(AsyncExecutionAspectSupport.class,
				"exceptionHandler")) {
			asyncRunner().run((context) -> {
				context.getBean(AsyncService.class).fail();
				Event finish = context.getBean(RecordingHook.class).awaitFinished("AsyncService.fail", 1).get(0);
				assertThat(finish.failure()).isInstanceOf(IllegalStateException.class);
			});
		}
		assertWarnedOnce(output, AsyncExecutionAspectSupport.class.getName() + ".exceptionHandler",
				"a failure of an @Async void method is logged by Spring as well as by tasklens");
	}

	@Test
	void withoutTheScheduledTasksFutureAScheduledMethodIsStillTracked(CapturedOutput output) {
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(ScheduledTask.class, "future")) {
			scheduledRunner().run((context) -> {
				Ticker ticker = context.getBean(Ticker.class);
				await().atMost(WAIT).until(() -> ticker.runs.get() >= 2);
				assertThat(context.getBean(TaskRegistry.class).liveTasks()).extracting((task) -> task.name())
					.contains("Ticker.tick");
			});
		}
		assertWarnedOnce(output, ScheduledTask.class.getName() + ".future",
				"a cancelled @Scheduled method stays listed until its scheduler shuts down");
	}

	@Test
	void withoutTheRoutersTargetLookupAScheduledMethodStillRunsTracked(CapturedOutput output) {
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(TaskSchedulerRouter.class,
				"determineTargetScheduler")) {
			scheduledRunner().run((context) -> {
				Ticker ticker = context.getBean(Ticker.class);
				await().atMost(WAIT).until(() -> ticker.runs.get() >= 2);
				assertThat(ticker.tracked.get()).as("its runs are tracked once its scheduler runs it").isPositive();
			});
		}
		assertWarnedOnce(output, TaskSchedulerRouter.class.getName() + ".determineTargetScheduler",
				"is tracked once its scheduler runs it");
	}

	private static ApplicationContextRunner asyncRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskExecutionAutoConfiguration.class, TasklensAutoConfiguration.class))
			.withBean(RecordingHook.class)
			.withUserConfiguration(AsyncConfiguration.class);
	}

	private static ApplicationContextRunner scheduledRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
			.withUserConfiguration(TickerConfiguration.class);
	}

	private static void assertWarnedOnce(CapturedOutput output, String member, String degrades) {
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN") && line.contains(member)))
			.singleElement()
			.asString()
			.contains(degrades);
	}

	@Configuration(proxyBeanMethods = false)
	static class PoolConfiguration {

		@Bean(initMethod = "initialize", destroyMethod = "shutdown")
		ThreadPoolTaskExecutor pool() {
			return new ThreadPoolTaskExecutor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SchedulerConfiguration {

		@Bean(initMethod = "initialize", destroyMethod = "shutdown")
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		AsyncService asyncService() {
			return new AsyncService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConfigurerConfiguration implements AsyncConfigurer, DisposableBean {

		private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

		@Override
		public void destroy() {
			this.executor.shutdown();
		}

		@Override
		public Executor getAsyncExecutor() {
			this.executor.setThreadNamePrefix("configured-");
			this.executor.initialize();
			return this.executor;
		}

	}

	static class AsyncService {

		@Async
		public CompletableFuture<Boolean> tracked() {
			return CompletableFuture.completedFuture(TaskFrames.currentTask() != null);
		}

		@Async
		public void fail() {
			throw new IllegalStateException("failed on purpose");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class TickerConfiguration {

		@Bean
		Ticker ticker() {
			return new Ticker();
		}

	}

	static class Ticker {

		final AtomicInteger runs = new AtomicInteger();

		final AtomicInteger tracked = new AtomicInteger();

		@Scheduled(fixedRate = 10)
		void tick() {
			this.runs.incrementAndGet();
			if (TaskFrames.currentTask() != null) {
				this.tracked.incrementAndGet();
			}
		}

	}

}
