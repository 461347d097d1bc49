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

import java.util.ArrayList;
import java.util.List;

import io.github.tasklens.TaskLabels;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Micrometer meters of tasks ({@code tasklens.metrics.*}).
 *
 * @author tasklens authors
 */
public class MetricsProperties {

	/**
	 * Comma-separated list of the label keys whose values become tags of the task meters.
	 * 'executor' is always a tag; a task without one of the labels has the value 'none'.
	 * Unlike Boot's 'management.metrics.tags', a map of tag values added to every meter,
	 * this names label keys.
	 */
	private List<String> labelTags = new ArrayList<>(List.of("executor", "task"));

	/**
	 * Maximum number of series (distinct combinations of tag values, by default distinct
	 * task names) of each executor, at least 1. Tasks beyond it are counted in one series
	 * whose tags are 'other'.
	 */
	private int maxSeriesPerExecutor = 100;

	public List<String> getLabelTags() {
		return this.labelTags;
	}

	public void setLabelTags(List<String> labelTags) {
		this.labelTags = checkedLabelTags(labelTags, "tasklens.metrics.label-tags");
	}

	public int getMaxSeriesPerExecutor() {
		return this.maxSeriesPerExecutor;
	}

	public void setMaxSeriesPerExecutor(int maxSeriesPerExecutor) {
		this.maxSeriesPerExecutor = checkedMaxSeries(maxSeriesPerExecutor, "tasklens.metrics.max-series-per-executor");
	}

	/**
	 * Return the label keys that become tags.
	 * @return the label keys
	 * @deprecated since 0.1.0 in favour of {@link #getLabelTags()}: the name read like
	 * Boot's 'management.metrics.tags', a map of tag values
	 */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "tasklens.metrics.label-tags",
			reason = "It names label keys; Boot's management.metrics.tags is a map of tag values.", since = "0.1.0")
	public List<String> getTags() {
		return getLabelTags();
	}

	@Deprecated(since = "0.1.0")
	public void setTags(List<String> tags) {
		this.labelTags = checkedLabelTags(tags, "tasklens.metrics.tags");
	}

	/**
	 * Return the most series per executor.
	 * @return the most series
	 * @deprecated since 0.1.0 in favour of {@link #getMaxSeriesPerExecutor()}: it caps
	 * series, of which task names are only the default kind
	 */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "tasklens.metrics.max-series-per-executor",
			reason = "It caps series, whatever their tags, not only task names.", since = "0.1.0")
	public int getMaxTaskNames() {
		return getMaxSeriesPerExecutor();
	}

	@Deprecated(since = "0.1.0")
	public void setMaxTaskNames(int maxTaskNames) {
		this.maxSeriesPerExecutor = checkedMaxSeries(maxTaskNames, "tasklens.metrics.max-task-names");
	}

	private static List<String> checkedLabelTags(List<String> keys, String property) {
		for (String key : keys) {
			try {
				// a label of that key, to check the key as labels do
				TaskLabels.of(key, "");
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid " + property + " entry '" + key + "': " + ex.getMessage()
						+ " (for example 'executor,task,team')", ex);
			}
		}
		return new ArrayList<>(keys);
	}

	private static int checkedMaxSeries(int max, String property) {
		if (max < 1) {
			throw new IllegalArgumentException("Invalid " + property + " " + max + ": it must be at least 1");
		}
		return max;
	}

}
