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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.tasklens.TaskLabels;

import org.springframework.util.PatternMatchUtils;

/**
 * Executors ({@code tasklens.executors.*}): which beans tasklens decorates, and the names
 * of the pools and threads that the tasklens agent reaches.
 *
 * @author tasklens authors
 */
public class ExecutorsProperties {

	private static final Pattern BEAN_NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.$#:*-]+");

	/**
	 * Comma-separated list of bean-name patterns of executors to leave undecorated. A
	 * pattern is a bean name in which '*' matches any characters.
	 */
	private List<String> exclude = new ArrayList<>();

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		for (String pattern : exclude) {
			if (pattern == null || !BEAN_NAME_PATTERN.matcher(pattern).matches()) {
				throw new IllegalArgumentException("Invalid tasklens.executors.exclude pattern '" + pattern
						+ "': a pattern is a bean name made of letters, digits and the characters _ . $ # : -,"
						+ " in which '*' matches any characters (for example 'reportExecutor' or 'kafka*')");
			}
		}
		this.exclude = new ArrayList<>(exclude);
	}

	/**
	 * Return whether the executor bean with the given name is excluded.
	 * @param beanName the bean name
	 * @return whether it matches one of the patterns
	 */
	public boolean isExcluded(String beanName) {
		for (String pattern : this.exclude) {
			if (PatternMatchUtils.simpleMatch(pattern, beanName)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Names to show for the pools and threads that the tasklens agent reaches, keyed by
	 * the simple name of the class whose code creates them (the name they get otherwise),
	 * for example 'tasklens.executors.names.Dispatcher=okhttp'.
	 */
	private Map<String, String> names = new LinkedHashMap<>();

	/**
	 * Maximum number of distinct names of pools and threads that the tasklens agent
	 * reaches, at least 1; pools and threads beyond it share the name 'other', so that
	 * their meters stay bounded.
	 */
	private int maxAgentNames = 100;

	public Map<String, String> getNames() {
		return this.names;
	}

	public void setNames(Map<String, String> names) {
		for (Map.Entry<String, String> name : names.entrySet()) {
			String value = name.getValue();
			if (value == null || value.isEmpty() || value.length() > TaskLabels.MAX_VALUE_LENGTH) {
				throw new IllegalArgumentException(
						"Invalid tasklens.executors.names." + name.getKey() + " '" + value + "': a name of 1 to "
								+ TaskLabels.MAX_VALUE_LENGTH + " characters is allowed, for example 'okhttp'");
			}
		}
		this.names = new LinkedHashMap<>(names);
	}

	public int getMaxAgentNames() {
		return this.maxAgentNames;
	}

	public void setMaxAgentNames(int maxAgentNames) {
		if (maxAgentNames < 1) {
			throw new IllegalArgumentException(
					"Invalid tasklens.executors.max-agent-names " + maxAgentNames + ": it must be at least 1");
		}
		this.maxAgentNames = maxAgentNames;
	}

}
