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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.RunnableFuture;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.metrics.TaskCounters;
import io.github.tasklens.propagation.MdcCarrier;
import io.github.tasklens.timebox.TaskTimeBox;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One submission of a task, carrying everything tasklens knows of it: its identity (id,
 * executor, name, labels, the app's task), the context captured from its submitter, the
 * policy that governs it, and the read-only view that hooks and the registry see. It is
 * what the executor queues and runs; a periodic task is one {@code TrackedTask} for all
 * its runs. Its state machine is {@link TaskLifecycle}'s; each run is a {@link TaskRun}.
 * <p>
 * It is a {@link java.util.concurrent.Future} so that executors that cancel what they
 * never ran (Spring's shutdown, {@code purge()}) reach it; cancelling it cancels the task
 * it wraps.
 *
 * @author tasklens authors
 */
public final class TrackedTask extends TaskRuns implements RunnableFuture<Object>, Callable<Object> {

	/** The original is a future whose outcome tells how a run ended. */
	static final int OUTCOME = 1;

	/** The name is the task's class, which an {@code @Async} method may replace. */
	static final int GENERIC_NAME = 1 << 1;

	/** The task runs repeatedly. */
	static final int PERIODIC = 1 << 2;

	/** A failure may stop at the chain: the task runs directly on a pool's thread. */
	static final int RECOVERABLE = 1 << 3;

	private static final VarHandle NAME;

	private static final VarHandle LABELS;

	private static final VarHandle GENERIC;

	private static final VarHandle POLICY;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			NAME = lookup.findVarHandle(TrackedTask.class, "name", String.class);
			LABELS = lookup.findVarHandle(TrackedTask.class, "labels", TaskLabels.class);
			GENERIC = lookup.findVarHandle(TrackedTask.class, "genericName", boolean.class);
			POLICY = lookup.findVarHandle(TrackedTask.class, "policy", TaskPolicy.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final long id;

	private final TrackingTaskDecorator executor;

	// null when original is a Callable to call
	private final @Nullable Runnable task;

	private final Object original;

	// whether original is a future whose outcome tells how a run ended: known from its
	// class at submission, so that a run checks no type against an interface it may not
	// have (see TaskNames.TaskClass); a flag rather than a second reference keeps the
	// task at 112 B
	private final boolean outcome;

	private final boolean recoverable;

	private volatile boolean genericName;

	private volatile String name;

	private volatile TaskLabels labels;

	private volatile TaskPolicy policy;

	private final @Nullable ContextSnapshot context;

	private final @Nullable Map<String, String> mdc;

	private final TaskCounters counters;

	/**
	 * Make the task of a submission, capturing the submitter's context when the chain
	 * propagates it.
	 * @param executor the executor's decorator
	 * @param task what runs, or {@code null} to call {@code original}, a {@link Callable}
	 * @param original the task as the executor was handed it
	 * @param flags {@link #OUTCOME}, {@link #GENERIC_NAME}, {@link #PERIODIC},
	 * {@link #RECOVERABLE}
	 * @param probe the future whose cancellation ends the task, if known yet
	 * @param spec its name, labels, series and policy
	 */
	TrackedTask(TrackingTaskDecorator executor, @Nullable Runnable task, Object original, int flags,
			@Nullable Future<?> probe, TaskSpec spec) {
		super((flags & PERIODIC) != 0, probe);
		TaskChain chain = executor.chain();
		this.id = chain.nextId();
		this.executor = executor;
		this.task = task;
		this.original = original;
		this.outcome = (flags & OUTCOME) != 0;
		this.recoverable = (flags & RECOVERABLE) != 0;
		// plain writes: the registry's lock publishes the task
		NAME.set(this, spec.name());
		LABELS.set(this, spec.labels());
		POLICY.set(this, spec.policy());
		if ((flags & GENERIC_NAME) != 0) {
			GENERIC.set(this, true);
		}
		boolean propagates = chain.propagates();
		this.context = propagates ? chain.capture() : null;
		this.mdc = propagates ? MdcCarrier.capture() : null;
		this.counters = spec.counters();
	}

	@Override
	public void run() {
		try {
			TaskRun.execute(this, this.task, outcome(), this.original, true);
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
		return TaskRun.execute(this, this.task, outcome(), this.original, false);
	}

	private @Nullable Future<?> outcome() {
		return this.outcome ? (Future<?>) this.original : null;
	}

	@Override
	void onEnd(int finalState, @Nullable RejectReason reason) {
		this.executor.chain().registry().remove(this);
		TaskPolicy limits = this.policy;
		if (!periodic() && limits.limited()) {
			// a one-shot task holds a permit of each of its limits from submission
			limits.release();
		}
		if (finalState == CANCELLED) {
			if (periodic()) {
				this.counters.periodicEnded(lastRunFailed());
			}
			else {
				this.counters.cancelled();
			}
		}
		else if (finalState == REJECTED) {
			this.counters.rejected((reason != null) ? reason : RejectReason.EXECUTOR);
		}
	}

	@Override
	void onRunAgain() {
		this.executor.chain().registry().add(this);
	}

	@Override
	boolean executorTerminated() {
		return this.executor.isTerminated();
	}

	/**
	 * Wait for the task and return its result, as any {@link Future}: a submitted task's
	 * is its future's; a task given to {@code execute} has none ({@code null}), or throws
	 * what its run failed with in an {@link ExecutionException}, as an executor's
	 * {@code afterExecute} that reads its tasks as futures expects.
	 */
	@Override
	public @Nullable Object get() throws InterruptedException, ExecutionException {
		Future<?> future = probeIfAny();
		if (future != null) {
			return future.get();
		}
		awaitEnd(0);
		return outcomeOfEnd();
	}

	@Override
	public @Nullable Object get(long timeout, TimeUnit unit)
			throws InterruptedException, ExecutionException, TimeoutException {
		Future<?> future = probeIfAny();
		if (future != null) {
			return future.get(timeout, unit);
		}
		if (!awaitEnd(Math.max(1, unit.toNanos(timeout)))) {
			throw new TimeoutException("Task " + id() + " '" + name() + "' has not ended");
		}
		return outcomeOfEnd();
	}

	/**
	 * Wait until the task ends.
	 * @param timeoutNanos how long at most, or 0 for ever
	 * @return whether it ended
	 */
	private boolean awaitEnd(long timeoutNanos) throws InterruptedException {
		if (ended()) {
			return true;
		}
		extras().awaited = true;
		long deadline = System.nanoTime() + timeoutNanos;
		synchronized (this) {
			while (!ended()) {
				if (timeoutNanos == 0) {
					wait();
				}
				else {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return false;
					}
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
			}
		}
		return true;
	}

	private @Nullable Object outcomeOfEnd() throws ExecutionException {
		if (stateNow() != DONE) {
			throw new CancellationException("Task " + id() + " '" + name() + "' ended without running");
		}
		TaskExtras found = extrasIfAny();
		Throwable failure = (found != null) ? found.failure : null;
		if (failure != null) {
			throw new ExecutionException(failure);
		}
		return null;
	}

	/**
	 * Take a permit of each in-flight limit of this one-shot task, before it is published
	 * to its executor.
	 * @throws java.util.concurrent.RejectedExecutionException when a limit refuses it
	 */
	void acquirePermits() {
		TaskPolicy limits = this.policy;
		if (periodic() || !limits.limited()) {
			return;
		}
		TrackedTask submitter = TaskFrames.currentTask();
		try {
			limits.acquire(this, submitter == null || submitter.executor != this.executor,
					submitter == null || !submitter.name.equals(this.name),
					(submitter != null) ? submitter.policy.limits() : List.of());
		}
		catch (RuntimeException ex) {
			// refused: it holds no permit for its end to give back
			this.policy = limits.withoutLimits();
			throw ex;
		}
	}

	/**
	 * Give a task named after its class the name of the method it runs, with that
	 * method's time box; the limits stay those it took permits of at submission.
	 * @param name the method's name
	 * @param annotated the method's time box, or {@code null}
	 */
	public void enrichName(String name, @Nullable TaskTimeBox annotated) {
		if (this.genericName) {
			rename(name, TaskLabels.empty(), annotated);
		}
	}

	/**
	 * Give the task a name, labels learnt since it was made (an {@link InlineTask}'s
	 * route) and that name's time box.
	 */
	void rename(String name, TaskLabels labels, @Nullable TaskTimeBox annotated) {
		this.name = name;
		this.labels = this.labels.and(labels).and(TaskChain.TASK_LABEL, TaskChain.labelValue(name));
		this.policy = this.policy.withTimeBox(this.executor.policyOf(name, annotated).timeBox());
		this.genericName = false;
	}

	@Override
	public TaskTimeBox timeBox() {
		return this.policy.timeBox();
	}

	/**
	 * Return the task as the app handed it to the executor: what a rejection handler, the
	 * queue and {@code shutdownNow()} show the app in place of this one.
	 * @return the app's task
	 */
	public Object source() {
		return this.original;
	}

	TrackingTaskDecorator decorator() {
		return this.executor;
	}

	@Override
	TaskCounters counters() {
		return this.counters;
	}

	TaskPolicy policy() {
		return this.policy;
	}

	boolean recoverable() {
		return this.recoverable;
	}

	@Nullable ContextSnapshot capturedContext() {
		return this.context;
	}

	@Nullable Map<String, String> capturedMdc() {
		return this.mdc;
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
	public List<StackTraceElement> submitSite() {
		TaskExtras found = extrasIfAny();
		StackTraceElement[] site = (found != null) ? found.submitSite : null;
		return (site != null) ? List.of(site) : List.of();
	}

	/**
	 * Record where the task was submitted; called before the task is published.
	 * @param site the submitting code's top frames
	 */
	void submitSite(StackTraceElement[] site) {
		extras().submitSite = site;
	}

	@Override
	public String toString() {
		return this.original.toString();
	}

}
