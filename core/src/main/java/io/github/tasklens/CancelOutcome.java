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

import java.util.List;

/**
 * What became of tasks cancelled through the {@link TaskRegistry}: those that ended
 * within the wait, and those still live after it (running code that ignores interrupts,
 * or blocked where an interrupt does not reach), which Go's rule calls a leak of the
 * cancelled tree.
 *
 * @param ended the tasks that ended
 * @param stillLive the tasks still live when the wait was over
 * @author tasklens authors
 */
public record CancelOutcome(List<TaskInfo> ended, List<TaskInfo> stillLive) {

	/**
	 * Create the outcome.
	 * @param ended the tasks that ended
	 * @param stillLive the tasks still live when the wait was over
	 */
	public CancelOutcome {
		ended = List.copyOf(ended);
		stillLive = List.copyOf(stillLive);
	}

}
