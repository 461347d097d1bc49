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
package io.github.tasklens.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.autoconfigure.RecordingHook.Event;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test tasks and the checks that a task went through the chain.
 */
final class Jobs {

	static final String JOB = "Job";

	private Jobs() {
	}

	/**
	 * Run one {@link Job} on the executor and check that the chain saw its submit, start
	 * and finish, once each, under the given executor name.
	 * @param context the application context
	 * @param executor the executor
	 * @param executorName the executor's expected name
	 * @return the job's events
	 * @throws InterruptedException if interrupted while waiting
	 */
	static List<Event> assertTracked(ApplicationContext context, Executor executor, String executorName)
			throws InterruptedException {
		Job job = new Job();
		executor.execute(job);
		List<Event> events = awaitLifecycle(context, job);
		assertThat(events).extracting(Event::executor).containsOnly(executorName);
		assertThat(events).extracting(Event::name).containsOnly(JOB);
		awaitRegistryEmpty(context);
		return events;
	}

	/**
	 * Wait for the job to run and check that the chain saw exactly one submit, start and
	 * finish of it, the start and finish on the thread that ran it.
	 * @param context the application context
	 * @param job the job
	 * @return the job's events
	 * @throws InterruptedException if interrupted while waiting
	 */
	static List<Event> awaitLifecycle(ApplicationContext context, Job job) throws InterruptedException {
		RecordingHook hook = context.getBean(RecordingHook.class);
		assertThat(job.ran.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(job.taskId).as("the job ran inside a tracked task").isPositive();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> hook.matching((e) -> e.id() == job.taskId && e.kind().equals("finish")).size() == 1);
		List<Event> events = hook.matching((e) -> e.id() == job.taskId);
		assertThat(events).extracting(Event::kind).containsExactly("submit", "start", "finish");
		assertThat(events.get(1).thread()).isEqualTo(job.thread);
		assertThat(events.get(2).thread()).isEqualTo(job.thread);
		return events;
	}

	static void awaitRegistryEmpty(ApplicationContext context) {
		TaskRegistry registry = context.getBean(TaskRegistry.class);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.liveTasks()).isEmpty());
	}

	/**
	 * A task that records the thread it ran on.
	 */
	static class Job implements Runnable {

		final CountDownLatch ran = new CountDownLatch(1);

		volatile String thread = "";

		volatile long taskId;

		@Override
		public void run() {
			this.thread = Thread.currentThread().getName();
			TrackedTask current = TaskFrames.currentTask();
			this.taskId = (current != null) ? current.id() : -1;
			this.ran.countDown();
		}

	}

}
