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

package io.github.tasklens.inventory;

import io.github.tasklens.TaskState;

/**
 * How many live tasks of one executor are in each state.
 *
 * @param queued submitted and waiting to run
 * @param running running now
 * @param scheduled periodic, between runs
 * @author tasklens authors
 */
public record StateCounts(int queued, int running, int scheduled) {

	/**
	 * No task in any state.
	 */
	public static final StateCounts NONE = new StateCounts(0, 0, 0);

	StateCounts plus(TaskState state) {
		return switch (state) {
			case QUEUED -> new StateCounts(this.queued + 1, this.running, this.scheduled);
			case RUNNING -> new StateCounts(this.queued, this.running + 1, this.scheduled);
			case SCHEDULED -> new StateCounts(this.queued, this.running, this.scheduled + 1);
		};
	}

	/**
	 * Return the number of live tasks.
	 * @return queued, running and scheduled together
	 */
	public int live() {
		return this.queued + this.running + this.scheduled;
	}

}
