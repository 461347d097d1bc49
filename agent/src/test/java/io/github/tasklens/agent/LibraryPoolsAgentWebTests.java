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
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Boot app run with the agent: tasks of pools and threads that no bean exposes (a
 * service's private pool, OkHttp's dispatcher, HikariCP's housekeeper, the common pool, a
 * raw thread) and of a {@code ThreadPoolExecutor} subclass bean are listed by
 * {@code /actuator/tasks} while they are live, with the labels of the code that started
 * them.
 */
@SpringBootTest(classes = LibraryPoolsAgentWebTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=tasks", "tasklens.endpoint.show-values=always" })
class LibraryPoolsAgentWebTests {

	private final MockWebServer server = new MockWebServer();

	private final CountDownLatch release = new CountDownLatch(1);

	@LocalServerPort
	private int port;

	@Autowired
	private OrderService orders;

	@Autowired
	private AuditService audit;

	@Autowired
	private ReportPool reportPool;

	@Autowired
	private OkHttpClient okHttp;

	private ActuatorTasks actuator;

	@BeforeEach
	void startServer() throws IOException {
		this.actuator = new ActuatorTasks(this.port);
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void releaseAndStopServer() {
		this.release.countDown();
		this.server.close();
	}

	@Test
	void everyPoolAndThreadIsListedWhileItRunsWithTheLabelsOfItsStarter() throws Exception {
		this.server.enqueue(new MockResponse.Builder().body("ok").build());
		CountDownLatch started = new CountDownLatch(5);
		Runnable block = () -> {
			started.countDown();
			awaitRelease();
		};
		TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> {
			this.orders.pool.execute(block);
			this.reportPool.execute(block);
			CompletableFuture.runAsync(block);
			this.audit.start(block);
			this.okHttp.newCall(new Request.Builder().url(this.server.url("/orders")).build()).enqueue(new Callback() {

				@Override
				public void onResponse(Call call, Response response) {
					response.close();
					block.run();
				}

				@Override
				public void onFailure(Call call, IOException ex) {
				}

			});
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).as("every task runs").isTrue();
		List<Map<String, Object>> tasks = this.actuator.tasks("?label=tenant:acme");
		assertThat(tasks).allSatisfy((task) -> assertThat(ActuatorTasks.labels(task)).containsEntry("tenant", "acme"));
		Map<Object, List<Object>> states = tasks.stream()
			.collect(Collectors.groupingBy((task) -> task.get("executor"),
					Collectors.mapping((task) -> task.get("state"), Collectors.toList())));
		assertThat(states).as("named after the code that made each pool or thread, the bean after its bean")
			.containsEntry("OrderService", List.of("RUNNING"))
			.containsEntry("reportPool", List.of("RUNNING"))
			.containsEntry("commonPool", List.of("RUNNING"))
			.containsEntry("AuditService", List.of("RUNNING"))
			.containsEntry("Dispatcher", List.of("RUNNING"))
			.doesNotContainKey("ReportPool");
		assertThat(states).as("OkHttp's task runner, started by the call, carries the call's labels")
			.containsKey("RealBackend");
		this.release.countDown();
		// OkHttp's task runner loop and Okio's timeout watchdog stay a while, idle
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.actuator.tasks("?label=tenant:acme"))
				.extracting((task) -> task.get("executor"))
				.doesNotContain("OrderService", "reportPool", "commonPool", "AuditService", "Dispatcher"));
	}

	@Test
	void hikarisHousekeeperIsAPeriodicTaskOfTheCodeThatMadeTheDataSource() throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:orders");
		config.setMaximumPoolSize(2);
		HikariDataSource dataSource = TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
				() -> new HikariDataSource(config));
		try (Connection connection = dataSource.getConnection();
				ResultSet result = connection.createStatement().executeQuery("select 1")) {
			assertThat(result.next()).isTrue();
			List<Map<String, Object>> tasks = this.actuator.tasks("?executor=HikariPool");
			assertThat(tasks).as("the housekeeper, and each connection's keep-alive and lifetime")
				.allSatisfy((task) -> assertThat(ActuatorTasks.labels(task)).containsEntry("tenant", "acme"))
				.filteredOn((task) -> task.get("name").equals("HouseKeeper"))
				.singleElement()
				.satisfies(
						(task) -> assertThat(task).containsEntry("state", "SCHEDULED").containsEntry("periodic", true));
		}
		finally {
			dataSource.close();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.actuator.tasks("?executor=HikariPool")).isEmpty());
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		OrderService orderService() {
			return new OrderService();
		}

		@Bean
		AuditService auditService() {
			return new AuditService();
		}

		@Bean(destroyMethod = "shutdownNow")
		ReportPool reportPool() {
			return new ReportPool();
		}

		@Bean
		OkHttpClient okHttpClient() {
			return new OkHttpClient();
		}

	}

	/**
	 * A service with a pool of its own.
	 */
	static class OrderService implements DisposableBean {

		final ExecutorService pool = Executors.newFixedThreadPool(2);

		@Override
		public void destroy() {
			this.pool.shutdownNow();
		}

	}

	/**
	 * A service that starts a thread of its own.
	 */
	static class AuditService {

		void start(Runnable body) {
			new Thread(body, "audit").start();
		}

	}

	/**
	 * A pool bean declared as its own class, which no wrapper can stand for.
	 */
	static class ReportPool extends ThreadPoolExecutor {

		ReportPool() {
			super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
		}

	}

}
