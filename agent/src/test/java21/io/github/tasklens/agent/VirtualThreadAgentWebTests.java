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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A virtual thread the app starts by hand is listed by {@code /actuator/tasks} while it
 * runs, with the labels of the code that started it.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(classes = LibraryPoolsAgentWebTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=tasks", "tasklens.endpoint.show-values=always" })
class VirtualThreadAgentWebTests {

	@LocalServerPort
	private int port;

	@Test
	void aVirtualThreadIsListedWhileItRunsWithItsStartersLabels() throws Exception {
		ActuatorTasks actuator = new ActuatorTasks(this.port);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			TaskContext.withLabels(TaskLabels.of("tenant", "virtual"), () -> Thread.ofVirtual().start(() -> {
				started.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			List<Map<String, Object>> tasks = actuator.tasks("?label=tenant:virtual");
			assertThat(tasks).singleElement().satisfies((task) -> {
				assertThat(task).containsEntry("executor", "VirtualThreadAgentWebTests")
					.containsEntry("state", "RUNNING");
				assertThat(ActuatorTasks.labels(task)).containsEntry("tenant", "virtual");
			});
		}
		finally {
			release.countDown();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(actuator.tasks("?label=tenant:virtual")).isEmpty());
	}

}
