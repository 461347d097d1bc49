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

import java.util.List;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.limit.InFlightLimit;
import io.github.tasklens.timebox.TaskTimeBox;
import org.jspecify.annotations.Nullable;

/**
 * What governs the tasks of one name on one executor: their time box and the in-flight
 * limits they count against. Shared by those tasks; replaced, never changed.
 *
 * @param timeBox the time box
 * @param executorLimit the executor's in-flight limit, or {@code null}
 * @param taskLimit the task name's in-flight limit, or {@code null}
 * @author tasklens authors
 */
record TaskPolicy(TaskTimeBox timeBox, @Nullable InFlightLimit executorLimit, @Nullable InFlightLimit taskLimit) {

	/**
	 * Return the limits whose permits a task of this policy holds while it is in flight.
	 * @return the limits, none, one or two
	 */
	List<InFlightLimit> limits() {
		if (this.executorLimit == null) {
			return (this.taskLimit != null) ? List.of(this.taskLimit) : List.of();
		}
		return (this.taskLimit != null) ? List.of(this.executorLimit, this.taskLimit) : List.of(this.executorLimit);
	}

	boolean limited() {
		return this.executorLimit != null || this.taskLimit != null;
	}

	TaskPolicy withoutLimits() {
		return limited() ? new TaskPolicy(this.timeBox, null, null) : this;
	}

	/**
	 * Take a permit of each limit for a one-shot task, before it is published to its
	 * executor; none when one refuses.
	 * @param task the task
	 * @param otherExecutor whether its submitter is no task of the same executor
	 * @param otherName whether its submitter is no task of the same name
	 * @param held the limits whose permits the submitter holds
	 * @throws java.util.concurrent.RejectedExecutionException when a limit refuses it
	 */
	void acquire(TaskInfo task, boolean otherExecutor, boolean otherName, List<InFlightLimit> held) {
		boolean executorHeld = false;
		try {
			if (this.executorLimit != null) {
				this.executorLimit.acquire(task, otherExecutor, held);
				executorHeld = true;
			}
			if (this.taskLimit != null) {
				this.taskLimit.acquire(task, otherName, held);
			}
		}
		catch (RuntimeException ex) {
			if (executorHeld) {
				this.executorLimit.release();
			}
			throw ex;
		}
	}

	/**
	 * Take a permit of each limit for one run of a periodic task, without waiting; none
	 * when one has none free.
	 * @return whether it took them
	 */
	boolean tryAcquireRun() {
		if (this.executorLimit != null && !this.executorLimit.tryAcquire()) {
			return false;
		}
		if (this.taskLimit != null && !this.taskLimit.tryAcquire()) {
			if (this.executorLimit != null) {
				this.executorLimit.release();
			}
			return false;
		}
		return true;
	}

	/**
	 * Give back a permit of each limit.
	 */
	void release() {
		if (this.executorLimit != null) {
			this.executorLimit.release();
		}
		if (this.taskLimit != null) {
			this.taskLimit.release();
		}
	}

	TaskPolicy withTimeBox(TaskTimeBox box) {
		return box.equals(this.timeBox) ? this : new TaskPolicy(box, this.executorLimit, this.taskLimit);
	}

}
