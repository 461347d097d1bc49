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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.autoconfigure.Jobs.Job;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the chain on Spring's own executors and schedulers.
 */
class SpringExecutorDecorationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class);

	@Test
	void decoratesBootsApplicationTaskExecutorAndTaskScheduler() {
		this.runner.withUserConfiguration(SchedulingConfiguration.class).run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
			Jobs.assertTracked(context, executor, "applicationTaskExecutor");
			ThreadPoolTaskScheduler scheduler = context.getBean("taskScheduler", ThreadPoolTaskScheduler.class);
			Jobs.assertTracked(context, scheduler, "taskScheduler");
		});
	}

	@Test
	void decoratesUserThreadPoolTaskExecutorDeclaredAsExecutorAndInitializedInItsBeanMethod() {
		this.runner.withUserConfiguration(InitializedExecutorConfiguration.class).run((context) -> {
			Executor executor = context.getBean("reportExecutor", Executor.class);
			assertThat(executor).isInstanceOf(ThreadPoolTaskExecutor.class);
			List<Event> events = Jobs.assertTracked(context, executor, "reportExecutor");
			assertThat(events.get(1).thread()).startsWith("report-");
		});
	}

	@Test
	void decoratesEverySpringExecutorAndSchedulerKind() {
		this.runner.withUserConfiguration(SpringExecutorsConfiguration.class).run((context) -> {
			Jobs.assertTracked(context, context.getBean("simpleAsync", SimpleAsyncTaskExecutor.class), "simpleAsync");
			Jobs.assertTracked(context, context.getBean("poolScheduler", ThreadPoolTaskScheduler.class),
					"poolScheduler");
			Jobs.assertTracked(context, context.getBean("simpleScheduler", SimpleAsyncTaskScheduler.class),
					"simpleScheduler");
			Jobs.assertTracked(context, context.getBean("concurrent", ConcurrentTaskExecutor.class), "concurrent");
			Jobs.assertTracked(context, context.getBean("concurrentScheduler", ConcurrentTaskScheduler.class),
					"concurrentScheduler");
		});
	}

	@Test
	void tracksEveryEntryPathOfAThreadPoolTaskScheduler() {
		this.runner.withUserConfiguration(SpringExecutorsConfiguration.class).run((context) -> {
			ThreadPoolTaskScheduler scheduler = context.getBean("poolScheduler", ThreadPoolTaskScheduler.class);
			RecordingHook hook = context.getBean(RecordingHook.class);
			Job scheduled = new Job();
			scheduler.schedule(scheduled, java.time.Instant.now().plusMillis(20));
			Jobs.awaitLifecycle(context, scheduled);
			Future<String> submitted = scheduler.submit(() -> "done");
			assertThat(submitted.get(10, TimeUnit.SECONDS)).isEqualTo("done");
			CompletableFuture<Integer> completable = scheduler.submitCompletable(() -> 42);
			assertThat(completable.get(10, TimeUnit.SECONDS)).isEqualTo(42);
			AtomicInteger runs = new AtomicInteger();
			ScheduledFuture<?> periodic = scheduler.scheduleAtFixedRate(runs::incrementAndGet, Duration.ofMillis(10));
			await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
			periodic.cancel(false);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(context.getBean(TaskRegistry.class).liveTasks()).isEmpty());
			long periodicSubmits = hook.matching((e) -> e.kind().equals("submit")).size();
			assertThat(periodicSubmits).as("schedule, submit, submitCompletable, and one fixed-rate task").isEqualTo(4);
			assertThat(hook.of("start")).hasSizeGreaterThanOrEqualTo(6);
		});
	}

	@Test
	void runsTheAppsOwnTaskDecoratorFirstThenTheChain() {
		this.runner.withUserConfiguration(UserDecoratorConfiguration.class).run((context) -> {
			UserDecorator decorator = context.getBean(UserDecorator.class);
			Jobs.assertTracked(context, context.getBean("decorated", ThreadPoolTaskExecutor.class), "decorated");
			assertThat(decorator.decorated).hasValue(1);
			assertThat(decorator.ranInsideTrackedTask).hasValue(1);
			Jobs.assertTracked(context, context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class),
					"applicationTaskExecutor");
			assertThat(decorator.decorated).as("Boot's composite of TaskDecorator beans still applies").hasValue(2);
			assertThat(decorator.ranInsideTrackedTask).hasValue(2);
		});
	}

	@Test
	void passesEachTaskThroughTheChainOnceWhenOneDecoratedExecutorWrapsAnother() {
		this.runner.withUserConfiguration(NestedExecutorsConfiguration.class).run((context) -> {
			Jobs.assertTracked(context, context.getBean("outer", ConcurrentTaskExecutor.class), "outer");
		});
	}

	@Test
	void keepsBootsExecutorMetricsOnDecoratedPools() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, TaskExecutorMetricsAutoConfiguration.class))
			.withUserConfiguration(SchedulingConfiguration.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("executor.pool.max").tag("name", "applicationTaskExecutor").gauge())
					.isNotNull();
				assertThat(registry.find("executor.pool.core").tag("name", "taskScheduler").gauge()).isNotNull();
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class InitializedExecutorConfiguration {

		@Bean
		Executor reportExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setThreadNamePrefix("report-");
			executor.initialize();
			return executor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpringExecutorsConfiguration {

		@Bean
		SimpleAsyncTaskExecutor simpleAsync() {
			return new SimpleAsyncTaskExecutor("simple-");
		}

		@Bean
		ThreadPoolTaskScheduler poolScheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(2);
			return scheduler;
		}

		@Bean
		SimpleAsyncTaskScheduler simpleScheduler() {
			return new SimpleAsyncTaskScheduler();
		}

		@Bean(destroyMethod = "shutdown")
		ExecutorService jdkPool() {
			return Executors.newFixedThreadPool(1);
		}

		@Bean
		ConcurrentTaskExecutor concurrent() {
			return new ConcurrentTaskExecutor(Executors.newSingleThreadExecutor());
		}

		@Bean
		ConcurrentTaskScheduler concurrentScheduler() {
			return new ConcurrentTaskScheduler(Executors.newSingleThreadScheduledExecutor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDecoratorConfiguration {

		@Bean
		UserDecorator userDecorator() {
			return new UserDecorator();
		}

		@Bean
		ThreadPoolTaskExecutor decorated(UserDecorator userDecorator) {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setTaskDecorator(userDecorator);
			return executor;
		}

		@Bean
		ThreadPoolTaskExecutor applicationTaskExecutor(
				org.springframework.boot.task.ThreadPoolTaskExecutorBuilder builder) {
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NestedExecutorsConfiguration {

		@Bean(destroyMethod = "shutdown")
		ExecutorService inner() {
			return Executors.newFixedThreadPool(1);
		}

		@Bean
		ConcurrentTaskExecutor outer(ExecutorService inner) {
			return new ConcurrentTaskExecutor(inner);
		}

	}

	static class UserDecorator implements TaskDecorator {

		final AtomicInteger decorated = new AtomicInteger();

		final AtomicInteger ranInsideTrackedTask = new AtomicInteger();

		@Override
		public Runnable decorate(Runnable runnable) {
			this.decorated.incrementAndGet();
			return () -> {
				if (TaskFrames.currentTask() != null) {
					this.ranInsideTrackedTask.incrementAndGet();
				}
				runnable.run();
			};
		}

	}

}
