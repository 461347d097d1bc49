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
package io.github.tasklens.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent and the starter together: one registry holds the tasks of a service's private
 * pool and of an executor bean, each tracked once, the bean's under its bean name.
 */
class SpringAgentTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@Test
	void aPrivatePoolAndABeanShareTheRegistryAndEachTaskIsTrackedOnce() {
		this.runner.run((context) -> {
			TaskRegistry registry = context.getBean(TaskRegistry.class);
			SubmitCounter submits = context.getBean(SubmitCounter.class);
			InvoiceService service = context.getBean(InvoiceService.class);
			AsyncTaskExecutor bean = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
			CountDownLatch release = new CountDownLatch(1);
			try {
				Future<String> privateTask = TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
						() -> service.pool.submit(() -> {
							release.await();
							return TaskContext.current().labels().get("tenant");
						}));
				Future<?> beanTask = bean.submit(() -> {
					release.await();
					return null;
				});
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> assertThat(running(registry)).contains("InvoiceService", "applicationTaskExecutor"));
				TaskInfo invoice = registry.liveTasks()
					.stream()
					.filter((task) -> task.executor().equals("InvoiceService"))
					.findFirst()
					.orElseThrow();
				assertThat(invoice.labels().get("tenant")).isEqualTo("acme");
				release.countDown();
				assertThat(privateTask.get(10, TimeUnit.SECONDS)).isEqualTo("acme");
				beanTask.get(10, TimeUnit.SECONDS);
				// Awaitility's own pool is tracked too: only the two of this test are
				// counted
				assertThat(submits.executors).as("each task is submitted once, the bean's under its bean name")
					.filteredOn((executor) -> !executor.equals("InternalExecutorServiceFactory"))
					.containsExactlyInAnyOrder("InvoiceService", "applicationTaskExecutor");
			}
			finally {
				release.countDown();
			}
		});
	}

	@Test
	void aPrivatePoolIsRenamedByConfiguration() {
		this.runner.withPropertyValues("tasklens.executors.names.InvoiceService=invoices").run((context) -> {
			InvoiceService service = context.getBean(InvoiceService.class);
			service.pool.submit(() -> {
			}).get(10, TimeUnit.SECONDS);
			assertThat(context.getBean(SubmitCounter.class).executors).contains("invoices")
				.doesNotContain("InvoiceService");
		});
	}

	@Test
	void aSchedulerBeansTaskIsTrackedOnceUnderItsBeanName() {
		this.runner.withUserConfiguration(SchedulingConfiguration.class).run((context) -> {
			TaskScheduler scheduler = context.getBean(TaskScheduler.class);
			CountDownLatch ran = new CountDownLatch(1);
			scheduler.schedule(ran::countDown, Instant.now());
			assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
			SubmitCounter submits = context.getBean(SubmitCounter.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(submits.executors).contains("taskScheduler"));
			assertThat(submits.executors).as("the scheduler's own pool does not track it again")
				.filteredOn((executor) -> !executor.equals("InternalExecutorServiceFactory"))
				.containsExactly("taskScheduler");
		});
	}

	private static List<String> running(TaskRegistry registry) {
		return registry.liveTasks()
			.stream()
			.filter((task) -> task.state() == TaskState.RUNNING)
			.map(TaskInfo::executor)
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class AppConfiguration {

		@Bean
		InvoiceService invoiceService() {
			return new InvoiceService();
		}

		@Bean
		SubmitCounter submitCounter() {
			return new SubmitCounter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingConfiguration {

	}

	static class InvoiceService implements DisposableBean {

		// made while the context starts, maybe before tasklens's beans
		final ExecutorService pool = Executors.newFixedThreadPool(1);

		@Override
		public void destroy() {
			this.pool.shutdownNow();
		}

	}

	static class SubmitCounter implements TaskHook {

		final List<String> executors = new CopyOnWriteArrayList<>();

		@Override
		public void onSubmit(TaskInfo task) {
			this.executors.add(task.executor());
		}

	}

}
