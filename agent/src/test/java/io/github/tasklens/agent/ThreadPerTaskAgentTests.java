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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.runtime.TaskRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the common pool's parallelism is 1 (failsafe starts this JVM so, as a machine of
 * 2 cores would be), {@code CompletableFuture} on JDK 17 runs each async task on a thread
 * of its own; the agent tracks those as the common pool's.
 */
class ThreadPerTaskAgentTests {

	@Test
	void anAsyncTaskOnAThreadOfItsOwnIsTrackedAsTheCommonPoolsWithTheSubmittersLabels() throws Exception {
		assertThat(ForkJoinPool.getCommonPoolParallelism()).as("set for this JVM by the build").isEqualTo(1);
		CountDownLatch release = new CountDownLatch(1);
		try (TaskRuntime runtime = TaskRuntime.builder().build()) {
			CompletableFuture<String> tenant = TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
					() -> CompletableFuture.supplyAsync(() -> {
						try {
							release.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						return TaskContext.current().labels().get("tenant");
					}));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> runtime.registry()
					.liveTasks()
					.stream()
					.anyMatch((task) -> task.executor().equals("commonPool") && task.state() == TaskState.RUNNING));
			TaskInfo running = runtime.registry()
				.liveTasks()
				.stream()
				.filter((task) -> task.executor().equals("commonPool"))
				.findFirst()
				.orElseThrow();
			assertThat(running.labels().get("tenant")).isEqualTo("acme");
			// JDK 17 starts a thread per task with a common pool of 1; later JDKs may use
			// the pool all the same: the task is the common pool's either way
			boolean threadPerTask = new CompletableFuture<>().defaultExecutor()
				.getClass()
				.getName()
				.endsWith("ThreadPerTaskExecutor");
			assertThat(running.thread() instanceof ForkJoinWorkerThread).isEqualTo(!threadPerTask);
			release.countDown();
			assertThat(tenant.get(10, TimeUnit.SECONDS)).isEqualTo("acme");
		}
		finally {
			release.countDown();
		}
	}

}
