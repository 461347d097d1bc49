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

package io.github.tasklens;

import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;

/**
 * Callbacks on every decorated task. In a Spring app, declare implementations as beans;
 * they are ordered with Spring's {@code @Order} or {@code Ordered}.
 * <p>
 * A hook that throws anything other than the refusal described on
 * {@link #onSubmit(TaskInfo)} is logged (at most once a minute per hook) and counted; the
 * task still runs once and is still accounted for.
 *
 * @author tasklens authors
 */
public interface TaskHook {

	/**
	 * Called on the submitting thread when a task is submitted, once for a periodic task
	 * (at its registration).
	 * @param task the task
	 * @throws RejectedExecutionException to refuse the task (Spring's
	 * {@code TaskRejectedException} is one): the submitter gets the exception and the
	 * task never runs
	 */
	default void onSubmit(TaskInfo task) throws RejectedExecutionException {
	}

	/**
	 * Called on the worker thread before each run of the task.
	 * @param task the task
	 */
	default void onStart(TaskInfo task) {
	}

	/**
	 * Called on the worker thread after each run of the task, however it ended.
	 * @param task the task
	 * @param failure what the run threw, or {@code null}
	 */
	default void onFinish(TaskInfo task, @Nullable Throwable failure) {
	}

	/**
	 * Called on tasklens's watchdog thread, once, when a run of the task passes its time
	 * box's {@code warn-after} (or {@code interrupt-after}), or when the task has waited
	 * in its executor's queue past {@code queue-warn-after}. The task is still live; keep
	 * the hook short, it delays the watchdog's next check.
	 * @param task the task, {@link TaskInfo#overdue() overdue}
	 */
	default void onOverdue(TaskInfo task) {
	}

}
