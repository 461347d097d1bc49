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

import java.util.List;
import java.util.Map;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static io.github.tasklens.boot.actuate.EndpointTestApp.list;
import static io.github.tasklens.boot.actuate.EndpointTestApp.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/tasks} over real HTTP without Spring Security, label values shown only
 * when authorized (so never), at most 5 tasks listed and 3 stacks grouped.
 */
@SpringBootTest(classes = EndpointTestApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { EndpointTestApp.ACTUATOR, "tasklens.endpoint.show-values=when-authorized",
				"tasklens.inventory.submit-site=true", "tasklens.inventory.max-tracked=5",
				"tasklens.endpoint.max-stacks=3" })
class TasksEndpointMaskingWebTests extends EndpointWebTest {

	@Autowired
	@Qualifier("widePool")
	private ThreadPoolTaskExecutor widePool;

	@Test
	void masksLabelValuesAndSubmitSitesFromAnAnonymousReader() throws Exception {
		TaskContext.withLabels(TaskLabels.of("customer", "acme"), () -> this.widePool.execute(this.blocker::block));
		this.blocker.awaitStarted(1);
		Map<String, Object> task = list(this.http.json("/actuator/tasks"), "tasks").get(0);
		assertThat(map(task, "labels")).containsEntry("customer", TasksEndpoint.MASK)
			.containsEntry("executor", "widePool")
			.containsEntry("task", "TasksEndpointMaskingWebTests");
		assertThat(task.get("submitSite")).isEqualTo(List.of(TasksEndpoint.MASK));
		assertThat((List<?>) task.get("stack")).isNotEmpty();
		assertThat(this.http.text("/actuator/tasks")).contains("customer=******").doesNotContain("acme");
	}

	@Test
	void countsTasksPastMaxTrackedAsUntrackedAndStillRunsThem() throws Exception {
		for (int i = 0; i < 8; i++) {
			this.widePool.execute(this.blocker::block);
		}
		this.blocker.awaitStarted(8);
		Map<String, Object> answer = this.http.json("/actuator/tasks");
		assertThat(map(answer, "totals")).containsEntry("live", 5)
			.containsEntry("running", 5)
			.containsEntry("untracked", 3);
		assertThat(list(answer, "tasks")).hasSize(5)
			.allSatisfy((task) -> assertThat((List<?>) task.get("stack")).isNotEmpty());
		assertThat(list(answer, "groups")).singleElement()
			.satisfies((group) -> assertThat(group).containsEntry("count", 3));
		assertThat(answer).containsEntry("groupsTruncated", true);
		assertThat(this.http.text("/actuator/tasks")).contains("the groups leave some out");
		assertThat(list(answer, "executors").get(0)).containsEntry("name", "widePool").containsEntry("active", 8);
	}

}
