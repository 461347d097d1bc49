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

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.propagation.MdcCarrier;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One run of a task, from its start to its end on one thread: what it puts in place on
 * the thread (the current task, the submitter's context and MDC, the labels in the MDC, a
 * JFR event) and takes away again, when it started, and what it counts when it ends.
 * <p>
 * It never leaves the run's own frame, so that the JIT can keep it in registers; what the
 * watchdog and readers see of a run is published on the task (a first run) or on an
 * {@link OverlappingRun} (a run of a periodic task that began while another went on).
 *
 * @author tasklens authors
 */
final class TaskRun {

	private final TrackedTask task;

	private final TaskChain chain;

	private final @Nullable Object previousFrame;

	private final long started;

	private final @Nullable OverlappingRun overlap;

	private final @Nullable TaskRunEvent event;

	private final boolean propagates;

	private final @Nullable Map<String, String> workerMdc;

	private final ContextSnapshot.@Nullable Scope scope;

	private TaskLabels labels;

	private final @Nullable LabelMdc labelMdc;

	private @Nullable String @Nullable [] previousMdc;

	// the periodic task whose run over its limits passes through its body on this thread
	private static final ThreadLocal<@Nullable TrackedTask> SKIPPING = new ThreadLocal<>();

	/**
	 * Run one run of a task with the given body, through the chain: state, limits, hooks,
	 * current task, context, failure counting. Used for the first run and, for periodic
	 * tasks, for every later run that Spring submits separately.
	 * @param task the task
	 * @param body the runnable to run, or {@code null} to call the source, a
	 * {@link Callable}
	 * @param outcome the source as a future whose outcome tells how the run ended, or
	 * {@code null}
	 * @param source the task as the executor handed it over, before any decorator the app
	 * set
	 * @param mayRecover whether the body runs directly on the executor's thread, with
	 * nothing of Spring's or the JDK's around it that expects its exception
	 * @return what the body returned
	 * @throws Exception what the body threw, unless the chain recovers from it
	 */
	static @Nullable Object execute(TrackedTask task, @Nullable Runnable body, @Nullable Future<?> outcome,
			Object source, boolean mayRecover) throws Exception {
		int begun = task.cancelledBeforeRun() ? TaskLifecycle.NOT_RUN : task.begin();
		if (begun == TaskLifecycle.NOT_RUN) {
			if (task.probing() && body != null) {
				// a cancelled Future: running it completes nothing and keeps the pool's
				// view
				body.run();
			}
			return null;
		}
		boolean runPermits = false;
		TaskPolicy policy = task.policy();
		if (task.periodic() && policy.limited()) {
			runPermits = policy.tryAcquireRun();
			if (!runPermits && (!(body instanceof Future<?>) || task.scheduledMethod())) {
				skip(task, body, begun == TaskLifecycle.FIRST_RUN);
				return null;
			}
		}
		TaskChain chain = task.decorator().chain();
		TaskRun run = new TaskRun(task, chain, begun == TaskLifecycle.FIRST_RUN);
		Object result = null;
		Throwable thrown = null;
		Throwable failure = null;
		try {
			chain.started(task);
			try {
				if (body != null) {
					body.run();
				}
				else {
					result = ((Callable<?>) source).call();
				}
			}
			catch (Throwable ex) {
				thrown = ex;
			}
			failure = (thrown != null) ? thrown : failureOf(task, run.overlap, outcome);
			chain.finished(task, failure);
		}
		finally {
			run.close(failure, runPermits ? policy : null);
		}
		if (thrown != null) {
			if (!(mayRecover && recovers(task, thrown, source, chain))) {
				throw rethrown(thrown);
			}
			// recovering keeps the worker; the app's handler still receives the failure
			AppUncaughtHandler.receive(thrown);
		}
		return result;
	}

	/**
	 * Begin a run whose body the task does not call itself (a thread's own run, between
	 * an instrumented method's entry and exit): state, current task, context, start
	 * hooks.
	 * @param task the task
	 * @return the run, to {@link #exit}, or {@code null} when the task will not run
	 */
	static @Nullable TaskRun enter(TrackedTask task) {
		int begun = task.cancelledBeforeRun() ? TaskLifecycle.NOT_RUN : task.begin();
		if (begun == TaskLifecycle.NOT_RUN) {
			return null;
		}
		TaskChain chain = task.decorator().chain();
		TaskRun run = new TaskRun(task, chain, begun == TaskLifecycle.FIRST_RUN);
		chain.started(task);
		return run;
	}

	/**
	 * End a run begun with {@link #enter}: finish hooks, counting, and what it put on the
	 * thread taken away. What the body threw goes on as it would without tasklens.
	 * @param thrown what the body threw, or {@code null}
	 */
	void exit(@Nullable Throwable thrown) {
		Throwable failure = (thrown != null) ? thrown : failureOf(this.task, this.overlap, null);
		try {
			this.chain.finished(this.task, failure);
		}
		finally {
			close(failure, null);
		}
	}

	/**
	 * Whether a failure thrown by the body stops here: only an exception (never an
	 * {@code Error}) of a task run directly by a pool's thread, and not one that Spring's
	 * error handling has already chosen to propagate.
	 */
	private static boolean recovers(TrackedTask task, Throwable thrown, Object source, TaskChain chain) {
		return chain.recovers() && task.recoverable() && !(thrown instanceof Error)
				&& !chain.wrappers().handlesFailures(source);
	}

	private static Exception rethrown(Throwable thrown) {
		if (thrown instanceof Error error) {
			throw error;
		}
		return (thrown instanceof Exception exception) ? exception : new UndeclaredThrowableException(thrown);
	}

	/**
	 * Skip a run of a periodic task that its limits refuse: count it as rejected. A body
	 * that schedules the next run itself still runs, and the scheduled method inside
	 * skips its call.
	 */
	private static void skip(TrackedTask task, @Nullable Runnable body, boolean first) {
		task.counters().rejected(RejectReason.LIMIT);
		try {
			if (body instanceof Future<?>) {
				Object previousFrame = TaskFrames.enter(task);
				SKIPPING.set(task);
				try {
					body.run();
				}
				finally {
					SKIPPING.remove();
					TaskFrames.exit(previousFrame);
				}
			}
		}
		finally {
			task.endRun(first);
			Submissions.closeResubmission(task);
		}
	}

	/**
	 * Return whether the run of a task passing through now is one its limits refused.
	 * @param task the task
	 * @return whether to skip the scheduled method's call
	 */
	static boolean skips(TaskRuns task) {
		return SKIPPING.get() == task;
	}

	/**
	 * Start a run on the current thread.
	 * @param task the task
	 * @param chain its chain
	 * @param first whether it is the task's first run (else one that overlaps it)
	 */
	TaskRun(TrackedTask task, TaskChain chain, boolean first) {
		this.task = task;
		this.chain = chain;
		this.previousFrame = TaskFrames.enter(task);
		Thread current = Thread.currentThread();
		long now = System.nanoTime();
		this.started = now;
		if (first) {
			task.firstRunStarted(now, current);
			this.overlap = null;
		}
		else {
			this.overlap = task.overlapStarted(OverlappingRun.start(task, chain, current, now));
		}
		task.decorator().ranOn(current);
		this.event = TaskRunEvent.beginIfEnabled();
		boolean propagates = chain.propagates();
		this.propagates = propagates;
		this.workerMdc = propagates ? MdcCarrier.apply(task.capturedMdc()) : null;
		ContextSnapshot context = task.capturedContext();
		this.scope = (context != null) ? chain.restoreContext(context) : null;
		TaskLabels labels = task.labels();
		this.labels = labels;
		LabelMdc labelMdc = chain.mdc();
		this.labelMdc = labelMdc;
		this.previousMdc = (labelMdc != null) ? labelMdc.put(labels) : null;
	}

	/**
	 * Return the failure of a run whose body returned normally: one a wrapper recorded,
	 * else the outcome of the {@code Future} the executor ran.
	 * @param task the task
	 * @param overlap the run, if it overlaps the task's first, else {@code null}
	 * @param future the future the executor ran, or {@code null}
	 * @return the failure, or {@code null}
	 */
	private static @Nullable Throwable failureOf(TrackedTask task, @Nullable OverlappingRun overlap,
			@Nullable Future<?> future) {
		Throwable recorded = (overlap != null) ? overlap.recordedFailure() : task.recordedFailure();
		if (recorded != null) {
			return recorded;
		}
		if (future != null && future.isDone() && !future.isCancelled()) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				return (ex.getCause() != null) ? ex.getCause() : ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (CancellationException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Put the task's labels into the MDC anew, on the run's thread, after the task was
	 * renamed while it runs.
	 */
	void relabeled() {
		LabelMdc labelMdc = this.labelMdc;
		@Nullable String[] previous = this.previousMdc;
		TaskLabels renamed = this.task.labels();
		if (labelMdc != null && previous != null) {
			if (!labelMdc.update(this.labels, renamed)) {
				labelMdc.restore(this.labels, previous);
				this.previousMdc = labelMdc.put(renamed);
			}
		}
		this.labels = renamed;
	}

	/**
	 * End the run: take away what it put on the thread, count it, and end it on the task.
	 * @param failure what the run failed with, or {@code null}
	 * @param runPermits the policy whose permits the run holds of its own, or
	 * {@code null}
	 */
	void close(@Nullable Throwable failure, @Nullable TaskPolicy runPermits) {
		if (this.labelMdc != null && this.previousMdc != null) {
			this.labelMdc.restore(this.labels, this.previousMdc);
		}
		if (this.scope != null) {
			this.chain.closeContext(this.scope);
		}
		if (this.propagates) {
			MdcCarrier.restore(this.workerMdc);
		}
		end(this.task, this.chain, this.started, this.overlap, this.event, failure, runPermits);
		TaskFrames.exit(this.previousFrame);
	}

	/**
	 * End a run on its task: count it, and end it on the task. Static, and given what it
	 * needs, so that the run object is handed to no call that the JIT might not inline.
	 */
	static void end(TrackedTask task, TaskChain chain, long started, @Nullable OverlappingRun overlap,
			@Nullable TaskRunEvent event, @Nullable Throwable failure, @Nullable TaskPolicy runPermits) {
		long ended = System.nanoTime();
		if (task.periodic()) {
			task.counters().ranPeriodic(failure, ended - started, ended);
		}
		else {
			task.counters().ran(failure, ended - started, started - task.submittedAtNanos(), ended);
		}
		if (event != null) {
			commit(task, event, started, failure);
		}
		boolean first = overlap == null;
		if (first) {
			task.firstRunEnded();
		}
		else {
			overlap.end(chain);
			task.overlapEnded(overlap);
		}
		task.lastRunFailed(failure);
		task.endRun(first);
		if (runPermits != null) {
			runPermits.release();
		}
		if (first && task.interruptedRun(started)) {
			// the watchdog's interrupt of this run must not reach the thread's next task;
			// asked once the run has left RUNNING, when no interrupt can be under way
			Thread.interrupted();
		}
		if (task.periodic()) {
			Submissions.closeResubmission(task);
		}
	}

	private static void commit(TrackedTask task, TaskRunEvent event, long started, @Nullable Throwable failure) {
		event.end();
		if (event.shouldCommit()) {
			event.executor = task.executor();
			event.task = task.name();
			event.labels = task.labels().toString();
			event.queueWait = task.periodic() ? 0 : Math.max(0, started - task.submittedAtNanos());
			event.failure = (failure != null) ? failure.getClass().getName() : null;
			event.commit();
		}
	}

}
