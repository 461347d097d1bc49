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

package io.github.tasklens.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.StackDrift;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxPolicy;
import io.github.tasklens.timebox.Watchdog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.core.task.TaskDecorator;

/**
 * One look of the stack-drift watcher (the running tasks grouped by stack, each group's
 * fingerprint, the new ones found) over 1,000, 10,000 and 100,000 live tasks, 64 of them
 * running and blocked at one line, beside the baseline of one time-box watchdog check of
 * the same tasks in the same run: the budget the drift look should stay within, since it
 * runs every 30 seconds where the watchdog runs every second.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DriftBenchmark {

	private static final int RUNNING = 64;

	@Param({ "1000", "10000", "100000" })
	private int liveTasks;

	private Watchdog watchdog;

	private StackDrift drift;

	private ExecutorService pool;

	private final CountDownLatch release = new CountDownLatch(1);

	@Setup(Level.Trial)
	public void setUp() throws InterruptedException {
		TaskTimeBox box = TaskTimeBox.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1));
		TimeBoxPolicy policy = new TimeBoxPolicy(box, Map.of(), Map.of());
		LiveTaskRegistry registry = new LiveTaskRegistry();
		TaskChain chain = TaskChain.builder(registry).timeBoxes(policy).build();
		TaskDecorator queued = chain.decorator("queuedPool", null, () -> false)::decorate;
		for (int i = 0; i < this.liveTasks - RUNNING; i++) {
			// decorated and never run: live and queued, as behind a stuck pool
			queued.decorate(() -> {
			});
		}
		TaskDecorator running = chain.decorator("runningPool", null, () -> false)::decorate;
		CountDownLatch started = new CountDownLatch(RUNNING);
		this.pool = Executors.newFixedThreadPool(RUNNING);
		for (int i = 0; i < RUNNING; i++) {
			this.pool.execute(running.decorate(() -> {
				started.countDown();
				awaitRelease();
			}));
		}
		started.await();
		// not started: each benchmark call is one check; a warm-up of 0, so that every
		// look compares against what it has seen
		this.watchdog = new Watchdog(registry, policy, Duration.ofHours(1), (task) -> {
		});
		this.drift = new StackDrift(registry,
				new StackDrift.Settings(20, Duration.ZERO, Duration.ofHours(1), 32, 10_000));
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.release.countDown();
		this.pool.shutdown();
		this.watchdog.close();
		this.drift.close();
	}

	@Benchmark
	public int driftCheckBaseline() {
		return this.watchdog.check();
	}

	@Benchmark
	public int driftCheck() {
		return this.drift.check();
	}

}
