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

package io.github.tasklens.timebox;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Which time box each task gets: the one for its task name, else its executor's, else the
 * one for all tasks, attribute by attribute; an annotation on the task's method wins over
 * all three. Names are matched without regard to case, since environment variables carry
 * them in lowercase.
 *
 * @author tasklens authors
 */
public final class TimeBoxPolicy {

	/**
	 * A policy that gives no task a time box.
	 */
	public static final TimeBoxPolicy NONE = new TimeBoxPolicy(TaskTimeBox.NONE, Map.of(), Map.of());

	private final TaskTimeBox defaults;

	private final Map<String, TaskTimeBox> byExecutor;

	private final Map<String, TaskTimeBox> byTask;

	private volatile boolean used;

	/**
	 * Create a policy.
	 * @param defaults the time box of every task
	 * @param byExecutor time boxes by executor bean name
	 * @param byTask time boxes by task name
	 */
	public TimeBoxPolicy(TaskTimeBox defaults, Map<String, TaskTimeBox> byExecutor, Map<String, TaskTimeBox> byTask) {
		this.defaults = defaults;
		this.byExecutor = caseInsensitive(byExecutor);
		this.byTask = caseInsensitive(byTask);
		this.used = !defaults.isNone() || !byExecutor.isEmpty() || !byTask.isEmpty();
	}

	private static Map<String, TaskTimeBox> caseInsensitive(Map<String, TaskTimeBox> boxes) {
		Map<String, TaskTimeBox> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		map.putAll(boxes);
		return map;
	}

	/**
	 * Return the time box of a task.
	 * @param executor the executor's bean name
	 * @param task the task's name
	 * @return the time box, {@link TaskTimeBox#NONE} when nothing applies
	 */
	public TaskTimeBox resolve(String executor, String task) {
		if (!this.used) {
			return TaskTimeBox.NONE;
		}
		TaskTimeBox box = this.defaults;
		TaskTimeBox executorBox = this.byExecutor.get(executor);
		if (executorBox != null) {
			box = executorBox.orElse(box);
		}
		TaskTimeBox taskBox = this.byTask.get(task);
		if (taskBox != null) {
			box = taskBox.orElse(box);
		}
		return box;
	}

	/**
	 * Return the time box of a task whose method is annotated.
	 * @param executor the executor's bean name
	 * @param task the task's name
	 * @param annotated the time box the annotation declares, or {@code null}
	 * @return the time box
	 */
	public TaskTimeBox resolve(String executor, String task, @Nullable TaskTimeBox annotated) {
		if (annotated == null || annotated == TaskTimeBox.NONE) {
			return resolve(executor, task);
		}
		this.used = true;
		return annotated.orElse(resolve(executor, task));
	}

	/**
	 * Return whether any task may have a time box, so far: the watchdog has nothing to
	 * check until one does.
	 * @return whether a time box is configured or was declared by an annotation
	 */
	public boolean isUsed() {
		return this.used;
	}

}
