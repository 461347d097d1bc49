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

import io.github.tasklens.TaskState;

/**
 * How many live tasks of one executor are in each state.
 *
 * @param queued submitted and waiting to run
 * @param running running now, overdue or not
 * @param scheduled periodic, between runs
 * @param overdue past their time box, running or queued
 * @author tasklens authors
 */
public record StateCounts(int queued, int running, int scheduled, int overdue) {

	/**
	 * No task in any state.
	 */
	public static final StateCounts NONE = new StateCounts(0, 0, 0, 0);

	StateCounts plus(TaskState state, boolean overdue) {
		int late = overdue ? this.overdue + 1 : this.overdue;
		return switch (state) {
			case QUEUED -> new StateCounts(this.queued + 1, this.running, this.scheduled, late);
			case RUNNING, OVERDUE -> new StateCounts(this.queued, this.running + 1, this.scheduled, late);
			case SCHEDULED -> new StateCounts(this.queued, this.running, this.scheduled + 1, late);
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
