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

package io.github.tasklens.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the per-thread cells of {@link TaskCounters}: the sums and the max of runs
 * and waits, while threads count and after they end and their cells are folded.
 */
class TaskCountersTests {

	@Test
	void sumsAndMaxesOfThreadsThatEndedSurviveTheFoldingOfTheirCells() throws InterruptedException {
		TaskSeries series = new TaskSeries(List.of("task"), 10);
		TaskCounters counters = series.forName("pool", "Work");
		// each thread's cells are folded once it ended and enough new threads came;
		// threads 0..39 run one task each, the longest on thread 17
		runOnNewThreads(40, (i) -> counters.ran(null, (i == 17) ? 9_000 : 100 + i, 50 + i, System.nanoTime()));
		assertThat(counters.runCount(true)).isEqualTo(40);
		assertThat(counters.runNanos(true)).isEqualTo(9_000 + 39 * 100 + (39 * 40 / 2) - 17);
		assertThat(counters.runMaxNanos(true)).isEqualTo(9_000);
		assertThat(counters.waitMaxNanos()).isEqualTo(89);
		assertThat(counters.waitNanos()).isEqualTo(40 * 50 + 39 * 40 / 2);
		assertThat(counters.runMaxNanos(false)).isZero();
	}

	@Test
	void failedRunsHaveAMaxOfTheirOwn() throws InterruptedException {
		TaskSeries series = new TaskSeries(List.of("task"), 10);
		TaskCounters counters = series.forName("pool", "Work");
		runOnNewThreads(3, (i) -> counters.ran(new IllegalStateException(), 1_000 * (i + 1), 5, System.nanoTime()));
		runOnNewThreads(1, (i) -> counters.ranPeriodic(null, 70, System.nanoTime()));
		assertThat(counters.runMaxNanos(false)).isEqualTo(3_000);
		assertThat(counters.runMaxNanos(true)).isEqualTo(70);
		assertThat(counters.waitMaxNanos()).isEqualTo(5);
	}

	private static void runOnNewThreads(int count, java.util.function.IntConsumer task) throws InterruptedException {
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			Thread thread = new Thread(() -> task.accept(index));
			thread.start();
			threads.add(thread);
			// one at a time: each ended thread is one that a later one may fold
			thread.join(TimeUnit.SECONDS.toMillis(10));
			assertThat(thread.isAlive()).isFalse();
		}
	}

}
