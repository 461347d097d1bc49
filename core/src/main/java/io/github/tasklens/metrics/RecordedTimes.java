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

import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Where a series' run and wait times go, one by one, when the registry keeps a
 * distribution of them (a histogram, percentiles or SLOs): then only a real Micrometer
 * {@code Timer} can answer, and each time is recorded into it. Without a distribution the
 * series' sums are read when scraped and no time is recorded anywhere per task.
 *
 * @author tasklens authors
 */
final class RecordedTimes {

	private final @Nullable LongConsumer successfulRuns;

	private final @Nullable LongConsumer failedRuns;

	private final @Nullable LongConsumer waits;

	private RecordedTimes(@Nullable LongConsumer successfulRuns, @Nullable LongConsumer failedRuns,
			@Nullable LongConsumer waits) {
		this.successfulRuns = successfulRuns;
		this.failedRuns = failedRuns;
		this.waits = waits;
	}

	static RecordedTimes runs(@Nullable RecordedTimes existing, boolean success, LongConsumer recorder) {
		RecordedTimes times = (existing != null) ? existing : new RecordedTimes(null, null, null);
		return success ? new RecordedTimes(both(times.successfulRuns, recorder), times.failedRuns, times.waits)
				: new RecordedTimes(times.successfulRuns, both(times.failedRuns, recorder), times.waits);
	}

	static RecordedTimes waits(@Nullable RecordedTimes existing, LongConsumer recorder) {
		RecordedTimes times = (existing != null) ? existing : new RecordedTimes(null, null, null);
		return new RecordedTimes(times.successfulRuns, times.failedRuns, both(times.waits, recorder));
	}

	private static LongConsumer both(@Nullable LongConsumer first, LongConsumer second) {
		return (first != null) ? first.andThen(second) : second;
	}

	void ran(boolean success, long runNanos) {
		LongConsumer runs = success ? this.successfulRuns : this.failedRuns;
		if (runs != null) {
			runs.accept(runNanos);
		}
	}

	void waited(long waitNanos) {
		LongConsumer recorder = this.waits;
		if (recorder != null) {
			recorder.accept(waitNanos);
		}
	}

}
