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

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.limit.InFlightLimit;
import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.metrics.TaskCounters;
import io.github.tasklens.metrics.TaskSeries;
import io.github.tasklens.registry.ThreadKind;
import io.github.tasklens.registry.VirtualThreads;
import io.github.tasklens.timebox.TaskTimeBox;
import org.jspecify.annotations.Nullable;

/**
 * The chain of one executor: each task handed to it becomes a {@link TrackedTask}, or a
 * run of the periodic task it belongs to. A decorator the executor already had decorates
 * the task first; the tracked task wraps the result.
 *
 * @author tasklens authors
 */
public final class TrackingTaskDecorator {

	private static final int MAX_CACHED_NAMES = 1024;

	private final String executorName;

	private final TaskChain chain;

	private final @Nullable UnaryOperator<Runnable> first;

	private final BooleanSupplier terminated;

	private final @Nullable InFlightLimit limit;

	private final Map<String, NameLabels> labelsByName = new ConcurrentHashMap<>();

	// written racily on a run when it changes, which is once or twice in the executor's
	// life: a lost write is made again by the next run
	private ThreadKind threads = ThreadKind.UNKNOWN;

	TrackingTaskDecorator(String executorName, TaskChain chain, @Nullable UnaryOperator<Runnable> first,
			BooleanSupplier terminated) {
		this.executorName = executorName;
		this.chain = chain;
		this.first = first;
		this.terminated = terminated;
		this.limit = chain.limits().forExecutor(executorName);
	}

	/**
	 * Track a task given to the executor.
	 * @param runnable the task
	 * @return the tracked task, or a run of the periodic task it belongs to
	 */
	public Runnable decorate(Runnable runnable) {
		return decorate(runnable, true);
	}

	/**
	 * Track a task that the executor runs inside a {@code Future} of its own, which
	 * expects the task's exceptions.
	 * @param runnable the task
	 * @return the tracked task, or a run of the periodic task it belongs to
	 */
	public Runnable decorateInFuture(Runnable runnable) {
		return decorate(runnable, false);
	}

	private Runnable decorate(Runnable runnable, boolean recoverable) {
		if (isTracked(runnable)) {
			return runnable;
		}
		Submissions.Intent intent = Submissions.take();
		Object unwrapped = this.chain.wrappers().unwrap(runnable);
		ScheduledMethodTask owner = (intent != null && intent.owner() != null) ? intent.owner()
				: (unwrapped instanceof ScheduledMethodTask method) ? method : null;
		TrackedTask periodic = (intent != null) ? intent.resubmitOf() : null;
		if (periodic == null && owner != null) {
			periodic = owner.tracked();
		}
		Runnable body = (this.first != null) ? this.first.apply(runnable) : runnable;
		if (periodic != null) {
			return new PeriodicRun(periodic, body, runnable);
		}
		// the task's interfaces from its class, not from type checks (see TaskClass)
		TaskNames.TaskClass kind = TaskNames.classOf(runnable);
		boolean repeating = owner != null
				|| (kind.scheduledFuture() && ((RunnableScheduledFuture<?>) runnable).isPeriodic());
		Future<?> future = kind.future() ? (Future<?>) runnable : null;
		TrackedTask task = newTask(body, runnable, unwrapped, (unwrapped == runnable) ? kind : null, intent, repeating,
				future, kind.hasOutcome(), recoverable);
		if (owner != null) {
			TrackedTask bound = owner.bindIfAbsent(task);
			if (bound != task) {
				return new PeriodicRun(bound, body, runnable);
			}
		}
		this.chain.submitted(task);
		return task;
	}

	/**
	 * Track a callable submitted to a scheduled executor.
	 * @param callable the callable
	 * @return the tracked task, to be scheduled as a callable
	 */
	public TrackedTask decorateCallable(Callable<?> callable) {
		Submissions.Intent intent = Submissions.take();
		TrackedTask task = newTask(null, callable, callable, null, intent, false, null, hasOutcome(callable), false);
		this.chain.submitted(task);
		return task;
	}

	/**
	 * Track a task that the executor will run repeatedly.
	 * @param runnable the task
	 * @return the tracked task, or a run of the periodic task it belongs to
	 */
	public Runnable decoratePeriodic(Runnable runnable) {
		ScheduledMethodTask owner = TaskNames.scheduledMethod(runnable, this.chain.wrappers());
		if (isTracked(runnable) || (owner != null && owner.tracked() != null)) {
			return decorate(runnable);
		}
		Submissions.Intent intent = Submissions.take();
		Runnable body = (this.first != null) ? this.first.apply(runnable) : runnable;
		TrackedTask task = newTask(body, runnable, this.chain.wrappers().unwrap(runnable), null, intent, true, null,
				hasOutcome(runnable), false);
		if (owner != null) {
			TrackedTask bound = owner.bindIfAbsent(task);
			if (bound != task) {
				return new PeriodicRun(bound, body, runnable);
			}
		}
		this.chain.submitted(task);
		return task;
	}

	/**
	 * Register a periodic {@code @Scheduled} method whose scheduler does not pass its
	 * registration through the decorator (it decorates each run instead).
	 * @param owner the scheduled method
	 */
	public void trackPeriodic(ScheduledMethodTask owner) {
		if (owner.tracked() != null) {
			return;
		}
		TrackedTask task = newTask(owner, owner, owner, null, Submissions.Intent.periodic(owner), true, null, false,
				false);
		if (owner.bindIfAbsent(task) == task) {
			this.chain.submitted(task);
		}
	}

	/**
	 * Make the tracked task of a submission.
	 * @param body what runs, or {@code null} to call {@code original}, a {@link Callable}
	 * @param original the task as submitted
	 * @param unwrapped the task inside Spring's wrappers
	 * @param unwrappedClass what is known of the unwrapped task's class, if asked already
	 * @param intent what the submitter announced
	 * @param periodic whether the task runs repeatedly
	 * @param probe the future whose cancellation ends the task, if known yet
	 * @param outcome whether the original task is a future whose outcome tells how a run
	 * ended
	 * @param recoverable whether a failure may stop at the chain
	 */
	private TrackedTask newTask(@Nullable Runnable body, Object original, Object unwrapped,
			TaskNames.@Nullable TaskClass unwrappedClass, Submissions.@Nullable Intent intent, boolean periodic,
			@Nullable Future<?> probe, boolean outcome, boolean recoverable) {
		String announcedName = (intent != null) ? intent.name() : null;
		String name = announcedName;
		boolean generic = false;
		if (name == null) {
			TaskNames.TaskClass described = TaskNames.describe(unwrapped, unwrappedClass);
			name = described.name();
			generic = described.generic();
		}
		NameLabels byName = byName(name);
		TaskLabels labels = labelsFor(byName, (intent != null) ? intent.labels() : TaskLabels.empty());
		TaskCounters counters = (byName.counters() != null) ? byName.counters()
				: this.chain.series().forLabels(this.executorName, labels);
		int flags = (outcome ? TrackedTask.OUTCOME : 0) | (generic ? TrackedTask.GENERIC_NAME : 0)
				| (periodic ? TrackedTask.PERIODIC : 0) | (recoverable ? TrackedTask.RECOVERABLE : 0);
		return new TrackedTask(this, body, original, flags, probe, new TaskSpec(name, labels, counters,
				policyOf(byName, name, (intent != null) ? intent.timeBox() : null)));
	}

	/**
	 * Return whether a task is a future whose outcome tells how its run ended.
	 * @param task a task
	 * @return whether to read its outcome after a run
	 */
	static boolean hasOutcome(Object task) {
		return TaskNames.classOf(task).hasOutcome();
	}

	/**
	 * Return the time box and limits of the tasks of a name.
	 * @param name the task name
	 * @param annotated the time box the task's method declares, or {@code null}
	 * @return the policy
	 */
	TaskPolicy policyOf(String name, @Nullable TaskTimeBox annotated) {
		return policyOf(byName(name), name, annotated);
	}

	private TaskPolicy policyOf(NameLabels byName, String name, @Nullable TaskTimeBox annotated) {
		if (annotated == null) {
			return byName.policy;
		}
		Annotated cached = byName.annotated;
		if (cached != null && cached.timeBox() == annotated) {
			return cached.policy();
		}
		TaskPolicy policy = byName.policy
			.withTimeBox(this.chain.timeBoxes().resolve(this.executorName, name, annotated));
		byName.annotated = new Annotated(annotated, policy);
		return policy;
	}

	/**
	 * Return what is the same for every task of this name: its own labels, those with the
	 * static ones, and its metric series when that follows from the name alone.
	 */
	private NameLabels byName(String name) {
		NameLabels byName = this.labelsByName.get(name);
		if (byName == null) {
			TaskLabels own = TaskLabels.of(TaskChain.EXECUTOR_LABEL, this.executorName, TaskChain.TASK_LABEL,
					TaskChain.labelValue(name));
			TaskSeries series = this.chain.series();
			TaskPolicy policy = new TaskPolicy(this.chain.timeBoxes().resolve(this.executorName, name), this.limit,
					this.chain.limits().forTask(name));
			byName = new NameLabels(own, this.chain.staticLabels().and(own),
					series.byName() ? series.forName(this.executorName, TaskChain.labelValue(name)) : null, policy);
			if (this.labelsByName.size() < MAX_CACHED_NAMES) {
				this.labelsByName.put(name, byName);
			}
		}
		return byName;
	}

	/**
	 * Return the labels of a new task: the static ones, then the submitter's, then those
	 * announced for it (an annotation's), then its own {@code executor} and {@code task}.
	 * A task submitted outside any task and with nothing announced gets shared labels.
	 */
	private TaskLabels labelsFor(NameLabels byName, TaskLabels announced) {
		TaskLabels inherited = TaskFrames.currentLabels();
		if (inherited.isEmpty() && announced.isEmpty()) {
			return byName.withStatic();
		}
		return this.chain.staticLabels().and(inherited).and(announced).and(byName.own());
	}

	/**
	 * Record the future an executor returned for a task this decorator tracked, so that
	 * the task leaves the registry when the future is cancelled before a run.
	 * @param decorated what {@link #decorate(Runnable)} returned
	 * @param future the executor's future
	 */
	public static void attach(Object decorated, Future<?> future) {
		if (decorated instanceof TrackedTask task) {
			task.probe(future);
		}
	}

	/**
	 * End a task that its executor refused.
	 * @param decorated what {@link #decorate(Runnable)} returned
	 */
	public static void rejected(Object decorated) {
		if (decorated instanceof TrackedTask task) {
			task.reject(RejectReason.EXECUTOR);
		}
	}

	/**
	 * End a task that its executor dropped without running it ({@code shutdownNow()}).
	 * @param decorated what {@link #decorate(Runnable)} returned
	 */
	public static void dropped(Object decorated) {
		if (decorated instanceof TrackedTask task) {
			task.drop();
		}
	}

	public static boolean isTracked(Object task) {
		return task instanceof TrackedTask || task instanceof PeriodicRun;
	}

	/**
	 * Return the bean name of the executor.
	 * @return the executor name
	 */
	public String executorName() {
		return this.executorName;
	}

	public TaskChain chain() {
		return this.chain;
	}

	void ranOn(Thread thread) {
		ThreadKind seen = this.threads;
		if (seen != ThreadKind.MIXED) {
			ThreadKind now = seen.and(VirtualThreads.isVirtual(thread));
			if (now != seen) {
				this.threads = now;
			}
		}
	}

	/**
	 * Return the kind of threads the executor has run its tasks on so far.
	 * @return the kind
	 */
	public ThreadKind threads() {
		return this.threads;
	}

	/**
	 * What is the same for every task of one name on this executor.
	 */
	private static final class NameLabels {

		private final TaskLabels own;

		private final TaskLabels withStatic;

		private final @Nullable TaskCounters counters;

		private final TaskPolicy policy;

		// the policy with the time box of the last annotation seen for this name
		private volatile @Nullable Annotated annotated;

		NameLabels(TaskLabels own, TaskLabels withStatic, @Nullable TaskCounters counters, TaskPolicy policy) {
			this.own = own;
			this.withStatic = withStatic;
			this.counters = counters;
			this.policy = policy;
		}

		TaskLabels own() {
			return this.own;
		}

		TaskLabels withStatic() {
			return this.withStatic;
		}

		@Nullable TaskCounters counters() {
			return this.counters;
		}

	}

	private record Annotated(TaskTimeBox timeBox, TaskPolicy policy) {
	}

	boolean isTerminated() {
		return this.terminated.getAsBoolean();
	}

}
