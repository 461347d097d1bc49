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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.task.TaskChain;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TaskHook} beans: order, refusal, and hooks that throw.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskHookTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withUserConfiguration(PoolConfiguration.class);

	@Test
	void callsHooksInTheirOrderAndFinishHooksInReverse() {
		this.runner.withUserConfiguration(OrderedHooksConfiguration.class).run((context) -> {
			List<String> calls = context.getBean(OrderedHooksConfiguration.class).calls;
			Jobs.assertTracked(context, context.getBean("pool", ExecutorService.class), "pool");
			assertThat(calls).containsExactly("first.submit", "second.submit", "first.start", "second.start",
					"second.finish", "first.finish");
		});
	}

	@Test
	void refusesATaskWhenASubmitHookThrowsTaskRejectedException() {
		this.runner.withBean(VetoHook.class).run((context) -> {
			for (String name : List.of("pool", "springPool")) {
				ExecutorService pool = (ExecutorService) ((name.equals("pool")) ? context.getBean(name)
						: context.getBean(name, ThreadPoolTaskExecutor.class).getThreadPoolExecutor());
				Jobs.awaitRegistryEmpty(context);
				AtomicInteger ran = new AtomicInteger();
				assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(
						() -> context.getBean(name, java.util.concurrent.Executor.class).execute(new Refused(ran)));
				assertThat(ran).hasValue(0);
				assertThat(context.getBean(TaskRegistry.class).liveTasks()).isEmpty();
				assertThat(pool.submit(() -> "allowed").get(10, TimeUnit.SECONDS)).isEqualTo("allowed");
			}
		});
	}

	@Test
	void runsTheTaskOnceAndLogsOnceWhenAHookThrows(CapturedOutput output) {
		this.runner.withBean(ThrowingHook.class).run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			AtomicInteger runs = new AtomicInteger();
			Future<?> first = pool.submit(runs::incrementAndGet);
			Future<?> second = pool.submit(runs::incrementAndGet);
			// each ran once; on a pool of several threads, in either order
			assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder(1, 2);
			Jobs.awaitRegistryEmpty(context);
			RecordingHook recording = context.getBean(RecordingHook.class);
			assertThat(recording.of("finish")).hasSize(2);
			ThrowingHook throwing = context.getBean(ThrowingHook.class);
			assertThat(context.getBean(TaskChain.class).hookFailures(throwing)).isEqualTo(6);
			assertThat(output).containsOnlyOnce("TaskHook " + ThrowingHook.class.getName() + " threw");
		});
	}

	static class Refused implements Runnable {

		private final AtomicInteger ran;

		Refused(AtomicInteger ran) {
			this.ran = ran;
		}

		@Override
		public void run() {
			this.ran.incrementAndGet();
		}

	}

	static class VetoHook implements TaskHook {

		@Override
		public void onSubmit(TaskInfo task) {
			if (task.name().equals("Refused")) {
				throw new TaskRejectedException("refused by policy: " + task.name());
			}
		}

	}

	static class ThrowingHook implements TaskHook {

		@Override
		public void onSubmit(TaskInfo task) {
			throw new IllegalStateException("submit hook broke");
		}

		@Override
		public void onStart(TaskInfo task) {
			throw new IllegalStateException("start hook broke");
		}

		@Override
		public void onFinish(TaskInfo task, @Nullable Throwable failure) {
			throw new IllegalStateException("finish hook broke");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolConfiguration {

		@Bean
		ExecutorService pool() {
			return Executors.newFixedThreadPool(2);
		}

		@Bean
		ThreadPoolTaskExecutor springPool() {
			return new ThreadPoolTaskExecutor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedHooksConfiguration {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		TaskHook second() {
			return new NamedHook("second", this.calls);
		}

		@Bean
		@Order(1)
		TaskHook first() {
			return new NamedHook("first", this.calls);
		}

	}

	record NamedHook(String name, List<String> calls) implements TaskHook {

		@Override
		public void onSubmit(TaskInfo task) {
			this.calls.add(this.name + ".submit");
		}

		@Override
		public void onStart(TaskInfo task) {
			this.calls.add(this.name + ".start");
		}

		@Override
		public void onFinish(TaskInfo task, @Nullable Throwable failure) {
			this.calls.add(this.name + ".finish");
		}

	}

}
