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

import java.util.concurrent.RejectedExecutionException;

import io.github.tasklens.TaskLabels;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task whose body the current thread runs itself, begun and ended around that body: a
 * request a web server's thread handles. It is tracked as any other task of its executor
 * (hooks, labels, time boxes, in-flight limits, the inventory, the leak check and the
 * shutdown report); while it runs, its labels are in force on the thread, so every task
 * submitted from it inherits them.
 * <p>
 * An {@linkplain #beginUnbound unbound} one runs on no thread of its own: a reactive
 * request, whose work hops between event-loop threads. It is RUNNING from begin to end,
 * listed without a stack, and its labels are in force only where its code puts them
 * ({@link #enter}, or Reactor's context propagation through {@link LabelsAccessor}).
 *
 * @author tasklens authors
 */
public final class InlineTask {

	private static final Logger logger = LoggerFactory.getLogger(InlineTask.class);

	private final TrackedTask task;

	private final @Nullable Object run;

	private InlineTask(TrackedTask task, @Nullable Object run) {
		this.task = task;
		this.run = run;
	}

	/**
	 * Begin a task on the current thread.
	 * @param executor the decorator of the executor it counts under
	 * @param name its name
	 * @param labels its labels, besides those in force on the thread
	 * @return the task, running, or {@code null} when it is not tracked
	 * @throws RejectedExecutionException when the executor's in-flight limit or a hook
	 * refuses it
	 */
	public static @Nullable InlineTask begin(TrackingTaskDecorator executor, String name, TaskLabels labels) {
		TrackedTask task = made(executor, name, labels, false);
		return (task != null) ? new InlineTask(task, ThreadRuns.begin(task)) : null;
	}

	/**
	 * Begin a task bound to no thread, ended by {@link #end} on any thread.
	 * @param executor the decorator of the executor it counts under
	 * @param name its name
	 * @param labels its labels, besides those in force on the thread
	 * @return the task, running, or {@code null} when it is not tracked
	 * @throws RejectedExecutionException when the executor's in-flight limit or a hook
	 * refuses it
	 */
	public static @Nullable InlineTask beginUnbound(TrackingTaskDecorator executor, String name, TaskLabels labels) {
		TrackedTask task = made(executor, name, labels, true);
		return (task != null) ? new InlineTask(task, UnboundRun.begin(task)) : null;
	}

	private static @Nullable TrackedTask made(TrackingTaskDecorator executor, String name, TaskLabels labels,
			boolean unbound) {
		Submissions.Token token = Submissions.push(Submissions.Intent.named(name, labels, null));
		try {
			return (executor.decorate(new Body(name, unbound)) instanceof TrackedTask task) ? task : null;
		}
		finally {
			Submissions.restore(token);
		}
	}

	/**
	 * Put the task's labels, as it is renamed, in force on the current thread, where code
	 * of an unbound task runs (a reactive request's subscription), until {@link #exit}.
	 * @return what {@link #exit} takes
	 */
	public @Nullable Object enter() {
		return TaskFrames.enter(this.task);
	}

	/**
	 * Restore what the thread had in force before {@link #enter}.
	 * @param previous what {@link #enter} returned
	 */
	public static void exit(@Nullable Object previous) {
		TaskFrames.exit(previous);
	}

	/**
	 * Give the task the name and labels learnt since it began; on the thread that began
	 * it.
	 * @param name the new name
	 * @param labels labels to add, or to replace those of the same keys
	 */
	public void rename(String name, TaskLabels labels) {
		this.task.rename(name, labels, null);
		if (this.run != null && !(this.run instanceof UnboundRun)) {
			// its labels in the MDC too, if it runs on this thread
			ThreadRuns.relabeled(this.run);
		}
	}

	/**
	 * Return the task.
	 * @return the task
	 */
	public TrackedTask task() {
		return this.task;
	}

	/**
	 * Give the running task a failure that did not end it with a throw (a reactive
	 * request's error signal): counted and logged once when it ends.
	 * @param failure the failure
	 */
	public void recordFailure(Throwable failure) {
		this.task.recordFailure(failure);
	}

	/**
	 * End the task, on the thread that began it, or on any thread if it is unbound.
	 * @param thrown what the body threw, or {@code null}
	 */
	public void end(@Nullable Throwable thrown) {
		// no run: the task was cancelled before it began, and has ended
		if (this.run instanceof UnboundRun unbound) {
			unbound.end(thrown);
		}
		else if (this.run != null) {
			ThreadRuns.end(this.run, thrown);
		}
	}

	/**
	 * Have a cancel of this task ({@code TaskRegistry.cancel}, {@code DELETE
	 * /actuator/tasks/{id}}) run the given action, for a task with no thread to
	 * interrupt: a reactive request's filter stops the request's handling there. A task
	 * that runs on a thread ignores it: cancelling interrupts the thread.
	 * @param action what stops the task's work; it must end the task, soon, on any
	 * thread, and do nothing when run again (each cancel runs it)
	 */
	public void onCancel(Runnable action) {
		if (this.task.source() instanceof Body body && body.unbound) {
			body.onCancel = action;
		}
	}

	/**
	 * Cancel an unbound task through the action its code gave, if any.
	 * @param task the task
	 * @return whether an action ran
	 */
	static boolean cancelUnbound(TrackedTask task) {
		if (!(task.source() instanceof Body body) || !body.unbound) {
			return false;
		}
		Runnable action = body.onCancel;
		if (action == null) {
			return false;
		}
		try {
			action.run();
			return true;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("Cancelling task {} '{}' failed; it runs on", task.id(), body.name, ex);
			return false;
		}
	}

	/**
	 * Return whether a task is an unbound one's: only ever carried onto a thread, never
	 * the thread's own.
	 * @param task the task
	 * @return whether it was begun with {@link #beginUnbound}
	 */
	static boolean isUnbound(TrackedTask task) {
		return task.source() instanceof Body body && body.unbound;
	}

	/**
	 * The body, as the task's runnable: the thread runs it itself.
	 */
	private static final class Body implements Runnable {

		private final String name;

		private final boolean unbound;

		volatile @Nullable Runnable onCancel;

		Body(String name, boolean unbound) {
			this.name = name;
			this.unbound = unbound;
		}

		@Override
		public void run() {
			throw new UnsupportedOperationException("the thread that began it runs it");
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
