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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabel;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.propagation.ContextAccessors;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for task labels and the context carried into tasks.
 */
@ExtendWith(OutputCaptureExtension.class)
class LabelsAndContextTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withPropertyValues("spring.task.execution.mode=force")
		.withUserConfiguration(ExecutorsConfiguration.class);

	@Test
	void inheritsLabelsThreeLevelsDeepAcrossAPoolAndAScheduler() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			ThreadPoolTaskScheduler scheduler = context.getBean("taskScheduler", ThreadPoolTaskScheduler.class);
			ScheduledExecutorService timer = context.getBean("timer", ScheduledExecutorService.class);
			CompletableFuture<TaskLabels> grandchild = new CompletableFuture<>();
			AtomicReference<TaskLabels> child = new AtomicReference<>();
			AtomicReference<TaskLabels> parent = new AtomicReference<>();
			TaskContext
				.withLabels(TaskLabels.of("tenant", "acme"),
						() -> pool
							.execute(
									new Parent(parent,
											() -> scheduler.schedule(
													new Child(child,
															() -> timer.schedule(new Grandchild(grandchild), 1,
																	TimeUnit.MILLISECONDS)),
													java.time.Instant.now()))));
			TaskLabels deepest = grandchild.get(10, TimeUnit.SECONDS);
			assertThat(parent.get().asMap()).containsOnly(Map.entry("tenant", "acme"), Map.entry("executor", "pool"),
					Map.entry("task", "Parent"));
			assertThat(child.get().asMap()).containsOnly(Map.entry("tenant", "acme"),
					Map.entry("executor", "taskScheduler"), Map.entry("task", "Child"));
			assertThat(deepest.asMap()).containsOnly(Map.entry("tenant", "acme"), Map.entry("executor", "timer"),
					Map.entry("task", "Grandchild"));
			assertThat(TaskContext.current().labels().isEmpty()).as("withLabels restored").isTrue();
		});
	}

	@Test
	void readsTheTaskFromAnyCodeInsideItAndNothingOutside() {
		this.runner.run((context) -> {
			assertThat(TaskContext.current().task()).isNull();
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			TaskInfo inside = pool.submit(() -> TaskContext.current().task()).get(10, TimeUnit.SECONDS);
			assertThat(inside).isNotNull();
			assertThat(inside.executor()).isEqualTo("pool");
			assertThat(inside.labels().get("executor")).isEqualTo("pool");
		});
	}

	@Test
	void restoresLabelsAfterWithLabelsAlsoWhenItThrows() {
		TaskContext.withLabels(TaskLabels.of("outer", "1"), () -> {
			assertThatIllegalStateException()
				.isThrownBy(() -> TaskContext.withLabels(TaskLabels.of("inner", "2"), () -> {
					assertThat(TaskContext.current().labels().asMap()).containsOnly(Map.entry("outer", "1"),
							Map.entry("inner", "2"));
					throw new IllegalStateException("inner failed");
				}));
			assertThat(TaskContext.current().labels().asMap()).containsOnly(Map.entry("outer", "1"));
		});
		assertThat(TaskContext.current().labels().isEmpty()).isTrue();
	}

	@Test
	void labelsASubmissionFromCodeThatDeclaresNoException() {
		this.runner.run((context) -> {
			ExecutorService single = context.getBean("single", ExecutorService.class);
			assertThat(submitForTenant(single, "acme").get(10, TimeUnit.SECONDS).get("tenant")).isEqualTo("acme");
		});
	}

	/**
	 * The README's form: a value-returning lambda given to withLabels compiles in a
	 * method that declares no exception.
	 */
	private static Future<TaskLabels> submitForTenant(ExecutorService executor, String tenant) {
		return TaskContext.withLabels(TaskLabels.of("tenant", tenant),
				() -> executor.submit(() -> TaskContext.current().labels()));
	}

	@Test
	void neverLeavesATasksLabelsOnAPooledThread() {
		this.runner.run((context) -> {
			ExecutorService single = context.getBean("single", ExecutorService.class);
			TaskContext.callWithLabels(TaskLabels.of("tenant", "acme"),
					() -> single.submit(() -> TaskContext.current().labels()).get(10, TimeUnit.SECONDS));
			TaskLabels next = single.submit(() -> TaskContext.current().labels()).get(10, TimeUnit.SECONDS);
			assertThat(next.get("tenant")).isNull();
			assertThat(next.get("executor")).isEqualTo("single");
		});
	}

	@Test
	void addsStaticLabelsToEveryTask() {
		this.runner.withPropertyValues("tasklens.labels.static.region=eu-west", "tasklens.labels.static.app=shop")
			.run((context) -> {
				ExecutorService pool = context.getBean("pool", ExecutorService.class);
				TaskLabels labels = pool.submit(() -> TaskContext.current().labels()).get(10, TimeUnit.SECONDS);
				assertThat(labels.asMap()).contains(Map.entry("region", "eu-west"), Map.entry("app", "shop"));
			});
	}

	@Test
	void failsStartupOnAnInvalidStaticLabelNamingTheProperty(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--tasklens.labels.static.region=" + "x".repeat(300)).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("tasklens.labels.static.region")
			.contains("the most allowed is 256");
	}

	@Test
	void addsTaskLabelAnnotationsOfAsyncAndScheduledMethods() {
		this.runner.withUserConfiguration(AnnotatedConfiguration.class).run((context) -> {
			LabeledService service = context.getBean(LabeledService.class);
			TaskLabels async = service.labeled().get(10, TimeUnit.SECONDS);
			assertThat(async.asMap()).contains(Map.entry("team", "payments"), Map.entry("kind", "refund"),
					Map.entry("task", "LabeledService.labeled"), Map.entry("executor", "applicationTaskExecutor"));
			await().atMost(Duration.ofSeconds(10)).until(() -> service.scheduledLabels() != null);
			assertThat(service.scheduledLabels().asMap()).contains(Map.entry("team", "payments"),
					Map.entry("kind", "sweep"), Map.entry("task", "LabeledService.sweep"));
		});
	}

	@Test
	void failsStartupOnAnInvalidTaskLabelNamingTheMethod() {
		this.runner.withUserConfiguration(BadLabelConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Invalid @TaskLabel on " + BadlyLabeledService.class.getName() + ".work")
				.hasStackTraceContaining("lowercase letters, digits");
		});
	}

	@Test
	void putsLabelsIntoTheMdcWhileTheTaskRuns() {
		this.runner.withPropertyValues("tasklens.labels.static.region=eu").run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			Map<String, String> inside = pool.submit(MDC::getCopyOfContextMap).get(10, TimeUnit.SECONDS);
			assertThat(inside).contains(Map.entry("task.executor", "pool"), Map.entry("task.region", "eu"))
				.containsKey("task.task");
		});
		this.runner.withPropertyValues("tasklens.labels.mdc=false").run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			Map<String, String> inside = pool.submit(MDC::getCopyOfContextMap).get(10, TimeUnit.SECONDS);
			assertThat((inside != null) ? inside : Map.of()).doesNotContainKey("task.executor");
		});
	}

	@Test
	void carriesTheSubmittersMdcAndLeavesNoResidueAfterTenThousandTasks() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			List<Future<Boolean>> results = new CopyOnWriteArrayList<>();
			for (int i = 0; i < 10_000; i++) {
				MDC.clear();
				Map<String, String> expected = new HashMap<>();
				int keys = ThreadLocalRandom.current().nextInt(4);
				for (int k = 0; k < keys; k++) {
					String key = "k" + ThreadLocalRandom.current().nextInt(6);
					String value = "v" + i;
					MDC.put(key, value);
					expected.put(key, value);
				}
				String leak = "leak" + i;
				results.add(pool.submit(() -> {
					boolean same = userEntries(MDC.getCopyOfContextMap()).equals(expected);
					// a task that writes to the MDC must not leave it for the next task
					MDC.put(leak, "residue");
					return same;
				}));
			}
			MDC.clear();
			for (Future<Boolean> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
			}
		});
	}

	@Test
	void keepsTheCallersMdcWhenTheCallerRunsTheTask() {
		this.runner.run((context) -> {
			ExecutorService callerRuns = context.getBean("callerRuns", ExecutorService.class);
			java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
			callerRuns.execute(() -> awaitQuietly(release));
			callerRuns.execute(() -> {
			});
			MDC.put("request", "r-1");
			AtomicReference<String> ranOn = new AtomicReference<>();
			AtomicReference<String> executorInside = new AtomicReference<>();
			callerRuns.execute(() -> {
				ranOn.set(Thread.currentThread().getName());
				executorInside.set(MDC.get("task.executor"));
				MDC.put("residue", "x");
			});
			release.countDown();
			assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
			assertThat(executorInside.get()).isEqualTo("callerRuns");
			assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("request", "r-1"));
			MDC.clear();
		});
	}

	@Test
	void carriesEveryThreadLocalAccessorOfMicrometersRegistry() {
		ThreadLocal<String> tenant = new ThreadLocal<>();
		ThreadLocalAccessor<String> accessor = new TenantAccessor(tenant);
		ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
		try {
			this.runner.run((context) -> {
				ExecutorService single = context.getBean("single", ExecutorService.class);
				tenant.set("acme");
				String inside = single.submit(tenant::get).get(10, TimeUnit.SECONDS);
				tenant.remove();
				String afterwards = single.submit(tenant::get).get(10, TimeUnit.SECONDS);
				assertThat(inside).isEqualTo("acme");
				assertThat(afterwards).as("nothing left on the pooled thread").isNull();
			});
		}
		finally {
			ContextRegistry.getInstance().removeThreadLocalAccessor(TenantAccessor.KEY);
		}
	}

	@Test
	void carriesNoContextWhenPropagationIsOff() {
		this.runner.withPropertyValues("tasklens.propagation.enabled=false").run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			MDC.put("request", "r-2");
			Map<String, String> inside = pool.submit(MDC::getCopyOfContextMap).get(10, TimeUnit.SECONDS);
			MDC.clear();
			assertThat(inside).doesNotContainKey("request");
		});
	}

	@Test
	void carriesContextWithoutMicrometerTracingOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ContextAccessors.class);
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			MDC.put("request", "r-4");
			String inside = pool.submit(() -> MDC.get("request")).get(10, TimeUnit.SECONDS);
			MDC.clear();
			assertThat(inside).isEqualTo("r-4");
		});
	}

	@Test
	void addsNothingToTheJvmWideContextRegistry() {
		int before = ContextRegistry.getInstance().getThreadLocalAccessors().size();
		this.runner
			.run((context) -> assertThat(ContextRegistry.getInstance().getThreadLocalAccessors()).hasSize(before));
		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors()).hasSize(before);
	}

	@Test
	void carriesContextInPlaceOfBootsDecoratorOnTheExecutorsItDecorates() {
		assertThat(restoresOfBootsPropagatedContext()).as("restored once, by tasklens alone").isOne();
	}

	@Test
	void leavesBootsDecoratorToCarryContextOnAnExecutorItLeavesAlone() {
		assertThat(restoresOfBootsPropagatedContext("tasklens.executors.exclude=applicationTaskExecutor"))
			.as("restored once, by Boot's decorator")
			.isOne();
	}

	/**
	 * Run a task on Boot's applicationTaskExecutor with
	 * {@code spring.task.execution.propagate-context=true} and a tenant in a thread local
	 * that a JVM-wide accessor carries, and return how many times the task's thread was
	 * given the tenant.
	 */
	private int restoresOfBootsPropagatedContext(String... properties) {
		ThreadLocal<String> tenant = new ThreadLocal<>();
		AtomicInteger restores = new AtomicInteger();
		ContextRegistry.getInstance().registerThreadLocalAccessor(new TenantAccessor(tenant) {

			@Override
			public void setValue(String value) {
				restores.incrementAndGet();
				super.setValue(value);
			}

		});
		try {
			this.runner.withPropertyValues("spring.task.execution.propagate-context=true")
				.withPropertyValues(properties)
				.run((context) -> {
					assertThat(context).hasSingleBean(ContextPropagatingTaskDecorator.class);
					ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor",
							ThreadPoolTaskExecutor.class);
					tenant.set("acme");
					try {
						assertThat(executor.submit(tenant::get).get(10, TimeUnit.SECONDS)).isEqualTo("acme");
					}
					finally {
						tenant.remove();
					}
				});
		}
		finally {
			ContextRegistry.getInstance().removeThreadLocalAccessor(TenantAccessor.KEY);
		}
		return restores.get();
	}

	private static Map<String, String> userEntries(Map<String, String> mdc) {
		Map<String, String> entries = new HashMap<>((mdc != null) ? mdc : Map.of());
		entries.keySet().removeIf((key) -> key.startsWith("task."));
		return entries;
	}

	private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Parent(AtomicReference<TaskLabels> seen, Runnable next) implements Runnable {

		@Override
		public void run() {
			this.seen.set(TaskContext.current().labels());
			this.next.run();
		}

	}

	record Child(AtomicReference<TaskLabels> seen, Runnable next) implements Runnable {

		@Override
		public void run() {
			this.seen.set(TaskContext.current().labels());
			this.next.run();
		}

	}

	record Grandchild(CompletableFuture<TaskLabels> seen) implements Runnable {

		@Override
		public void run() {
			this.seen.complete(TaskContext.current().labels());
		}

	}

	static class TenantAccessor implements ThreadLocalAccessor<String> {

		static final String KEY = "tasklens.test.tenant";

		private final ThreadLocal<String> tenant;

		TenantAccessor(ThreadLocal<String> tenant) {
			this.tenant = tenant;
		}

		@Override
		public Object key() {
			return KEY;
		}

		@Override
		public String getValue() {
			return this.tenant.get();
		}

		@Override
		public void setValue(String value) {
			this.tenant.set(value);
		}

		@Override
		public void setValue() {
			this.tenant.remove();
		}

	}

	@TaskLabel(key = "team", value = "payments")
	static class LabeledService {

		private final AtomicReference<TaskLabels> scheduled = new AtomicReference<>();

		@Async
		@TaskLabel(key = "kind", value = "refund")
		public CompletableFuture<TaskLabels> labeled() {
			return CompletableFuture.completedFuture(TaskContext.current().labels());
		}

		@Scheduled(fixedRate = 50)
		@TaskLabel(key = "kind", value = "sweep")
		public void sweep() {
			this.scheduled.compareAndSet(null, TaskContext.current().labels());
		}

		TaskLabels scheduledLabels() {
			return this.scheduled.get();
		}

	}

	static class BadlyLabeledService {

		@Async
		@TaskLabel(key = "Not Valid", value = "x")
		public void work() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class BadLabelConfiguration {

		@Bean
		BadlyLabeledService badlyLabeledService() {
			return new BadlyLabeledService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	@EnableScheduling
	static class AnnotatedConfiguration {

		@Bean
		LabeledService labeledService() {
			return new LabeledService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ExecutorsConfiguration {

		@Bean
		ExecutorService pool() {
			return Executors.newFixedThreadPool(2);
		}

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

		@Bean
		ExecutorService single() {
			return Executors.newSingleThreadExecutor();
		}

		@Bean
		ScheduledExecutorService timer() {
			return Executors.newSingleThreadScheduledExecutor();
		}

		@Bean
		ThreadPoolExecutor callerRuns() {
			return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
					new ThreadPoolExecutor.CallerRunsPolicy());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TasklensAutoConfiguration.class)
	static class MinimalApplication {

	}

}
