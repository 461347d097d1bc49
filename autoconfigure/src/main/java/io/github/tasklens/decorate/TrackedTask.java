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
package io.github.tasklens.decorate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.inventory.RegistryEntry;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One submission of a task, carrying everything tasklens knows of it. It is what the
 * executor queues and runs; a periodic task is one {@code TrackedTask} for all its runs.
 * <p>
 * It is a {@link Future} so that executors that cancel what they never ran (Spring's
 * shutdown, {@code purge()}) reach it; cancelling it cancels the task it wraps.
 *
 * @author tasklens authors
 */
public final class TrackedTask extends RegistryEntry implements RunnableFuture<Object>, Callable<Object> {

	static final int QUEUED = 0;

	static final int RUNNING = 1;

	static final int SCHEDULED = 2;

	static final int DONE = 3;

	static final int CANCELLED = 4;

	static final int REJECTED = 5;

	private static final AtomicIntegerFieldUpdater<TrackedTask> STATE = AtomicIntegerFieldUpdater
		.newUpdater(TrackedTask.class, "state");

	private static final AtomicIntegerFieldUpdater<TrackedTask> ACTIVE_RUNS = AtomicIntegerFieldUpdater
		.newUpdater(TrackedTask.class, "activeRuns");

	private final long id;

	private final TrackingTaskDecorator executor;

	private final Object task;

	private final Object original;

	private volatile String name;

	private volatile boolean genericName;

	private volatile boolean periodic;

	private volatile TaskLabels labels;

	private final @Nullable ContextSnapshot context;

	private final @Nullable Map<String, String> mdc;

	private volatile @Nullable Future<?> probe;

	private volatile int state;

	private volatile int activeRuns;

	private final long submittedAtMillis;

	private volatile long startedAtMillis;

	private volatile @Nullable Thread thread;

	TrackedTask(long id, TrackingTaskDecorator executor, Object task, Object original, String name, boolean genericName,
			boolean periodic, @Nullable Future<?> probe, TaskLabels labels, @Nullable ContextSnapshot context,
			@Nullable Map<String, String> mdc) {
		this.id = id;
		this.executor = executor;
		this.task = task;
		this.original = original;
		this.name = name;
		this.genericName = genericName;
		this.periodic = periodic;
		this.probe = probe;
		this.labels = labels;
		this.context = context;
		this.mdc = mdc;
		this.state = periodic ? SCHEDULED : QUEUED;
		this.submittedAtMillis = System.currentTimeMillis();
	}

	/**
	 * Return the task running on the current thread.
	 * @return the current task, or {@code null} outside a decorated task
	 */
	public static @Nullable TrackedTask current() {
		return TaskFrames.currentTask();
	}

	@Override
	public void run() {
		try {
			execute(this.task);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public @Nullable Object call() throws Exception {
		return execute(this.task);
	}

	/**
	 * Run one run of this task with the given body, through the chain: state, hooks,
	 * current task. Used for the first run and, for periodic tasks, for every later run
	 * that Spring submits separately.
	 * @param body the runnable or callable to run
	 * @return what the body returned
	 * @throws Exception what the body threw
	 */
	@Nullable Object execute(Object body) throws Exception {
		if (!begin()) {
			if (this.probe != null && body instanceof Runnable runnable) {
				// a cancelled Future: running it completes nothing and keeps the pool's
				// view
				runnable.run();
			}
			return null;
		}
		Object previousFrame = TaskFrames.enter(this);
		this.thread = Thread.currentThread();
		long started = System.currentTimeMillis();
		this.startedAtMillis = started;
		TaskRunEvent event = TaskRunEvent.beginIfEnabled();
		TaskChain chain = this.executor.chain();
		boolean propagates = chain.propagates();
		Map<String, String> workerMdc = propagates ? MdcCarrier.apply(this.mdc) : null;
		ContextSnapshot.Scope scope = chain.restoreContext(this.context);
		TaskLabels runLabels = this.labels;
		LabelMdc mdc = chain.mdc();
		@Nullable String[] previousMdc = (mdc != null) ? mdc.put(runLabels) : null;
		Throwable failure = null;
		try {
			chain.started(this);
			if (body instanceof Callable<?> callable) {
				return callable.call();
			}
			((Runnable) body).run();
			return null;
		}
		catch (Throwable ex) {
			failure = ex;
			throw ex;
		}
		finally {
			try {
				chain.finished(this, failure);
			}
			finally {
				if (mdc != null && previousMdc != null) {
					mdc.restore(runLabels, previousMdc);
				}
				chain.closeContext(scope);
				if (propagates) {
					MdcCarrier.restore(workerMdc);
				}
				if (event != null) {
					commit(event, started, failure);
				}
				this.thread = null;
				endRun();
				if (this.periodic) {
					Submissions.closeResubmission(this);
				}
				TaskFrames.exit(previousFrame);
			}
		}
	}

	private void commit(TaskRunEvent event, long startedAtMillis, @Nullable Throwable failure) {
		event.end();
		if (event.shouldCommit()) {
			event.executor = executor();
			event.task = this.name;
			event.labels = this.labels.toString();
			event.queueWait = this.periodic ? 0 : Math.max(0, startedAtMillis - this.submittedAtMillis) * 1_000_000L;
			event.failure = (failure != null) ? failure.getClass().getName() : null;
			event.commit();
		}
	}

	private boolean begin() {
		for (;;) {
			int current = this.state;
			if (current == CANCELLED || current == REJECTED) {
				return false;
			}
			if (current == DONE) {
				// a one-shot task that the scheduler runs again is periodic after all
				this.periodic = true;
				if (STATE.compareAndSet(this, DONE, RUNNING)) {
					ACTIVE_RUNS.incrementAndGet(this);
					this.executor.chain().registry().add(this);
					return true;
				}
				continue;
			}
			if (this.periodic) {
				ACTIVE_RUNS.incrementAndGet(this);
				if (STATE.compareAndSet(this, current, RUNNING) || this.state == RUNNING) {
					return true;
				}
				ACTIVE_RUNS.decrementAndGet(this);
				continue;
			}
			if (STATE.compareAndSet(this, current, RUNNING)) {
				return true;
			}
		}
	}

	private void endRun() {
		if (!this.periodic) {
			end(DONE);
			return;
		}
		if (ACTIVE_RUNS.decrementAndGet(this) == 0) {
			Future<?> future = this.probe;
			if (future != null && future.isDone()) {
				end(CANCELLED);
			}
			else {
				STATE.compareAndSet(this, RUNNING, SCHEDULED);
			}
		}
	}

	/**
	 * End the task, once: it leaves the registry.
	 * @param finalState how it ended
	 * @return whether this call ended it
	 */
	boolean end(int finalState) {
		for (;;) {
			int current = this.state;
			if (current >= DONE) {
				return false;
			}
			if (STATE.compareAndSet(this, current, finalState)) {
				this.executor.chain().registry().remove(this);
				return true;
			}
		}
	}

	/**
	 * Mark the task as rejected by its executor (or discarded, or returned by
	 * {@code shutdownNow()}) before it ever ran.
	 */
	void reject() {
		end(REJECTED);
	}

	/**
	 * Drop the task if it can never run again: its {@code Future} completed without a run
	 * through the chain, or its executor terminated.
	 */
	public void sweep() {
		int current = this.state;
		if (current != QUEUED && current != SCHEDULED) {
			return;
		}
		Future<?> future = this.probe;
		if ((future != null && future.isDone()) || this.executor.isTerminated()) {
			end(CANCELLED);
		}
	}

	void probe(Future<?> future) {
		this.probe = future;
	}

	void enrichName(String name) {
		if (this.genericName) {
			this.name = name;
			this.labels = this.labels.and(TaskChain.TASK_LABEL, TaskChain.labelValue(name));
			this.genericName = false;
		}
	}

	boolean ended() {
		return this.state >= DONE;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		Future<?> future = this.probe;
		boolean cancelled = (future != null) && future.cancel(mayInterruptIfRunning);
		int current = this.state;
		if (current == QUEUED || current == SCHEDULED) {
			cancelled = end(CANCELLED) || cancelled;
		}
		return cancelled;
	}

	@Override
	public boolean isCancelled() {
		Future<?> future = this.probe;
		return (future != null) ? future.isCancelled() : this.state == CANCELLED;
	}

	@Override
	public boolean isDone() {
		Future<?> future = this.probe;
		return (future != null) ? future.isDone() : this.state >= DONE;
	}

	@Override
	public Object get() throws InterruptedException, ExecutionException {
		return resultFuture().get();
	}

	@Override
	public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		return resultFuture().get(timeout, unit);
	}

	private Future<?> resultFuture() {
		Future<?> future = this.probe;
		if (future == null) {
			throw new UnsupportedOperationException(
					"A task submitted with execute(Runnable) has no result: use the Future that submit() returns");
		}
		return future;
	}

	@Override
	public long id() {
		return this.id;
	}

	@Override
	public String executor() {
		return this.executor.executorName();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public TaskLabels labels() {
		return this.labels;
	}

	@Override
	public TaskState state() {
		int current = this.state;
		if (current == RUNNING) {
			return TaskState.RUNNING;
		}
		return this.periodic ? TaskState.SCHEDULED : TaskState.QUEUED;
	}

	@Override
	public boolean periodic() {
		return this.periodic;
	}

	@Override
	public Instant submittedAt() {
		return Instant.ofEpochMilli(this.submittedAtMillis);
	}

	@Override
	public @Nullable Instant startedAt() {
		long started = this.startedAtMillis;
		return (started != 0) ? Instant.ofEpochMilli(started) : null;
	}

	@Override
	public @Nullable Thread thread() {
		return this.thread;
	}

	@Override
	public String toString() {
		return this.original.toString();
	}

}
