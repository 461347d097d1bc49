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

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * Service provider interface: how the task runtime tells {@link TaskContext} which task
 * runs on the current thread and which labels are in force. {@code tasklens-core}
 * provides the one implementation, found with {@link java.util.ServiceLoader}; an
 * application has no reason to implement it, and reads the current task through
 * {@link TaskContext#current()}.
 *
 * @author tasklens authors
 */
public interface CurrentTaskSource {

	/**
	 * Return the task running on the current thread.
	 * @return the task, or {@code null} when the thread runs none
	 */
	@Nullable TaskInfo currentTask();

	/**
	 * Return the labels in force on the current thread.
	 * @return the labels, empty when none are
	 */
	TaskLabels currentLabels();

	/**
	 * Call an action with labels added to those in force on the current thread.
	 * @param <T> the action's result
	 * @param labels the labels to add
	 * @param action the action
	 * @return what the action returned
	 * @throws Exception what the action threw
	 */
	<T> T withLabels(TaskLabels labels, Callable<T> action) throws Exception;

}
