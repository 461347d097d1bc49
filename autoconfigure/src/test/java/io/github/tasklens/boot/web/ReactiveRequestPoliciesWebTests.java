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
import io.github.tasklens.boot.web.ReactiveRequestTasksWebTests.Gate;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests of a Spring WebFlux app on Netty with Boot's default context propagation
 * ({@code limited}): the labels reach what the handler submits while it is subscribed to,
 * not a signal another thread sends later; and the in-flight limit and time box of
 * executor {@code http} apply to requests bound to no thread.
 */
@SpringBootTest(classes = ReactiveRequestTasksWebTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.web.resources.add-mappings=false",
				"tasklens.web.labels.headers.tenant=X-Tenant-Id", "tasklens.limits.executors.http.max-in-flight=2",
				"tasklens.timebox.executors.http.warn-after=200ms", "tasklens.timebox.check-interval=50ms" })
class ReactiveRequestPoliciesWebTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private LiveTaskRegistry registry;

	@Autowired
	private Gate gate;

	@BeforeEach
	void closeTheGate() {
		this.gate.reset();
	}

	@AfterEach
	void release() {
		this.gate.release.countDown();
	}

	@Test
	void withoutAutomaticPropagationTheLabelsReachWhatTheHandlerSubmitsWhileSubscribedTo() throws Exception {
		HttpResponse<String> response = send("/orders/42/labels", "X-Tenant-Id", "acme").get(30, TimeUnit.SECONDS);
		assertThat(response.body()).isEqualTo("""
				handler on an event loop GET /orders/{id}/labels http route=/orders/{id}/labels method=GET tenant=acme
				pool orderPool route=/orders/{id}/labels method=GET tenant=acme
				async orderPool route=/orders/{id}/labels method=GET tenant=acme
				reactor boundedElastic route=/orders/{id}/labels method=GET tenant=acme""");
	}

	@Test
	void withoutAutomaticPropagationASignalFromAnotherThreadHasNoLabels() throws Exception {
		CompletableFuture<HttpResponse<String>> response = send("/orders/5/later");
		Sinks.One<String> sink = this.gate.later;
		await().atMost(Duration.ofSeconds(30)).until(() -> sink.currentSubscriberCount() > 0);
		assertThat(sink.tryEmitValue("now").isSuccess()).isTrue();
		assertThat(response.get(30, TimeUnit.SECONDS).body())
			.isEqualTo("now on " + Thread.currentThread().getName() + ": null route=null method=null");
	}

	@Test
	void requestsBeyondTheLimitAreAnswered503AndThoseInFlightGoOverdue() throws Exception {
		this.gate.arrived = new CountDownLatch(2);
		List<CompletableFuture<HttpResponse<String>>> waiting = List.of(send("/orders/1/wait"), send("/orders/2/wait"));
		assertThat(this.gate.arrived.await(30, TimeUnit.SECONDS)).as("2 requests waiting").isTrue();
		assertThat(send("/orders/3/wait").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
		TaskQuery overdue = new TaskQuery(RequestTaskFilter.EXECUTOR, "GET /orders/{id}/wait", TaskState.OVERDUE,
				Map.of(), 10, 1, 0);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(new TaskInventory(this.registry).read(overdue).tasks()).hasSize(2));
		this.gate.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : waiting) {
			assertThat(response.get(30, TimeUnit.SECONDS).body()).isEqualTo("done");
		}
	}

	private CompletableFuture<HttpResponse<String>> send(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
