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

package io.github.tasklens.timebox;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The time box of a task: how long it may run before it is reported overdue
 * ({@code warn-after}) and before its thread is interrupted ({@code interrupt-after}),
 * and how long it may wait in its executor's queue ({@code queue-warn-after}). Each is
 * optional; {@link #orElse(TaskTimeBox)} fills the missing ones from a wider box.
 *
 * @author tasklens authors
 */
public final class TaskTimeBox {

	/**
	 * No time box at all.
	 */
	public static final TaskTimeBox NONE = new TaskTimeBox(null, null, null);

	private final @Nullable Duration warnAfter;

	private final @Nullable Duration interruptAfter;

	private final @Nullable Duration queueWarnAfter;

	// read by the watchdog for every live task: plain longs, 0 for none
	private final long overdueNanos;

	private final long interruptNanos;

	private final long queueWarnNanos;

	private TaskTimeBox(@Nullable Duration warnAfter, @Nullable Duration interruptAfter,
			@Nullable Duration queueWarnAfter) {
		this.warnAfter = warnAfter;
		this.interruptAfter = interruptAfter;
		this.queueWarnAfter = queueWarnAfter;
		this.interruptNanos = nanos(interruptAfter);
		long warnNanos = nanos(warnAfter);
		// an interrupted run is past its box even when no warn-after says so
		this.overdueNanos = (warnNanos == 0 || (this.interruptNanos != 0 && this.interruptNanos < warnNanos))
				? this.interruptNanos : warnNanos;
		this.queueWarnNanos = nanos(queueWarnAfter);
	}

	/**
	 * Create a time box.
	 * @param warnAfter how long a run may take before it is reported overdue, or
	 * {@code null}
	 * @param interruptAfter how long a run may take before its thread is interrupted, or
	 * {@code null}
	 * @param queueWarnAfter how long the task may wait in the queue, or {@code null}
	 * @return the time box
	 * @throws IllegalArgumentException if a duration is not positive, or
	 * {@code interruptAfter} is shorter than {@code warnAfter}
	 */
	public static TaskTimeBox of(@Nullable Duration warnAfter, @Nullable Duration interruptAfter,
			@Nullable Duration queueWarnAfter) {
		checkPositive("warn-after", warnAfter);
		checkPositive("interrupt-after", interruptAfter);
		checkPositive("queue-warn-after", queueWarnAfter);
		if (warnAfter != null && interruptAfter != null && interruptAfter.compareTo(warnAfter) < 0) {
			throw new IllegalArgumentException(
					"interrupt-after (" + interruptAfter + ") must not be shorter than warn-after (" + warnAfter
							+ "): a task is reported before it is interrupted");
		}
		if (warnAfter == null && interruptAfter == null && queueWarnAfter == null) {
			return NONE;
		}
		return new TaskTimeBox(warnAfter, interruptAfter, queueWarnAfter);
	}

	private static void checkPositive(String name, @Nullable Duration duration) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException(
					name + " must be a positive duration (for example 30s or 5m), was " + duration);
		}
	}

	private static long nanos(@Nullable Duration duration) {
		return (duration != null) ? saturatedNanos(duration) : 0;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Return this time box with what it leaves unset taken from another.
	 * @param wider the time box that applies where this one says nothing
	 * @return the combined time box
	 */
	public TaskTimeBox orElse(TaskTimeBox wider) {
		if (this == NONE || wider == NONE) {
			return (this == NONE) ? wider : this;
		}
		return new TaskTimeBox((this.warnAfter != null) ? this.warnAfter : wider.warnAfter,
				(this.interruptAfter != null) ? this.interruptAfter : wider.interruptAfter,
				(this.queueWarnAfter != null) ? this.queueWarnAfter : wider.queueWarnAfter);
	}

	/**
	 * Return how long a run may take before it is reported overdue.
	 * @return the duration, or {@code null} for no limit
	 */
	public @Nullable Duration warnAfter() {
		return this.warnAfter;
	}

	/**
	 * Return how long a run may take before its thread is interrupted.
	 * @return the duration, or {@code null} never to interrupt
	 */
	public @Nullable Duration interruptAfter() {
		return this.interruptAfter;
	}

	/**
	 * Return how long the task may wait in its executor's queue.
	 * @return the duration, or {@code null} for no limit
	 */
	public @Nullable Duration queueWarnAfter() {
		return this.queueWarnAfter;
	}

	/**
	 * Return after how many nanoseconds a run is overdue: its {@code warn-after}, or its
	 * {@code interrupt-after} when that is shorter or alone.
	 * @return nanoseconds, or 0 for never
	 */
	public long overdueNanos() {
		return this.overdueNanos;
	}

	/**
	 * Return after how many nanoseconds a run is interrupted.
	 * @return nanoseconds, or 0 for never
	 */
	public long interruptNanos() {
		return this.interruptNanos;
	}

	/**
	 * Return after how many nanoseconds in the queue a task is overdue.
	 * @return nanoseconds, or 0 for never
	 */
	public long queueWarnNanos() {
		return this.queueWarnNanos;
	}

	/**
	 * Return whether this time box limits nothing.
	 * @return whether no duration is set
	 */
	public boolean isNone() {
		return this.overdueNanos == 0 && this.queueWarnNanos == 0;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof TaskTimeBox that && Objects.equals(this.warnAfter, that.warnAfter)
				&& Objects.equals(this.interruptAfter, that.interruptAfter)
				&& Objects.equals(this.queueWarnAfter, that.queueWarnAfter);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.warnAfter, this.interruptAfter, this.queueWarnAfter);
	}

	@Override
	public String toString() {
		return "TaskTimeBox[warnAfter=" + this.warnAfter + ", interruptAfter=" + this.interruptAfter
				+ ", queueWarnAfter=" + this.queueWarnAfter + "]";
	}

}
