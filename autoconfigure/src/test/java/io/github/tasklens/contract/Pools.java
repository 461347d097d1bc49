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

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.metrics.TaskCounters;
import io.github.tasklens.metrics.TaskSeries;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs one contract test on a pool as the app declares it: plain, or as tasklens hands it
 * back, registered as a bean of its declared type and taken back from the context.
 */
final class Pools {

	private Pools() {
	}

	/**
	 * Run a test on a pool, tracked or plain.
	 * @param <P> the declared type
	 * @param tracked whether tasklens decorates it
	 * @param declared the type the bean is declared as
	 * @param pool makes the pool
	 * @param test the test
	 */
	static <P extends Executor> void run(boolean tracked, Class<P> declared, Supplier<? extends P> pool,
			PoolTest<P> test) {
		if (!tracked) {
			P plain = pool.get();
			try {
				if (plain instanceof InitializingBean bean) {
					// as the context would
					bean.afterPropertiesSet();
				}
				test.run(plain, null);
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
			finally {
				stop(plain);
			}
			return;
		}
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
			.withPropertyValues("tasklens.timebox.check-interval=100ms")
			.withBean("pool", declared, pool::get)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				P bean = context.getBean("pool", declared);
				assertThat(context.getBean(TaskRegistry.class).decoratedExecutors()).containsKey("pool");
				try {
					test.run(bean, context.getBean(TaskRegistry.class));
				}
				finally {
					stop(bean);
				}
				assertBalanced(context.getBean(TaskChain.class).series(), context.getBean(TaskRegistry.class));
			});
	}

	private static void stop(Executor pool) {
		if (pool instanceof ExecutorService service) {
			service.shutdownNow();
		}
		else if (pool instanceof DisposableBean bean) {
			try {
				bean.destroy();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * Wait until every task submitted is accounted for once: succeeded, failed,
	 * cancelled, rejected or still live.
	 * @param series the counts
	 * @param registry the live tasks
	 */
	static void assertBalanced(TaskSeries series, TaskRegistry registry) {
		await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
			long submitted = 0;
			long settled = registry.liveTasks().size() + registry.untracked();
			for (TaskCounters counters : series.all()) {
				submitted += counters.submittedCount();
				settled += counters.succeededCount() + counters.failedCount() + counters.cancelledCount()
						+ counters.rejectedCount();
			}
			assertThat(settled).as("succeeded + failed + cancelled + rejected + live").isEqualTo(submitted);
		});
	}

	/**
	 * Wait until the registry lists no live task: every task tasklens tracked ended, and
	 * none is reported as a leak.
	 * @param registry the registry, or {@code null} for a plain pool
	 */
	static void assertNoLiveTasks(@Nullable TaskRegistry registry) {
		if (registry != null) {
			await().atMost(10, TimeUnit.SECONDS)
				.untilAsserted(() -> assertThat(registry.liveTasks()).extracting(TaskInfo::name).isEmpty());
		}
	}

	/**
	 * Return the names of the live tasks.
	 * @param registry the registry, or {@code null} for a plain pool
	 * @return their names
	 */
	static List<String> liveNames(@Nullable TaskRegistry registry) {
		return (registry != null) ? registry.liveTasks().stream().map(TaskInfo::name).toList() : List.of();
	}

	/**
	 * A task that holds its thread until released.
	 */
	static final class Blocker implements Runnable {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public void run() {
			this.started.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void awaitStarted() throws InterruptedException {
			assertThat(this.started.await(10, TimeUnit.SECONDS)).as("the blocker started").isTrue();
		}

	}

	/**
	 * A task that records whether it ran.
	 */
	static final class Flag implements Runnable {

		final CountDownLatch ran = new CountDownLatch(1);

		@Override
		public void run() {
			this.ran.countDown();
		}

		boolean ran() {
			return this.ran.getCount() == 0;
		}

		void awaitRan() throws InterruptedException {
			assertThat(this.ran.await(10, TimeUnit.SECONDS)).as("the task ran").isTrue();
		}

	}

	@FunctionalInterface
	interface PoolTest<P> {

		void run(P pool, @Nullable TaskRegistry registry) throws Exception;

	}

}
