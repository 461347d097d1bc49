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
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Time boxes of tasks ({@code tasklens.timebox.*}): for all tasks (the durations it
 * inherits, none set by default), overridden per executor bean name, then per task name,
 * then by {@code @TimeBox} on the method.
 *
 * @author tasklens authors
 */
public class TimeboxProperties extends TaskTimeBoxProperties {

	/**
	 * How often the watchdog thread checks the live tasks against their time boxes, and
	 * ends those that can never run again (their future cancelled while queued, their
	 * executor terminated).
	 */
	private Duration checkInterval = Duration.ofSeconds(1);

	/**
	 * Time boxes by executor bean name, over the ones for all tasks. Write a name with
	 * capitals or dots in brackets ('[applicationTaskExecutor]'); names match without
	 * regard to case.
	 */
	private Map<String, TaskTimeBoxProperties> executors = new LinkedHashMap<>();

	/**
	 * Time boxes by task name ('SimpleClassName.method' for @Async and @Scheduled
	 * methods), over the ones by executor. Write a name in brackets
	 * ('[OrderService.sync]'); names match without regard to case.
	 */
	private Map<String, TaskTimeBoxProperties> tasks = new LinkedHashMap<>();

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = positive("check-interval", checkInterval);
	}

	public Map<String, TaskTimeBoxProperties> getExecutors() {
		return this.executors;
	}

	public void setExecutors(Map<String, TaskTimeBoxProperties> executors) {
		this.executors = executors;
	}

	public Map<String, TaskTimeBoxProperties> getTasks() {
		return this.tasks;
	}

	public void setTasks(Map<String, TaskTimeBoxProperties> tasks) {
		this.tasks = tasks;
	}

	static <T extends @Nullable Duration> T positive(String property, T duration) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException("Invalid " + property + " " + duration
					+ ": it must be a positive duration, for example 500ms, 30s, 5m or 1h");
		}
		return duration;
	}

}
