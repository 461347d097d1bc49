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
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TimeBox;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxed;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@code tasklens.timebox.*} properties and {@code @TimeBox}: which time
 * box wins and how names are matched ({@link InvalidConfigurationTests} has the bad
 * values).
 */
class TimeBoxPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withUserConfiguration(OrderConfiguration.class);

	@Test
	void appliesTheAnnotationOverTheTaskNameOverTheExecutorOverEveryTaskAttributeByAttribute() {
		this.runner
			.withPropertyValues("tasklens.timebox.warn-after=1h", "tasklens.timebox.interrupt-after=10h",
					"tasklens.timebox.executors.[orderPool].warn-after=2h",
					"tasklens.timebox.executors.[orderPool].queue-warn-after=5m",
					"tasklens.timebox.tasks.[OrderService.plain].warn-after=3h",
					"tasklens.timebox.tasks.[OrderService.annotated].warn-after=3h")
			.run((context) -> {
				Map<String, TaskTimeBox> boxes = liveTimeBoxes(context);
				assertThat(boxes.get("OrderService.annotated"))
					.isEqualTo(TaskTimeBox.of(Duration.ofHours(4), Duration.ofHours(10), Duration.ofMinutes(5)));
				assertThat(boxes.get("OrderService.plain"))
					.isEqualTo(TaskTimeBox.of(Duration.ofHours(3), Duration.ofHours(10), Duration.ofMinutes(5)));
				assertThat(boxes.get("Lambda"))
					.isEqualTo(TaskTimeBox.of(Duration.ofHours(2), Duration.ofHours(10), Duration.ofMinutes(5)));
				assertThat(boxes.get("OtherPoolTask"))
					.isEqualTo(TaskTimeBox.of(Duration.ofHours(1), Duration.ofHours(10), null));
				assertThat(boxes.get("OrderService.placeholder").warnAfter()).isEqualTo(Duration.ofHours(6));
			});
	}

	@Test
	void resolvesPlaceholdersInTheAnnotation() {
		this.runner.withPropertyValues("orders.warn-after=90s")
			.run((context) -> assertThat(liveTimeBoxes(context).get("OrderService.placeholder").warnAfter())
				.isEqualTo(Duration.ofSeconds(90)));
	}

	@Test
	void matchesBracketedNamesWithoutRegardToCase() {
		this.runner
			.withPropertyValues("tasklens.timebox.tasks.[orderservice.PLAIN].warn-after=3h",
					"tasklens.timebox.executors.[ORDERPOOL].warn-after=2h")
			.run((context) -> {
				Map<String, TaskTimeBox> boxes = liveTimeBoxes(context);
				assertThat(boxes.get("OrderService.plain").warnAfter()).isEqualTo(Duration.ofHours(3));
				assertThat(boxes.get("Lambda").warnAfter()).isEqualTo(Duration.ofHours(2));
				assertThat(boxes.get("OtherPoolTask")).isEqualTo(TaskTimeBox.NONE);
			});
	}

	@Test
	void takesExecutorNamesFromEnvironmentVariablesWhichLowercaseThem() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("TASKLENS_TIMEBOX_EXECUTORS_ORDERPOOL_WARNAFTER", "2h"))))
			.run((context) -> {
				Map<String, TaskTimeBox> boxes = liveTimeBoxes(context);
				assertThat(boxes.get("Lambda").warnAfter()).isEqualTo(Duration.ofHours(2));
				assertThat(boxes.get("OtherPoolTask")).isEqualTo(TaskTimeBox.NONE);
			});
	}

	/**
	 * Submit one task of each kind, blocked until read, and return their time boxes by
	 * task name.
	 */
	private static Map<String, TaskTimeBox> liveTimeBoxes(ApplicationContext context) throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try {
			OrderService orders = context.getBean(OrderService.class);
			orders.annotated(release);
			orders.plain(release);
			orders.placeholder(release);
			context.getBean("orderPool", ThreadPoolTaskExecutor.class)
				.execute(() -> InFlightLimitTests.awaitQuietly(release));
			context.getBean("otherPool", ThreadPoolTaskExecutor.class).execute(new OtherPoolTask(release));
			TaskRegistry registry = context.getBean(TaskRegistry.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> registry.liveTasks().size() == 5);
			Map<String, TaskTimeBox> boxes = new java.util.TreeMap<>();
			for (TaskInfo task : registry.liveTasks()) {
				String name = task.name().equals(TimeBoxPropertiesTests.class.getSimpleName()) ? "Lambda" : task.name();
				boxes.put(name, ((TimeBoxed) task).timeBox());
			}
			return boxes;
		}
		finally {
			release.countDown();
		}
	}

	static class OrderService {

		@Async("orderPool")
		@TimeBox(warnAfter = "4h")
		public void annotated(CountDownLatch release) {
			InFlightLimitTests.awaitQuietly(release);
		}

		@Async("orderPool")
		public void plain(CountDownLatch release) {
			InFlightLimitTests.awaitQuietly(release);
		}

		@Async("orderPool")
		@TimeBox(warnAfter = "${orders.warn-after:6h}")
		public void placeholder(CountDownLatch release) {
			InFlightLimitTests.awaitQuietly(release);
		}

	}

	static class OtherPoolTask implements Runnable {

		private final CountDownLatch release;

		OtherPoolTask(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public void run() {
			InFlightLimitTests.awaitQuietly(this.release);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class OrderConfiguration {

		@Bean
		OrderService orderService() {
			return new OrderService();
		}

		@Bean
		ThreadPoolTaskExecutor orderPool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(4);
			return pool;
		}

		@Bean
		ThreadPoolTaskExecutor otherPool() {
			return new ThreadPoolTaskExecutor();
		}

	}

}
