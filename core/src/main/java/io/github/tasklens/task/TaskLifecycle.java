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
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.registry.RegistryEntry;
import org.jspecify.annotations.Nullable;

/**
 * The life of a task from submission to its end, and the {@link Future} view of it. Every
 * change of state is made here, by compare-and-set, as this table lists:
 *
 * <pre>
 * from          event                                              to            method
 * QUEUED        a run begins                                       RUNNING       begin
 * QUEUED        its executor, a hook or a limit refuses it         REJECTED      reject
 * QUEUED        cancelled, dropped by the pool, or it can never    CANCELLED     cancel, drop, sweep,
 *               run (future done, executor terminated)                           cancelledBeforeRun
 * SCHEDULED     the next run begins                                RUNNING       begin
 * SCHEDULED     its schedule is cancelled, or it can never run     CANCELLED     cancel, sweep, endRun
 * RUNNING       a one-shot run ends                                DONE          endRun
 * RUNNING       the first run of a periodic task ends              SCHEDULED     endRun
 * RUNNING       the watchdog begins to interrupt the run           INTERRUPTING  holdForInterrupt
 * INTERRUPTING  the interrupt is delivered                         RUNNING       releaseInterrupt
 * DONE          a scheduler runs the one-shot task again: it is    RUNNING       begin
 *               periodic from then on
 * </pre>
 *
 * DONE, CANCELLED and REJECTED are final: reaching one calls {@link #onEnd} once, which
 * takes the task out of the registry and counts it. INTERRUPTING is held only while the
 * watchdog interrupts, and whatever would leave RUNNING waits for it to pass, so that the
 * interrupt hits the run it was meant for and no other. A run of a periodic task that
 * begins while another goes on ({@link #OVERLAPPING_RUN}) leaves the state as it is and
 * counts in {@code activeRuns}; the task ends when its last run ends after its future
 * completed.
 *
 * @author tasklens authors
 */
abstract class TaskLifecycle extends RegistryEntry implements Future<Object> {

	static final int QUEUED = 0;

	static final int RUNNING = 1;

	static final int SCHEDULED = 2;

	static final int INTERRUPTING = 3;

	static final int DONE = 4;

	static final int CANCELLED = 5;

	static final int REJECTED = 6;

	// what begin() says of a run
	static final int NOT_RUN = 0;

	static final int FIRST_RUN = 1;

	static final int OVERLAPPING_RUN = 2;

	private static final VarHandle STATE;

	private static final VarHandle PERIODIC;

	private static final VarHandle PROBE;

	private static final VarHandle EXTRAS;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			STATE = lookup.findVarHandle(TaskLifecycle.class, "state", int.class);
			PERIODIC = lookup.findVarHandle(TaskLifecycle.class, "periodic", boolean.class);
			PROBE = lookup.findVarHandle(TaskLifecycle.class, "probe", Future.class);
			EXTRAS = lookup.findVarHandle(TaskLifecycle.class, "extras", TaskExtras.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final AtomicIntegerFieldUpdater<TaskLifecycle> ACTIVE_RUNS = AtomicIntegerFieldUpdater
		.newUpdater(TaskLifecycle.class, "activeRuns");

	private volatile int state;

	private volatile int activeRuns;

	private volatile boolean periodic;

	// the future whose cancellation ends the task: the executor's, or the task itself
	private volatile @Nullable Future<?> probe;

	private volatile @Nullable TaskExtras extras;

	TaskLifecycle(boolean periodic, @Nullable Future<?> probe) {
		// plain writes, and none of a default value: a volatile write in a constructor
		// costs a fence per field, and the registry's lock publishes the task anyway
		if (periodic) {
			PERIODIC.set(this, true);
			STATE.set(this, SCHEDULED);
		}
		if (probe != null) {
			PROBE.set(this, probe);
		}
	}

	/**
	 * The task reached a final state, once: leave the registry, give back what it holds,
	 * count it.
	 * @param finalState DONE, CANCELLED or REJECTED
	 * @param reason why it was refused, for REJECTED
	 */
	abstract void onEnd(int finalState, @Nullable RejectReason reason);

	/**
	 * A scheduler runs a one-shot task that had ended again: it is live again.
	 */
	abstract void onRunAgain();

	/**
	 * Return whether the task's executor has terminated, so that it can never run.
	 * @return whether it terminated
	 */
	abstract boolean executorTerminated();

	final boolean probing() {
		return this.probe != null;
	}

	final @Nullable Future<?> probeIfAny() {
		return this.probe;
	}

	final int stateNow() {
		return this.state;
	}

	@Override
	public final boolean periodic() {
		return this.periodic;
	}

	/**
	 * End a one-shot task whose {@code Future} was cancelled while it waited: the pool
	 * still hands it over, but it does not run, and it counts as cancelled, not as a run.
	 * @return whether it was cancelled
	 */
	final boolean cancelledBeforeRun() {
		Future<?> future = this.probe;
		if (future == null || this.periodic || !future.isCancelled()) {
			return false;
		}
		endBeforeRun(CANCELLED);
		return true;
	}

	/**
	 * Begin a run: the first run of a task, or of a periodic task between runs, is
	 * {@link #FIRST_RUN} and uses the task's own fields; a run of a periodic task that
	 * begins while another is going is {@link #OVERLAPPING_RUN} and has its own.
	 * @return {@link #NOT_RUN}, {@link #FIRST_RUN} or {@link #OVERLAPPING_RUN}
	 */
	final int begin() {
		for (;;) {
			int current = this.state;
			if (current == CANCELLED || current == REJECTED) {
				return NOT_RUN;
			}
			if (current == INTERRUPTING) {
				Thread.onSpinWait();
				continue;
			}
			if (current == DONE) {
				// a one-shot task that the scheduler runs again is periodic after all
				this.periodic = true;
				if (STATE.compareAndSet(this, DONE, RUNNING)) {
					ACTIVE_RUNS.incrementAndGet(this);
					onRunAgain();
					return FIRST_RUN;
				}
				continue;
			}
			if (this.periodic) {
				ACTIVE_RUNS.incrementAndGet(this);
				if (current == RUNNING) {
					return OVERLAPPING_RUN;
				}
				if (STATE.compareAndSet(this, current, RUNNING)) {
					return FIRST_RUN;
				}
				ACTIVE_RUNS.decrementAndGet(this);
				continue;
			}
			if (STATE.compareAndSet(this, current, RUNNING)) {
				return FIRST_RUN;
			}
		}
	}

	/**
	 * End a run. A periodic task is between runs again once its first run ends, even
	 * while overlapping runs go on; it ends when its last run ends after its future
	 * completed.
	 * @param first whether the run was a {@link #FIRST_RUN}
	 */
	final void endRun(boolean first) {
		if (!this.periodic) {
			end(DONE, null, true);
			return;
		}
		if (first) {
			while (!STATE.compareAndSet(this, RUNNING, SCHEDULED) && this.state == INTERRUPTING) {
				Thread.onSpinWait();
			}
		}
		if (ACTIVE_RUNS.decrementAndGet(this) == 0) {
			Future<?> future = this.probe;
			if (future != null && future.isDone()) {
				end(CANCELLED, null, true);
			}
		}
	}

	/**
	 * End the task before it runs, once. A task whose run has begun is left to that run,
	 * which ends it.
	 * @param finalState how it ended
	 * @return whether this call ended it
	 */
	final boolean endBeforeRun(int finalState) {
		return end(finalState, null, false);
	}

	private boolean end(int finalState, @Nullable RejectReason reason, boolean byRun) {
		for (;;) {
			int current = this.state;
			if (current >= DONE || (!byRun && (current == RUNNING || current == INTERRUPTING))) {
				return false;
			}
			if (current == INTERRUPTING) {
				Thread.onSpinWait();
				continue;
			}
			if (STATE.compareAndSet(this, current, finalState)) {
				onEnd(finalState, reason);
				TaskExtras found = this.extras;
				if (found != null && found.awaited) {
					synchronized (this) {
						notifyAll();
					}
				}
				return true;
			}
		}
	}

	/**
	 * Hold a running task in INTERRUPTING while the watchdog interrupts its run.
	 * @return whether it was running and is now held
	 */
	final boolean holdForInterrupt() {
		return STATE.compareAndSet(this, RUNNING, INTERRUPTING);
	}

	final void releaseInterrupt() {
		STATE.setVolatile(this, RUNNING);
	}

	/**
	 * Mark the task as refused before it ever ran: by its executor, a hook or a limit.
	 * @param reason why
	 */
	public final void reject(RejectReason reason) {
		end(REJECTED, reason, false);
	}

	/**
	 * Mark the task as dropped before it ever ran: returned by {@code shutdownNow()} or
	 * discarded by the executor's policy.
	 */
	public final void drop() {
		endBeforeRun(CANCELLED);
	}

	@Override
	public final void sweep() {
		if (canNeverRun()) {
			endBeforeRun(CANCELLED);
		}
	}

	@Override
	public final boolean canNeverRun() {
		int current = this.state;
		if (current != QUEUED && current != SCHEDULED) {
			return false;
		}
		Future<?> future = this.probe;
		return (future != null && future.isDone()) || executorTerminated();
	}

	@Override
	public final boolean ended() {
		return this.state >= DONE;
	}

	public final boolean probes(Future<?> future) {
		return this.probe == future;
	}

	public final void probe(Future<?> future) {
		this.probe = future;
	}

	@Override
	public final boolean cancel(boolean mayInterruptIfRunning) {
		Future<?> future = this.probe;
		boolean cancelled = (future != null) && future.cancel(mayInterruptIfRunning);
		int current = this.state;
		if (current == QUEUED || current == SCHEDULED) {
			cancelled = endBeforeRun(CANCELLED) || cancelled;
		}
		return cancelled;
	}

	@Override
	public final boolean isCancelled() {
		Future<?> future = this.probe;
		return (future != null) ? future.isCancelled() : this.state == CANCELLED;
	}

	@Override
	public final boolean isDone() {
		Future<?> future = this.probe;
		return (future != null) ? future.isDone() : this.state >= DONE;
	}

	/**
	 * Return what few tasks have, made when first needed: before the task is published
	 * (submit site), by the watchdog's one thread, by a run that failed or by a caller of
	 * {@code get()}, whoever comes first.
	 * @return the extras
	 */
	final TaskExtras extras() {
		TaskExtras found = this.extras;
		if (found == null) {
			TaskExtras made = new TaskExtras();
			found = (TaskExtras) EXTRAS.compareAndExchange(this, null, made);
			if (found == null) {
				found = made;
			}
		}
		return found;
	}

	/**
	 * Return the extras if the task has them.
	 * @return the extras, or {@code null}
	 */
	final @Nullable TaskExtras extrasIfAny() {
		return this.extras;
	}

}
