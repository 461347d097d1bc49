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

import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.registry.RegistryEntry;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxed;
import org.jspecify.annotations.Nullable;

/**
 * A run of a periodic task that began while another run of it was still going: a
 * fixed-rate task whose run outlasts its period on a scheduler that starts each run on a
 * thread of its own ({@code SimpleAsyncTaskScheduler}). It has what is per run (its
 * thread, its start, its failure, what its time box found) and is listed in the registry
 * beside its task while it runs, so that each running run shows with its own thread.
 *
 * @author tasklens authors
 */
final class OverlappingRun extends RegistryEntry implements TimeBoxed {

	private static final int RUNNING = 0;

	private static final int INTERRUPTING = 1;

	private static final int ENDED = 2;

	private static final VarHandle STATE;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(OverlappingRun.class, "state", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final TrackedTask task;

	private final long id;

	private final Thread thread;

	private final long startedAtNanos;

	private final TaskTimeBox timeBox;

	private volatile int state;

	// written by the watchdog's one thread
	private volatile boolean overdue;

	private volatile boolean interruptDue;

	private volatile boolean interrupted;

	// written by the run's own thread only
	private @Nullable Throwable failure;

	private OverlappingRun(TrackedTask task, long id, Thread thread, long startedAtNanos, TaskTimeBox timeBox) {
		this.task = task;
		this.id = id;
		this.thread = thread;
		this.startedAtNanos = startedAtNanos;
		this.timeBox = timeBox;
	}

	static OverlappingRun start(TrackedTask task, TaskChain chain, Thread thread, long startedAtNanos) {
		OverlappingRun run = new OverlappingRun(task, chain.nextId(), thread, startedAtNanos, task.timeBox());
		chain.registry().add(run);
		return run;
	}

	/**
	 * End the run: it leaves the registry, and an interrupt the watchdog gave this run
	 * does not reach the thread's next task.
	 * @param chain the chain
	 */
	void end(TaskChain chain) {
		while (!STATE.compareAndSet(this, RUNNING, ENDED)) {
			Thread.onSpinWait();
		}
		chain.registry().remove(this);
		if (this.interrupted) {
			Thread.interrupted();
		}
	}

	Thread runningThread() {
		return this.thread;
	}

	void recordFailure(Throwable thrown) {
		if (this.failure == null) {
			this.failure = thrown;
		}
	}

	@Nullable Throwable recordedFailure() {
		return this.failure;
	}

	@Override
	public void sweep() {
		// a run ends by itself
	}

	@Override
	public boolean canNeverRun() {
		return false;
	}

	@Override
	public boolean ended() {
		return this.state == ENDED;
	}

	@Override
	public int checkTimeBox(long nowNanos) {
		if (this.state != RUNNING || this.timeBox == TaskTimeBox.NONE) {
			return 0;
		}
		long ran = nowNanos - this.startedAtNanos;
		int passed = 0;
		long overdueNanos = this.timeBox.overdueNanos();
		if (overdueNanos != 0 && ran >= overdueNanos && !this.overdue) {
			this.overdue = true;
			passed |= TimeBoxed.OVERDUE;
		}
		long interruptNanos = this.timeBox.interruptNanos();
		if (interruptNanos != 0 && ran >= interruptNanos && !this.interruptDue) {
			this.interruptDue = true;
			passed |= TimeBoxed.INTERRUPT;
		}
		return passed;
	}

	@Override
	public boolean interruptOverdueRun() {
		if (!this.interruptDue || !interrupt()) {
			return false;
		}
		this.task.counters().interrupted();
		return true;
	}

	@Override
	public boolean cancelTask() {
		boolean cancelled = this.task.cancel(false);
		return interrupt() || cancelled;
	}

	private boolean interrupt() {
		if (!STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
			return false;
		}
		try {
			this.interrupted = true;
			this.thread.interrupt();
			return true;
		}
		finally {
			STATE.setVolatile(this, RUNNING);
		}
	}

	@Override
	public TaskTimeBox timeBox() {
		return this.timeBox;
	}

	@Override
	public boolean overdue() {
		return this.overdue;
	}

	@Override
	public long id() {
		return this.id;
	}

	@Override
	public String executor() {
		return this.task.executor();
	}

	@Override
	public String name() {
		return this.task.name();
	}

	@Override
	public TaskLabels labels() {
		return this.task.labels();
	}

	@Override
	public TaskState state() {
		return this.overdue ? TaskState.OVERDUE : TaskState.RUNNING;
	}

	@Override
	public boolean periodic() {
		return true;
	}

	@Override
	public Instant submittedAt() {
		return this.task.submittedAt();
	}

	@Override
	public Instant startedAt() {
		return TrackedTask.instant(this.startedAtNanos);
	}

	@Override
	public Thread thread() {
		return this.thread;
	}

	@Override
	public String toString() {
		return "overlapping run of " + this.task;
	}

}
