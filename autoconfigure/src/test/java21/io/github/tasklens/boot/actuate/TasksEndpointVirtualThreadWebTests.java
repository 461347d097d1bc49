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

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static io.github.tasklens.boot.actuate.EndpointTestApp.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/tasks} over real HTTP with tasks on virtual threads, which
 * {@code ThreadMXBean} does not see: their stacks come from each thread.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(classes = { EndpointTestApp.class, TasksEndpointVirtualThreadWebTests.VirtualExecutor.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = EndpointTestApp.ACTUATOR)
class TasksEndpointVirtualThreadWebTests extends EndpointWebTest {

	@Autowired
	@Qualifier("virtualExecutor")
	private SimpleAsyncTaskExecutor virtualExecutor;

	@Test
	void showsTasksOnVirtualThreadsWithTheirStacksAndGroupsThem() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.virtualExecutor.execute(this.blocker::block);
		}
		this.blocker.awaitStarted(3);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> answer = this.http.json("/actuator/tasks?executor=virtualExecutor");
			assertThat(list(answer, "groups")).singleElement().satisfies((group) -> assertThat(group).containsEntry("count", 3));
			assertThat(list(answer, "tasks")).hasSize(3).allSatisfy((task) -> {
				assertThat(task).containsEntry("state", "RUNNING").containsEntry("virtual", true);
				assertThat(TasksEndpointWebTests.stack(task)).anySatisfy((frame) -> assertThat(frame).contains("Blocker.block"));
			});
			assertThat(list(answer, "executors")).filteredOn((executor) -> "virtualExecutor".equals(executor.get("name")))
				.singleElement()
				.satisfies((executor) -> assertThat(executor).containsEntry("threads", "virtual").containsEntry("active", 3));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class VirtualExecutor {

		@Bean
		SimpleAsyncTaskExecutor virtualExecutor() {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("virtual-");
			executor.setVirtualThreads(true);
			return executor;
		}

	}

}
