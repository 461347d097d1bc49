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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the report of tasks still live when the context closes.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownReportTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withUserConfiguration(PoolConfiguration.class);

	@Test
	void reportsTheStragglersLeftAfterTheExecutorsShutDownWithTheirStacks(CapturedOutput output)
			throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(2);
		try {
			this.runner.run((context) -> {
				ThreadPoolTaskExecutor pool = context.getBean("workPool", ThreadPoolTaskExecutor.class);
				pool.execute(new EndsWhenInterrupted(started, release));
				pool.execute(new IgnoresInterrupts(started, release));
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(output).doesNotContain("still live");
			});
			String report = output.toString().substring(output.toString().indexOf("still live"));
			assertThat(output).contains("1 task(s) still live after the executors shut down");
			assertThat(report).containsPattern(
					"1 task\\(s\\) with this stack \\(fingerprint [0-9a-f]{12}\\):\\R  task \\d+ 'IgnoresInterrupts' on "
							+ "executor 'workPool' RUNNING for \\S+ \\(submitted \\S+ ago\\) "
							+ "\\{executor=workPool, task=IgnoresInterrupts\\}\\R\\tat ")
				.contains("\tat " + IgnoresInterrupts.class.getName() + ".run(ShutdownReportTests.java:")
				.as("the task that ended during the executor's own shutdown is not a straggler")
				.doesNotContain("EndsWhenInterrupted");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void reportsNothingWhenDisabled(CapturedOutput output) throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		try {
			this.runner.withPropertyValues("tasklens.shutdown.report=false").run((context) -> {
				context.getBean("workPool", ThreadPoolTaskExecutor.class)
					.execute(new IgnoresInterrupts(started, release));
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(context).doesNotHaveBean(ShutdownReport.class);
			});
			assertThat(output).doesNotContain("still live");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void reportsNothingWhenEveryTaskEnded(CapturedOutput output) {
		this.runner.run((context) -> context.getBean("workPool", ThreadPoolTaskExecutor.class)
			.submit(() -> "done")
			.get(10, TimeUnit.SECONDS));
		assertThat(output).doesNotContain("still live");
	}

	static class EndsWhenInterrupted implements Runnable {

		private final CountDownLatch started;

		private final CountDownLatch release;

		EndsWhenInterrupted(CountDownLatch started, CountDownLatch release) {
			this.started = started;
			this.release = release;
		}

		@Override
		public void run() {
			this.started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static class IgnoresInterrupts implements Runnable {

		private final CountDownLatch started;

		private final CountDownLatch release;

		IgnoresInterrupts(CountDownLatch started, CountDownLatch release) {
			this.started = started;
			this.release = release;
		}

		@Override
		public void run() {
			this.started.countDown();
			boolean done = false;
			while (!done) {
				try {
					done = this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					// a straggler: it keeps going after its executor shut down
				}
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolConfiguration {

		@Bean
		ThreadPoolTaskExecutor workPool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(2);
			pool.setThreadNamePrefix("work-");
			// interrupt the tasks at shutdown, then wait for them a little
			pool.setWaitForTasksToCompleteOnShutdown(false);
			pool.setAwaitTerminationMillis(500);
			return pool;
		}

	}

}
