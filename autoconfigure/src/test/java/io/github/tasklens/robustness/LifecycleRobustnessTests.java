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

package io.github.tasklens.robustness;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.actuate.TasksDescriptor;
import io.github.tasklens.boot.actuate.TasksEndpoint;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.github.tasklens.boot.autoconfigure.TasksEndpointAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Robustness at the edges of an application context's life: a storm of tasks that never
 * end, and contexts started and closed many times in one JVM.
 */
class LifecycleRobustnessTests {

	private static final int MAX_TRACKED = 10_000;

	private static final int LEAKED = 200_000;

	@Test
	void staysBoundedUnderTasksThatNeverEndAndDrainsOnceTheyDo() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TasklensAutoConfiguration.class, TasksEndpointAutoConfiguration.class))
			.withBean("stuckPool", ExecutorService.class, () -> Executors.newFixedThreadPool(2))
			.withPropertyValues("tasklens.inventory.max-tracked=" + MAX_TRACKED,
					"management.endpoints.web.exposure.include=tasks")
			.run((context) -> {
				ExecutorService pool = context.getBean("stuckPool", ExecutorService.class);
				CountDownLatch release = new CountDownLatch(1);
				long heapBefore = usedHeapAfterGc();
				for (int i = 0; i < LEAKED; i++) {
					pool.execute(() -> awaitQuietly(release));
				}
				TaskRegistry registry = context.getBean(TaskRegistry.class);
				assertThat(registry.liveTasks()).hasSize(MAX_TRACKED);
				assertThat(registry.untracked()).isEqualTo(LEAKED - MAX_TRACKED);
				TasksDescriptor answer = context.getBean(TasksEndpoint.class)
					.tasks(SecurityContext.NONE, null, null, null, null, null);
				assertThat(answer.totals().live()).isEqualTo(MAX_TRACKED);
				assertThat(answer.totals().untracked()).isEqualTo(LEAKED - MAX_TRACKED);
				assertThat(answer.tasks()).hasSize(100);
				long perTask = (usedHeapAfterGc() - heapBefore) / LEAKED;
				// the tracked task (112 B), the lambda, the queue's node: well under 512
				// B
				assertThat(perTask).as("heap per leaked task, in bytes").isLessThan(512);
				release.countDown();
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					assertThat(registry.liveTasks()).isEmpty();
					assertThat(registry.untracked()).isZero();
				});
			});
	}

	@Test
	void leavesNoThreadAndNoReferenceToAContextOnceClosed() {
		Set<Long> threadsBefore = threadIds();
		List<WeakReference<ApplicationContext>> closed = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
						TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
				.withUserConfiguration(BusyConfiguration.class)
				.withPropertyValues("tasklens.timebox.warn-after=1h", "tasklens.timebox.check-interval=10ms")
				.run((context) -> {
					Ticker ticker = context.getBean(Ticker.class);
					await().atMost(Duration.ofSeconds(10)).until(() -> ticker.ticks.getCount() == 0);
					closed.add(new WeakReference<>(
							((ConfigurableApplicationContext) context.getSourceApplicationContext())));
				});
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(newThreadNames(threadsBefore)).as("threads left by closed contexts")
				.noneMatch((name) -> name.startsWith("tasklens") || name.startsWith("task-")
						|| name.startsWith("scheduling-")));
		for (int attempt = 0; attempt < 20 && closed.stream().anyMatch((ref) -> ref.get() != null); attempt++) {
			System.gc();
		}
		assertThat(closed).as("closed contexts still reachable").allMatch((ref) -> ref.get() == null);
	}

	@SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19
	private static Set<Long> threadIds() {
		Set<Long> ids = new java.util.HashSet<>();
		Thread.getAllStackTraces().keySet().forEach((thread) -> ids.add(thread.getId()));
		return ids;
	}

	@SuppressWarnings("deprecation")
	private static List<String> newThreadNames(Set<Long> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread.getId()) && thread.isAlive())
			.map(Thread::getName)
			.toList();
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class Ticker {

		final CountDownLatch ticks = new CountDownLatch(3);

		@Scheduled(fixedRate = 5)
		void tick() {
			this.ticks.countDown();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class BusyConfiguration {

		@Bean
		Ticker ticker() {
			return new Ticker();
		}

	}

}
