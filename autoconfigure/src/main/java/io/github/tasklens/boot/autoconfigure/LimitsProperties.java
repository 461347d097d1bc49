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
 * In-flight limits ({@code tasklens.limits.*}): how many tasks of an executor, or of a
 * task name, may be queued or running at once.
 *
 * @author tasklens authors
 */
public class LimitsProperties {

	/**
	 * In-flight limits by executor bean name. Write a name with capitals or dots in
	 * brackets ('[reportPool]'); names match without regard to case.
	 */
	private Map<String, Limit> executors = new LinkedHashMap<>();

	/**
	 * In-flight limits by task name ('SimpleClassName.method' for @Async and @Scheduled
	 * methods), each shared by the tasks of that name on every executor. Write a name in
	 * brackets ('[ReportService.render]'); names match without regard to case.
	 */
	private Map<String, Limit> tasks = new LinkedHashMap<>();

	public Map<String, Limit> getExecutors() {
		return this.executors;
	}

	public void setExecutors(Map<String, Limit> executors) {
		this.executors = executors;
	}

	public Map<String, Limit> getTasks() {
		return this.tasks;
	}

	public void setTasks(Map<String, Limit> tasks) {
		this.tasks = tasks;
	}

	/**
	 * One in-flight limit.
	 */
	public static class Limit {

		/**
		 * Maximum number of tasks queued or running at once, at least 1. Required.
		 */
		private @Nullable Integer maxInFlight;

		/**
		 * What happens to a task submitted over the limit: 'reject' throws
		 * RejectedExecutionException to the submitter (Spring's executors wrap it in
		 * their TaskRejectedException); 'block' makes the submitter wait up to
		 * block-timeout, then rejects. A periodic task over its limit skips that run.
		 */
		private OnLimit onLimit = OnLimit.REJECT;

		/**
		 * How long a submitter waits for room with on-limit 'block' before its task is
		 * rejected.
		 */
		private Duration blockTimeout = Duration.ofSeconds(10);

		public @Nullable Integer getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(@Nullable Integer maxInFlight) {
			if (maxInFlight != null && maxInFlight < 1) {
				throw new IllegalArgumentException("Invalid max-in-flight " + maxInFlight + ": it must be at least 1");
			}
			this.maxInFlight = maxInFlight;
		}

		public OnLimit getOnLimit() {
			return this.onLimit;
		}

		public void setOnLimit(OnLimit onLimit) {
			this.onLimit = onLimit;
		}

		public Duration getBlockTimeout() {
			return this.blockTimeout;
		}

		public void setBlockTimeout(Duration blockTimeout) {
			this.blockTimeout = TimeboxProperties.positive("block-timeout", blockTimeout);
		}

	}

	/**
	 * What happens to a task submitted over its in-flight limit.
	 */
	public enum OnLimit {

		/**
		 * Throw RejectedExecutionException to the submitter.
		 */
		REJECT,

		/**
		 * Make the submitter wait up to block-timeout, then reject.
		 */
		BLOCK

	}

}
