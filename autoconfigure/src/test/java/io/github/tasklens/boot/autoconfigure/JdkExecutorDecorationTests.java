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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.executor.TrackedScheduledThreadPoolExecutor;
import io.github.tasklens.executor.TrackedThreadPoolExecutor;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the chain on plain {@code java.util.concurrent} executor beans.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdkExecutorDecorationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withBean(RecordingHook.class)
		.withUserConfiguration(JdkExecutorsConfiguration.class);

	@Test
	void wrapsInterfaceTypedBeansInTheInterfacesTheirClassHas() {
		this.runner.run((context) -> {
			assertThat(context.getBean("plainExecutor")).isInstanceOf(Executor.class)
				.isNotInstanceOf(ExecutorService.class);
			assertThat(context.getBean("fixedPool")).isInstanceOf(ExecutorService.class)
				.isNotInstanceOf(ScheduledExecutorService.class);
			assertThat(context.getBean("singleScheduler")).isInstanceOf(ScheduledExecutorService.class);
			Jobs.assertTracked(context, context.getBean("plainExecutor", Executor.class), "plainExecutor");
			Jobs.assertTracked(context, context.getBean("fixedPool", ExecutorService.class), "fixedPool");
			Jobs.assertTracked(context, context.getBean("singleScheduler", ScheduledExecutorService.class),
					"singleScheduler");
			Jobs.assertTracked(context, context.getBean("forkJoin", ExecutorService.class), "forkJoin");
		});
	}

	@Test
	void decoratesALazyExecutorWhenItIsCreated() {
		this.runner
			.withBean("lazyPool", ExecutorService.class, () -> Executors.newFixedThreadPool(1),
					(definition) -> definition.setLazyInit(true))
			.run((context) -> {
				assertThat(context.getBeanFactory().containsSingleton("lazyPool")).as("before first use").isFalse();
				Jobs.assertTracked(context, context.getBean("lazyPool", ExecutorService.class), "lazyPool");
				context.getBean("lazyPool", ExecutorService.class).shutdown();
			});
	}

	@Test
	void wrapsAForkJoinPoolAsScheduledExecutorServiceWhereTheJdkMakesItOne() {
		this.runner.run((context) -> {
			Object forkJoin = context.getBean("forkJoin");
			assertThat(forkJoin instanceof ScheduledExecutorService)
				.isEqualTo(ScheduledExecutorService.class.isAssignableFrom(ForkJoinPool.class));
		});
	}

	@Test
	void keepsTheClassOfThreadPoolExecutorBeans() {
		this.runner.withUserConfiguration(InjectsByClass.class).run((context) -> {
			InjectsByClass injected = context.getBean(InjectsByClass.class);
			assertThat(injected.pool).isInstanceOf(TrackedThreadPoolExecutor.class);
			assertThat(injected.scheduler).isInstanceOf(TrackedScheduledThreadPoolExecutor.class);
			Jobs.assertTracked(context, injected.pool, "classPool");
			Jobs.assertTracked(context, injected.scheduler, "classScheduler");
		});
	}

	@Test
	void forwardsLifecycleAndStateToTheRealPool() {
		this.runner.run((context) -> {
			ThreadPoolExecutor pool = context.getBean("classPool", ThreadPoolExecutor.class);
			ThreadPoolExecutor real = ((TrackedThreadPoolExecutor) pool).delegate();
			assertThat(pool.getCorePoolSize()).isEqualTo(3).isEqualTo(real.getCorePoolSize());
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch started = new CountDownLatch(1);
			pool.execute(() -> {
				started.countDown();
				awaitQuietly(release);
			});
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(pool.getActiveCount()).isEqualTo(1).isEqualTo(real.getActiveCount());
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			new ExecutorServiceMetrics(pool, "classPool", List.of()).bindTo(meters);
			assertThat(meters.get("executor.active").gauge().value()).isEqualTo(1.0);
			assertThat(meters.get("executor.pool.core").gauge().value()).isEqualTo(3.0);
			release.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(real.isTerminated()).isTrue();
			assertThat(pool.isTerminated()).isTrue();
		});
	}

	@Test
	void tracksEveryEntryPathOfAnExecutorService() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("fixedPool", ExecutorService.class);
			assertEveryExecutorServicePath(context, pool, "fixedPool");
		});
	}

	@Test
	void tracksEveryEntryPathOfAThreadPoolExecutorSubclass() {
		this.runner.run((context) -> {
			assertEveryExecutorServicePath(context, context.getBean("classPool", ExecutorService.class), "classPool");
		});
	}

	@Test
	void tracksEveryEntryPathOfAScheduledExecutor() {
		this.runner.run((context) -> {
			assertEveryScheduledPath(context, context.getBean("singleScheduler", ScheduledExecutorService.class),
					"singleScheduler");
			assertEveryScheduledPath(context, context.getBean("classScheduler", ScheduledExecutorService.class),
					"classScheduler");
		});
	}

	@Test
	void leavesAForkJoinPoolDeclaredAsItsClassAloneWithOneWarning(CapturedOutput output) {
		this.runner.withUserConfiguration(ForkJoinByClassConfiguration.class).run((context) -> {
			assertThat(context.getBean("forkJoinByClass")).isSameAs(ForkJoinByClassConfiguration.POOL);
			assertThat(context.getBean(TaskRegistry.class).undecoratedExecutors()).containsKey("forkJoinByClass");
			assertThat(output).containsOnlyOnce("tasklens leaves executor 'forkJoinByClass' undecorated");
		});
	}

	private void assertEveryExecutorServicePath(org.springframework.context.ApplicationContext context,
			ExecutorService pool, String name) throws Exception {
		RecordingHook hook = context.getBean(RecordingHook.class);
		int before = hook.of("submit").size();
		assertThat(pool.submit(() -> "callable").get(10, TimeUnit.SECONDS)).isEqualTo("callable");
		assertThat(pool.submit(new Counting()).get(10, TimeUnit.SECONDS)).isNull();
		assertThat(pool.submit(new Counting(), "result").get(10, TimeUnit.SECONDS)).isEqualTo("result");
		List<Callable<Integer>> callables = List.of(() -> 1, () -> 2);
		List<Integer> results = new java.util.ArrayList<>();
		for (Future<Integer> future : pool.invokeAll(callables)) {
			results.add(future.get());
		}
		assertThat(results).containsExactly(1, 2);
		List<Callable<Integer>> single = List.of(() -> 7);
		assertThat(pool.invokeAny(single)).isEqualTo(7);
		assertThat(CompletableFuture.runAsync(new Counting(), pool).get(10, TimeUnit.SECONDS)).isNull();
		assertThat(CompletableFuture.supplyAsync(() -> 5, pool).get(10, TimeUnit.SECONDS)).isEqualTo(5);
		await().atMost(Duration.ofSeconds(10)).until(() -> hook.of("finish").size() - before >= 8);
		List<RecordingHook.Event> submits = hook.of("submit").subList(before, hook.of("submit").size());
		assertThat(submits).hasSizeGreaterThanOrEqualTo(8).extracting(RecordingHook.Event::executor).containsOnly(name);
		assertThat(submits.get(1).name()).isEqualTo("Counting");
		Jobs.awaitRegistryEmpty(context);
	}

	private void assertEveryScheduledPath(org.springframework.context.ApplicationContext context,
			ScheduledExecutorService scheduler, String name) throws Exception {
		RecordingHook hook = context.getBean(RecordingHook.class);
		int before = hook.of("submit").size();
		assertThat(scheduler.schedule(() -> "later", 5, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS))
			.isEqualTo("later");
		scheduler.schedule(new Counting(), 5, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
		Counting rate = new Counting();
		ScheduledFuture<?> fixedRate = scheduler.scheduleAtFixedRate(rate, 0, 5, TimeUnit.MILLISECONDS);
		Counting delay = new Counting();
		ScheduledFuture<?> fixedDelay = scheduler.scheduleWithFixedDelay(delay, 0, 5, TimeUnit.MILLISECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> rate.runs.get() >= 3 && delay.runs.get() >= 3);
		assertThat(context.getBean(TaskRegistry.class).liveTasks()).filteredOn((task) -> task.periodic())
			.hasSize(2)
			.allSatisfy((task) -> assertThat(task.executor()).isEqualTo(name));
		fixedRate.cancel(false);
		fixedDelay.cancel(false);
		List<RecordingHook.Event> submits = hook.of("submit").subList(before, hook.of("submit").size());
		assertThat(submits).as("one submit per schedule, not per run").hasSize(4);
		Jobs.awaitRegistryEmpty(context);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class Counting implements Runnable {

		final AtomicInteger runs = new AtomicInteger();

		@Override
		public void run() {
			this.runs.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JdkExecutorsConfiguration {

		@Bean
		Executor plainExecutor() {
			return (command) -> new Thread(command, "plain-executor").start();
		}

		@Bean
		ExecutorService fixedPool() {
			return Executors.newFixedThreadPool(2);
		}

		@Bean
		ScheduledExecutorService singleScheduler() {
			return Executors.newSingleThreadScheduledExecutor();
		}

		@Bean
		ExecutorService forkJoin() {
			return new ForkJoinPool(2);
		}

		@Bean
		ThreadPoolExecutor classPool() {
			return new ThreadPoolExecutor(3, 3, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
		}

		@Bean
		ScheduledThreadPoolExecutor classScheduler() {
			return new ScheduledThreadPoolExecutor(2);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ForkJoinByClassConfiguration {

		static final ForkJoinPool POOL = new ForkJoinPool(1);

		@Bean(destroyMethod = "")
		ForkJoinPool forkJoinByClass() {
			return POOL;
		}

	}

	static class InjectsByClass {

		@Autowired
		@Qualifier("classPool")
		ThreadPoolExecutor pool;

		@Autowired
		ScheduledThreadPoolExecutor scheduler;

	}

}
