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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.limit.InFlightLimits;
import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.metrics.TaskSeries;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.ThreadKind;
import io.github.tasklens.timebox.TimeBoxPolicy;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshot.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain that every decorated task passes: the registry of live tasks and the
 * {@link TaskHook hooks}. One per application context.
 *
 * @author tasklens authors
 */
public final class TaskChain {

	private static final Logger logger = LoggerFactory.getLogger(TaskChain.class);

	private static final Logger failureLogger = LoggerFactory.getLogger("io.github.tasklens.TaskFailure");

	/**
	 * The label every task has with its executor's bean name.
	 */
	public static final String EXECUTOR_LABEL = "executor";

	/**
	 * The label every task has with its name.
	 */
	public static final String TASK_LABEL = "task";

	private final LiveTaskRegistry registry;

	private final TaskLabels staticLabels;

	private final @Nullable LabelMdc mdc;

	private final @Nullable ContextCapture capture;

	private final TaskSeries series;

	private final boolean recover;

	private final TaskWrappers wrappers;

	private final boolean logFailures;

	private final boolean submitSite;

	private final TimeBoxPolicy timeBoxes;

	private final InFlightLimits limits;

	private final Map<String, List<TrackingTaskDecorator>> decorators = new ConcurrentHashMap<>();

	private final LogLimit contextFailures = new LogLimit();

	private final TaskHooks hooks;

	private final AtomicLong ids = new AtomicLong();

	TaskChain(TaskChainBuilder builder) {
		this.registry = builder.registry;
		this.hooks = new TaskHooks(builder.hooks);
		this.staticLabels = builder.staticLabels;
		this.mdc = builder.mdc;
		this.capture = builder.capture;
		this.series = builder.series;
		this.recover = builder.recover;
		this.wrappers = builder.wrappers;
		this.logFailures = builder.logFailures;
		this.submitSite = builder.submitSite;
		this.timeBoxes = builder.timeBoxes;
		this.limits = builder.limits;
	}

	/**
	 * Start building a chain: no hooks, no static labels, labels kept out of the MDC, no
	 * context carried, failures recovered and logged, series by task name.
	 * @param registry the registry of live tasks
	 * @return a builder
	 */
	public static TaskChainBuilder builder(LiveTaskRegistry registry) {
		return new TaskChainBuilder(registry);
	}

	/**
	 * Create the decorator for one executor.
	 * @param executorName the executor's bean name
	 * @param first a decorator the executor already had, run before the chain
	 * @param terminated whether the executor has terminated (its queued tasks never run)
	 * @return the decorator
	 */
	public TrackingTaskDecorator decorator(String executorName, @Nullable UnaryOperator<Runnable> first,
			BooleanSupplier terminated) {
		TrackingTaskDecorator decorator = new TrackingTaskDecorator(executorName, this, first, terminated);
		// every decorator of a name counts: two made at once for one executor (or one
		// per instance of a prototype executor bean) all run its tasks
		this.decorators.computeIfAbsent(executorName, (name) -> new CopyOnWriteArrayList<>()).add(decorator);
		return decorator;
	}

	/**
	 * Return the kind of threads the named executor has run its tasks on so far.
	 * @param executorName the executor's bean name
	 * @return the kind, {@link ThreadKind#UNKNOWN} before its first task ran
	 */
	public ThreadKind threads(String executorName) {
		ThreadKind seen = ThreadKind.UNKNOWN;
		for (TrackingTaskDecorator decorator : this.decorators.getOrDefault(executorName, List.of())) {
			seen = seen.and(decorator.threads());
		}
		return seen;
	}

	/**
	 * Return the registry of live tasks.
	 * @return the registry
	 */
	public LiveTaskRegistry registry() {
		return this.registry;
	}

	/**
	 * Return how often the given hook has thrown.
	 * @param hook a hook
	 * @return the number of failures
	 */
	public long hookFailures(TaskHook hook) {
		return this.hooks.failures(hook);
	}

	TaskLabels staticLabels() {
		return this.staticLabels;
	}

	@Nullable LabelMdc mdc() {
		return this.mdc;
	}

	@Nullable ContextSnapshot capture() {
		return (this.capture != null) ? this.capture.capture() : null;
	}

	public boolean propagates() {
		return this.capture != null;
	}

	/**
	 * Return the metric series of this chain's tasks.
	 * @return the series
	 */
	public TaskSeries series() {
		return this.series;
	}

	boolean recovers() {
		return this.recover;
	}

	/**
	 * Return what the chain knows of the wrappers a framework puts around tasks.
	 * @return the wrappers
	 */
	public TaskWrappers wrappers() {
		return this.wrappers;
	}

	/**
	 * Return whether failures are logged by tasklens (otherwise only counted).
	 * @return whether failures are logged
	 */
	public boolean logsFailures() {
		return this.logFailures;
	}

	/**
	 * Make a captured context current. The caller checks for {@code null} itself: until a
	 * context is first carried, {@link Scope} is not loaded and the JIT does not inline a
	 * call whose signature names it, so a call made for nothing costs a real call.
	 * @param context what was captured at submission
	 * @return the scope to close after the run, or {@code null} if restoring failed
	 */
	@Nullable Scope restoreContext(ContextSnapshot context) {
		try {
			return context.setThreadLocals();
		}
		catch (RuntimeException ex) {
			contextFailed("restoring", ex);
			return null;
		}
	}

	void closeContext(Scope scope) {
		try {
			scope.close();
		}
		catch (RuntimeException ex) {
			contextFailed("clearing", ex);
		}
	}

	private void contextFailed(String phase, RuntimeException ex) {
		long count = this.contextFailures.count();
		if (count > 0) {
			logger.warn("A context accessor threw while {} a task's context ({} failure(s) so far; logged at most "
					+ "once a minute); the task runs without it", phase, count, ex);
		}
	}

	/**
	 * Return a text (a task name, a route, a header's value) as a label value: what is
	 * longer than a label value allows is cut.
	 * @param name the text
	 * @return the label value
	 */
	public static String labelValue(String name) {
		return (name.length() <= TaskLabels.MAX_VALUE_LENGTH) ? name : name.substring(0, TaskLabels.MAX_VALUE_LENGTH);
	}

	long nextId() {
		return this.ids.incrementAndGet();
	}

	/**
	 * Return the time boxes of tasks.
	 * @return the time box policy
	 */
	public TimeBoxPolicy timeBoxes() {
		return this.timeBoxes;
	}

	InFlightLimits limits() {
		return this.limits;
	}

	void submitted(TrackedTask task) {
		if (this.submitSite) {
			task.submitSite(SubmitSites.capture());
		}
		task.counters().submitted();
		try {
			task.acquirePermits();
		}
		catch (RejectedExecutionException ex) {
			task.reject(RejectReason.LIMIT);
			throw ex;
		}
		this.registry.add(task);
		try {
			this.hooks.submitted(task);
		}
		catch (RejectedExecutionException ex) {
			task.reject(RejectReason.HOOK);
			throw ex;
		}
	}

	void started(TrackedTask task) {
		this.hooks.started(task);
	}

	void finished(TrackedTask task, @Nullable Throwable failure) {
		this.hooks.finished(task, failure);
		if (failure != null && this.logFailures) {
			logFailure(task, failure);
		}
	}

	/**
	 * Tell the hooks that a task is past its time box; called on the watchdog's thread.
	 * @param task the overdue task
	 */
	public void overdue(TaskInfo task) {
		this.hooks.overdue(task);
	}

	/**
	 * Log a failed run, once, while the task's labels are still in the MDC.
	 */
	private static void logFailure(TrackedTask task, Throwable failure) {
		try {
			failureLogger.error("Task {} '{}' on executor '{}' failed {}", task.id(), task.name(), task.executor(),
					task.labels(), failure);
		}
		catch (RuntimeException ex) {
			// a logging backend that throws must not turn a counted failure into a lost
			// task
		}
	}

}
