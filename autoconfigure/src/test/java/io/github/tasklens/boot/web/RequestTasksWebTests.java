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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.registry.InventorySnapshot;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests of a Spring MVC app on Tomcat, on a random port: each is a task of executor
 * {@code http} while it is handled, and its labels reach the tasks it submits.
 */
@SpringBootTest(classes = RequestTasksWebTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tasklens.web.labels.headers.tenant=X-Tenant-Id", "spring.web.resources.add-mappings=false",
				"management.endpoints.web.exposure.include=tasks" })
class RequestTasksWebTests {

	private static final String WAIT_ROUTE = "/orders/{id}/wait";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private LiveTaskRegistry registry;

	@Autowired
	private Gate gate;

	@Autowired
	private RouteSeenByAFilter routes;

	@BeforeEach
	void closeTheGate() {
		this.gate.reset();
	}

	@AfterEach
	void release() {
		this.gate.release.countDown();
	}

	@Test
	void theLabelsOfARequestReachTheTasksItSubmitsToABeanPoolAndAnAsyncMethod() throws Exception {
		HttpResponse<String> response = get("/orders/42/labels", "X-Tenant-Id", "acme");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				handler GET /orders/{id}/labels http route=/orders/{id}/labels method=GET tenant=acme
				pool orderPool route=/orders/{id}/labels method=GET tenant=acme
				async orderPool route=/orders/{id}/labels method=GET tenant=acme
				reactor boundedElastic route=/orders/{id}/labels method=GET tenant=acme""");
	}

	@Test
	void aRequestWithoutTheHeaderHasNoSuchLabel() throws Exception {
		assertThat(get("/orders/7/labels").body())
			.startsWith("handler GET /orders/{id}/labels http route=/orders/{id}/labels method=GET tenant=null\n");
	}

	@Test
	void fiftyHandlersBlockedAtOneLineAreListedRunningAsOneGroupWithTheirRoute() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 50)
			.mapToObj((id) -> this.client.sendAsync(request("/orders/" + id + "/wait").build(),
					HttpResponse.BodyHandlers.ofString()))
			.toList();
		assertThat(this.gate.arrived.await(30, TimeUnit.SECONDS)).as("50 handlers waiting").isTrue();
		TaskQuery waiting = new TaskQuery(RequestTaskFilter.EXECUTOR, null, null,
				Map.of(RequestTaskFilter.ROUTE, WAIT_ROUTE), 100, 32, 100);
		// a handler may still be inside countDown(), waking this thread, when it runs on
		await().atMost(Duration.ofSeconds(10))
			.until(() -> new TaskInventory(this.registry).read(waiting).groups().size() == 1);
		InventorySnapshot snapshot = new TaskInventory(this.registry).read(waiting);
		assertThat(snapshot.tasks()).hasSize(50).allSatisfy((task) -> {
			assertThat(task.state()).isEqualTo(TaskState.RUNNING);
			assertThat(task.info().name()).isEqualTo("GET " + WAIT_ROUTE);
			assertThat(task.info().labels().get("method")).isEqualTo("GET");
			assertThat(task.thread().getName()).startsWith("http-nio-");
		});
		assertThat(snapshot.groups()).hasSize(1).first().satisfies((group) -> {
			assertThat(group.count()).isEqualTo(50);
			assertThat(group.executors()).containsExactly("http");
			assertThat(group.stack()).anySatisfy((frame) -> assertThat(frame.getMethodName()).isEqualTo("waitFor"));
		});
		this.gate.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(new TaskInventory(this.registry).read(waiting).tasks()).isEmpty());
	}

	@Test
	void theRouteIsUnmatchedUntilAHandlerMatchesAndForARequestNoneMatches() throws Exception {
		assertThat(get("/nowhere").statusCode()).isEqualTo(404);
		assertThat(get("/orders/9/labels").statusCode()).isEqualTo(200);
		assertThat(this.routes.byPath).containsEntry("/nowhere", RequestTaskFilter.UNMATCHED)
			.containsEntry("/orders/9/labels", RequestTaskFilter.UNMATCHED);
	}

	@Test
	void theActuatorsRequestsAreNoTasks() throws Exception {
		HttpResponse<String> response = get("/actuator/tasks?executor=http");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"totals\"").doesNotContain("GET /actuator");
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = request(path);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	static class App {

		@Bean
		ThreadPoolTaskExecutor orderPool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(2);
			return pool;
		}

		@Bean
		Orders orders() {
			return new Orders();
		}

		@Bean
		RouteSeenByAFilter routeSeenByAFilter() {
			return new RouteSeenByAFilter();
		}

		@Bean
		Gate gate() {
			return new Gate();
		}

		@Bean
		OrderController orderController(ThreadPoolTaskExecutor orderPool, Orders orders, Gate gate) {
			return new OrderController(orderPool, orders, gate);
		}

	}

	/**
	 * A filter after tasklens's: what it sees of the route, before Spring MVC has matched
	 * a handler.
	 */
	static class RouteSeenByAFilter extends OncePerRequestFilter implements Ordered {

		final Map<String, String> byPath = new ConcurrentHashMap<>();

		@Override
		public int getOrder() {
			return RequestTaskFilter.ORDER + 1;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			this.byPath.put(request.getRequestURI(), String.valueOf(TaskContext.current().labels().get("route")));
			chain.doFilter(request, response);
		}

	}

	/**
	 * Where the waiting handlers wait; each test has a gate of its own.
	 */
	static class Gate {

		volatile CountDownLatch arrived = new CountDownLatch(50);

		volatile CountDownLatch release = new CountDownLatch(1);

		void reset() {
			this.arrived = new CountDownLatch(50);
			this.release = new CountDownLatch(1);
		}

	}

	static class Orders {

		@Async
		public CompletableFuture<String> labels() {
			return CompletableFuture.completedFuture("async " + describe());
		}

		static String describe() {
			TaskContext context = TaskContext.current();
			TaskLabels labels = context.labels();
			return labels.get("executor") + " route=" + labels.get("route") + " method=" + labels.get("method")
					+ " tenant=" + labels.get("tenant");
		}

	}

	@RestController
	static class OrderController {

		private final ThreadPoolTaskExecutor pool;

		private final Orders orders;

		private final Gate gate;

		OrderController(ThreadPoolTaskExecutor pool, Orders orders, Gate gate) {
			this.pool = pool;
			this.orders = orders;
			this.gate = gate;
		}

		@GetMapping("/orders/{id}/labels")
		String labels(@PathVariable String id) throws Exception {
			TaskContext here = TaskContext.current();
			Future<String> pooled = this.pool.submit(() -> "pool " + Orders.describe());
			return "handler " + here.task().name() + " " + Orders.describe() + "\n" + pooled.get(30, TimeUnit.SECONDS)
					+ "\n" + this.orders.labels().get(30, TimeUnit.SECONDS) + "\n"
					+ Mono.fromCallable(() -> "reactor " + Orders.describe())
						.subscribeOn(Schedulers.boundedElastic())
						.block(Duration.ofSeconds(30));
		}

		@GetMapping(WAIT_ROUTE)
		String waitFor(@PathVariable String id) throws InterruptedException {
			this.gate.arrived.countDown();
			return this.gate.release.await(30, TimeUnit.SECONDS) ? "done " + id : "not released";
		}

	}

}
