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
package io.github.tasklens.boot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskState;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The time boxes and in-flight limits of executor {@code http}, set as any executor's,
 * applied to requests on Tomcat.
 */
@SpringBootTest(classes = RequestPoliciesWebTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tasklens.limits.executors.http.max-in-flight=2",
				"tasklens.timebox.executors.http.warn-after=200ms", "tasklens.timebox.check-interval=50ms" })
class RequestPoliciesWebTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private LiveTaskRegistry registry;

	@Autowired
	private Slow slow;

	@AfterEach
	void release() {
		this.slow.release.countDown();
	}

	@Test
	void requestsBeyondTheLimitAreAnswered503AndThoseInFlightGoOverdue() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> waiting = List.of(send(), send());
		assertThat(this.slow.arrived.await(30, TimeUnit.SECONDS)).as("2 handlers waiting").isTrue();
		HttpResponse<String> refused = send().get(30, TimeUnit.SECONDS);
		assertThat(refused.statusCode()).isEqualTo(503);
		TaskQuery overdue = new TaskQuery(RequestTaskFilter.EXECUTOR, "GET /slow", TaskState.OVERDUE, Map.of(), 10, 1,
				0);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(new TaskInventory(this.registry).read(overdue).tasks()).hasSize(2));
		this.slow.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : waiting) {
			assertThat(response.get(30, TimeUnit.SECONDS).body()).isEqualTo("done");
		}
	}

	private CompletableFuture<HttpResponse<String>> send() {
		return this.client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/slow"))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Slow slow() {
			return new Slow();
		}

	}

	@RestController
	static class Slow {

		final CountDownLatch arrived = new CountDownLatch(2);

		final CountDownLatch release = new CountDownLatch(1);

		@GetMapping("/slow")
		String slow() throws InterruptedException {
			this.arrived.countDown();
			return this.release.await(30, TimeUnit.SECONDS) ? "done" : "not released";
		}

	}

}
