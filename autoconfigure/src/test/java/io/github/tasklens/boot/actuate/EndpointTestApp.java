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

package io.github.tasklens.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application the endpoint's web tests start: two pools, and tasks that block at one
 * line until the test releases them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EndpointTestApp {

	static final String ACTUATOR = "management.endpoints.web.exposure.include=tasks";

	static final String MESSAGES = "spring.web.error.include-message=always";

	@Bean
	ThreadPoolTaskExecutor workPool() {
		return pool("work-", 2, 10);
	}

	@Bean
	ThreadPoolTaskExecutor widePool() {
		return pool("wide-", 50, 100);
	}

	@Bean
	Blocker blocker() {
		return new Blocker();
	}

	private static ThreadPoolTaskExecutor pool(String prefix, int threads, int queue) {
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setThreadNamePrefix(prefix);
		pool.setCorePoolSize(threads);
		pool.setMaxPoolSize(threads);
		pool.setQueueCapacity(queue);
		return pool;
	}

	/**
	 * Tasks that wait at one line until released; each test releases what it blocked.
	 */
	static final class Blocker {

		private volatile CountDownLatch release = new CountDownLatch(1);

		private final Semaphore started = new Semaphore(0);

		void block() {
			this.started.release();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void awaitStarted(int tasks) throws InterruptedException {
			assertThat(this.started.tryAcquire(tasks, 10, TimeUnit.SECONDS)).as("%d tasks started", tasks).isTrue();
		}

		/**
		 * Let every blocked task go, and those still queued pass when they start.
		 */
		void releaseAll() {
			this.release.countDown();
		}

		/**
		 * Block the tasks of the next test; call when none is live.
		 */
		void reset() {
			this.release = new CountDownLatch(1);
			this.started.drainPermits();
		}

	}

	/**
	 * Reads the endpoint over real HTTP.
	 */
	static final class Http {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final HttpClient client = HttpClient.newHttpClient();

		private final int port;

		Http(int port) {
			this.port = port;
		}

		HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
			return send(request(path, accept).build());
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> json(String path, String user, String password) throws IOException, InterruptedException {
			HttpResponse<String> response = send(
					request(path, "application/json").header("Authorization", basic(user, password)).build());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readValue(response.body(), Map.class);
		}

		HttpResponse<String> delete(String path) throws IOException, InterruptedException {
			return send(request(path, "application/json").DELETE().build());
		}

		HttpResponse<String> delete(String path, String user, String password)
				throws IOException, InterruptedException {
			return send(
					request(path, "application/json").DELETE().header("Authorization", basic(user, password)).build());
		}

		@SuppressWarnings("unchecked")
		static Map<String, Object> parse(HttpResponse<String> response) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readValue(response.body(), Map.class);
		}

		private static String basic(String user, String password) {
			return "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		private HttpRequest.Builder request(String path, String accept) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", accept);
		}

		private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> json(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = get(path, "application/json");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readValue(response.body(), Map.class);
		}

		String text(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = get(path, "text/plain");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
			return response.body();
		}

	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> answer, String key) {
		return new ArrayList<>((List<Map<String, Object>>) answer.get(key));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> answer, String key) {
		return (Map<String, Object>) answer.get(key);
	}

}
