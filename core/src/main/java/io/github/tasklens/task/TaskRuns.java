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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.concurrent.Future;

import io.github.tasklens.TaskState;
import io.github.tasklens.metrics.TaskCounters;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxed;
import org.jspecify.annotations.Nullable;

/**
 * A task's runs as others see them: when the run in progress started and on which thread,
 * the failure a wrapper recorded for it, the runs of a periodic task that overlap it, and
 * what the watchdog finds of it against its time box. A {@link TaskRun} writes these; the
 * watchdog, the registry's readers and hooks read them.
 *
 * @author tasklens authors
 */
abstract class TaskRuns extends TaskLifecycle implements TimeBoxed {

	private static final VarHandle STARTED_AT_NANOS;

	private static final VarHandle THREAD;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			STARTED_AT_NANOS = lookup.findVarHandle(TaskRuns.class, "startedAtNanos", long.class);
			THREAD = lookup.findVarHandle(TaskRuns.class, "thread", Thread.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final long ORIGIN_NANOS = System.nanoTime();

	private static final long ORIGIN_MILLIS = System.currentTimeMillis();

	private final long submittedAtNanos;

	// the first run's: an overlapping run of a periodic task has its own
	private volatile long startedAtNanos;

	private volatile @Nullable Thread thread;

	// written by the first run's own thread only
	private @Nullable Throwable runFailure;

	private boolean lastRunFailed;

	// whether its runs pass through a @Scheduled method, which skips a run its limits
	// refuse by itself
	private volatile boolean scheduledMethod;

	TaskRuns(boolean periodic, @Nullable Future<?> probe) {
		super(periodic, probe);
		this.submittedAtNanos = System.nanoTime();
	}

	/**
	 * Return the series the task counts in.
	 * @return its counters
	 */
	abstract TaskCounters counters();

	final long submittedAtNanos() {
		return this.submittedAtNanos;
	}

	final void firstRunStarted(long started, @Nullable Thread current) {
		this.runFailure = null;
		// release writes: readers on other threads see them without a fence on this one;
		// the start before the thread, so that the watchdog never pairs a thread with the
		// start of an earlier run
		STARTED_AT_NANOS.setRelease(this, started);
		THREAD.setRelease(this, current);
	}

	final void firstRunEnded() {
		THREAD.setRelease(this, null);
	}

	/**
	 * Return whether the watchdog interrupted the first run that started then.
	 * @param started when it started
	 * @return whether it was interrupted
	 */
	final boolean interruptedRun(long started) {
		TaskExtras found = extrasIfAny();
		return found != null && found.interruptedRun == started;
	}

	final OverlappingRun overlapStarted(OverlappingRun run) {
		extras().overlaps.add(run);
		return run;
	}

	final void overlapEnded(OverlappingRun run) {
		extras().overlaps.remove(run);
	}

	final void lastRunFailed(@Nullable Throwable failure) {
		this.lastRunFailed = failure != null;
		if (failure != null && !periodic()) {
			extras().failure = failure;
		}
	}

	final boolean lastRunFailed() {
		return this.lastRunFailed;
	}

	/**
	 * Record a failure that a wrapper inside the task caught before it could reach the
	 * chain ({@code @Async}, {@code @Scheduled}, a scheduler's error handler): it is the
	 * run's failure, counted and logged once when the run ends. The first one recorded in
	 * a run wins.
	 * @param failure the failure
	 */
	public final void recordFailure(Throwable failure) {
		Thread current = Thread.currentThread();
		if (this.thread != current) {
			TaskExtras found = extrasIfAny();
			if (found != null) {
				for (OverlappingRun run : found.overlaps) {
					if (run.runningThread() == current) {
						run.recordFailure(failure);
						return;
					}
				}
			}
		}
		if (this.runFailure == null) {
			this.runFailure = failure;
		}
	}

	final @Nullable Throwable recordedFailure() {
		return this.runFailure;
	}

	/**
	 * Return whether the run passing through now is one its limits refused.
	 * @return whether to skip the scheduled method's call
	 */
	final boolean skipsRun() {
		return TaskRun.skips(this);
	}

	final void runsScheduledMethod() {
		this.scheduledMethod = true;
	}

	final boolean scheduledMethod() {
		return this.scheduledMethod;
	}

	@Override
	public final int checkTimeBox(long nowNanos) {
		TaskTimeBox box = timeBox();
		if (box == TaskTimeBox.NONE) {
			return 0;
		}
		int current = stateNow();
		if (current == RUNNING) {
			long started = this.startedAtNanos;
			if (started == 0) {
				return 0;
			}
			long ran = nowNanos - started;
			int passed = 0;
			TaskExtras found = extrasIfAny();
			long overdueNanos = box.overdueNanos();
			if (overdueNanos != 0 && ran >= overdueNanos && (found == null || found.overdueRun != started)) {
				found = extras();
				found.overdueRun = started;
				passed |= TimeBoxed.OVERDUE;
			}
			long interruptNanos = box.interruptNanos();
			if (interruptNanos != 0 && ran >= interruptNanos && (found == null || found.interruptDueRun != started)) {
				extras().interruptDueRun = started;
				passed |= TimeBoxed.INTERRUPT;
			}
			return passed;
		}
		if (current == QUEUED && !queueOverdue()) {
			long queueWarnNanos = box.queueWarnNanos();
			if (queueWarnNanos != 0 && nowNanos - this.submittedAtNanos >= queueWarnNanos) {
				extras().queueOverdue = true;
				return TimeBoxed.QUEUE_OVERDUE;
			}
		}
		return 0;
	}

	@Override
	public final boolean interruptOverdueRun() {
		TaskExtras found = extrasIfAny();
		long due = (found != null) ? found.interruptDueRun : 0;
		if (due == 0 || !interruptRun(due)) {
			return false;
		}
		counters().interrupted();
		return true;
	}

	@Override
	public final boolean cancelTask() {
		boolean cancelled = cancel(false);
		return interruptRun(0) || (this instanceof TrackedTask tracked && InlineTask.cancelUnbound(tracked))
				|| cancelled;
	}

	/**
	 * Interrupt the first run, if one is going (the one that started at {@code run},
	 * unless that is 0); its end clears the flag, so that the interrupt never reaches the
	 * thread's next task.
	 */
	private boolean interruptRun(long run) {
		if (!holdForInterrupt()) {
			return false;
		}
		try {
			Thread running = (Thread) THREAD.getAcquire(this);
			long started = this.startedAtNanos;
			if (running == null || (run != 0 && started != run)) {
				return false;
			}
			extras().interruptedRun = started;
			running.interrupt();
			return true;
		}
		finally {
			releaseInterrupt();
		}
	}

	@Override
	public final boolean overdue() {
		int current = stateNow();
		if (current == RUNNING || current == INTERRUPTING) {
			return overdueRun() == this.startedAtNanos;
		}
		return current == QUEUED && queueOverdue();
	}

	private long overdueRun() {
		TaskExtras found = extrasIfAny();
		return (found != null) ? found.overdueRun : -1;
	}

	private boolean queueOverdue() {
		TaskExtras found = extrasIfAny();
		return found != null && found.queueOverdue;
	}

	@Override
	public final TaskState state() {
		int current = stateNow();
		if (current == RUNNING || current == INTERRUPTING) {
			return (overdueRun() == this.startedAtNanos) ? TaskState.OVERDUE : TaskState.RUNNING;
		}
		return periodic() ? TaskState.SCHEDULED : TaskState.QUEUED;
	}

	@Override
	public final Instant submittedAt() {
		return instant(this.submittedAtNanos);
	}

	@Override
	public final @Nullable Instant startedAt() {
		long started = this.startedAtNanos;
		return (started != 0) ? instant(started) : null;
	}

	@Override
	public final @Nullable Thread thread() {
		return this.thread;
	}

	static Instant instant(long nanoTime) {
		return Instant.ofEpochMilli(ORIGIN_MILLIS + (nanoTime - ORIGIN_NANOS) / 1_000_000L);
	}

}
