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

import org.jspecify.annotations.Nullable;

/**
 * What the chain knows of the wrappers a framework puts around tasks: the task a wrapper
 * holds, which names the task, and whether the wrapper handles the task's failures
 * itself, in which case the chain hands a failure on to it rather than recovering. The
 * core knows none; the Spring module tells it Spring's.
 *
 * @author tasklens authors
 */
public interface TaskWrappers {

	/**
	 * Knows no wrapper.
	 */
	TaskWrappers NONE = new TaskWrappers() {

		@Override
		public @Nullable Object inner(Object task) {
			return null;
		}

		@Override
		public boolean handlesFailures(Object task) {
			return false;
		}

	};

	/**
	 * Return the task a wrapper holds.
	 * @param task a task
	 * @return the task inside, or {@code null} when it is no known wrapper
	 */
	@Nullable Object inner(Object task);

	/**
	 * Return whether a task is a wrapper that handles the failures of the task it holds.
	 * @param task a task
	 * @return whether its failures go on to it
	 */
	boolean handlesFailures(Object task);

	/**
	 * Return the innermost task inside known wrappers.
	 * @param task a task
	 * @return the task itself when it is no known wrapper
	 */
	default Object unwrap(Object task) {
		Object current = task;
		for (Object inner = inner(current); inner != null; inner = inner(current)) {
			current = inner;
		}
		return current;
	}

}
