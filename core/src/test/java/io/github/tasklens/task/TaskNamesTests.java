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
package io.github.tasklens.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TaskNames}.
 */
class TaskNamesTests {

	@Test
	void namesAClassByItsSimpleNameAndALambdaByItsDeclaringClass() {
		Runnable lambda = () -> {
		};
		assertThat(TaskNames.of(lambda)).isEqualTo("TaskNamesTests");
		assertThat(TaskNames.of(new Job())).isEqualTo("Job");
		assertThat(TaskNames.of(new Runnable() {
			@Override
			public void run() {
			}
		})).isEqualTo("TaskNamesTests");
	}

	@Test
	void namesTheTaskInsideAFutureTask() {
		assertThat(TaskNames.of(new FutureTask<>(new Job(), null))).isEqualTo("Job");
		assertThat(TaskNames.of(new FutureTask<>(new Step("payload", () -> {
		}), null))).as("a record's toString").isEqualTo("Step");
		assertThat(TaskNames.of(new FutureTask<>(() -> "x"))).isEqualTo("TaskNamesTests");
		assertThat(TaskNames.of(new FutureTask<>(new Described(), null))).as("an arbitrary toString")
			.isEqualTo("FutureTask");
	}

	@Test
	void knowsFromTheClassWhichTasksHaveAnOutcomeToReadAndWhichRepeat() throws Exception {
		Runnable lambda = () -> {
		};
		assertThat(TaskNames.classOf(lambda)).satisfies((kind) -> {
			assertThat(kind.hasOutcome()).isFalse();
			assertThat(kind.scheduledFuture()).isFalse();
		});
		assertThat(TaskNames.classOf(new FutureTask<>(lambda, null)).hasOutcome()).isTrue();
		// CompletableFuture's async task is a ForkJoinTask that completes with nothing
		AtomicReference<Runnable> asyncSupply = new AtomicReference<>();
		CompletableFuture.supplyAsync(() -> "x", asyncSupply::set);
		assertThat(TaskNames.classOf(asyncSupply.get())).satisfies((kind) -> {
			assertThat(kind.future()).isTrue();
			assertThat(kind.forkJoinTask()).isTrue();
			assertThat(kind.hasOutcome()).isFalse();
		});
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
		try {
			ScheduledFuture<?> periodic = scheduler.scheduleAtFixedRate(lambda, 1, 1, TimeUnit.HOURS);
			assertThat(TaskNames.classOf(periodic)).satisfies((kind) -> {
				assertThat(kind.scheduledFuture()).isTrue();
				assertThat(kind.hasOutcome()).isTrue();
			});
		}
		finally {
			scheduler.shutdownNow();
			assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	static class Job implements Runnable {

		@Override
		public void run() {
		}

	}

	record Step(String payload, Runnable next) implements Runnable {

		@Override
		public void run() {
		}

	}

	static class Described implements Runnable {

		@Override
		public void run() {
		}

		@Override
		public String toString() {
			return "[nightly export]";
		}

	}

}
