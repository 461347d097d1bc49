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

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What tasklens knows of one task: one submission, which for a periodic task spans all of
 * its runs.
 *
 * @author tasklens authors
 */
public interface TaskInfo {

	/**
	 * Return the id of the task, unique within its application context.
	 * @return the id
	 */
	long id();

	/**
	 * Return the name of the executor bean the task was submitted to.
	 * @return the executor name
	 */
	String executor();

	/**
	 * Return the name of the task: {@code SimpleClassName.method} for {@code @Async} and
	 * {@code @Scheduled} methods, otherwise the task's class (for a lambda, its declaring
	 * class).
	 * @return the task name
	 */
	String name();

	/**
	 * Return the labels of the task: those it inherited from its submitter, the static
	 * and annotated ones, and its own {@code executor} and {@code task} labels.
	 * @return the labels
	 */
	TaskLabels labels();

	/**
	 * Return the current state of the task. A task that has ended is no longer live and
	 * reports the state it had last.
	 * @return the state
	 */
	TaskState state();

	/**
	 * Return whether the task is past its time box: running longer than its
	 * {@code warn-after} (state {@link TaskState#OVERDUE}), or waiting in its executor's
	 * queue longer than its {@code queue-warn-after} (state {@link TaskState#QUEUED}).
	 * @return whether the task is overdue
	 */
	default boolean overdue() {
		return state() == TaskState.OVERDUE;
	}

	/**
	 * Return whether the task is periodic (fixed rate, fixed delay, cron or trigger).
	 * @return whether the task repeats
	 */
	boolean periodic();

	/**
	 * Return when the task was submitted (for a periodic task: registered).
	 * @return the submit time
	 */
	Instant submittedAt();

	/**
	 * Return when the current or last run started.
	 * @return the start time, or {@code null} before the first run
	 */
	@Nullable Instant startedAt();

	/**
	 * Return the thread running the task now.
	 * @return the thread, or {@code null} when the task is not running
	 */
	@Nullable Thread thread();

	/**
	 * Return the top frames of the code that submitted the task, Go's "created by":
	 * captured only with {@code tasklens.inventory.submit-site=true}.
	 * @return the frames, innermost first, or an empty list when not captured
	 */
	default List<StackTraceElement> submitSite() {
		return List.of();
	}

}
