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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Counts that every task passes the chain exactly once, however it reached its executor,
 * including through a decorated executor that forwards to another decorated executor.
 */
class ExactlyOnceTests {

	private static final int ROUNDS = 50;

	@Test
	void countsOneSubmitStartAndFinishPerTaskOnEveryPath() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
			.withBean(RecordingHook.class)
			.withUserConfiguration(LayeredExecutorsConfiguration.class)
			.run((context) -> {
				ExecutorService pool = context.getBean("pool", ExecutorService.class);
				ConcurrentTaskExecutor layered = context.getBean("layered", ConcurrentTaskExecutor.class);
				Worker worker = context.getBean(Worker.class);
				List<Future<?>> futures = new ArrayList<>();
				int tasks = 0;
				for (int i = 0; i < ROUNDS; i++) {
					pool.execute(() -> {
					});
					futures.add(pool.submit(() -> "submitted"));
					futures.add(layered.submit(() -> "layered"));
					futures.add(CompletableFuture.runAsync(() -> {
					}, layered));
					futures.add(worker.work());
					List<Callable<String>> batch = List.of(() -> "a", () -> "b");
					futures.addAll(pool.invokeAll(batch));
					tasks += 7;
				}
				for (Future<?> future : futures) {
					future.get(10, TimeUnit.SECONDS);
				}
				RecordingHook hook = context.getBean(RecordingHook.class);
				int expected = tasks;
				await().atMost(Duration.ofSeconds(10)).until(() -> hook.of("finish").size() >= expected);
				Jobs.awaitRegistryEmpty(context);
				assertThat(hook.of("submit")).hasSize(expected);
				assertThat(hook.of("start")).hasSize(expected);
				assertThat(hook.of("finish")).hasSize(expected);
				assertThat(hook.of("submit")).extracting(Event::id).doesNotHaveDuplicates();
			});
	}

	static class Worker {

		@Async("layered")
		public CompletableFuture<String> work() {
			return CompletableFuture.completedFuture("worked");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class LayeredExecutorsConfiguration {

		@Bean
		ExecutorService pool() {
			return Executors.newFixedThreadPool(2);
		}

		@Bean
		ConcurrentTaskExecutor layered(ExecutorService pool) {
			return new ConcurrentTaskExecutor(pool);
		}

		@Bean
		Worker worker() {
			return new Worker();
		}

	}

}
