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
import java.util.List;

import io.github.tasklens.test.VerifyNoTaskLeaks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app with Boot's {@code management.metrics.distribution.*} asking for a
 * percentiles histogram of {@code tasks.run}: the real Prometheus scrape has its buckets
 * and its max, as for any Micrometer {@code Timer}, while {@code tasks.wait}, for which
 * nothing was asked, stays a summary of count and sum, with its max in a gauge of the
 * same Prometheus name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.ingest.rate=200ms",
				"management.metrics.distribution.percentiles-histogram.tasks.run=true",
				"management.metrics.distribution.maximum-expected-value.tasks.run=10s" })
@VerifyNoTaskLeaks(ignoreTaskNames = "ReconcileJob.reconcile")
class PrometheusHistogramTests {

	private static final String INGEST = "executor=\"taskScheduler\",outcome=\"success\",task=\"IngestJob.ingest\"";

	@LocalServerPort
	private int port;

	@Test
	void scrapeHasTheBucketsAndTheMaxOfTheRunTimerWhenAHistogramIsAskedFor() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> lines(client, "tasks_run_seconds_count{").stream()
				.anyMatch((line) -> line.contains(INGEST) && !line.endsWith(" 0") && !line.endsWith(" 0.0")));
		List<String> buckets = lines(client, "tasks_run_seconds_bucket{").stream()
			.filter((line) -> line.contains(INGEST))
			.toList();
		assertThat(buckets).as("buckets up to the maximum expected value, and +Inf").hasSizeGreaterThan(10);
		assertThat(buckets).anySatisfy((line) -> assertThat(line).contains("le=\"+Inf\""));
		assertThat(lines(client, "tasks_run_seconds_max{")).anySatisfy((line) -> assertThat(line).contains(INGEST));
		assertThat(lines(client, "tasks_wait_seconds_bucket{")).isEmpty();
		assertThat(lines(client, "tasks_wait_seconds_count{")).isNotEmpty();
		assertThat(lines(client, "tasks_wait_seconds_max{")).as("a function timer's max, a gauge beside it")
			.isNotEmpty();
		assertThat(lines(client, "# TYPE tasks_run_seconds_max "))
			.containsExactly("# TYPE tasks_run_seconds_max gauge");
		assertThat(lines(client, "# TYPE tasks_wait_seconds_max "))
			.containsExactly("# TYPE tasks_wait_seconds_max gauge");
	}

	private static List<String> lines(RestClient client, String prefix) {
		String scrape = client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		return scrape.lines().filter((line) -> line.startsWith(prefix)).toList();
	}

}
