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

import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest time of a window, as a Micrometer {@code Timer} reports its max, kept in
 * one {@code long} so that a task can update it with a plain write to its thread's cell.
 * Time is cut into windows of 2<sup>36</sup> ns (about 69 s) by the clock of
 * {@link System#nanoTime()}; a value holds the number of its window (16 bits, compared
 * modulo 2<sup>16</sup>) and the largest time seen in it (48 bits, up to 78 hours). A
 * reader reports the largest time of the current window and of the one before, so that a
 * time stays visible for 69 to 138 seconds, as Micrometer's own max decays after about
 * two minutes.
 *
 * @author tasklens authors
 */
final class WindowMax {

	static final int WINDOW_SHIFT = 36;

	private static final int VALUE_BITS = 48;

	private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;

	private static final long WINDOW_MASK = 0xFFFF;

	private WindowMax() {
	}

	/**
	 * Return the window of an instant.
	 * @param nanoTime a reading of {@link System#nanoTime()}
	 * @return its window, 16 bits
	 */
	static long window(long nanoTime) {
		return (nanoTime >>> WINDOW_SHIFT) & WINDOW_MASK;
	}

	/**
	 * Return what a cell holds after a time was seen, given what it held.
	 * @param held what the cell holds (0 when nothing)
	 * @param nanos the time seen, not negative
	 * @param at when it was seen, a reading of {@link System#nanoTime()}
	 * @return what the cell holds now: {@code held} itself when it does not change
	 */
	static long seen(long held, long nanos, long at) {
		long window = window(at);
		if ((held >>> VALUE_BITS) == window && (held & VALUE_MASK) >= nanos) {
			return held;
		}
		if ((held >>> VALUE_BITS) == window || held == 0) {
			return pack(window, nanos);
		}
		// a value of an older window is replaced; of a newer one (a clock read on another
		// thread a moment later) is kept
		return (((window - (held >>> VALUE_BITS)) & WINDOW_MASK) < 0x8000) ? pack(window, nanos) : held;
	}

	/**
	 * Record a time in a cell that threads share.
	 * @param cell the cell
	 * @param nanos the time
	 * @param at when it was seen
	 */
	static void seen(AtomicLong cell, long nanos, long at) {
		long held = cell.get();
		long next = seen(held, nanos, at);
		while (next != held && !cell.compareAndSet(held, next)) {
			held = cell.get();
			next = seen(held, nanos, at);
		}
	}

	/**
	 * Return the largest time a cell holds for the window of {@code now} or the one
	 * before.
	 * @param held what the cell holds
	 * @param now a reading of {@link System#nanoTime()}
	 * @return nanoseconds, 0 when the cell's time is older
	 */
	static long read(long held, long now) {
		if (held == 0) {
			return 0;
		}
		long age = (window(now) - (held >>> VALUE_BITS)) & WINDOW_MASK;
		return (age <= 1) ? (held & VALUE_MASK) : 0;
	}

	/**
	 * Return one value that keeps the newer of two cells' times, or the larger when they
	 * are of one window: what the cells of an ended thread fold into.
	 * @param first one cell's value
	 * @param second the other's
	 * @return the folded value
	 */
	static long fold(long first, long second) {
		if (first == 0 || second == 0) {
			return first | second;
		}
		return seen(first, second & VALUE_MASK, (second >>> VALUE_BITS) << WINDOW_SHIFT);
	}

	private static long pack(long window, long nanos) {
		return (window << VALUE_BITS) | Math.min(nanos, VALUE_MASK);
	}

}
