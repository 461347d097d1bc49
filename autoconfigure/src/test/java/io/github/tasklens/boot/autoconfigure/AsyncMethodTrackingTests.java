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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code @Async} methods: every return type, through whichever executor runs
 * them.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncMethodTrackingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withUserConfiguration(AsyncConfiguration.class);

	@Test
	void tracksAsyncMethodsOfEveryReturnTypeOnBootsApplicationTaskExecutor() {
		this.runner.run((context) -> {
			AsyncService service = context.getBean(AsyncService.class);
			assertEveryReturnType(context, service, "applicationTaskExecutor");
		});
	}

	@Test
	void tracksAsyncMethodsOnTheExecutorTheyNameByBean() {
		this.runner.withUserConfiguration(NamedExecutorConfiguration.class).run((context) -> {
			AsyncService service = context.getBean(AsyncService.class);
			assertThat(service.onNamed().get(10, TimeUnit.SECONDS)).isPositive();
			Event submit = submitOf(context, "AsyncService.onNamed");
			assertThat(submit.executor()).isEqualTo("namedExecutor");
			assertThat(submit.thread()).isEqualTo(Thread.currentThread().getName());
		});
	}

	@Test
	void tracksAsyncMethodsOnAnAsyncConfigurersExecutorThatIsNotABean() {
		this.runner.withUserConfiguration(ConfigurerConfiguration.class).run((context) -> {
			AsyncService service = context.getBean(AsyncService.class);
			assertEveryReturnType(context, service, "asyncConfigurerExecutor");
			assertThat(context.getBean(RecordingHook.class).of("start")).extracting(Event::thread)
				.allMatch((thread) -> thread.startsWith("configured-"));
		});
	}

	@Test
	void tracksAsyncMethodsOnSpringsFallbackExecutorAndWarnsOnce(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
			.withBean(RecordingHook.class)
			.withUserConfiguration(AsyncConfiguration.class, OnlyExecutorServiceConfiguration.class)
			.run((context) -> {
				assertThat(output).as("warned at startup, before any call")
					.contains("@Async methods run on Spring's fallback SimpleAsyncTaskExecutor");
				AsyncService service = context.getBean(AsyncService.class);
				assertEveryReturnType(context, service, "asyncFallbackExecutor");
				assertThat(output).containsOnlyOnce("@Async methods run on Spring's fallback SimpleAsyncTaskExecutor");
			});
	}

	private void assertEveryReturnType(ApplicationContext context, AsyncService service, String executor)
			throws Exception {
		CountDownLatch ran = new CountDownLatch(1);
		service.fireAndForget(ran);
		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		Future<Long> future = service.future();
		CompletableFuture<Long> completable = service.completable();
		long futureTask = future.get(10, TimeUnit.SECONDS);
		long completableTask = completable.get(10, TimeUnit.SECONDS);
		RecordingHook hook = context.getBean(RecordingHook.class);
		hook.awaitFinished("AsyncService.fireAndForget", 1);
		hook.awaitFinished("AsyncService.future", 1);
		hook.awaitFinished("AsyncService.completable", 1);
		for (String name : List.of("AsyncService.fireAndForget", "AsyncService.future", "AsyncService.completable")) {
			List<Event> events = hook.matching((event) -> event.name().equals(name));
			assertThat(events).extracting(Event::kind).containsExactly("submit", "start", "finish");
			assertThat(events).extracting(Event::executor).containsOnly(executor);
		}
		assertThat(hook.named("start", "AsyncService.future").get(0).id()).isEqualTo(futureTask);
		assertThat(hook.named("start", "AsyncService.completable").get(0).id()).isEqualTo(completableTask);
		Jobs.awaitRegistryEmpty(context);
	}

	private Event submitOf(ApplicationContext context, String name) {
		RecordingHook hook = context.getBean(RecordingHook.class);
		hook.awaitFinished(name, 1);
		return hook.named("submit", name).get(0);
	}

	static long currentTaskId() {
		TrackedTask current = TaskFrames.currentTask();
		return (current != null) ? current.id() : -1;
	}

	static class AsyncService {

		@Async
		public void fireAndForget(CountDownLatch ran) {
			ran.countDown();
		}

		@Async
		public Future<Long> future() {
			return CompletableFuture.completedFuture(currentTaskId());
		}

		@Async
		public CompletableFuture<Long> completable() {
			return CompletableFuture.completedFuture(currentTaskId());
		}

		@Async("namedExecutor")
		public CompletableFuture<Long> onNamed() {
			return CompletableFuture.completedFuture(currentTaskId());
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
	static class NamedExecutorConfiguration {

		@Bean
		ThreadPoolTaskExecutor namedExecutor() {
			return new ThreadPoolTaskExecutor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConfigurerConfiguration implements AsyncConfigurer {

		@Override
		public Executor getAsyncExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setThreadNamePrefix("configured-");
			executor.initialize();
			return executor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OnlyExecutorServiceConfiguration {

		@Bean
		ExecutorService workers() {
			return Executors.newFixedThreadPool(1);
		}

	}

}
