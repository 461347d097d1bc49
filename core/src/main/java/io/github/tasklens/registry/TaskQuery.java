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

package io.github.tasklens.registry;

import java.util.Map;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * Which live tasks to read, like pprof's tag focus, and how much of each: every filter
 * that is set must match.
 *
 * @param executor the executor's bean name, or {@code null} for any
 * @param name the task name, or {@code null} for any
 * @param state the state, or {@code null} for any
 * @param labels labels the task must all have, with these values
 * @param limit how many tasks to list, oldest first
 * @param stackDepth how many frames of each stack to take
 * @param maxStacks how many running tasks' stacks to take at most for grouping
 * @author tasklens authors
 */
public record TaskQuery(@Nullable String executor, @Nullable String name, @Nullable TaskState state,
		Map<String, String> labels, int limit, int stackDepth, int maxStacks) {

	/**
	 * Create a query.
	 * @param executor the executor's bean name, or {@code null} for any
	 * @param name the task name, or {@code null} for any
	 * @param state the state, or {@code null} for any
	 * @param labels labels the task must all have, with these values
	 * @param limit how many tasks to list, oldest first
	 * @param stackDepth how many frames of each stack to take
	 * @param maxStacks how many running tasks' stacks to take at most for grouping
	 */
	public TaskQuery {
		if (limit < 0 || stackDepth < 1 || maxStacks < 0) {
			throw new IllegalArgumentException(
					"limit and maxStacks must not be negative and stackDepth must be positive, were " + limit + ", "
							+ maxStacks + " and " + stackDepth);
		}
		labels = Map.copyOf(labels);
	}

	/**
	 * Return whether a task in the given state matches. The state {@code RUNNING} matches
	 * overdue running tasks too; {@code OVERDUE} matches every overdue task, queued ones
	 * included.
	 * @param task the task
	 * @param current its state, read once
	 * @param overdue whether it is overdue, read once
	 * @return whether every filter matches
	 */
	public boolean matches(TaskInfo task, TaskState current, boolean overdue) {
		if ((this.state != null && !matchesState(current, overdue))
				|| (this.executor != null && !this.executor.equals(task.executor()))
				|| (this.name != null && !this.name.equals(task.name()))) {
			return false;
		}
		if (this.labels.isEmpty()) {
			return true;
		}
		TaskLabels own = task.labels();
		for (Map.Entry<String, String> label : this.labels.entrySet()) {
			if (!label.getValue().equals(own.get(label.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private boolean matchesState(TaskState current, boolean overdue) {
		TaskState wanted = this.state;
		if (wanted == TaskState.OVERDUE) {
			return overdue;
		}
		return (wanted == TaskState.RUNNING) ? current.isRunning() : wanted == current;
	}

}
