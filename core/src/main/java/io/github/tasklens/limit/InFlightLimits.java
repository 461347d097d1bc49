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

package io.github.tasklens.limit;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The in-flight limits of an application context, by executor bean name and by task name,
 * matched without regard to case.
 *
 * @author tasklens authors
 */
public final class InFlightLimits {

	/**
	 * No limits.
	 */
	public static final InFlightLimits NONE = new InFlightLimits(Map.of(), Map.of());

	private final Map<String, InFlightLimit> byExecutor;

	private final Map<String, InFlightLimit> byTask;

	/**
	 * Create the limits.
	 * @param byExecutor limits by executor bean name
	 * @param byTask limits by task name, each shared by the tasks of that name on every
	 * executor
	 */
	public InFlightLimits(Map<String, InFlightLimit> byExecutor, Map<String, InFlightLimit> byTask) {
		this.byExecutor = caseInsensitive(byExecutor);
		this.byTask = caseInsensitive(byTask);
	}

	private static Map<String, InFlightLimit> caseInsensitive(Map<String, InFlightLimit> limits) {
		Map<String, InFlightLimit> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		map.putAll(limits);
		return map;
	}

	/**
	 * Return the limit of an executor.
	 * @param executor its bean name
	 * @return the limit, or {@code null}
	 */
	public @Nullable InFlightLimit forExecutor(String executor) {
		return this.byExecutor.isEmpty() ? null : this.byExecutor.get(executor);
	}

	/**
	 * Return the limit of a task name.
	 * @param task the task name
	 * @return the limit, or {@code null}
	 */
	public @Nullable InFlightLimit forTask(String task) {
		return this.byTask.isEmpty() ? null : this.byTask.get(task);
	}

}
