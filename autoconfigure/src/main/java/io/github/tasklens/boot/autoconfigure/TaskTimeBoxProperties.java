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

package io.github.tasklens.boot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A time box in properties: for all tasks, one executor or one task name; what it leaves
 * unset comes from the wider one.
 *
 * @author tasklens authors
 */
public class TaskTimeBoxProperties {

	/**
	 * How long a run of a task may take before it is reported overdue: logged once at
	 * WARN with its stack, shown as OVERDUE in '/actuator/tasks', counted by the gauge
	 * 'tasks.overdue'. None by default; positive.
	 */
	private @Nullable Duration warnAfter;

	/**
	 * How long a run of a task may take before its thread is interrupted, once. Not
	 * shorter than warn-after. None by default.
	 */
	private @Nullable Duration interruptAfter;

	/**
	 * How long a task may wait in its executor's queue before it is reported overdue.
	 * Periodic tasks between runs are not waiting. None by default.
	 */
	private @Nullable Duration queueWarnAfter;

	public @Nullable Duration getWarnAfter() {
		return this.warnAfter;
	}

	public void setWarnAfter(@Nullable Duration warnAfter) {
		this.warnAfter = TimeboxProperties.positive("warn-after", warnAfter);
	}

	public @Nullable Duration getInterruptAfter() {
		return this.interruptAfter;
	}

	public void setInterruptAfter(@Nullable Duration interruptAfter) {
		this.interruptAfter = TimeboxProperties.positive("interrupt-after", interruptAfter);
	}

	public @Nullable Duration getQueueWarnAfter() {
		return this.queueWarnAfter;
	}

	public void setQueueWarnAfter(@Nullable Duration queueWarnAfter) {
		this.queueWarnAfter = TimeboxProperties.positive("queue-warn-after", queueWarnAfter);
	}

}
