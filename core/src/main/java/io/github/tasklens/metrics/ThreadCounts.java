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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.tasklens.registry.VirtualThreads;
import org.jspecify.annotations.Nullable;

/**
 * The busiest counts of a {@link TaskSeries}, kept per platform thread: each thread adds
 * to its own cells with plain writes, so that counting a task costs no atomic operation;
 * a reader sums the cells of every thread. Virtual threads, of which there may be
 * millions, get no cells: their counts go to the series' shared adders instead.
 * <p>
 * Each thread has one cell array per series it counted in, indexed by the series' slot.
 * The cells of a thread that has ended still count where they are; they are folded into
 * one shared array when a new thread joins and the list has grown past twice its live
 * size, so that their number follows the live threads.
 *
 * @author tasklens authors
 */
final class ThreadCounts {

	/**
	 * Tasks submitted.
	 */
	static final int SUBMITTED = 0;

	/**
	 * Runs of one-shot tasks that succeeded.
	 */
	static final int SUCCEEDED = 1;

	/**
	 * Total time of successful runs, one-shot or periodic.
	 */
	static final int SUCCESS_NANOS = 2;

	/**
	 * Total wait of one-shot tasks between submission and start.
	 */
	static final int WAIT_NANOS = 3;

	/**
	 * Runs of periodic tasks that succeeded.
	 */
	static final int PERIODIC_SUCCEEDED = 4;

	/**
	 * The longest successful run of the last minute or two ({@link WindowMax}).
	 */
	static final int SUCCESS_MAX = 5;

	/**
	 * The longest wait of the last minute or two ({@link WindowMax}).
	 */
	static final int WAIT_MAX = 6;

	static final int FIELDS = 7;

	private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

	private static final VarHandle ARRAYS = MethodHandles.arrayElementVarHandle(long[][].class);

	private final ThreadLocal<Cells> local = ThreadLocal.withInitial(this::register);

	// every thread's cells, and the folded counts of threads that ended; guarded by this
	private final List<Cells> all = new ArrayList<>();

	private long[][] ended = new long[0][];

	private int liveAfterLastFold;

	/**
	 * Return the current thread's cells of a series.
	 * @param slot the series' slot
	 * @return the cells, indexed by field, or {@code null} on a virtual thread
	 */
	long @Nullable [] cells(int slot) {
		Thread current = Thread.currentThread();
		if (VirtualThreads.isVirtual(current)) {
			return null;
		}
		return this.local.get().of(slot);
	}

	/**
	 * Add to one of the current thread's cells: only the owning thread writes them.
	 * @param cells what {@link #cells(int)} returned
	 * @param field the field
	 * @param delta what to add
	 */
	static void add(long[] cells, int field, long delta) {
		LONGS.setOpaque(cells, field, cells[field] + delta);
	}

	/**
	 * Note a time in one of the current thread's {@link WindowMax} cells: only the owning
	 * thread writes them.
	 * @param cells what {@link #cells(int)} returned
	 * @param field the field
	 * @param nanos the time
	 * @param at when it was seen
	 */
	static void max(long[] cells, int field, long nanos, long at) {
		long held = cells[field];
		long next = WindowMax.seen(held, nanos, at);
		if (next != held) {
			LONGS.setOpaque(cells, field, next);
		}
	}

	/**
	 * Return the largest time of one {@link WindowMax} field of a series over all
	 * threads.
	 * @param slot the series' slot
	 * @param field the field
	 * @param now a reading of {@link System#nanoTime()}
	 * @return nanoseconds
	 */
	synchronized long max(int slot, int field, long now) {
		long max = (slot < this.ended.length && this.ended[slot] != null) ? WindowMax.read(this.ended[slot][field], now)
				: 0;
		for (Cells cells : this.all) {
			long[] values = cells.peek(slot);
			if (values != null) {
				max = Math.max(max, WindowMax.read((long) LONGS.getOpaque(values, field), now));
			}
		}
		return max;
	}

	/**
	 * Return the sum of one field of a series over all threads, ended ones included
	 * (their cells stay listed until they are folded).
	 * @param slot the series' slot
	 * @param field the field
	 * @return the sum
	 */
	synchronized long sum(int slot, int field) {
		long sum = (slot < this.ended.length && this.ended[slot] != null) ? this.ended[slot][field] : 0;
		for (Cells cells : this.all) {
			long[] values = cells.peek(slot);
			if (values != null) {
				sum += (long) LONGS.getOpaque(values, field);
			}
		}
		return sum;
	}

	private synchronized Cells register() {
		if (this.all.size() >= 2 * this.liveAfterLastFold + 16) {
			foldEnded();
		}
		Cells cells = new Cells(Thread.currentThread());
		this.all.add(cells);
		return cells;
	}

	/**
	 * Fold the cells of threads that have ended: a thread seen ended has made its last
	 * write to them.
	 */
	private void foldEnded() {
		for (Iterator<Cells> iterator = this.all.iterator(); iterator.hasNext();) {
			Cells cells = iterator.next();
			Thread thread = cells.thread.get();
			if (thread == null || !thread.isAlive()) {
				fold(cells);
				iterator.remove();
			}
		}
		this.liveAfterLastFold = this.all.size();
	}

	private void fold(Cells cells) {
		long[][] bySlot = cells.bySlot;
		if (bySlot.length > this.ended.length) {
			long[][] grown = new long[bySlot.length][];
			System.arraycopy(this.ended, 0, grown, 0, this.ended.length);
			this.ended = grown;
		}
		for (int slot = 0; slot < bySlot.length; slot++) {
			long[] values = cells.peek(slot);
			if (values == null) {
				continue;
			}
			if (this.ended[slot] == null) {
				this.ended[slot] = new long[FIELDS];
			}
			for (int field = 0; field < FIELDS; field++) {
				long value = (long) LONGS.getOpaque(values, field);
				this.ended[slot][field] = isMax(field) ? WindowMax.fold(this.ended[slot][field], value)
						: this.ended[slot][field] + value;
			}
		}
	}

	private static boolean isMax(int field) {
		return field == SUCCESS_MAX || field == WAIT_MAX;
	}

	/**
	 * One thread's cells: written by that thread only, read by any.
	 */
	private static final class Cells {

		private final WeakReference<Thread> thread;

		// replaced, never changed in place, when a series with a higher slot is counted;
		// the old array's cells are the same objects, so no count is lost
		private volatile long[][] bySlot = new long[8][];

		Cells(Thread thread) {
			this.thread = new WeakReference<>(thread);
		}

		long[] of(int slot) {
			long[][] current = this.bySlot;
			if (slot < current.length) {
				long[] values = current[slot];
				if (values != null) {
					return values;
				}
			}
			return add(slot);
		}

		private long[] add(int slot) {
			long[][] current = this.bySlot;
			if (slot >= current.length) {
				long[][] grown = new long[Math.max(slot + 1, current.length * 2)][];
				System.arraycopy(current, 0, grown, 0, current.length);
				current = grown;
				this.bySlot = grown;
			}
			long[] values = new long[FIELDS];
			ARRAYS.setRelease(current, slot, values);
			return values;
		}

		long @Nullable [] peek(int slot) {
			long[][] current = this.bySlot;
			return (slot < current.length) ? (long[]) ARRAYS.getAcquire(current, slot) : null;
		}

	}

}
