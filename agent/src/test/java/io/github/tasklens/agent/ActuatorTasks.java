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
package io.github.tasklens.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks {@code /actuator/tasks} lists, asked over HTTP.
 */
final class ActuatorTasks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	ActuatorTasks(int port) {
		this.port = port;
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> tasks(String query) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/tasks" + query))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
		return new ArrayList<>((List<Map<String, Object>>) answer.get("tasks"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> labels(Map<String, Object> task) {
		return (Map<String, Object>) task.get("labels");
	}

}
