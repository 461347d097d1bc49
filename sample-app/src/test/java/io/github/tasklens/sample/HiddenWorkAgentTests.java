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
import java.util.Map;

import io.github.tasklens.bootstrap.TaskBridge;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walkthrough's step with the agent: the sample run with
 * {@code -javaagent:agent/target/tasklens-agent.jar} lists the task of a pool no bean
 * exposes, a common pool task and a raw thread, with the labels of the request that
 * started them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HiddenWorkAgentTests {

	@LocalServerPort
	private int port;

	@Test
	void workNoBeanExposesIsListedWhileItRuns() {
		assertThat(TaskBridge.attached()).as("run with the agent").isTrue();
		// HttpURLConnection: the JDK's HttpClient completes its responses on the common
		// pool, whose only worker on 2 cores (JDK 21+) this step keeps blocked
		RestClient client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestFactory(new SimpleClientHttpRequestFactory())
			.build();
		client.post().uri("/hidden").retrieve().toBodilessEntity();
		try {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(archiveTasks(client)).extracting((task) -> task.get("executor"))
					.containsExactlyInAnyOrder("HiddenWorkController", "commonPool", "HiddenWorkController"));
			assertThat(archiveTasks(client)).allSatisfy((task) -> assertThat(task).containsEntry("state", "RUNNING"));
		}
		finally {
			client.delete().uri("/hidden").retrieve().toBodilessEntity();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(archiveTasks(client)).isEmpty());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> archiveTasks(RestClient client) {
		Map<String, Object> answer = client.get()
			.uri("/actuator/tasks?label=job:archive")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		return (List<Map<String, Object>>) answer.get("tasks");
	}

}
