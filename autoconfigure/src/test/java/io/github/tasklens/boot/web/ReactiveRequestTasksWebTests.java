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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.boot.web.RequestTasksWebTests.Orders;
import io.github.tasklens.TaskState;
import io.github.tasklens.registry.InventorySnapshot;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests of a Spring WebFlux app on Netty, on a random port, with Reactor's automatic
 * context propagation: each is a task of executor {@code http} bound to no thread while
 * it is handled, and its labels reach the tasks it submits and the operators that run
 * after it left the event loop.
 */
@SpringBootTest(classes = ReactiveRequestTasksWebTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.web.resources.add-mappings=false",
				"spring.reactor.context-propagation=auto", "tasklens.web.labels.headers.tenant=X-Tenant-Id",
				"management.endpoints.web.exposure.include=tasks", "management.endpoint.tasks.access=unrestricted" })
class ReactiveRequestTasksWebTests {

	private static final String WAIT_ROUTE = "/orders/{id}/wait";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private LiveTaskRegistry registry;

	@Autowired
	private Gate gate;

	@Autowired
	private Finished finished;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void closeTheGate() {
		this.gate.reset();
	}

	@AfterEach
	void release() {
		this.gate.release.countDown();
	}

	@Test
	void theLabelsOfARequestReachTheTasksItSubmitsToABeanPoolAnAsyncMethodAndBoundedElastic() throws Exception {
		HttpResponse<String> response = get("/orders/42/labels", "X-Tenant-Id", "acme");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				handler on an event loop GET /orders/{id}/labels http route=/orders/{id}/labels method=GET tenant=acme
				pool orderPool route=/orders/{id}/labels method=GET tenant=acme
				async orderPool route=/orders/{id}/labels method=GET tenant=acme
				reactor boundedElastic route=/orders/{id}/labels method=GET tenant=acme""");
	}

	@Test
	void theLabelsReachAnOperatorThatASignalFromAnotherThreadRuns() throws Exception {
		CompletableFuture<HttpResponse<String>> response = this.client.sendAsync(request("/orders/5/later").build(),
				HttpResponse.BodyHandlers.ofString());
		Sinks.One<String> sink = this.gate.later;
		await().atMost(Duration.ofSeconds(30)).until(() -> sink.currentSubscriberCount() > 0);
		// this test's thread emits: no task of its own, no labels but those the Context
		// carries
		assertThat(sink.tryEmitValue("now").isSuccess()).isTrue();
		assertThat(response.get(30, TimeUnit.SECONDS).body())
			.isEqualTo("now on " + Thread.currentThread().getName() + ": http route=/orders/{id}/later method=GET");
		assertThat(TaskContext.current().labels().asMap()).as("nothing left on the emitting thread").isEmpty();
	}

	@Test
	void fiftyWaitingRequestsAreListedRunningAndTheirBlockingWorkAsOneGroupWithTheirRoute() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 50)
			.mapToObj((id) -> this.client.sendAsync(request("/orders/" + id + "/wait").build(),
					HttpResponse.BodyHandlers.ofString()))
			.toList();
		assertThat(this.gate.arrived.await(30, TimeUnit.SECONDS)).as("50 handlers waiting").isTrue();
		TaskInventory inventory = new TaskInventory(this.registry);
		Map<String, String> route = Map.of(RequestTaskFilter.ROUTE, WAIT_ROUTE);
		InventorySnapshot requests = inventory
			.read(new TaskQuery(RequestTaskFilter.EXECUTOR, null, null, route, 100, 32, 100));
		assertThat(requests.tasks()).hasSize(50).allSatisfy((task) -> {
			assertThat(task.state()).isEqualTo(TaskState.RUNNING);
			assertThat(task.info().name()).isEqualTo("GET " + WAIT_ROUTE);
			assertThat(task.thread()).as("bound to no thread").isNull();
		});
		TaskQuery orders = new TaskQuery("orders", null, null, route, 100, 32, 100);
		// a task may still be inside countDown(), waking this thread, when it runs on
		await().atMost(Duration.ofSeconds(10)).until(() -> inventory.read(orders).groups().size() == 1);
		InventorySnapshot work = inventory.read(orders);
		assertThat(work.tasks()).hasSize(50)
			.allSatisfy((task) -> assertThat(task.thread().getName()).startsWith("orders-"));
		assertThat(work.groups()).hasSize(1).first().satisfies((group) -> {
			assertThat(group.count()).isEqualTo(50);
			assertThat(group.stack()).anySatisfy((frame) -> assertThat(frame.getMethodName()).isEqualTo("waitFor"));
		});
		this.gate.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					inventory.read(new TaskQuery(RequestTaskFilter.EXECUTOR, null, null, route, 100, 32, 100)).tasks())
				.isEmpty());
	}

	@Test
	void anErrorSignalIsTheRequestsFailureAndAnErrorResponseIsNot() throws Exception {
		assertThat(get("/orders/1/fail").statusCode()).isEqualTo(500);
		assertThat(get("/nowhere").statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.finished.routes)
				.containsEntry("GET /orders/{id}/fail", "/orders/{id}/fail IllegalStateException")
				.containsEntry("GET unmatched", "unmatched none"));
		assertThat(failures("IllegalStateException")).isEqualTo(1);
		assertThat(this.meters.find("tasks.failures").tag("executor", "http").functionCounters()).allSatisfy(
				(counter) -> assertThat(counter.getId().getTag("exception")).isEqualTo("IllegalStateException"));
	}

	@Test
	void theActuatorsRequestsAreNoTasks() throws Exception {
		HttpResponse<String> response = get("/actuator/tasks?executor=http");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"totals\"").doesNotContain("GET /actuator");
	}

	@Test
	void aBrowserGetsTheTasksPageOnNettyToo() throws Exception {
		HttpResponse<String> page = get("/actuator/tasks", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.body()).startsWith("<!DOCTYPE html>");
		assertThat(get("/actuator/tasks", "Accept", "*/*").body()).startsWith("{\"takenAt\"");
	}

	@Test
	void cancellingARequestsTaskCancelsItsHandlingAndAnswers503() throws Exception {
		CompletableFuture<HttpResponse<String>> response = this.client.sendAsync(request("/orders/7/later").build(),
				HttpResponse.BodyHandlers.ofString());
		Sinks.One<String> sink = this.gate.later;
		await().atMost(Duration.ofSeconds(30)).until(() -> sink.currentSubscriberCount() > 0);
		TaskQuery later = new TaskQuery(RequestTaskFilter.EXECUTOR, "GET /orders/{id}/later", null, Map.of(), 10, 1, 0);
		List<InventorySnapshot.LiveTask> waiting = new TaskInventory(this.registry).read(later).tasks();
		assertThat(waiting).hasSize(1);
		long id = waiting.get(0).info().id();
		HttpResponse<String> cancelled = this.client.send(request("/actuator/tasks/" + id).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(cancelled.body()).contains("\"ended\":[{\"id\":" + id + ",").contains("\"stillLive\":[]");
		HttpResponse<String> answer = response.get(30, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(sink.currentSubscriberCount()).as("the handler's subscription is cancelled").isZero();
		assertThat(new TaskInventory(this.registry).read(later).tasks()).isEmpty();
		assertThat(failures("ResponseStatusException")).as("a cancel is no failure").isZero();
	}

	private double failures(String exception) {
		FunctionCounter counter = this.meters.find("tasks.failures")
			.tag("executor", "http")
			.tag("exception", exception)
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
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

		@Bean(destroyMethod = "dispose")
		Scheduler orders() {
			return Schedulers.newBoundedElastic(64, 1000, "orders");
		}

		@Bean
		Orders asyncOrders() {
			return new Orders();
		}

		@Bean
		Gate gate() {
			return new Gate();
		}

		@Bean
		Finished finished() {
			return new Finished();
		}

		@Bean
		OrderController orderController(ThreadPoolTaskExecutor orderPool, Scheduler orders, Orders asyncOrders,
				Gate gate) {
			return new OrderController(orderPool, orders, asyncOrders, gate);
		}

	}

	/**
	 * The route and failure of every request that ended, by task name.
	 */
	static class Finished implements TaskHook {

		final Map<String, String> routes = new ConcurrentHashMap<>();

		@Override
		public void onFinish(TaskInfo task, @Nullable Throwable failure) {
			if (RequestTaskFilter.EXECUTOR.equals(task.executor())) {
				this.routes.put(task.name(), task.labels().get(RequestTaskFilter.ROUTE) + " "
						+ ((failure != null) ? failure.getClass().getSimpleName() : "none"));
			}
		}

	}

	/**
	 * The MVC tests' gate, with a value a test sends the handler later.
	 */
	static class Gate extends RequestTasksWebTests.Gate {

		volatile Sinks.One<String> later = Sinks.one();

		@Override
		void reset() {
			super.reset();
			this.later = Sinks.one();
		}

	}

	@RestController
	static class OrderController {

		private final ThreadPoolTaskExecutor pool;

		private final Scheduler orders;

		private final Orders asyncOrders;

		private final Gate gate;

		OrderController(ThreadPoolTaskExecutor pool, Scheduler orders, Orders asyncOrders, Gate gate) {
			this.pool = pool;
			this.orders = orders;
			this.asyncOrders = asyncOrders;
			this.gate = gate;
		}

		@GetMapping("/orders/{id}/labels")
		Mono<String> labels(@PathVariable String id) {
			String thread = Thread.currentThread().getName().startsWith("webflux-http-") ? "an event loop"
					: Thread.currentThread().getName();
			String handler = "handler on " + thread + " " + TaskContext.current().task().name() + " "
					+ Orders.describe();
			CompletableFuture<String> pooled = this.pool.submitCompletable(() -> "pool " + Orders.describe());
			CompletableFuture<String> async = this.asyncOrders.labels();
			Mono<String> elastic = Mono.fromCallable(() -> "reactor " + Orders.describe())
				.subscribeOn(Schedulers.boundedElastic());
			return Mono.zip(Mono.fromFuture(pooled), Mono.fromFuture(async), elastic)
				.map((seen) -> String.join("\n", handler, seen.getT1(), seen.getT2(), seen.getT3()));
		}

		@GetMapping("/orders/{id}/later")
		Mono<String> later(@PathVariable String id) {
			return this.gate.later.asMono().map((value) -> {
				TaskLabels labels = TaskContext.current().labels();
				return value + " on " + Thread.currentThread().getName() + ": " + labels.get("executor") + " route="
						+ labels.get("route") + " method=" + labels.get("method");
			});
		}

		@GetMapping(WAIT_ROUTE)
		Mono<String> waitFor(@PathVariable String id) {
			return Mono.fromCallable(() -> waitFor()).subscribeOn(this.orders);
		}

		private String waitFor() throws InterruptedException {
			this.gate.arrived.countDown();
			return this.gate.release.await(30, TimeUnit.SECONDS) ? "done" : "not released";
		}

		@GetMapping("/orders/{id}/fail")
		Mono<String> fail(@PathVariable String id) {
			return Mono.error(new IllegalStateException("order " + id + " failed"));
		}

	}

}
