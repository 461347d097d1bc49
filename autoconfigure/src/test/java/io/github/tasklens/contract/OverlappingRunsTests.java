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
package io.github.tasklens.contract;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs of one {@code @Scheduled} fixed-rate method that overlap
 * ({@code SimpleAsyncTaskScheduler} starts each run on a thread of its own): one tracked
 * task, whose runs each keep their own failure, start and thread.
 */
@ExtendWith(OutputCaptureExtension.class)
class OverlappingRunsTests {

	private static final int HELD = 4;

	private static final String NAME = "OverlapJob.tick";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean("taskScheduler", SimpleAsyncTaskScheduler.class, SimpleAsyncTaskScheduler::new)
		.withUserConfiguration(OverlapConfiguration.class);

	@Test
	void overlappingRunsThatFailOnAlternateRunsAreEachCountedLoggedAndListedOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			TaskRegistry registry = context.getBean(TaskRegistry.class);
			OverlapJob job = context.getBean(OverlapJob.class);
			try {
				// the first four runs are held, so that all four run at once
				await().atMost(Duration.ofSeconds(20))
					.until(() -> job.started.get() >= HELD && running(registry).size() >= HELD);
				List<TaskInfo> running = running(registry);
				assertThat(running).as("each running run is listed").hasSize(HELD);
				Set<Thread> threads = running.stream().map(TaskInfo::thread).collect(Collectors.toSet());
				assertThat(threads).as("each with its own thread").hasSize(HELD).doesNotContainNull();
				assertThat(running).allSatisfy((run) -> assertThat(run.startedAt()).isNotNull());
			}
			finally {
				job.release.countDown();
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> job.ended.get() >= HELD + 2);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			context.close();
			await().atMost(Duration.ofSeconds(20)).until(() -> job.ended.get() == job.started.get());
			assertThat(meters.get("tasks.run")
				.tags("executor", "taskScheduler", "outcome", "failure")
				.functionTimer()
				.count()).as("runs 1 and 3 failed, no other").isEqualTo(2);
			assertThat(output.getOut()
				.lines()
				.filter((line) -> line.contains("'" + NAME + "' on executor") && line.contains("failed")))
				.as("each failing run is logged once")
				.hasSize(2);
		});
	}

	private static List<TaskInfo> running(TaskRegistry registry) {
		return registry.liveTasks()
			.stream()
			.filter((task) -> task.name().equals(NAME) && task.state() == TaskState.RUNNING)
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class OverlapConfiguration {

		@Bean
		OverlapJob overlapJob() {
			return new OverlapJob();
		}

	}

	/**
	 * Runs 1 to 4 wait until released, then runs 1 and 3 fail; every later run returns at
	 * once.
	 */
	static class OverlapJob {

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger ended = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		@Scheduled(fixedRate = 10)
		void tick() {
			int run = this.started.incrementAndGet();
			try {
				if (run <= HELD) {
					awaitRelease();
					if (run % 2 == 1) {
						throw new IllegalStateException("run " + run + " failed");
					}
				}
			}
			finally {
				this.ended.incrementAndGet();
			}
		}

		private void awaitRelease() {
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
