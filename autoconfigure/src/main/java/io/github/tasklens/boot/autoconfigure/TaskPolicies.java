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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.tasklens.limit.InFlightLimit;
import io.github.tasklens.limit.InFlightLimits;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxPolicy;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the {@code tasklens.timebox.*} and {@code tasklens.limits.*} properties into the
 * policies the chain applies, checking what one property alone cannot: that
 * {@code interrupt-after} is not shorter than {@code warn-after}, and that every limit
 * has a {@code max-in-flight}.
 *
 * @author tasklens authors
 */
final class TaskPolicies {

	private TaskPolicies() {
	}

	static TimeBoxPolicy timeBoxes(TimeboxProperties properties) {
		return new TimeBoxPolicy(timeBox("tasklens.timebox", properties),
				boxes("tasklens.timebox.executors", properties.getExecutors()),
				boxes("tasklens.timebox.tasks", properties.getTasks()));
	}

	private static Map<String, TaskTimeBox> boxes(String prefix, Map<String, TaskTimeBoxProperties> boxes) {
		Map<String, TaskTimeBox> result = new LinkedHashMap<>();
		boxes.forEach((name, box) -> result.put(name, timeBox(prefix + ".[" + name + "]", box)));
		return result;
	}

	private static TaskTimeBox timeBox(String prefix, TaskTimeBoxProperties box) {
		try {
			return TaskTimeBox.of(box.getWarnAfter(), box.getInterruptAfter(), box.getQueueWarnAfter());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".interrupt-after", box.getInterruptAfter(),
					ex.getMessage());
		}
	}

	static InFlightLimits limits(LimitsProperties properties) {
		return new InFlightLimits(limits("tasklens.limits.executors", properties.getExecutors()),
				limits("tasklens.limits.tasks", properties.getTasks()));
	}

	private static Map<String, InFlightLimit> limits(String prefix, Map<String, LimitsProperties.Limit> limits) {
		Map<String, InFlightLimit> result = new LinkedHashMap<>();
		limits.forEach((name, limit) -> {
			String property = prefix + ".[" + name + "]";
			Integer max = limit.getMaxInFlight();
			if (max == null) {
				throw new InvalidConfigurationPropertyValueException(property + ".max-in-flight", null,
						"Every in-flight limit needs a max-in-flight of at least 1");
			}
			result.put(name, new InFlightLimit(property, max, limit.getOnLimit() == LimitsProperties.OnLimit.BLOCK,
					limit.getBlockTimeout()));
		});
		return result;
	}

}
