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

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.boot.actuate.EndpointTestApp.Blocker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static io.github.tasklens.boot.actuate.EndpointTestApp.list;
import static io.github.tasklens.boot.actuate.EndpointTestApp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/tasks} over real HTTP, with label values shown.
 */
@SpringBootTest(classes = EndpointTestApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { EndpointTestApp.ACTUATOR, EndpointTestApp.MESSAGES, "tasklens.endpoint.show-values=always",
				"tasklens.inventory.submit-site=true", "tasklens.endpoint.stack-depth=" + TasksEndpointWebTests.DEPTH })
class TasksEndpointWebTests extends EndpointWebTest {

	static final int DEPTH = 8;

	/** What Chromium asks for when it opens an address. */
	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
			+ "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

	@Autowired
	@Qualifier("workPool")
	private ThreadPoolTaskExecutor workPool;

	@Autowired
	@Qualifier("widePool")
	private ThreadPoolTaskExecutor widePool;

	@Test
	void answersExecutorsTasksGroupsAndTotalsAsJson() throws Exception {
		Instant before = Instant.now();
		for (int i = 0; i < 3; i++) {
			TaskContext.withLabels(TaskLabels.of("team", "payments"), () -> this.workPool.execute(this.blocker::block));
		}
		this.blocker.awaitStarted(2);
		Map<String, Object> answer = awaitGroupOf(2, "/actuator/tasks?executor=workPool");
		assertThat(map(answer, "totals")).containsEntry("live", 3)
			.containsEntry("running", 2)
			.containsEntry("queued", 1)
			.containsEntry("scheduled", 0)
			.containsEntry("untracked", 0)
			.containsEntry("matched", 3);
		assertThat(list(answer, "executors")).extracting((executor) -> executor.get("name"))
			.containsExactly("widePool", "workPool");
		Map<String, Object> work = list(answer, "executors").get(1);
		assertThat(work).containsEntry("type", ThreadPoolTaskExecutor.class.getName())
			.containsEntry("threads", "platform")
			.containsEntry("active", 2)
			.containsEntry("queued", 1)
			.containsEntry("poolSize", 2)
			.containsEntry("maxPoolSize", 2)
			.containsEntry("queueCapacity", 10)
			.containsEntry("queueRemaining", 9)
			.containsEntry("saturation", 1.0)
			.containsEntry("failed", 0);
		assertThat(((Number) work.get("submitted")).longValue()).isGreaterThanOrEqualTo(3);
		List<Map<String, Object>> tasks = list(answer, "tasks");
		assertThat(tasks).hasSize(3);
		assertThat(tasks).extracting((task) -> ((Number) task.get("id")).longValue()).isSorted();
		assertThat(tasks).extracting((task) -> task.get("state")).containsExactly("RUNNING", "RUNNING", "QUEUED");
		Map<String, Object> running = tasks.get(0);
		assertThat(running).containsEntry("executor", "workPool")
			.containsEntry("name", "TasksEndpointWebTests")
			.containsEntry("periodic", false)
			.containsEntry("virtual", false)
			.doesNotContainKey("waitingMillis");
		assertThat(map(running, "labels")).containsEntry("team", "payments")
			.containsEntry("executor", "workPool")
			.containsEntry("task", "TasksEndpointWebTests");
		assertThat((String) running.get("thread")).startsWith("work-");
		assertThat(Instant.parse((String) running.get("submittedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(Instant.parse((String) running.get("startedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(((Number) running.get("runningMillis")).longValue()).isNotNegative();
		assertThat(stack(running)).hasSize(DEPTH).anySatisfy((frame) -> assertThat(frame).contains("Blocker.block"));
		assertThat(stack(running).get(0)).isEqualTo("jdk.internal.misc.Unsafe.park(Native Method)");
		assertThat((List<String>) submitSite(running)).first()
			.asString()
			.contains("TasksEndpointWebTests.lambda$answersExecutorsTasksGroupsAndTotalsAsJson");
		Map<String, Object> queued = tasks.get(2);
		assertThat(queued).doesNotContainKeys("thread", "virtual", "startedAt", "runningMillis", "stack");
		assertThat(((Number) queued.get("waitingMillis")).longValue()).isNotNegative();
		Map<String, Object> group = list(answer, "groups").get(0);
		assertThat(group).containsEntry("count", 2)
			.containsEntry("state", "RUNNING")
			.containsEntry("executors", List.of("workPool"))
			.containsEntry("tasks", List.of("TasksEndpointWebTests"));
		assertThat(stack(group)).isEqualTo(stack(running));
		assertThat(answer).containsEntry("groupsTruncated", false);
	}

	@Test
	void filtersByExecutorNameStateAndLabels() throws Exception {
		TaskContext.withLabels(TaskLabels.of("team", "payments", "region", "eu"),
				() -> this.workPool.execute(this.blocker::block));
		TaskContext.withLabels(TaskLabels.of("team", "search"), () -> this.workPool.execute(this.blocker::block));
		this.widePool.execute(new NamedBlock(this.blocker));
		this.blocker.awaitStarted(3);
		assertThat(ids("/actuator/tasks?executor=widePool")).hasSize(1);
		assertThat(ids("/actuator/tasks?name=NamedBlock")).hasSize(1);
		assertThat(ids("/actuator/tasks?name=NamedBlock&executor=workPool")).isEmpty();
		assertThat(ids("/actuator/tasks?label=team:payments")).hasSize(1);
		assertThat(ids("/actuator/tasks?label=team:payments&label=region:eu")).hasSize(1);
		assertThat(ids("/actuator/tasks?label=team:payments&label=region:us")).isEmpty();
		assertThat(ids("/actuator/tasks?label=executor:workPool")).hasSize(2);
		assertThat(ids("/actuator/tasks?state=running")).hasSize(3);
		assertThat(ids("/actuator/tasks?state=QUEUED")).isEmpty();
		assertThat(ids("/actuator/tasks?limit=2")).hasSize(2);
		Map<String, Object> answer = this.http.json("/actuator/tasks?executor=widePool");
		assertThat(map(answer, "totals")).containsEntry("live", 3).containsEntry("matched", 1);
	}

	@Test
	void cancellingIsRefusedWhileTheEndpointIsReadOnlyAsByDefault() throws Exception {
		this.workPool.execute(this.blocker::block);
		this.blocker.awaitStarted(1);
		Object id = list(this.http.json("/actuator/tasks?executor=workPool"), "tasks").get(0).get("id");
		assertThat(this.http.delete("/actuator/tasks/" + id).statusCode()).isEqualTo(405);
		assertThat(this.http.delete("/actuator/tasks?label=executor:workPool").statusCode()).isEqualTo(405);
		assertThat(list(this.http.json("/actuator/tasks?executor=workPool"), "tasks")).as("still running")
			.singleElement()
			.satisfies((task) -> assertThat(task).containsEntry("state", "RUNNING"));
	}

	@Test
	void groupsAllRunningTasksBlockedAtOneLineEvenBeyondTheLimit() throws Exception {
		for (int i = 0; i < 50; i++) {
			this.widePool.execute(this.blocker::block);
		}
		this.blocker.awaitStarted(50);
		Map<String, Object> answer = awaitGroupOf(50, "/actuator/tasks?executor=widePool&limit=10");
		assertThat(list(answer, "tasks")).hasSize(10);
		assertThat(list(answer, "groups")).hasSize(1);
		assertThat(map(answer, "totals")).containsEntry("running", 50).containsEntry("matched", 50);
		String fingerprint = (String) list(answer, "groups").get(0).get("fingerprint");
		assertThat(fingerprint).matches("[0-9a-f]{12}");
		Map<String, Object> again = this.http.json("/actuator/tasks?executor=widePool&limit=0");
		assertThat(list(again, "groups").get(0).get("fingerprint")).as("the same on every read").isEqualTo(fingerprint);
		String text = this.http.text("/actuator/tasks?executor=widePool&limit=10");
		assertThat(text).contains("50 RUNNING tasks with this stack (executors: widePool; tasks: TasksEndpointWebTests)"
				+ " fingerprint " + fingerprint + "\n");
		assertThat(text.lines().filter((line) -> line.startsWith("task "))).hasSize(10);
	}

	@Test
	void writesADumpForPeopleAsPlainText() throws Exception {
		TaskContext.withLabels(TaskLabels.of("team", "payments"), () -> this.workPool.execute(this.blocker::block));
		this.blocker.awaitStarted(1);
		awaitGroupOf(1, "/actuator/tasks?executor=workPool");
		String text = this.http.text("/actuator/tasks");
		assertThat(text).startsWith("tasklens task dump at ")
			.contains("live 1: queued 0, running 1, scheduled 0; overdue 0; untracked 0; matching the query 1")
			.contains("  workPool (" + ThreadPoolTaskExecutor.class.getName()
					+ ", platform threads): active 1 of 2 (50%), queued 0 of 10, pool ")
			.contains("1 RUNNING task with this stack (executors: workPool; tasks: TasksEndpointWebTests)")
			.containsPattern("task \\d+ RUNNING for \\d+ ms: TasksEndpointWebTests on workPool")
			.contains("\tlabels {executor=workPool, task=TasksEndpointWebTests, team=payments}")
			.contains("\tthread \"work-")
			.contains("Blocker.block")
			.contains("\tsubmitted from\n\tat io.github.tasklens.boot.actuate.TasksEndpointWebTests");
	}

	@Test
	void showsOneTaskWithItsWholeStack() throws Exception {
		this.workPool.execute(this.blocker::block);
		this.blocker.awaitStarted(1);
		Map<String, Object> task = list(awaitGroupOf(1, "/actuator/tasks?executor=workPool"), "tasks").get(0);
		Map<String, Object> one = this.http.json("/actuator/tasks/" + task.get("id"));
		assertThat(one).containsEntry("id", task.get("id")).containsEntry("state", "RUNNING");
		assertThat(stack(one)).hasSizeGreaterThan(DEPTH).last().asString().contains("java.lang.Thread.run");
		assertThat(this.http.text("/actuator/tasks/" + task.get("id")))
			.startsWith("task " + task.get("id") + " RUNNING");
	}

	@Test
	void answersABrowserWithThePageAndEveryOtherClientAsBefore() throws Exception {
		HttpResponse<String> page = this.http.get("/actuator/tasks", BROWSER_ACCEPT);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.body()).startsWith("<!DOCTYPE html>")
			.contains("fetch(url, { headers: { Accept: 'application/json' }");
		assertThat(page.body().getBytes(StandardCharsets.UTF_8)).as("at most 60 KB").hasSizeLessThan(60 * 1024);
		assertThat(page.body()).as("self-contained: nothing fetched from elsewhere")
			.doesNotContain("http://", "https://", "//cdn", "<link", " src=", "@import", "url(");
		assertThat(this.http.get("/actuator/tasks", "*/*").headers().firstValue("Content-Type"))
			.hasValue("application/vnd.spring-boot.actuator.v3+json");
		assertThat(this.http.get("/actuator/tasks", "application/json").headers().firstValue("Content-Type"))
			.hasValue("application/json");
		HttpResponse<String> text = this.http.get("/actuator/tasks", "text/plain");
		assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(text.body()).startsWith("tasklens task dump at ");
	}

	@Test
	void answers404ForAnUnknownTask() throws Exception {
		assertThat(this.http.get("/actuator/tasks/987654321", "application/json").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/actuator/tasks/987654321", "text/plain").statusCode()).isEqualTo(404);
	}

	@Test
	void answers400ThatSaysWhatIsAllowed() throws Exception {
		assertBadRequest("/actuator/tasks?state=LOST", "allowed values are QUEUED, RUNNING, OVERDUE, SCHEDULED");
		assertBadRequest("/actuator/tasks?label=team", "it must be key:value, for example label=team:payments");
		assertBadRequest("/actuator/tasks?label=Team:x", "it must be key:value");
		assertBadRequest("/actuator/tasks?limit=1001", "it must be between 0 and 1000");
		assertBadRequest("/actuator/tasks?limit=-1", "it must be between 0 and 1000");
	}

	private void assertBadRequest(String path, String message) throws Exception {
		HttpResponse<String> response = this.http.get(path, "application/json");
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.body()).as(path).contains(message);
	}

	private Map<String, Object> awaitGroupOf(int count, String path) {
		Map<String, Object>[] answer = new Map[1];
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			answer[0] = this.http.json(path);
			assertThat(list(answer[0], "groups")).first()
				.satisfies((group) -> assertThat(group).containsEntry("count", count));
		});
		return answer[0];
	}

	private List<Long> ids(String path) throws Exception {
		return list(this.http.json(path), "tasks").stream()
			.map((task) -> ((Number) task.get("id")).longValue())
			.toList();
	}

	@SuppressWarnings("unchecked")
	static List<String> stack(Map<String, Object> task) {
		return (List<String>) task.get("stack");
	}

	@SuppressWarnings("unchecked")
	static List<String> submitSite(Map<String, Object> task) {
		return (List<String>) task.get("submitSite");
	}

	/**
	 * A task with a name of its own.
	 */
	record NamedBlock(Blocker blocker) implements Runnable {

		@Override
		public void run() {
			this.blocker.block();
		}

	}

}
