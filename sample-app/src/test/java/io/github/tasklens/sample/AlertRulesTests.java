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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the alert rules in {@code observability/prometheus} with Prometheus' own
 * {@code promtool}: they parse, and each alert fires and stays quiet in its unit tests.
 */
class AlertRulesTests {

	@BeforeEach
	void promtoolIsAvailable() {
		Promtool.assumeAvailable();
	}

	@Test
	void rulesPassPromtoolsCheck() throws Exception {
		Promtool.Result result = Promtool.run("check", "rules", "tasklens-alerts.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 6 rules found");
	}

	@Test
	void everyAlertFiresAndStaysQuietInItsUnitTests() throws Exception {
		String tests = Promtool.read("prometheus/tasklens-alerts.test.yml");
		for (String alert : new String[] { "TasklensTaskLeak", "TasklensTaskFailures", "TasklensPoolSaturated",
				"TasklensQueueNearlyFull", "TasklensOverdueTasks", "TasklensNewStackGroup" }) {
			assertThat(tests).as("unit tests of " + alert).contains("alertname: " + alert);
		}
		Promtool.Result result = Promtool.run("test", "rules", "tasklens-alerts.test.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

}
