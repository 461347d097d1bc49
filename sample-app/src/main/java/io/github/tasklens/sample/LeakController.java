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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leaks tasks on purpose: {@code POST /leak} submits tasks that wait for a latch nobody
 * counts down, as a task waiting for a reply that never comes. {@code /actuator/tasks}
 * shows them as one group with a single stack; {@code DELETE /leak} lets them go.
 *
 * @author tasklens authors
 */
@RestController
class LeakController {

	private final ExecutorService leakPool;

	private volatile CountDownLatch never = new CountDownLatch(1);

	LeakController(@Qualifier("leakPool") ExecutorService leakPool) {
		this.leakPool = leakPool;
	}

	@PostMapping("/leak")
	Map<String, Integer> leak(@RequestParam(defaultValue = "4") int tasks) {
		CountDownLatch latch = this.never;
		for (int i = 0; i < tasks; i++) {
			this.leakPool.execute(() -> awaitReply(latch));
		}
		return Map.of("leaked", tasks);
	}

	@DeleteMapping("/leak")
	Map<String, String> release() {
		CountDownLatch latch = this.never;
		this.never = new CountDownLatch(1);
		latch.countDown();
		return Map.of("released", "all");
	}

	private static void awaitReply(CountDownLatch reply) {
		try {
			reply.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
