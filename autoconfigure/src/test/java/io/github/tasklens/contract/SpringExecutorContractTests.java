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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.contract.Pools.Blocker;
import io.github.tasklens.contract.Pools.Flag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contracts of Spring's {@code ThreadPoolTaskExecutor} that an app relies on, on the
 * plain executor and on the one tasklens decorates (through its {@code TaskDecorator}):
 * the same test passes on both, and a tracked executor's tasks all end.
 */
class SpringExecutorContractTests {

	private static ThreadPoolTaskExecutor oneThread(int queueCapacity) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(queueCapacity);
		executor.setThreadNamePrefix("contract-");
		return executor;
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aFullExecutorRefusesWithTaskRejectedException(boolean tracked) {
		Pools.run(tracked, ThreadPoolTaskExecutor.class, () -> oneThread(0), (executor, registry) -> {
			Blocker blocker = new Blocker();
			executor.execute(blocker);
			blocker.awaitStarted();
			Flag refused = new Flag();
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.execute(refused));
			blocker.release.countDown();
			Pools.assertNoLiveTasks(registry);
			assertThat(refused.ran()).isFalse();
		});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void theRejectionHandlerReceivesTheAppsTask(boolean tracked) {
		List<Runnable> seen = new CopyOnWriteArrayList<>();
		Pools.run(tracked, ThreadPoolTaskExecutor.class, () -> {
			ThreadPoolTaskExecutor executor = oneThread(0);
			executor.setRejectedExecutionHandler((task, pool) -> seen.add(task));
			return executor;
		}, (executor, registry) -> {
			Blocker blocker = new Blocker();
			executor.execute(blocker);
			blocker.awaitStarted();
			Flag refused = new Flag();
			executor.execute(refused);
			assertThat(seen).containsExactly(refused);
			blocker.release.countDown();
			Pools.assertNoLiveTasks(registry);
		});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aFutureCancelledWhileQueuedNeverRunsAndItsTaskEnds(boolean tracked) {
		Pools.run(tracked, ThreadPoolTaskExecutor.class, () -> oneThread(10), (executor, registry) -> {
			Blocker blocker = new Blocker();
			executor.execute(blocker);
			blocker.awaitStarted();
			Flag cancelled = new Flag();
			Future<?> future = executor.submit(cancelled);
			assertThat(future.cancel(false)).isTrue();
			ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
			pool.purge();
			assertThat(pool.getQueue()).isEmpty();
			blocker.release.countDown();
			Pools.assertNoLiveTasks(registry);
			assertThat(cancelled.ran()).isFalse();
		});
	}

}
