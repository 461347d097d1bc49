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
package io.github.tasklens.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.tasklens.TaskRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import io.github.tasklens.test.VerifyNoTaskLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample app on a real port and checks, over HTTP and in its log, what the
 * README's walkthrough shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.ingest.rate=200ms", "sample.audit.rate=100ms", "sample.audit.initial-delay=0",
				"sample.reconcile.initial-delay=0", "sample.reconcile.warn-after=300ms",
				"tasklens.timebox.check-interval=100ms" })
@ExtendWith(OutputCaptureExtension.class)
@VerifyNoTaskLeaks(ignoreTaskNames = "ReconcileJob.reconcile")
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TaskRegistry registry;

	@Autowired
	private ExecutorService ingestPool;

	@Autowired
	private ReconcileJob reconcileJob;

	@Test
	void logsTheStartOfAsyncScheduledAndExecutorServiceTasks(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(output)
				.containsPattern("Task \\d+ 'IngestJob\\.ingest' started on executor 'taskScheduler'")
				.containsPattern("Task \\d+ 'ReportService\\.build' started on executor 'applicationTaskExecutor'")
				.containsPattern("Task \\d+ 'IngestJob' started on executor 'ingestPool'"));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void tracksTheVirtualThreadTasksThatTheJobFansOut(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"\\[virtualExecutor\\|IngestJob\\|tenant=\\|req=\\] .*Checked batch \\d+ on a virtual thread "
							+ "\\{app=tasklens-sample, executor=virtualExecutor, pipeline=ingest, task=IngestJob\\}"));
		RestClient client = client();
		Map<String, Object> answer = tasks(client, "/actuator/tasks?executor=virtualExecutor");
		assertThat(answer).extractingByKey("executors", as(InstanceOfAssertFactories.LIST))
			.anySatisfy((executor) -> assertThat(executor).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("name", "virtualExecutor")
				.containsEntry("threads", "virtual"));
	}

	@Test
	void labelsTheJobsWorkThreeLevelsDeep(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("\\[ingestPool\\|IngestJob\\|tenant=\\|req=\\] .*Ingested batch \\d+ "
						+ "\\{app=tasklens-sample, executor=ingestPool, pipeline=ingest, task=IngestJob\\}")
				.containsPattern(
						"\\[applicationTaskExecutor\\|ReportService\\.build\\|tenant=\\|req=\\] .*Built report "
								+ "for batch \\d+ \\(\\d+ lines\\) \\{app=tasklens-sample, executor=applicationTaskExecutor, "
								+ "pipeline=ingest, task=ReportService.build, team=reporting\\}"));
	}

	@Test
	void logsEachFailureOfTheAuditJobOnceAndCountsIt(CapturedOutput output) {
		Pattern failure = Pattern.compile("ERROR \\[taskScheduler\\|AuditJob\\.audit\\|tenant=\\|req=\\] .* "
				+ "io\\.github\\.tasklens\\.TaskFailure +: Task \\d+ 'AuditJob\\.audit' on executor 'taskScheduler' failed "
				+ "\\{app=tasklens-sample, executor=taskScheduler, task=AuditJob\\.audit\\}\\R\\R"
				+ "java\\.lang\\.IllegalStateException: (audit store unreachable \\(run \\d+\\))");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(failure));
		Matcher logged = failure.matcher(output.getOut());
		assertThat(logged.find()).isTrue();
		String message = logged.group(1);
		assertThat(output.getOut().lines().filter((line) -> line.contains(message)))
			.as("the failure '%s' is logged once", message)
			.hasSize(1);
		assertThat(output.getOut()).doesNotContain("Unexpected error occurred in scheduled task");
		RestClient client = client();
		assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class)).containsPattern(
				"tasks_failures_total\\{application=\"tasklens-sample\",exception=\"IllegalStateException\",executor=\"taskScheduler\",task=\"AuditJob.audit\"} [1-9]");
	}

	@Test
	void refusesTheBurstPastItsInFlightLimit() {
		RestClient client = client();
		Map<String, Integer> burst = client.post()
			.uri("/burst?tasks=10")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(burst).as("two in flight, though the pool could queue a third")
			.containsEntry("accepted", 2)
			.containsEntry("rejected", 8);
		assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains(
				"tasks_rejected_total{application=\"tasklens-sample\",executor=\"burstPool\",reason=\"limit\",task=\"BurstController\"} 8.0");
	}

	@Test
	void showsLabelsAndTheRequestsMdcInTaskLogLines(CapturedOutput output) {
		RestClient client = client();
		String body = client.get()
			.uri("/reports?batch=3&tenant=globex")
			.header("X-Client-Id", "shop")
			.retrieve()
			.body(String.class);
		assertThat(body).isEqualTo("13 lines");
		String requestLine = output.getOut()
			.lines()
			.filter((line) -> line.contains("Report requested"))
			.reduce((first, second) -> second)
			.orElseThrow();
		String requestId = requestLine.replaceAll(".*req=([0-9a-f]+)\\].*", "$1");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut())
				.contains("[applicationTaskExecutor|ReportService.build|tenant=globex|req=" + requestId + "]")
				.containsPattern("Built report for batch 3 \\(13 lines\\) \\{app=tasklens-sample, client=shop, "
						+ "executor=applicationTaskExecutor, method=GET, route=/reports, task=ReportService.build, "
						+ "team=reporting, tenant=globex\\}"));
		assertThat(requestLine).as("the request is a task of executor 'http', named after its route")
			.contains("[http|GET /reports|tenant=|req=" + requestId + "]");
	}

	@Test
	void showsLeakedTasksAsOneGroupInTheTasksEndpoint() {
		RestClient client = client();
		client.post().uri("/leak?tasks=6").retrieve().toBodilessEntity();
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<String, Object> answer = tasks(client, "/actuator/tasks?executor=leakPool");
				assertThat(answer).extractingByKey("totals", as(InstanceOfAssertFactories.MAP))
					.containsEntry("matched", 6);
				assertThat(answer).extractingByKey("executors", as(InstanceOfAssertFactories.LIST))
					.anySatisfy((executor) -> assertThat(executor).asInstanceOf(InstanceOfAssertFactories.MAP)
						.containsEntry("name", "leakPool")
						.containsEntry("active", 4)
						.containsEntry("queued", 2));
				assertThat(answer).extractingByKey("groups", as(InstanceOfAssertFactories.LIST))
					.singleElement(as(InstanceOfAssertFactories.MAP))
					.containsEntry("count", 4)
					.containsEntry("executors", List.of("leakPool"))
					.extractingByKey("stack", as(InstanceOfAssertFactories.LIST))
					.anySatisfy((frame) -> assertThat(frame).asString().contains("LeakController.awaitReply"));
			});
			String dump = client.get()
				.uri("/actuator/tasks?executor=leakPool")
				.accept(MediaType.TEXT_PLAIN)
				.retrieve()
				.body(String.class);
			assertThat(dump)
				.containsPattern("4 RUNNING tasks with this stack \\(executors: leakPool; tasks: LeakController\\)"
						+ " fingerprint [0-9a-f]{12}\n")
				.contains("\tsubmitted from\n\tat io.github.tasklens.sample.LeakController.leak(");
		}
		finally {
			client.delete().uri("/leak").retrieve().toBodilessEntity();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.liveTasks())
				.noneMatch((task) -> task.executor().equals("leakPool")));
	}

	@Test
	void reportsTheHangingReconciliationAsOverdueWhileItHangs(CapturedOutput output) {
		// The scheduled run may have hung, been reported and been interrupted before this
		// test began; this call hangs on Boot's executor as the scheduled one does.
		this.reconcileJob.reconcile();
		RestClient client = client();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> answer = tasks(client, "/actuator/tasks?state=OVERDUE");
			assertThat(answer).extractingByKey("tasks", as(InstanceOfAssertFactories.LIST))
				.anySatisfy((task) -> assertThat(task).asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsEntry("name", "ReconcileJob.reconcile")
					.containsEntry("executor", "applicationTaskExecutor")
					.containsEntry("state", "OVERDUE")
					.containsEntry("overdue", true));
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output)
				.containsPattern("WARN \\[\\|\\|tenant=\\|req=] .* io.github.tasklens.TaskTimeBox +: Task \\d+ "
						+ "'ReconcileJob.reconcile' on executor 'applicationTaskExecutor' is overdue: running for \\S+ on "
						+ "thread '[^']+', past its warn-after of 300ms \\{app=tasklens-sample, "
						+ "executor=applicationTaskExecutor, task=ReconcileJob.reconcile\\}")
				.contains("\tat io.github.tasklens.sample.ReconcileJob.reconcile(ReconcileJob.java:"));
	}

	@Test
	void walkthroughShowsOnlyFieldsThatTheTasksEndpointAnswers() throws Exception {
		String walkthrough = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		JsonMapper json = JsonMapper.builder().build();
		Set<String> shown = new TreeSet<>();
		Matcher blocks = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(walkthrough);
		while (blocks.find()) {
			collectFieldNames(json.readTree(blocks.group(1)), shown);
		}
		assertThat(shown).as("field names in the walkthrough's JSON").contains("totals", "groups", "runningMillis");
		RestClient client = client();
		client.post().uri("/leak?tasks=1").retrieve().toBodilessEntity();
		try {
			Set<String> answered = new TreeSet<>();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				collectFieldNames(json.readTree(client.get().uri("/actuator/tasks").retrieve().body(String.class)),
						answered);
				assertThat(answered).as("field names that /actuator/tasks answers").containsAll(shown);
			});
		}
		finally {
			client.delete().uri("/leak").retrieve().toBodilessEntity();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.liveTasks())
				.noneMatch((task) -> task.executor().equals("leakPool")));
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private static Map<String, Object> tasks(RestClient client, String uri) {
		return client.get().uri(uri).retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	private static void collectFieldNames(JsonNode node, Set<String> names) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				names.add(name);
				collectFieldNames(node.get(name), names);
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectFieldNames(element, names));
		}
	}

	@Test
	void refusesABadTasksFilterSayingWhatIsAllowed() {
		RestClient client = client();
		String answer = client.get().uri("/actuator/tasks?state=lost").exchange((request, response) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(400);
			return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
		});
		assertThat(answer).contains("Invalid state 'lost': allowed values are QUEUED, RUNNING, OVERDUE, SCHEDULED");
	}

	@Test
	void decoratesEveryExecutorOfTheApp() {
		assertThat(this.registry.decoratedExecutors()).containsKeys("applicationTaskExecutor", "taskScheduler",
				"ingestPool", "burstPool", "leakPool");
		assertThat(this.registry.undecoratedExecutors()).isEmpty();
		assertThat(this.ingestPool).as("a decorated pool keeps its class")
			.isInstanceOf(java.util.concurrent.ThreadPoolExecutor.class);
		assertThat(this.registry.decoratedExecutors().get("ingestPool")).isEqualTo("forwarding ThreadPoolExecutor");
	}

}
