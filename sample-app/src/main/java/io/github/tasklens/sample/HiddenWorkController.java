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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work that no bean exposes: {@code POST /hidden} starts a task on a pool this class
 * keeps to itself, one on the common pool ({@code CompletableFuture.runAsync} with no
 * executor) and a raw thread, each labelled {@code job=archive} and waiting until
 * {@code DELETE /hidden}. Without the agent {@code /actuator/tasks} lists none of them;
 * started with {@code -javaagent:agent/target/tasklens-agent.jar} it lists all three.
 *
 * @author tasklens authors
 */
@RestController
class HiddenWorkController implements DisposableBean {

	// no bean: the app's own pool, as a service or a library keeps one
	private final ExecutorService archivePool = Executors.newFixedThreadPool(2);

	private volatile CountDownLatch release = new CountDownLatch(1);

	@PostMapping("/hidden")
	Map<String, String> start() {
		CountDownLatch latch = this.release;
		Runnable work = () -> awaitRelease(latch);
		TaskContext.withLabels(TaskLabels.of("job", "archive"), () -> {
			this.archivePool.execute(work);
			CompletableFuture.runAsync(work);
			new Thread(work, "archive-sweeper").start();
		});
		return Map.of("started", "a private pool's task, a common pool task and a raw thread");
	}

	@DeleteMapping("/hidden")
	Map<String, String> stop() {
		CountDownLatch latch = this.release;
		this.release = new CountDownLatch(1);
		latch.countDown();
		return Map.of("released", "all");
	}

	@Override
	public void destroy() {
		this.release.countDown();
		this.archivePool.shutdownNow();
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
