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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.CancelOutcome;
import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.boot.actuate.EndpointTestApp.Http;
import io.github.tasklens.registry.LiveTaskRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static io.github.tasklens.boot.actuate.EndpointTestApp.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cancelling over {@code DELETE /actuator/tasks}, with write access to the endpoint: one
 * task by id, or every task with a label, answered with which ended within the wait and
 * which still run, with their stacks.
 */
@SpringBootTest(classes = EndpointTestApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { EndpointTestApp.ACTUATOR, EndpointTestApp.MESSAGES, "tasklens.endpoint.show-values=always",
				"management.endpoint.tasks.access=unrestricted", "tasklens.endpoint.cancel-wait=1s" })
class TasksEndpointCancelWebTests extends EndpointWebTest {

	private final CountDownLatch stubborn = new CountDownLatch(1);

	private final CountDownLatch stubbornStarted = new CountDownLatch(1);

	@Autowired
	@Qualifier("workPool")
	private ThreadPoolTaskExecutor workPool;

	@Autowired
	@Qualifier("widePool")
	private ThreadPoolTaskExecutor widePool;

	@Autowired
	private LiveTaskRegistry registry;

	@AfterEach
	void letTheStubbornGo() {
		this.stubborn.countDown();
	}

	@Test
	void cancellingARunningTaskInterruptsItAndAnswersThatItEnded() throws Exception {
		Future<?> task = this.workPool.submit(this.blocker::block);
		this.blocker.awaitStarted(1);
		long id = onlyId("/actuator/tasks?executor=workPool");
		Map<String, Object> answer = Http.parse(this.http.delete("/actuator/tasks/" + id));
		assertThat(answer).containsEntry("cancelled", "task " + id);
		assertThat(list(answer, "ended")).singleElement()
			.satisfies(
					(ended) -> assertThat(ended).containsEntry("state", "ENDED").containsEntry("executor", "workPool"));
		assertThat(list(answer, "stillLive")).isEmpty();
		assertThat(task.isCancelled()).isTrue();
	}

	@Test
	void aQueuedTaskCancelledNeverRuns() throws Exception {
		this.workPool.execute(this.blocker::block);
		this.workPool.execute(this.blocker::block);
		this.blocker.awaitStarted(2);
		CountDownLatch ran = new CountDownLatch(1);
		TaskContext.withLabels(TaskLabels.of("job", "queued"), () -> this.workPool.execute(ran::countDown));
		long id = onlyId("/actuator/tasks?label=job:queued");
		assertThat(list(Http.parse(this.http.delete("/actuator/tasks/" + id)), "ended")).hasSize(1);
		this.blocker.releaseAll();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.registry.liveTasks()).isEmpty());
		assertThat(ran.getCount()).as("the cancelled task never ran").isEqualTo(1);
	}

	@Test
	void anUnknownIdIsNotFound() throws Exception {
		assertThat(this.http.delete("/actuator/tasks/987654321").statusCode()).isEqualTo(404);
	}

	@Test
	void cancellingALabelEndsTheTasksThatHeedAndListsThoseThatStillRunWithTheirStacks() throws Exception {
		TaskLabels acme = TaskLabels.of("tenant", "acme");
		TaskContext.withLabels(acme, () -> {
			this.widePool.execute(this.blocker::block);
			this.widePool.execute(this.blocker::block);
			this.widePool.execute(this::ignoreInterrupts);
			return null;
		});
		TaskContext.withLabels(TaskLabels.of("tenant", "other"), () -> this.widePool.submit(this.blocker::block));
		this.blocker.awaitStarted(3);
		assertThat(this.stubbornStarted.await(10, TimeUnit.SECONDS)).isTrue();
		Map<String, Object> answer = Http.parse(this.http.delete("/actuator/tasks?label=tenant:acme"));
		assertThat(answer).containsEntry("cancelled", "label tenant:acme");
		assertThat(list(answer, "ended")).hasSize(2);
		assertThat(list(answer, "stillLive")).singleElement().satisfies((running) -> {
			assertThat(running).containsEntry("state", "RUNNING");
			assertThat((List<String>) running.get("stack"))
				.anySatisfy((frame) -> assertThat(frame).contains("ignoreInterrupts"));
		});
		assertThat(list(this.http.json("/actuator/tasks?label=tenant:other"), "tasks")).as("other tenants untouched")
			.hasSize(1);
	}

	@Test
	void theRegistryCancelsInCodeAndLeavesTheCallingTaskAlone() throws Exception {
		TaskLabels batch = TaskLabels.of("batch", "7");
		Future<CancelOutcome> outcome = TaskContext.withLabels(batch, () -> {
			this.widePool.execute(this.blocker::block);
			return this.widePool.submit(() -> {
				this.blocker.awaitStarted(1);
				return this.registry.cancelLabelled("batch", "7", Duration.ofSeconds(5));
			});
		});
		// had the caller cancelled itself, its future would throw
		CancelOutcome cancelled = outcome.get(10, TimeUnit.SECONDS);
		assertThat(cancelled.ended()).extracting(TaskInfo::executor).containsExactly("widePool");
		assertThat(cancelled.stillLive()).isEmpty();
	}

	private long onlyId(String path) throws Exception {
		return ((Number) list(this.http.json(path), "tasks").get(0).get("id")).longValue();
	}

	private void ignoreInterrupts() {
		this.stubbornStarted.countDown();
		while (true) {
			try {
				if (this.stubborn.await(30, TimeUnit.SECONDS)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				// a task that does not heed cancelling
			}
		}
	}

}
