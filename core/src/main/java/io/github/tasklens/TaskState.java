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

/**
 * Where a live task stands.
 *
 * @author tasklens authors
 */
public enum TaskState {

	/**
	 * Submitted and waiting for a thread.
	 */
	QUEUED,

	/**
	 * Running on a thread now.
	 */
	RUNNING,

	/**
	 * Running on a thread for longer than its time box's {@code warn-after} (or
	 * {@code interrupt-after}) allows.
	 */
	OVERDUE,

	/**
	 * A periodic task between two runs.
	 */
	SCHEDULED;

	/**
	 * Return whether a task in this state is running on a thread.
	 * @return whether it is {@link #RUNNING} or {@link #OVERDUE}
	 */
	public boolean isRunning() {
		return this == RUNNING || this == OVERDUE;
	}

}
