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

package io.github.tasklens.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard imports with a choice of data source, and never sums a fleet into
 * one line: every query follows the application, instance and executor variables.
 * {@code PrometheusScrapeTests} checks that every meter has a panel.
 */
class DashboardTests {

	private static final Pattern SELECTOR = Pattern.compile("\\b((?:tasks|executor)_[a-z_]+)(\\{[^}]*\\})?");

	private final JsonNode dashboard = dashboard();

	@Test
	void importsWithAChoiceOfPrometheusDataSource() {
		assertThat(this.dashboard.get("__inputs")).singleElement().satisfies((input) -> {
			assertThat(input.get("type").asString()).isEqualTo("datasource");
			assertThat(input.get("pluginId").asString()).isEqualTo("prometheus");
		});
		assertThat(variable("datasource").get("type").asString()).isEqualTo("datasource");
		for (JsonNode panel : this.dashboard.get("panels")) {
			assertThat(panel.at("/datasource/uid").asString()).as(panel.get("title").asString())
				.isEqualTo("${datasource}");
			panel.get("targets")
				.forEach((target) -> assertThat(target.at("/datasource/uid").asString()).isEqualTo("${datasource}"));
		}
	}

	@Test
	void everyQueryFollowsTheApplicationInstanceAndExecutorVariables() {
		assertThat(variable("application").get("definition").asString()).contains("application");
		assertThat(variable("instance").get("definition").asString()).contains("$application");
		assertThat(variable("executor").get("definition").asString()).contains("$application", "$instance");
		List<String> expressions = expressions(this.dashboard);
		assertThat(expressions).isNotEmpty();
		for (String expression : expressions) {
			Matcher selector = SELECTOR.matcher(expression);
			int selectors = 0;
			while (selector.find()) {
				selectors++;
				String labels = String.valueOf(selector.group(2));
				assertThat(labels).as("the selector of %s in %s", selector.group(1), expression)
					.contains("application=~\"$application\"", "instance=~\"$instance\"");
				// the stack-drift meters are the application's, with no executor tag
				if (!selector.group(1).startsWith("tasks_stack_")) {
					assertThat(labels).as("the selector of %s in %s", selector.group(1), expression)
						.containsAnyOf("executor=~\"$executor\"", "name=~\"$executor\"");
				}
			}
			assertThat(selectors).as(expression).isPositive();
			if (expression.contains("sum by") || expression.contains("max by")) {
				assertThat(expression).as("aggregated per instance, never over a fleet")
					.doesNotContainPattern("(sum|max) by \\((?![^)]*instance)");
			}
		}
	}

	static List<String> expressions(JsonNode dashboard) {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			panel.get("targets").forEach((target) -> expressions.add(target.get("expr").asString()));
		}
		return expressions;
	}

	static JsonNode dashboard() {
		return JsonMapper.builder().build().readTree(read("grafana/tasklens-dashboard.json"));
	}

	private JsonNode variable(String name) {
		for (JsonNode variable : this.dashboard.at("/templating/list")) {
			if (variable.get("name").asString().equals(name)) {
				return variable;
			}
		}
		throw new AssertionError("no variable '" + name + "' in the dashboard");
	}

	private static String read(String file) {
		try {
			return Promtool.read(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
