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
package io.github.tasklens.boot.scheduling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.boot.executor.SpringTaskWrappers;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.ScheduledMethodTask;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.TrackingTaskDecorator;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.support.DelegatingErrorHandlingRunnable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScheduledMethodTask}: one tracked task per schedule, whichever thread
 * reaches the chain first.
 */
class ScheduledMethodTaskTests {

	private final List<Long> submits = new CopyOnWriteArrayList<>();

	private final LiveTaskRegistry registry = new LiveTaskRegistry();

	private final TrackingTaskDecorator decorator = TaskChain.builder(this.registry)
		.wrappers(SpringTaskWrappers.INSTANCE)
		.hooks(() -> List.of(new TaskHook() {
			@Override
			public void onSubmit(TaskInfo task) {
				ScheduledMethodTaskTests.this.submits.add(task.id());
			}
		}))
		.build()
		.decorator("scheduler", null, () -> false);

	@Test
	void keepsOneTaskWhenTheSchedulerRunsTheFirstTimeBeforeTheRegistrationTracksIt() {
		AtomicInteger runs = new AtomicInteger();
		ScheduledMethodTask method = new ScheduledMethodTask(runs::incrementAndGet, "Jobs.tick", TaskLabels.empty(),
				null);
		// the scheduler's own thread decorates the first run, as SimpleAsyncTaskScheduler
		// does
		Runnable firstRun = this.decorator.decorate(new DelegatingErrorHandlingRunnable(method, (ex) -> {
		}));
		// then the registration, on the caller's thread, finds the schedule already
		// tracked
		this.decorator.trackPeriodic(method);
		firstRun.run();
		this.decorator.decorate(new DelegatingErrorHandlingRunnable(method, (ex) -> {
		})).run();
		assertThat(this.submits).hasSize(1);
		assertThat(runs).hasValue(2);
		assertThat(this.registry.liveTasks()).singleElement()
			.satisfies((task) -> assertThat(task.id()).isEqualTo(this.submits.get(0)));
	}

	@Test
	void keepsOneTaskWhenTheFirstRunAndTheRegistrationRace() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 2000; round++) {
				ScheduledMethodTask method = new ScheduledMethodTask(() -> {
				}, "Jobs.tick", TaskLabels.empty(), null);
				CyclicBarrier start = new CyclicBarrier(2);
				Future<?> firstRun = threads.submit(() -> {
					start.await();
					return this.decorator.decorate(new DelegatingErrorHandlingRunnable(method, (ex) -> {
					}));
				});
				Future<?> registration = threads.submit(() -> {
					start.await();
					this.decorator.trackPeriodic(method);
					return null;
				});
				firstRun.get(10, TimeUnit.SECONDS);
				registration.get(10, TimeUnit.SECONDS);
				assertThat(this.submits).as("round %d", round).hasSize(round + 1);
			}
			assertThat(this.registry.liveTasks()).hasSize(2000);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void keepsOneTaskWhenTheRegistrationTracksItBeforeTheFirstRun() {
		ScheduledMethodTask method = new ScheduledMethodTask(() -> {
		}, "Jobs.tick", TaskLabels.empty(), null);
		this.decorator.trackPeriodic(method);
		this.decorator.decorate(new DelegatingErrorHandlingRunnable(method, (ex) -> {
		})).run();
		this.decorator.trackPeriodic(method);
		assertThat(this.submits).hasSize(1);
		assertThat(this.registry.liveTasks()).hasSize(1);
	}

}
