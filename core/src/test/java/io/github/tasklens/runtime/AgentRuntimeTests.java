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
package io.github.tasklens.runtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The runtime the agent starts for a JVM without the starter: settings from system
 * properties named as the Boot properties, hooks from service files, the inventory over
 * JMX.
 */
class AgentRuntimeTests {

	private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		((Logger) LoggerFactory.getLogger("io.github.tasklens")).addAppender(this.logs);
	}

	@AfterEach
	void releaseAndStopCapturing() {
		this.release.countDown();
		this.pool.shutdownNow();
		((Logger) LoggerFactory.getLogger("io.github.tasklens")).detachAppender(this.logs);
	}

	@Test
	void propertiesNamedAsBootsShapeTheRuntimeAndServiceFilesGiveItsHooks() throws Exception {
		ServiceLoadedHook.started.clear();
		try (TaskRuntime runtime = AgentRuntime.start(Map.of("tasklens.labels.static.region", "eu",
				"tasklens.timebox.executors.slow.warn-after", "20ms", "tasklens.timebox.check-interval", "10ms",
				"tasklens.metrics.tags.team", "payments", "other.property", "x"))) {
			assertThat(runtime).isNotNull();
			ExecutorService slow = runtime.track("slow", this.pool);
			slow.execute(this::awaitRelease);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(runtime.registry().liveTasks())
					.anySatisfy((task) -> assertThat(task.state()).isEqualTo(TaskState.OVERDUE)));
			assertThat(ServiceLoadedHook.started).containsExactly("slow:eu");
			assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
				.anySatisfy((message) -> assertThat(message).contains("leaves out a TaskHook")
					.contains("io.github.tasklens.runtime.NoSuchHook"))
				.anySatisfy((message) -> assertThat(message).contains("leaves [tasklens.metrics.tags.team] unread"));
		}
	}

	@Test
	void disabledByTheSamePropertyAsTheStarter() {
		assertThat(AgentRuntime.start(Map.of("tasklens.enabled", "false"))).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "tasklens.hooks.log-start|loud|for tasklens.hooks.log-start: off, debug or info is allowed",
					"tasklens.timebox.warn-after|soon|a duration such as 500ms, 30s, 5m or PT30S is allowed",
					"tasklens.timebox.check-interval|0s|a positive duration is allowed",
					"tasklens.inventory.max-tracked|-1|a whole number, 0 or more is allowed",
					"tasklens.executors.max-agent-names|0|a whole number, 1 or more is allowed",
					"tasklens.labels.mdc|yes|for tasklens.labels.mdc: true or false is allowed",
					"tasklens.endpoint.show-values|sometimes|never, when-authorized or always is allowed",
					"tasklens.labels.static.Region|eu|Invalid tasklens.labels.static.*" })
	void aBadValueNamesThePropertyAndWhatIsAllowed(String name, String value, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentRuntime.start(Map.of(name, value)))
			.withMessageContaining(message);
	}

	@Test
	void theInventoryIsAnMXBeanWhileTheRuntimeRuns() throws Exception {
		ObjectName name = new ObjectName(TasksMXBean.OBJECT_NAME);
		try (TaskRuntime runtime = TaskRuntime.builder().jmx(false).build()) {
			ExecutorService orders = runtime.track("orders", this.pool);
			TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> orders.execute(this::awaitRelease));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.server.getAttribute(name, "LiveTasks")).isEqualTo(1L));
			String dump = (String) this.server.invoke(name, "dump", new Object[0], new String[0]);
			assertThat(dump).contains("live 1: queued 0, running 1")
				.contains("1 RUNNING with this stack (executors: orders)")
				.contains(" orders ")
				.contains("tenant=******")
				.doesNotContain("acme")
				.contains("AgentRuntimeTests.awaitRelease(AgentRuntimeTests.java:");
			try (TaskRuntime second = TaskRuntime.builder().jmx(true).build()) {
				assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
					.anySatisfy(
							(message) -> assertThat(message).contains("cannot register " + TasksMXBean.OBJECT_NAME));
			}
			assertThat(this.server.isRegistered(name)).as("the first runtime's stays").isTrue();
		}
		assertThat(this.server.isRegistered(name)).isFalse();
	}

	@Test
	void theDumpShowsLabelValuesWhenAskedTo() throws Exception {
		try (TaskRuntime runtime = TaskRuntime.builder().jmx(true).build()) {
			ExecutorService orders = runtime.track("orders", this.pool);
			TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> orders.execute(this::awaitRelease));
			ObjectName name = new ObjectName(TasksMXBean.OBJECT_NAME);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat((String) this.server.invoke(name, "dump", new Object[0], new String[0]))
					.contains("tenant=acme"));
		}
	}

	private void awaitRelease() {
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
