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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.test.VerifyNoTaskLeaks;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scrapes the sample app
 * with the shipped alert rules loaded, on loopback, random ports and its own data folder:
 * it sees {@code tasks_active} rise when tasks leak, and the failure alert when a job
 * fails. The server is stopped when the test ends, whatever its result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.audit.rate=200ms", "sample.audit.initial-delay=0" })
@VerifyNoTaskLeaks(ignoreTaskNames = "ReconcileJob.reconcile")
class PrometheusServerTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private TaskRegistry registry;

	@Test
	void prometheusSeesLeakedTasksRiseAndTheFailureAlert(@TempDir Path folder) throws Exception {
		Promtool.assumeCommand("prometheus", "prometheus");
		int prometheusPort = freePort();
		Path config = folder.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				scrape_configs:
				  - job_name: tasklens-sample
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(Promtool.OBSERVABILITY.resolve("prometheus/tasklens-alerts.yml").toAbsolutePath(),
				this.port));
		Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
				"--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("prometheus.log").toFile())
			.start();
		RestClient app = RestClient.create("http://127.0.0.1:" + this.port);
		try {
			RestClient server = RestClient.create("http://127.0.0.1:" + prometheusPort);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(
						() -> assertThat(leakPoolActive(server)).as("leakPool's tasks_active, scraped").isEqualTo(0));
			app.post().uri("/leak?tasks=6").retrieve().toBodilessEntity();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(leakPoolActive(server)).as("leakPool's tasks_active, scraped").isEqualTo(4));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(alerts(server)).anySatisfy((alert) -> {
					assertThat(alert).extractingByKey("labels")
						.asInstanceOf(InstanceOfAssertFactories.MAP)
						.containsEntry("alertname", "TasklensTaskFailures")
						.containsEntry("task", "AuditJob.audit");
					assertThat(alert.get("state")).isIn("pending", "firing");
				}));
		}
		finally {
			prometheus.destroy();
			if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
				prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			app.delete().uri("/leak").retrieve().toBodilessEntity();
		}
		assertThat(prometheus.isAlive()).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.liveTasks())
				.noneMatch((task) -> task.executor().equals("leakPool")));
	}

	/**
	 * Return the latest value of leakPool's {@code tasks_active} that Prometheus holds,
	 * or -1 while it holds none.
	 */
	@SuppressWarnings("unchecked")
	private static double leakPoolActive(RestClient server) {
		Map<String, Object> answer = server.get()
			.uri("/api/v1/query?query={query}", "sum(tasks_active{executor=\"leakPool\"})")
			.retrieve()
			.body(JSON);
		List<Map<String, Object>> result = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data"))
			.get("result");
		return result.isEmpty() ? -1 : Double.parseDouble((String) ((List<Object>) result.get(0).get("value")).get(1));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> alerts(RestClient server) {
		Map<String, Object> answer = server.get().uri("/api/v1/alerts").retrieve().body(JSON);
		return (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("alerts");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
