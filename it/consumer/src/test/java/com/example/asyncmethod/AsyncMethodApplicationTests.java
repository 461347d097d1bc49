package com.example.asyncmethod;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.test.VerifyNoTaskLeaks;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.scheduling.annotation.Async;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The consumer app on a random port, with the starter taken from the local repository:
 * its own {@code @Async} tasks appear in {@code /actuator/tasks}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@VerifyNoTaskLeaks
class AsyncMethodApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private LookupService lookups;

	@Autowired
	private SlowLookup slowLookup;

	@Test
	void findsUsersOnItsOwnExecutor() throws Exception {
		assertThat(this.lookups.findUser("PivotalSoftware").get(10, TimeUnit.SECONDS))
			.startsWith("User[name=PivotalSoftware, thread=GithubLookup-");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.lookups.findUser(" ").get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void listsItsRunningTaskInTheTasksEndpoint() throws Exception {
		CompletableFuture<String> running = this.slowLookup.findUser("CloudFoundry");
		assertThat(this.slowLookup.awaitStarted()).isTrue();
		try {
			RestClient client = RestClient.create("http://localhost:" + this.port);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<String, Object> tasks = client.get()
					.uri("/actuator/tasks")
					.retrieve()
					.body(new ParameterizedTypeReference<>() {
					});
				assertThat(tasks).extractingByKey("tasks", as(InstanceOfAssertFactories.LIST))
					.anySatisfy((task) -> assertThat(task).asInstanceOf(InstanceOfAssertFactories.MAP)
						.containsEntry("name", "SlowLookup.findUser")
						.containsEntry("executor", "taskExecutor")
						.containsEntry("state", "RUNNING"));
			});
		}
		finally {
			this.slowLookup.release();
		}
		assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("CloudFoundry");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowLookupConfiguration {

		@Bean
		SlowLookup slowLookup() {
			return new SlowLookup();
		}

	}

	// an @Async bean is a proxy: the test reaches its latches through methods
	static class SlowLookup {

		private final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		public boolean awaitStarted() throws InterruptedException {
			return this.started.await(10, TimeUnit.SECONDS);
		}

		public void release() {
			this.release.countDown();
		}

		@Async
		public CompletableFuture<String> findUser(String user) throws InterruptedException {
			this.started.countDown();
			this.release.await(30, TimeUnit.SECONDS);
			return CompletableFuture.completedFuture(user);
		}

	}

}
