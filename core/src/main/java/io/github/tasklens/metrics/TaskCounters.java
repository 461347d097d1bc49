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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The counts of one metric series: one executor and one value for each tag. Tasks are
 * counted once each (submitted, then succeeded, failed, cancelled or rejected); runs are
 * counted by outcome with their total time, so that a periodic task's many runs are timed
 * without counting it many times.
 * <p>
 * The counts of every task are kept per platform thread ({@link ThreadCounts}); rarer
 * ones, and those of virtual threads, in shared adders.
 *
 * @author tasklens authors
 */
public final class TaskCounters {

	private final TaskSeries series;

	private final String executor;

	private final String[] tagValues;

	private final ThreadCounts threadCounts;

	private final int slot;

	private final LongAdder submitted = new LongAdder();

	private final LongAdder succeeded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder cancelled = new LongAdder();

	private final LongAdder[] rejected = new LongAdder[RejectReason.values().length];

	// 1 once the first rejection for a reason was announced, by the one thread that set
	// it
	private final AtomicIntegerArray announcedRejections = new AtomicIntegerArray(RejectReason.values().length);

	private final LongAdder periodicSucceeded = new LongAdder();

	private final LongAdder periodicFailed = new LongAdder();

	private final LongAdder periodicFailedEnds = new LongAdder();

	private final LongAdder successNanos = new LongAdder();

	private final LongAdder failureNanos = new LongAdder();

	private final LongAdder waitNanos = new LongAdder();

	private final LongAdder interrupted = new LongAdder();

	// WindowMax cells of the runs and waits that are not counted per thread
	private final AtomicLong successMax = new AtomicLong();

	private final AtomicLong failureMax = new AtomicLong();

	private final AtomicLong waitMax = new AtomicLong();

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	// set when a registry keeps a distribution of run or wait times; null otherwise, so
	// that a task then pays one read for it
	private volatile @Nullable RecordedTimes recorded;

	TaskCounters(TaskSeries series, String executor, String[] tagValues, int slot) {
		this.series = series;
		this.threadCounts = series.threadCounts();
		this.slot = slot;
		this.executor = executor;
		this.tagValues = tagValues;
		for (int i = 0; i < this.rejected.length; i++) {
			this.rejected[i] = new LongAdder();
		}
	}

	/**
	 * Count a task submitted.
	 */
	public void submitted() {
		long[] cells = this.threadCounts.cells(this.slot);
		if (cells != null) {
			ThreadCounts.add(cells, ThreadCounts.SUBMITTED, 1);
		}
		else {
			this.submitted.increment();
		}
	}

	/**
	 * Count one run of a task that is not periodic, which ends it.
	 * @param failure what the run failed with, or {@code null}
	 * @param runNanos how long it ran
	 * @param waitNanos how long it waited between submission and start
	 * @param endedAt when the run ended, a reading of {@link System#nanoTime()}
	 */
	public void ran(@Nullable Throwable failure, long runNanos, long waitNanos, long endedAt) {
		RecordedTimes times = this.recorded;
		if (times != null) {
			times.ran(failure == null, runNanos);
			times.waited(waitNanos);
		}
		if (failure == null) {
			long[] cells = this.threadCounts.cells(this.slot);
			if (cells != null) {
				ThreadCounts.add(cells, ThreadCounts.SUCCEEDED, 1);
				ThreadCounts.add(cells, ThreadCounts.SUCCESS_NANOS, runNanos);
				ThreadCounts.add(cells, ThreadCounts.WAIT_NANOS, waitNanos);
				ThreadCounts.max(cells, ThreadCounts.SUCCESS_MAX, runNanos, endedAt);
				ThreadCounts.max(cells, ThreadCounts.WAIT_MAX, waitNanos, endedAt);
				return;
			}
		}
		this.waitNanos.add(waitNanos);
		WindowMax.seen(this.waitMax, waitNanos, endedAt);
		if (failure == null) {
			this.succeeded.increment();
			this.successNanos.add(runNanos);
			WindowMax.seen(this.successMax, runNanos, endedAt);
		}
		else {
			this.failed.increment();
			this.failureNanos.add(runNanos);
			WindowMax.seen(this.failureMax, runNanos, endedAt);
			failure(failure);
		}
	}

	/**
	 * Count one run of a periodic task.
	 * @param failure what the run failed with, or {@code null}
	 * @param runNanos how long it ran
	 * @param endedAt when the run ended, a reading of {@link System#nanoTime()}
	 */
	public void ranPeriodic(@Nullable Throwable failure, long runNanos, long endedAt) {
		RecordedTimes times = this.recorded;
		if (times != null) {
			times.ran(failure == null, runNanos);
		}
		long[] cells = (failure == null) ? this.threadCounts.cells(this.slot) : null;
		if (cells != null) {
			ThreadCounts.add(cells, ThreadCounts.PERIODIC_SUCCEEDED, 1);
			ThreadCounts.add(cells, ThreadCounts.SUCCESS_NANOS, runNanos);
			ThreadCounts.max(cells, ThreadCounts.SUCCESS_MAX, runNanos, endedAt);
		}
		else if (failure == null) {
			this.periodicSucceeded.increment();
			this.successNanos.add(runNanos);
			WindowMax.seen(this.successMax, runNanos, endedAt);
		}
		else {
			this.periodicFailed.increment();
			this.failureNanos.add(runNanos);
			WindowMax.seen(this.failureMax, runNanos, endedAt);
			failure(failure);
		}
	}

	private void failure(Throwable failure) {
		String exception = failure.getClass().getSimpleName();
		LongAdder count = this.failures.get(exception);
		if (count == null) {
			// only the thread whose adder went in announces the kind: threads failing
			// with
			// a new exception at once must not register its meter twice
			LongAdder created = new LongAdder();
			LongAdder existing = this.failures.putIfAbsent(exception, created);
			count = (existing != null) ? existing : created;
			count.increment();
			if (existing == null) {
				this.series.failureKindAdded(this, exception);
			}
			return;
		}
		count.increment();
	}

	synchronized void recordRunsInto(boolean success, LongConsumer recorder) {
		this.recorded = RecordedTimes.runs(this.recorded, success, recorder);
	}

	synchronized void recordWaitsInto(LongConsumer recorder) {
		this.recorded = RecordedTimes.waits(this.recorded, recorder);
	}

	/**
	 * Count the end of a periodic task: it failed if its last run did, else it was
	 * cancelled.
	 * @param failed whether its last run failed
	 */
	public void periodicEnded(boolean failed) {
		(failed ? this.periodicFailedEnds : this.cancelled).increment();
	}

	/**
	 * Count a run interrupted past its time box's {@code interrupt-after}.
	 */
	public void interrupted() {
		this.interrupted.increment();
	}

	public long interruptedCount() {
		return this.interrupted.sum();
	}

	/**
	 * Count a task cancelled (or dropped by its executor) before it ran.
	 */
	public void cancelled() {
		this.cancelled.increment();
	}

	/**
	 * Count a task refused before it ran.
	 * @param reason why
	 */
	public void rejected(RejectReason reason) {
		this.rejected[reason.ordinal()].increment();
		if (this.announcedRejections.get(reason.ordinal()) == 0
				&& this.announcedRejections.compareAndSet(reason.ordinal(), 0, 1)) {
			this.series.rejectReasonAdded(this, reason);
		}
	}

	/**
	 * Return the executor's bean name.
	 * @return the executor
	 */
	public String executor() {
		return this.executor;
	}

	/**
	 * Return the values of the series' tags, in the order of
	 * {@link TaskSeries#tagKeys()}.
	 * @return the tag values (a copy)
	 */
	public String[] tagValues() {
		return this.tagValues.clone();
	}

	public long submittedCount() {
		return this.submitted.sum() + threadSum(ThreadCounts.SUBMITTED);
	}

	public long succeededCount() {
		return this.succeeded.sum() + threadSum(ThreadCounts.SUCCEEDED);
	}

	private long threadSum(int field) {
		return this.threadCounts.sum(this.slot, field);
	}

	public long failedCount() {
		return this.failed.sum() + this.periodicFailedEnds.sum();
	}

	public long cancelledCount() {
		return this.cancelled.sum();
	}

	public long rejectedCount(RejectReason reason) {
		return this.rejected[reason.ordinal()].sum();
	}

	public long rejectedCount() {
		long total = 0;
		for (LongAdder count : this.rejected) {
			total += count.sum();
		}
		return total;
	}

	/**
	 * Return the number of runs that ended with the given outcome.
	 * @param success whether the runs succeeded
	 * @return the number of runs
	 */
	public long runCount(boolean success) {
		return success ? succeededCount() + this.periodicSucceeded.sum() + threadSum(ThreadCounts.PERIODIC_SUCCEEDED)
				: this.failed.sum() + this.periodicFailed.sum();
	}

	/**
	 * Return the total time of the runs that ended with the given outcome.
	 * @param success whether the runs succeeded
	 * @return nanoseconds
	 */
	public long runNanos(boolean success) {
		return success ? this.successNanos.sum() + threadSum(ThreadCounts.SUCCESS_NANOS) : this.failureNanos.sum();
	}

	/**
	 * Return the longest run with the given outcome that ended in the last minute or two
	 * (69 to 138 seconds: {@link WindowMax}).
	 * @param success whether the runs succeeded
	 * @return nanoseconds, 0 when none
	 */
	public long runMaxNanos(boolean success) {
		long now = System.nanoTime();
		return success
				? Math.max(WindowMax.read(this.successMax.get(), now),
						this.threadCounts.max(this.slot, ThreadCounts.SUCCESS_MAX, now))
				: WindowMax.read(this.failureMax.get(), now);
	}

	/**
	 * Return the longest wait of a task whose run ended in the last minute or two.
	 * @return nanoseconds, 0 when none
	 */
	public long waitMaxNanos() {
		long now = System.nanoTime();
		return Math.max(WindowMax.read(this.waitMax.get(), now),
				this.threadCounts.max(this.slot, ThreadCounts.WAIT_MAX, now));
	}

	/**
	 * Return the number of waits measured: one per task that is not periodic and ran.
	 * @return the number of waits
	 */
	public long waitCount() {
		return succeededCount() + this.failed.sum();
	}

	public long waitNanos() {
		return this.waitNanos.sum() + threadSum(ThreadCounts.WAIT_NANOS);
	}

	/**
	 * Return how many runs failed with the given exception class.
	 * @param exception the simple class name
	 * @return the count
	 */
	public long failureCount(String exception) {
		LongAdder count = this.failures.get(exception);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Return the simple class names of the exceptions seen so far.
	 * @return the names
	 */
	public Iterable<String> failureKinds() {
		return this.failures.keySet();
	}

}
