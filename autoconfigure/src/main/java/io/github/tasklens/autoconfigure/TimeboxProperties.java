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

package io.github.tasklens.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Time boxes of tasks ({@code tasklens.timebox.*}): for all tasks, overridden per
 * executor bean name, then per task name, then by {@code @TimeBox} on the method.
 *
 * @author tasklens authors
 */
public class TimeboxProperties {

	/**
	 * How long a run of a task may take before it is reported overdue: logged once at
	 * WARN with its stack, shown as OVERDUE in '/actuator/tasks', counted by the gauge
	 * 'tasks.overdue'. None by default.
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

	/**
	 * How often the watchdog thread checks the live tasks against their time boxes.
	 */
	private Duration checkInterval = Duration.ofSeconds(1);

	/**
	 * Time boxes by executor bean name, over the ones for all tasks. Write a name with
	 * capitals or dots in brackets ('[applicationTaskExecutor]'); names match without
	 * regard to case.
	 */
	private Map<String, Box> executors = new LinkedHashMap<>();

	/**
	 * Time boxes by task name ('SimpleClassName.method' for @Async and @Scheduled
	 * methods), over the ones by executor. Write a name in brackets
	 * ('[OrderService.sync]'); names match without regard to case.
	 */
	private Map<String, Box> tasks = new LinkedHashMap<>();

	public @Nullable Duration getWarnAfter() {
		return this.warnAfter;
	}

	public void setWarnAfter(@Nullable Duration warnAfter) {
		this.warnAfter = positive("warn-after", warnAfter);
	}

	public @Nullable Duration getInterruptAfter() {
		return this.interruptAfter;
	}

	public void setInterruptAfter(@Nullable Duration interruptAfter) {
		this.interruptAfter = positive("interrupt-after", interruptAfter);
	}

	public @Nullable Duration getQueueWarnAfter() {
		return this.queueWarnAfter;
	}

	public void setQueueWarnAfter(@Nullable Duration queueWarnAfter) {
		this.queueWarnAfter = positive("queue-warn-after", queueWarnAfter);
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = positive("check-interval", checkInterval);
	}

	public Map<String, Box> getExecutors() {
		return this.executors;
	}

	public void setExecutors(Map<String, Box> executors) {
		this.executors = executors;
	}

	public Map<String, Box> getTasks() {
		return this.tasks;
	}

	public void setTasks(Map<String, Box> tasks) {
		this.tasks = tasks;
	}

	static <T extends @Nullable Duration> T positive(String property, T duration) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException("Invalid " + property + " " + duration
					+ ": it must be a positive duration, for example 500ms, 30s, 5m or 1h");
		}
		return duration;
	}

	/**
	 * The time box of the tasks of one executor or one task name; what it leaves unset
	 * comes from the wider one.
	 */
	public static class Box {

		/**
		 * How long a run may take before it is reported overdue.
		 */
		private @Nullable Duration warnAfter;

		/**
		 * How long a run may take before its thread is interrupted, once.
		 */
		private @Nullable Duration interruptAfter;

		/**
		 * How long a task may wait in its executor's queue before it is reported overdue.
		 */
		private @Nullable Duration queueWarnAfter;

		public @Nullable Duration getWarnAfter() {
			return this.warnAfter;
		}

		public void setWarnAfter(@Nullable Duration warnAfter) {
			this.warnAfter = positive("warn-after", warnAfter);
		}

		public @Nullable Duration getInterruptAfter() {
			return this.interruptAfter;
		}

		public void setInterruptAfter(@Nullable Duration interruptAfter) {
			this.interruptAfter = positive("interrupt-after", interruptAfter);
		}

		public @Nullable Duration getQueueWarnAfter() {
			return this.queueWarnAfter;
		}

		public void setQueueWarnAfter(@Nullable Duration queueWarnAfter) {
			this.queueWarnAfter = positive("queue-warn-after", queueWarnAfter);
		}

	}

}
