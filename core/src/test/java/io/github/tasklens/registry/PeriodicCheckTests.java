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

package io.github.tasklens.registry;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread the watchdog and the stack drift check on.
 */
class PeriodicCheckTests {

	private static final String NAME = "tasklens-periodic-test";

	@Test
	void aFailedCheckIsLoggedAndTheNextOneRuns() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch third = new CountDownLatch(3);
		try (PeriodicCheck check = new PeriodicCheck(NAME, Duration.ofMillis(5), () -> {
			runs.incrementAndGet();
			third.countDown();
			throw new IllegalStateException("failing on purpose");
		}, LoggerFactory.getLogger(PeriodicCheckTests.class), "The test check failed")) {
			check.start();
			assertThat(third.await(10, TimeUnit.SECONDS)).as("checks after a failed one").isTrue();
			assertThat(check.isRunning()).isTrue();
		}
		assertThat(runs.get()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void closeStopsTheThreadAndNoCheckRunsAfter() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch first = new CountDownLatch(1);
		PeriodicCheck check = new PeriodicCheck(NAME, Duration.ofMillis(5), () -> {
			runs.incrementAndGet();
			first.countDown();
		}, LoggerFactory.getLogger(PeriodicCheckTests.class), "The test check failed");
		check.start();
		check.start();
		assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> thread.getName().equals(NAME))
			.as("one thread, however often started")
			.hasSize(1)
			.allSatisfy((thread) -> assertThat(thread.isDaemon()).isTrue());
		check.close();
		assertThat(check.isRunning()).isFalse();
		int after = runs.get();
		check.start();
		assertThat(check.isRunning()).as("a closed check does not start again").isFalse();
		assertThat(runs.get()).isEqualTo(after);
	}

}
