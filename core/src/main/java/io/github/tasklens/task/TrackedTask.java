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
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.limit.InFlightLimit;
import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.metrics.TaskCounters;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.propagation.MdcCarrier;
import io.github.tasklens.registry.RegistryEntry;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxed;
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
public final class TrackedTask extends RegistryEntry implements RunnableFuture<Object>, Callable<Object>, TimeBoxed {

	static final int QUEUED = 0;

	static final int RUNNING = 1;

	static final int SCHEDULED = 2;

	// a run that the watchdog is interrupting: held only while it interrupts, and the
	// run's end waits for it to pass, so that the interrupt hits that run and no other
	static final int INTERRUPTING = 3;

	static final int DONE = 4;

	static final int CANCELLED = 5;

	static final int REJECTED = 6;

	// what begin() says of a run
	private static final int NOT_RUN = 0;

	private static final int FIRST_RUN = 1;

	private static final int OVERLAPPING_RUN = 2;

	private static final VarHandle STATE;

	private static final VarHandle NAME;

	private static final VarHandle LABELS;

	private static final VarHandle GENERIC_NAME;

	private static final VarHandle PERIODIC;

	private static final VarHandle PROBE;

	private static final VarHandle STARTED_AT_NANOS;

	private static final VarHandle THREAD;

	private static final VarHandle POLICY;

	private static final VarHandle EXTRAS;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			STATE = lookup.findVarHandle(TrackedTask.class, "state", int.class);
			NAME = lookup.findVarHandle(TrackedTask.class, "name", String.class);
			LABELS = lookup.findVarHandle(TrackedTask.class, "labels", TaskLabels.class);
			GENERIC_NAME = lookup.findVarHandle(TrackedTask.class, "genericName", boolean.class);
			PERIODIC = lookup.findVarHandle(TrackedTask.class, "periodic", boolean.class);
			PROBE = lookup.findVarHandle(TrackedTask.class, "probe", Future.class);
			STARTED_AT_NANOS = lookup.findVarHandle(TrackedTask.class, "startedAtNanos", long.class);
			THREAD = lookup.findVarHandle(TrackedTask.class, "thread", Thread.class);
			POLICY = lookup.findVarHandle(TrackedTask.class, "policy", TaskPolicy.class);
			EXTRAS = lookup.findVarHandle(TrackedTask.class, "extras", Extras.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final AtomicIntegerFieldUpdater<TrackedTask> ACTIVE_RUNS = AtomicIntegerFieldUpdater
		.newUpdater(TrackedTask.class, "activeRuns");

	// the periodic task whose run over its limits passes through its body on this thread
	private static final ThreadLocal<@Nullable TrackedTask> SKIPPING = new ThreadLocal<>();

	private static final long ORIGIN_NANOS = System.nanoTime();

	private static final long ORIGIN_MILLIS = System.currentTimeMillis();

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

	private volatile String name;

	private volatile boolean genericName;

	private volatile boolean periodic;

	private volatile TaskLabels labels;

	private final @Nullable ContextSnapshot context;

	private final @Nullable Map<String, String> mdc;

	private final TaskCounters counters;

	private final boolean recoverable;

	private @Nullable Throwable runFailure;

	private boolean lastRunFailed;

	private volatile @Nullable Future<?> probe;

	private volatile int state;

	private volatile int activeRuns;

	private final long submittedAtNanos;

	private volatile long startedAtNanos;

	private volatile @Nullable Thread thread;

	private volatile TaskPolicy policy;

	// what few tasks have: a submit site, or what the watchdog found past part of the
	// time box; kept out of every task's own fields so that a task stays small
	private volatile @Nullable Extras extras;

	private volatile boolean scheduledMethod;

	TrackedTask(long id, TrackingTaskDecorator executor, @Nullable Runnable task, Object original, boolean outcome,
			String name, boolean genericName, boolean periodic, @Nullable Future<?> probe, TaskLabels labels,
			@Nullable ContextSnapshot context, @Nullable Map<String, String> mdc, TaskCounters counters,
			boolean recoverable, TaskPolicy policy) {
		this.id = id;
		this.executor = executor;
		this.task = task;
		this.original = original;
		this.outcome = outcome;
		// plain writes, and none of a default value: a volatile write in a constructor
		// costs a fence per field, and the registry's lock publishes the task anyway
		NAME.set(this, name);
		LABELS.set(this, labels);
		if (genericName) {
			GENERIC_NAME.set(this, true);
		}
		if (periodic) {
			PERIODIC.set(this, true);
			STATE.set(this, SCHEDULED);
		}
		if (probe != null) {
			PROBE.set(this, probe);
		}
		this.context = context;
		this.mdc = mdc;
		this.counters = counters;
		this.recoverable = recoverable;
		POLICY.set(this, policy);
		this.submittedAtNanos = System.nanoTime();
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
			execute(this.task, outcome(), this.original, true);
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
		return execute(this.task, outcome(), this.original, false);
	}

	private @Nullable Future<?> outcome() {
		return this.outcome ? (Future<?>) this.original : null;
	}

	/**
	 * Run one run of this task with the given body, through the chain: state, hooks,
	 * current task, failure counting. Used for the first run and, for periodic tasks, for
	 * every later run that Spring submits separately.
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
	@Nullable Object execute(@Nullable Runnable body, @Nullable Future<?> outcome, Object source, boolean mayRecover)
			throws Exception {
		int begun = cancelledBeforeRun() ? NOT_RUN : begin();
		if (begun == NOT_RUN) {
			if (this.probe != null && body != null) {
				// a cancelled Future: running it completes nothing and keeps the pool's
				// view
				body.run();
			}
			return null;
		}
		boolean runPermits = false;
		if (this.periodic && this.policy.limited()) {
			runPermits = acquireRunPermits(this.policy);
			if (!runPermits && (!(body instanceof Future<?>) || this.scheduledMethod)) {
				return skip(body, begun == FIRST_RUN);
			}
		}
		Object previousFrame = TaskFrames.enter(this);
		Thread current = Thread.currentThread();
		long started = System.nanoTime();
		TaskChain chain = this.executor.chain();
		OverlappingRun overlap = null;
		if (begun == FIRST_RUN) {
			this.runFailure = null;
			// release writes: readers on other threads see them without a fence on this
			// one; the start before the thread, so that the watchdog never pairs a thread
			// with the start of an earlier run
			STARTED_AT_NANOS.setRelease(this, started);
			THREAD.setRelease(this, current);
		}
		else {
			overlap = overlapping(OverlappingRun.start(this, chain, current, started));
		}
		this.executor.ranOn(current);
		TaskRunEvent event = TaskRunEvent.beginIfEnabled();
		boolean propagates = chain.propagates();
		Map<String, String> workerMdc = propagates ? MdcCarrier.apply(this.mdc) : null;
		ContextSnapshot context = this.context;
		ContextSnapshot.Scope scope = (context != null) ? chain.restoreContext(context) : null;
		TaskLabels runLabels = this.labels;
		LabelMdc mdc = chain.mdc();
		@Nullable String[] previousMdc = (mdc != null) ? mdc.put(runLabels) : null;
		Object result = null;
		Throwable thrown = null;
		Throwable failure = null;
		try {
			chain.started(this);
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
			failure = (thrown != null) ? thrown : failureOf(outcome, overlap);
			chain.finished(this, failure);
		}
		finally {
			if (mdc != null && previousMdc != null) {
				mdc.restore(runLabels, previousMdc);
			}
			if (scope != null) {
				chain.closeContext(scope);
			}
			if (propagates) {
				MdcCarrier.restore(workerMdc);
			}
			long ended = System.nanoTime();
			long runNanos = ended - started;
			if (this.periodic) {
				this.counters.ranPeriodic(failure, runNanos, ended);
			}
			else {
				this.counters.ran(failure, runNanos, started - this.submittedAtNanos, ended);
			}
			if (event != null) {
				commit(event, started, failure);
			}
			if (overlap == null) {
				THREAD.setRelease(this, null);
			}
			else {
				overlap.end(chain);
				extras().overlaps.remove(overlap);
			}
			this.lastRunFailed = failure != null;
			if (failure != null && !this.periodic) {
				extras().failure = failure;
			}
			endRun(overlap == null);
			if (runPermits) {
				releasePermits(this.policy);
			}
			Extras found = this.extras;
			if (overlap == null && found != null && found.interruptedRun == started) {
				// the watchdog's interrupt of this run must not reach the thread's next
				// task
				Thread.interrupted();
			}
			if (this.periodic) {
				Submissions.closeResubmission(this);
			}
			TaskFrames.exit(previousFrame);
		}
		if (thrown != null) {
			if (!(mayRecover && recovers(thrown, source, chain))) {
				throw rethrown(thrown);
			}
			// recovering keeps the worker; the app's handler still receives the failure
			AppUncaughtHandler.receive(thrown);
		}
		return result;
	}

	TaskCounters counters() {
		return this.counters;
	}

	/**
	 * Record a failure that a wrapper inside the task caught before it could reach the
	 * chain ({@code @Async}, {@code @Scheduled}, a scheduler's error handler): it is the
	 * run's failure, counted and logged once when the run ends. The first one recorded in
	 * a run wins.
	 * @param failure the failure
	 */
	public void recordFailure(Throwable failure) {
		Thread current = Thread.currentThread();
		if (this.thread != current) {
			OverlappingRun overlap = overlapOn(current);
			if (overlap != null) {
				overlap.recordFailure(failure);
				return;
			}
		}
		if (this.runFailure == null) {
			this.runFailure = failure;
		}
	}

	private OverlappingRun overlapping(OverlappingRun run) {
		extras().overlaps.add(run);
		return run;
	}

	private @Nullable OverlappingRun overlapOn(Thread thread) {
		Extras found = this.extras;
		if (found != null) {
			for (OverlappingRun run : found.overlaps) {
				if (run.runningThread() == thread) {
					return run;
				}
			}
		}
		return null;
	}

	/**
	 * Return the failure of a run whose body returned normally: one a wrapper recorded,
	 * else the outcome of the {@code Future} the executor ran.
	 */
	private @Nullable Throwable failureOf(@Nullable Future<?> future, @Nullable OverlappingRun overlap) {
		Throwable recorded = (overlap != null) ? overlap.recordedFailure() : this.runFailure;
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
	 * Whether a failure thrown by the body stops here: only an exception (never an
	 * {@code Error}) of a task run directly by a pool's thread, and not one that Spring's
	 * error handling has already chosen to propagate.
	 */
	private boolean recovers(Throwable thrown, Object source, TaskChain chain) {
		return chain.recovers() && this.recoverable && !(thrown instanceof Error)
				&& !chain.wrappers().handlesFailures(source);
	}

	private static Exception rethrown(Throwable thrown) {
		if (thrown instanceof Error error) {
			throw error;
		}
		return (thrown instanceof Exception exception) ? exception : new UndeclaredThrowableException(thrown);
	}

	private void commit(TaskRunEvent event, long startedAtNanos, @Nullable Throwable failure) {
		event.end();
		if (event.shouldCommit()) {
			event.executor = executor();
			event.task = this.name;
			event.labels = this.labels.toString();
			event.queueWait = this.periodic ? 0 : Math.max(0, startedAtNanos - this.submittedAtNanos);
			event.failure = (failure != null) ? failure.getClass().getName() : null;
			event.commit();
		}
	}

	/**
	 * End a one-shot task whose {@code Future} was cancelled while it waited: the pool
	 * still hands it over, but it does not run, and it counts as cancelled, not as a run.
	 */
	private boolean cancelledBeforeRun() {
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
	 */
	private int begin() {
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
					this.executor.chain().registry().add(this);
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
	private void endRun(boolean first) {
		if (!this.periodic) {
			endByRun(DONE);
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
				endByRun(CANCELLED);
			}
		}
	}

	/**
	 * End the task from its run, once: it leaves the registry.
	 * @param finalState how it ended
	 */
	private void endByRun(int finalState) {
		end(finalState, null, true);
	}

	/**
	 * End the task before it runs, once: it leaves the registry. A task whose run has
	 * begun is left to that run, which ends it.
	 * @param finalState how it ended
	 * @return whether this call ended it
	 */
	private boolean endBeforeRun(int finalState) {
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
				this.executor.chain().registry().remove(this);
				Extras found = this.extras;
				if (found != null && found.awaited) {
					synchronized (this) {
						notifyAll();
					}
				}
				TaskPolicy limits = this.policy;
				if (!this.periodic && limits.limited()) {
					// a one-shot task holds a permit of each of its limits from
					// submission
					releasePermits(limits);
				}
				counted(finalState, reason);
				return true;
			}
		}
	}

	private void counted(int finalState, @Nullable RejectReason reason) {
		if (finalState == CANCELLED) {
			if (this.periodic) {
				this.counters.periodicEnded(this.lastRunFailed);
			}
			else {
				this.counters.cancelled();
			}
		}
		else if (finalState == REJECTED) {
			this.counters.rejected((reason != null) ? reason : RejectReason.EXECUTOR);
		}
	}

	/**
	 * Mark the task as refused before it ever ran: by its executor, a hook or a limit.
	 * @param reason why
	 */
	public void reject(RejectReason reason) {
		end(REJECTED, reason, false);
	}

	/**
	 * Mark the task as dropped before it ever ran: returned by {@code shutdownNow()} or
	 * discarded by the executor's policy.
	 */
	public void drop() {
		endBeforeRun(CANCELLED);
	}

	@Override
	public void sweep() {
		if (canNeverRun()) {
			endBeforeRun(CANCELLED);
		}
	}

	@Override
	public boolean canNeverRun() {
		int current = this.state;
		if (current != QUEUED && current != SCHEDULED) {
			return false;
		}
		Future<?> future = this.probe;
		return (future != null && future.isDone()) || this.executor.isTerminated();
	}

	public boolean probes(Future<?> future) {
		return this.probe == future;
	}

	public void probe(Future<?> future) {
		this.probe = future;
	}

	public void enrichName(String name, @Nullable TaskTimeBox annotated) {
		if (this.genericName) {
			this.name = name;
			this.labels = this.labels.and(TaskChain.TASK_LABEL, TaskChain.labelValue(name));
			// the limits stay those it took permits of at submission
			this.policy = this.policy.withTimeBox(this.executor.policyOf(name, annotated).timeBox());
			this.genericName = false;
		}
	}

	/**
	 * Take a permit of each in-flight limit of this one-shot task, before it is published
	 * to its executor.
	 * @throws java.util.concurrent.RejectedExecutionException when a limit refuses it
	 */
	void acquirePermits() {
		TaskPolicy limits = this.policy;
		if (this.periodic || !limits.limited()) {
			return;
		}
		TrackedTask submitter = TaskFrames.currentTask();
		InFlightLimit executorLimit = limits.executorLimit();
		InFlightLimit taskLimit = limits.taskLimit();
		boolean executorHeld = false;
		List<InFlightLimit> held = (submitter != null) ? submitter.policy.limits() : List.of();
		try {
			if (executorLimit != null) {
				executorLimit.acquire(this, submitter == null || submitter.executor != this.executor, held);
				executorHeld = true;
			}
			if (taskLimit != null) {
				taskLimit.acquire(this, submitter == null || !submitter.name.equals(this.name), held);
			}
		}
		catch (RuntimeException ex) {
			if (executorHeld) {
				executorLimit.release();
			}
			// refused: it holds no permit for its end to give back
			this.policy = limits.withoutLimits();
			throw ex;
		}
	}

	/**
	 * Take a permit of each limit for one run of this periodic task, without waiting.
	 */
	private static boolean acquireRunPermits(TaskPolicy limits) {
		InFlightLimit executorLimit = limits.executorLimit();
		if (executorLimit != null && !executorLimit.tryAcquire()) {
			return false;
		}
		InFlightLimit taskLimit = limits.taskLimit();
		if (taskLimit != null && !taskLimit.tryAcquire()) {
			if (executorLimit != null) {
				executorLimit.release();
			}
			return false;
		}
		return true;
	}

	private static void releasePermits(TaskPolicy limits) {
		InFlightLimit executorLimit = limits.executorLimit();
		if (executorLimit != null) {
			executorLimit.release();
		}
		InFlightLimit taskLimit = limits.taskLimit();
		if (taskLimit != null) {
			taskLimit.release();
		}
	}

	/**
	 * Skip a run of this periodic task that its limits refuse: count it as rejected. A
	 * body that schedules the next run itself still runs, and the scheduled method inside
	 * skips its call.
	 */
	private @Nullable Object skip(@Nullable Runnable body, boolean first) throws Exception {
		this.counters.rejected(RejectReason.LIMIT);
		try {
			if (body instanceof Future<?>) {
				Object previousFrame = TaskFrames.enter(this);
				SKIPPING.set(this);
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
			endRun(first);
			Submissions.closeResubmission(this);
		}
		return null;
	}

	/**
	 * Return whether the run passing through now is one its limits refused.
	 * @return whether to skip the scheduled method's call
	 */
	boolean skipsRun() {
		return SKIPPING.get() == this;
	}

	void runsScheduledMethod() {
		this.scheduledMethod = true;
	}

	@Override
	public TaskTimeBox timeBox() {
		return this.policy.timeBox();
	}

	@Override
	public int checkTimeBox(long nowNanos) {
		TaskTimeBox box = this.policy.timeBox();
		if (box == TaskTimeBox.NONE) {
			return 0;
		}
		int current = this.state;
		if (current == RUNNING) {
			long started = this.startedAtNanos;
			if (started == 0) {
				return 0;
			}
			long ran = nowNanos - started;
			int passed = 0;
			long overdueNanos = box.overdueNanos();
			Extras found = this.extras;
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
	public boolean interruptOverdueRun() {
		Extras found = this.extras;
		long due = (found != null) ? found.interruptDueRun : 0;
		if (due == 0 || !STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
			return false;
		}
		try {
			Thread running = (Thread) THREAD.getAcquire(this);
			if (running == null || this.startedAtNanos != due) {
				return false;
			}
			found.interruptedRun = due;
			running.interrupt();
			this.counters.interrupted();
			return true;
		}
		finally {
			STATE.setVolatile(this, RUNNING);
		}
	}

	@Override
	public boolean overdue() {
		int current = this.state;
		if (current == RUNNING || current == INTERRUPTING) {
			return overdueRun() == this.startedAtNanos;
		}
		return current == QUEUED && queueOverdue();
	}

	@Override
	public boolean ended() {
		return this.state >= DONE;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		Future<?> future = this.probe;
		boolean cancelled = (future != null) && future.cancel(mayInterruptIfRunning);
		int current = this.state;
		if (current == QUEUED || current == SCHEDULED) {
			cancelled = endBeforeRun(CANCELLED) || cancelled;
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

	/**
	 * Wait for the task and return its result, as any {@link Future}: a submitted task's
	 * is its future's; a task given to {@code execute} has none ({@code null}), or throws
	 * what its run failed with in an {@link ExecutionException}, as an executor's
	 * {@code afterExecute} that reads its tasks as futures expects.
	 */
	@Override
	public @Nullable Object get() throws InterruptedException, ExecutionException {
		Future<?> future = this.probe;
		if (future != null) {
			return future.get();
		}
		awaitEnd(0);
		return outcomeOfEnd();
	}

	@Override
	public @Nullable Object get(long timeout, TimeUnit unit)
			throws InterruptedException, ExecutionException, TimeoutException {
		Future<?> future = this.probe;
		if (future != null) {
			return future.get(timeout, unit);
		}
		if (!awaitEnd(Math.max(1, unit.toNanos(timeout)))) {
			throw new TimeoutException("Task " + this.id + " '" + this.name + "' has not ended");
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
		if (this.state != DONE) {
			throw new CancellationException("Task " + this.id + " '" + this.name + "' ended without running");
		}
		Extras found = this.extras;
		Throwable failure = (found != null) ? found.failure : null;
		if (failure != null) {
			throw new ExecutionException(failure);
		}
		return null;
	}

	/**
	 * Return the task as the app handed it to the executor: what a rejection handler, the
	 * queue and {@code shutdownNow()} show the app in place of this one.
	 * @return the app's task
	 */
	public Object source() {
		return this.original;
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
		if (current == RUNNING || current == INTERRUPTING) {
			return (overdueRun() == this.startedAtNanos) ? TaskState.OVERDUE : TaskState.RUNNING;
		}
		return this.periodic ? TaskState.SCHEDULED : TaskState.QUEUED;
	}

	@Override
	public boolean periodic() {
		return this.periodic;
	}

	@Override
	public Instant submittedAt() {
		return instant(this.submittedAtNanos);
	}

	@Override
	public @Nullable Instant startedAt() {
		long started = this.startedAtNanos;
		return (started != 0) ? instant(started) : null;
	}

	@Override
	public @Nullable Thread thread() {
		return this.thread;
	}

	@Override
	public List<StackTraceElement> submitSite() {
		Extras found = this.extras;
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

	static Instant instant(long nanoTime) {
		return Instant.ofEpochMilli(ORIGIN_MILLIS + (nanoTime - ORIGIN_NANOS) / 1_000_000L);
	}

	@Override
	public String toString() {
		return this.original.toString();
	}

	private Extras extras() {
		// made before the task is published (submit site), by the watchdog's one thread,
		// by a run that failed or by a caller of get(): whoever comes first
		Extras found = this.extras;
		if (found == null) {
			Extras made = new Extras();
			found = (Extras) EXTRAS.compareAndExchange(this, null, made);
			if (found == null) {
				found = made;
			}
		}
		return found;
	}

	private long overdueRun() {
		Extras found = this.extras;
		return (found != null) ? found.overdueRun : -1;
	}

	private boolean queueOverdue() {
		Extras found = this.extras;
		return found != null && found.queueOverdue;
	}

	/**
	 * What few tasks have: where it was submitted, and what the watchdog found of a task
	 * past part of its time box.
	 */
	private static final class Extras {

		StackTraceElement @Nullable [] submitSite;

		// the start of the run found past warn-after, past interrupt-after, and
		// interrupted
		volatile long overdueRun = -1;

		volatile long interruptDueRun;

		volatile long interruptedRun;

		volatile boolean queueOverdue;

		// the failure of a one-shot task's run, for get()
		volatile @Nullable Throwable failure;

		// whether a caller of get() waits for the end
		volatile boolean awaited;

		// the runs of a periodic task that began while another was going
		final List<OverlappingRun> overlaps = new CopyOnWriteArrayList<>();

	}

}
