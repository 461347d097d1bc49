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
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.TaskManagementConfigUtils;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code @Scheduled} methods: each schedule is one tracked task from its
 * registration to its cancellation, on both of Boot's schedulers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledMethodTrackingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withUserConfiguration(TickerConfiguration.class);

	@Test
	void tracksEachScheduleAsOneTaskOnAThreadPoolTaskScheduler() {
		this.runner.run((context) -> {
			assertThat(context.getBean(TaskScheduler.class)).isInstanceOf(ThreadPoolTaskScheduler.class);
			assertOneTaskPerSchedule(context, "taskScheduler");
		});
	}

	@Test
	void tracksEachScheduleAsOneTaskOnASimpleAsyncTaskScheduler() {
		this.runner.withUserConfiguration(SimpleSchedulerConfiguration.class).run((context) -> {
			assertThat(context.getBean(TaskScheduler.class)).isInstanceOf(SimpleAsyncTaskScheduler.class);
			assertOneTaskPerSchedule(context, "taskScheduler");
		});
	}

	@Test
	void keepsTheMethodNameForBootsScheduledTasksEndpoint() {
		this.runner.run((context) -> {
			ScheduledTaskHolder holder = context.getBean(ScheduledTaskHolder.class);
			assertThat(holder.getScheduledTasks()).extracting((task) -> task.getTask().getRunnable().toString())
				.contains(Ticker.class.getName() + ".rate", Ticker.class.getName() + ".delay",
						Ticker.class.getName() + ".cron");
		});
	}

	@Test
	void forgetsEveryScheduleWhenTheContextCloses() {
		TaskRegistry[] registry = new TaskRegistry[1];
		this.runner.run((context) -> {
			registry[0] = context.getBean(TaskRegistry.class);
			Ticker ticker = context.getBean(Ticker.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> ticker.rate.get() >= 1);
			assertThat(registry[0].liveTasks()).hasSize(3);
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry[0].liveTasks()).isEmpty());
	}

	@Test
	void keepsAScheduledProcessorOfTheAppsOwnAndSaysOnceWhatItCannotTrack(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
			.withUserConfiguration(OwnProcessorConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME))
					.isInstanceOf(OwnScheduledProcessor.class);
				Ticker ticker = context.getBean(Ticker.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> ticker.rate.get() >= 2);
				assertThat(context.getBean(TaskRegistry.class).liveTasks()).as("still tracked on the scheduler")
					.isNotEmpty()
					.allSatisfy((task) -> assertThat(task.executor()).isEqualTo("taskScheduler"));
				assertThat(context.getBean(TaskRegistry.class).liveTasks()).extracting(TaskInfo::name)
					.as("named by the method alone, as the WARN says")
					.contains("rate", "delay");
			});
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("WARN") && line
				.contains("is " + OwnScheduledProcessor.class.getName() + ", not Spring's own, so tasklens keeps it")))
			.hasSize(1);
	}

	private void assertOneTaskPerSchedule(AssertableApplicationContext context, String scheduler) {
		Ticker ticker = context.getBean(Ticker.class);
		RecordingHook hook = context.getBean(RecordingHook.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ticker.rate.get() >= 3 && ticker.delay.get() >= 3 && ticker.cron.get() >= 2);
		for (String name : List.of("Ticker.rate", "Ticker.delay", "Ticker.cron")) {
			List<Event> submits = hook.named("submit", name);
			assertThat(submits).as("one submit, at registration, for %s", name).hasSize(1);
			assertThat(submits.get(0).executor()).isEqualTo(scheduler);
			assertThat(submits.get(0).state()).isEqualTo(TaskState.SCHEDULED);
			List<Event> starts = hook.named("start", name);
			assertThat(starts.size()).as("runs of %s", name).isGreaterThanOrEqualTo(name.endsWith("cron") ? 2 : 3);
			assertThat(starts).extracting(Event::id)
				.as("every run of %s is the same task", name)
				.containsOnly(submits.get(0).id());
		}
		List<TaskInfo> live = context.getBean(TaskRegistry.class).liveTasks();
		assertThat(live).hasSize(3).allSatisfy((task) -> {
			assertThat(task.periodic()).isTrue();
			assertThat(task.state()).isIn(TaskState.SCHEDULED, TaskState.RUNNING);
		});
		assertThat(live).extracting(TaskInfo::name)
			.containsExactlyInAnyOrder("Ticker.rate", "Ticker.delay", "Ticker.cron");
	}

	static class Ticker {

		final AtomicInteger rate = new AtomicInteger();

		final AtomicInteger delay = new AtomicInteger();

		final AtomicInteger cron = new AtomicInteger();

		@Scheduled(fixedRate = 20)
		void rate() {
			this.rate.incrementAndGet();
		}

		@Scheduled(fixedDelay = 20)
		void delay() {
			this.delay.incrementAndGet();
		}

		@Scheduled(cron = "* * * * * *")
		void cron() {
			this.cron.incrementAndGet();
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

	/**
	 * An app's own {@code @Scheduled} processor, as some libraries register, in place of
	 * {@code @EnableScheduling}'s.
	 */
	static class OwnScheduledProcessor extends ScheduledAnnotationBeanPostProcessor {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProcessorConfiguration {

		@Bean(name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)
		static OwnScheduledProcessor ownScheduledProcessor() {
			return new OwnScheduledProcessor();
		}

		@Bean
		Ticker ticker() {
			return new Ticker();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SimpleSchedulerConfiguration {

		@Bean
		SimpleAsyncTaskScheduler taskScheduler() {
			return new SimpleAsyncTaskScheduler();
		}

	}

}
