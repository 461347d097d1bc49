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

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.tasklens.test.VerifyNoTaskLeaks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample app on a random port and scrapes {@code /actuator/prometheus}: every
 * metric that an alert rule or a dashboard query uses must be in the scrape, so that the
 * files in {@code observability/} cannot drift from the code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.audit.rate=100ms", "sample.audit.initial-delay=0", "sample.ingest.rate=200ms" })
@VerifyNoTaskLeaks(ignoreTaskNames = "ReconcileJob.reconcile")
class PrometheusScrapeTests {

	private static final Pattern METRIC = Pattern.compile("\\b((?:tasks|executor)_[a-z_]+)\\b");

	@LocalServerPort
	private int port;

	@Test
	void scrapeHasEveryMetricThatTheAlertRulesAndTheDashboardUse() throws Exception {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		Map<String, Integer> burst = client.post()
			.uri("/burst?tasks=20")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Integer>>() {
			});
		assertThat(burst.get("rejected")).as("the burst pool refused some tasks").isPositive();
		await().atMost(Duration.ofSeconds(20)).until(() -> scrape(client).contains("tasks_failures_total{"));
		Set<String> scraped = scrape(client).lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> used = new TreeSet<>();
		used.addAll(metricNames(Promtool.read("prometheus/tasklens-alerts.yml")));
		used.addAll(metricNames(Promtool.read("grafana/tasklens-dashboard.json")));
		assertThat(used).as("metrics used by the rules and the dashboard")
			.contains("tasks_active", "tasks_queued", "tasks_failures_total", "tasks_submitted_total",
					"tasks_rejected_total", "tasks_run_seconds_count", "tasks_wait_seconds_sum",
					"executor_active_threads", "executor_pool_max_threads", "executor_queue_remaining_tasks");
		assertThat(used).contains("tasks_overdue");
		// the run-time histogram's buckets exist only when one is asked for
		// (PrometheusHistogramTests); its max is there either way
		Set<String> histogram = Set.of("tasks_run_seconds_bucket");
		assertThat(used).contains("tasks_run_seconds_max");
		assertThat(used).containsAll(histogram);
		assertThat(scraped).containsAll(used.stream().filter((name) -> !histogram.contains(name)).toList());
		assertThat(scraped).contains("tasks_failures_total", "tasks_rejected_total");
		String queries = String.join("\n", DashboardTests.expressions(DashboardTests.dashboard()));
		// tasks_scheduled_execution_* is Boot's own meter of @Scheduled methods
		assertThat(scraped).filteredOn((name) -> name.startsWith("tasks_") && !name.startsWith("tasks_scheduled_"))
			.map((name) -> name.replaceAll("_(total|count|sum|bucket|max)$", ""))
			.as("every tasklens meter has a panel in the dashboard")
			.allSatisfy((meter) -> assertThat(queries).contains(meter));
	}

	private static String scrape(RestClient client) {
		return client.get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private static Set<String> metricNames(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = METRIC.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
