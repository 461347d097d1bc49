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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the chain on virtual threads (Java 21+).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadDecorationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withPropertyValues("spring.threads.virtual.enabled=true");

	@Test
	void decoratesBootsVirtualThreadExecutorAndScheduler() {
		this.runner.withUserConfiguration(SchedulingOnlyConfiguration.class).run((context) -> {
			assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(SimpleAsyncTaskExecutor.class);
			assertThat(context.getBean("taskScheduler")).isInstanceOf(SimpleAsyncTaskScheduler.class);
			VirtualJob job = new VirtualJob();
			context.getBean("applicationTaskExecutor", SimpleAsyncTaskExecutor.class).execute(job);
			Jobs.awaitLifecycle(context, job);
			assertThat(job.virtual).isTrue();
			Jobs.awaitRegistryEmpty(context);
		});
	}

	@Test
	void tracksAsyncAndScheduledMethodsOnVirtualThreads() {
		this.runner.withUserConfiguration(VirtualAppConfiguration.class).run((context) -> {
			VirtualService service = context.getBean(VirtualService.class);
			assertThat(service.virtualTask().get(10, TimeUnit.SECONDS)).isTrue();
			RecordingHook hook = context.getBean(RecordingHook.class);
			hook.awaitFinished("VirtualService.virtualTask", 1);
			assertThat(hook.named("submit", "VirtualService.virtualTask")).singleElement()
				.extracting(RecordingHook.Event::executor)
				.isEqualTo("applicationTaskExecutor");
			await().atMost(Duration.ofSeconds(10)).until(() -> service.ticks() >= 3);
			assertThat(hook.named("submit", "VirtualService.tick")).hasSize(1);
			assertThat(hook.named("start", "VirtualService.tick")).hasSizeGreaterThanOrEqualTo(3);
			assertThat(service.tickedOnVirtualThread()).isTrue();
			assertThat(context.getBean(TaskRegistry.class).liveTasks()).extracting(TaskInfo::name)
				.containsExactly("VirtualService.tick");
		});
	}

	@Test
	void countsTasksOnVirtualThreads() {
		TaskMetricsTests.countsTasksOnThreadsThatEnd(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, TasklensAutoConfiguration.class)),
				true);
	}

	@Test
	void wrapsAVirtualThreadPerTaskExecutorBean() {
		this.runner.withUserConfiguration(VirtualExecutorConfiguration.class).run((context) -> {
			ExecutorService executor = context.getBean("virtualExecutor", ExecutorService.class);
			VirtualJob job = new VirtualJob();
			executor.execute(job);
			Jobs.awaitLifecycle(context, job);
			assertThat(job.virtual).isTrue();
			assertThat(CompletableFuture.supplyAsync(() -> TaskFrames.currentTask() != null, executor)
				.get(10, TimeUnit.SECONDS)).isTrue();
			Jobs.awaitRegistryEmpty(context);
			executor.close();
			assertThat(executor.isTerminated()).isTrue();
		});
	}

	@Test
	void inheritsLabelsAndMdcAcrossAPoolAVirtualThreadExecutorAndAScheduler() {
		this.runner.withUserConfiguration(VirtualExecutorConfiguration.class).run((context) -> {
			ExecutorService virtual = context.getBean("virtualExecutor", ExecutorService.class);
			ExecutorService pool = context.getBean("platformPool", ExecutorService.class);
			java.util.concurrent.ScheduledExecutorService timer = context.getBean("timer",
					java.util.concurrent.ScheduledExecutorService.class);
			CompletableFuture<java.util.Map<String, String>> deepest = new CompletableFuture<>();
			org.slf4j.MDC.put("request", "r-9");
			TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> pool.execute(() -> virtual
				.execute(() -> timer.schedule(() -> deepest.complete(java.util.Map.of("labels",
						TaskContext.current().labels().toString(), "request", org.slf4j.MDC.get("request"),
						"virtualParent", String.valueOf(Thread.currentThread().isVirtual()))), 1,
						TimeUnit.MILLISECONDS))));
			org.slf4j.MDC.clear();
			java.util.Map<String, String> seen = deepest.get(10, TimeUnit.SECONDS);
			assertThat(seen.get("labels")).isEqualTo("{executor=timer, task=VirtualThreadDecorationTests, tenant=acme}");
			assertThat(seen.get("request")).isEqualTo("r-9");
		});
	}

	@Test
	void carriesLabelsIntoTasksOnVirtualThreads() {
		this.runner.withUserConfiguration(VirtualExecutorConfiguration.class).run((context) -> {
			ExecutorService virtual = context.getBean("virtualExecutor", ExecutorService.class);
			TaskLabels labels = TaskContext.callWithLabels(TaskLabels.of("tenant", "acme"),
					() -> virtual.submit(() -> Thread.currentThread().isVirtual() ? TaskContext.current().labels()
							: TaskLabels.empty()).get(10, TimeUnit.SECONDS));
			assertThat(labels.get("tenant")).isEqualTo("acme");
			assertThat(labels.get("executor")).isEqualTo("virtualExecutor");
		});
	}

	static class VirtualJob extends Jobs.Job {

		volatile boolean virtual;

		@Override
		public void run() {
			this.virtual = Thread.currentThread().isVirtual();
			super.run();
		}

	}

	static class VirtualService {

		final AtomicInteger ticks = new AtomicInteger();

		final AtomicBoolean tickedOnVirtualThread = new AtomicBoolean(true);

		int ticks() {
			return this.ticks.get();
		}

		boolean tickedOnVirtualThread() {
			return this.tickedOnVirtualThread.get();
		}

		@Async
		public CompletableFuture<Boolean> virtualTask() {
			return CompletableFuture.completedFuture(Thread.currentThread().isVirtual() && TaskFrames.currentTask() != null);
		}

		@Scheduled(fixedRate = 20)
		void tick() {
			if (!Thread.currentThread().isVirtual()) {
				this.tickedOnVirtualThread.set(false);
			}
			this.ticks.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	@EnableScheduling
	static class VirtualAppConfiguration {

		@Bean
		VirtualService virtualService() {
			return new VirtualService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingOnlyConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class VirtualExecutorConfiguration {

		@Bean
		ExecutorService virtualExecutor() {
			return Executors.newVirtualThreadPerTaskExecutor();
		}

		@Bean
		ExecutorService platformPool() {
			return Executors.newFixedThreadPool(2);
		}

		@Bean
		java.util.concurrent.ScheduledExecutorService timer() {
			return Executors.newSingleThreadScheduledExecutor();
		}

	}

}
