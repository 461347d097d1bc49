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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.TrackingTaskDecorator;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.ThreadKind;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contracts of tasklens's own parts: a read of the registry changes nothing, and every
 * decorator made for an executor counts.
 */
class ChainContractTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		// no sweep by the watchdog while the test reads
		.withPropertyValues("tasklens.timebox.check-interval=1h")
		.withBean("pool", ExecutorService.class, () -> Executors.newSingleThreadExecutor());

	@Test
	void readingTheLiveTasksLeavesOutATaskThatCanNeverRunButDropsNothing() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			LiveTaskRegistry registry = context.getBean(LiveTaskRegistry.class);
			Pools.Blocker blocker = new Pools.Blocker();
			pool.execute(blocker);
			blocker.awaitStarted();
			Future<?> cancelled = pool.submit(() -> {
			});
			assertThat(registry.liveTasks()).hasSize(2);
			long cancelledId = registry.liveTasks().get(1).id();
			cancelled.cancel(false);
			for (int read = 0; read < 3; read++) {
				List<TaskInfo> live = registry.liveTasks();
				assertThat(live).extracting(TaskInfo::id).doesNotContain(cancelledId).hasSize(1);
				assertThat(registry.find(cancelledId)).isNull();
				assertThat(registry.countsByExecutor().get("pool").queued()).isZero();
			}
			assertThat(registry.sweep()).as("the reads dropped nothing; the sweep drops the task").isOne();
			assertThat(registry.sweep()).isZero();
			blocker.release.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		});
	}

	@Test
	void everyDecoratorMadeForAnExecutorCountsForIt() {
		this.runner.run((context) -> {
			TaskChain chain = context.getBean(TaskChain.class);
			TrackingTaskDecorator first = chain.decorator("twice", null, () -> false);
			TrackingTaskDecorator second = chain.decorator("twice", null, () -> false);
			assertThat(chain.threads("twice")).isEqualTo(ThreadKind.UNKNOWN);
			CountDownLatch ran = new CountDownLatch(1);
			second.decorate(ran::countDown).run();
			assertThat(ran.getCount()).isZero();
			assertThat(chain.threads("twice")).as("a run through the second decorator is seen")
				.isEqualTo(ThreadKind.PLATFORM);
			first.decorate(() -> {
			}).run();
			assertThat(chain.threads("twice")).isEqualTo(ThreadKind.PLATFORM);
		});
	}

}
