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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a burst of tasks at a small bounded pool: those it cannot take are rejected, and
 * counted in {@code tasks.rejected}.
 *
 * @author tasklens authors
 */
@RestController
class BurstController {

	private final ExecutorService burstPool;

	BurstController(@Qualifier("burstPool") ExecutorService burstPool) {
		this.burstPool = burstPool;
	}

	@PostMapping("/burst")
	Map<String, Integer> burst(@RequestParam(defaultValue = "10") int tasks) {
		CountDownLatch release = new CountDownLatch(1);
		int accepted = 0;
		int rejected = 0;
		for (int i = 0; i < tasks; i++) {
			try {
				this.burstPool.execute(() -> hold(release));
				accepted++;
			}
			catch (RejectedExecutionException ex) {
				rejected++;
			}
		}
		release.countDown();
		return Map.of("accepted", accepted, "rejected", rejected);
	}

	private static void hold(CountDownLatch release) {
		try {
			release.await(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
