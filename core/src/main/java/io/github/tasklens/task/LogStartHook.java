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

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs the start of every task run with its executor and name
 * ({@code tasklens.hooks.log-start}).
 *
 * @author tasklens authors
 */
public final class LogStartHook implements TaskHook {

	private static final Logger logger = LoggerFactory.getLogger("io.github.tasklens.TaskStart");

	private final Level level;

	/**
	 * Create a hook that logs at the given level.
	 * @param level the level
	 */
	public LogStartHook(Level level) {
		this.level = level;
	}

	@Override
	public void onStart(TaskInfo task) {
		if (logger.isEnabledForLevel(this.level)) {
			logger.atLevel(this.level)
				.log("Task {} '{}' started on executor '{}'", task.id(), task.name(), task.executor());
		}
	}

}
