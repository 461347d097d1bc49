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

import java.util.concurrent.Callable;

import io.github.tasklens.TaskLabels;
import org.jspecify.annotations.Nullable;

/**
 * What runs on the current thread: the tracked task, or labels added with
 * {@code TaskContext.withLabels}. One thread-local, always restored: a pooled thread
 * never keeps the labels of a task that has ended.
 *
 * @author tasklens authors
 */
public final class TaskFrames {

	private static final ThreadLocal<@Nullable Object> FRAME = new ThreadLocal<>();

	private TaskFrames() {
	}

	/**
	 * Return the task running on the current thread.
	 * @return the task, or {@code null} outside a decorated task
	 */
	public static @Nullable TrackedTask currentTask() {
		return taskOf(FRAME.get());
	}

	/**
	 * Return the labels in force on the current thread: the running task's, with any
	 * added by {@code withLabels}.
	 * @return the labels, empty outside a task and {@code withLabels}
	 */
	public static TaskLabels currentLabels() {
		return labelsOf(FRAME.get());
	}

	/**
	 * Run code with extra labels, restoring the previous ones afterwards, also when the
	 * code throws.
	 * @param <T> the result type
	 * @param labels the labels to add
	 * @param action the code
	 * @return what the code returned
	 * @throws Exception what the code threw
	 */
	public static <T> T withLabels(TaskLabels labels, Callable<T> action) throws Exception {
		Object previous = FRAME.get();
		FRAME.set(new LabelFrame(taskOf(previous), labelsOf(previous).and(labels)));
		try {
			return action.call();
		}
		finally {
			FRAME.set(previous);
		}
	}

	/**
	 * Put in force labels that context propagation carried from another thread (a Reactor
	 * operator's, with automatic context propagation), or none; inside a task, the task's
	 * own labels win over them.
	 * @param labels the labels, or {@code null} for none but the task's
	 */
	public static void carryLabels(@Nullable TaskLabels labels) {
		TrackedTask task = ownTask(FRAME.get());
		if (labels == null || labels.isEmpty()) {
			FRAME.set(task);
			return;
		}
		FRAME.set(new LabelFrame(task, (task != null) ? labels.and(task.labels()) : labels));
	}

	/**
	 * What context propagation carries from this thread: the unbound task whose code runs
	 * here (a reactive request's, whose labels change when it is renamed), or else the
	 * labels in force.
	 * @return the task or the labels, or {@code null} when there are none
	 */
	static @Nullable Object carried() {
		Object frame = FRAME.get();
		if (frame instanceof TrackedTask task && InlineTask.isUnbound(task)) {
			return task;
		}
		TaskLabels labels = labelsOf(frame);
		return labels.isEmpty() ? null : labels;
	}

	/**
	 * Put in force the labels of a task that context propagation carried from another
	 * thread (a reactive request's), read as the task is renamed where the thread has no
	 * other task of its own.
	 * @param carried the task
	 */
	static void carryTask(TrackedTask carried) {
		TrackedTask task = ownTask(FRAME.get());
		FRAME.set((task != null) ? new LabelFrame(task, carried.labels().and(task.labels())) : carried);
	}

	static @Nullable Object enter(TrackedTask task) {
		Object previous = FRAME.get();
		FRAME.set(task);
		return previous;
	}

	static void exit(@Nullable Object previous) {
		// set, not remove: removing and setting again allocates a map entry per run
		FRAME.set(previous);
	}

	/**
	 * The task the thread runs, which what context propagation carries never replaces:
	 * not an unbound task (a reactive request's), which is only ever carried here.
	 */
	private static @Nullable TrackedTask ownTask(@Nullable Object frame) {
		TrackedTask task = taskOf(frame);
		return (task != null && !InlineTask.isUnbound(task)) ? task : null;
	}

	private static @Nullable TrackedTask taskOf(@Nullable Object frame) {
		if (frame instanceof TrackedTask task) {
			return task;
		}
		return (frame instanceof LabelFrame labelFrame) ? labelFrame.task() : null;
	}

	private static TaskLabels labelsOf(@Nullable Object frame) {
		if (frame instanceof TrackedTask task) {
			return task.labels();
		}
		return (frame instanceof LabelFrame labelFrame) ? labelFrame.labels() : TaskLabels.empty();
	}

	private record LabelFrame(@Nullable TrackedTask task, TaskLabels labels) {
	}

}
