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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.task.TaskChain;
import io.github.tasklens.registry.LiveTaskRegistry;
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
 * One check of the time-box watchdog over 1,000, 10,000 and 100,000 live tasks, each with
 * a time box it has not passed (so that every task is checked in full and none is
 * reported), beside the baseline of walking an undecorated pool's queue of as many tasks.
 * {@code -prof gc} shows the bytes one check allocates: divided by the number of tasks,
 * it is what the check allocates per task.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WatchdogBenchmark {

	@Param({ "1000", "10000", "100000" })
	private int liveTasks;

	private Watchdog watchdog;

	private LinkedBlockingQueue<Runnable> queue;

	@Setup(Level.Trial)
	public void setUp() {
		TaskTimeBox box = TaskTimeBox.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1));
		TimeBoxPolicy policy = new TimeBoxPolicy(box, Map.of(), Map.of());
		LiveTaskRegistry registry = new LiveTaskRegistry();
		TaskChain chain = TaskChain.builder(registry).timeBoxes(policy).build();
		TaskDecorator decorator = chain.decorator("queuedPool", null, () -> false)::decorate;
		this.queue = new LinkedBlockingQueue<>();
		for (int i = 0; i < this.liveTasks; i++) {
			Runnable task = () -> {
			};
			// decorated and never run: live and queued, as behind a stuck pool
			decorator.decorate(task);
			this.queue.add(task);
		}
		// not started: each benchmark call is one check
		this.watchdog = new Watchdog(registry, policy, Duration.ofHours(1), (task) -> {
		});
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.watchdog.close();
	}

	@Benchmark
	public int watchdogCheckBaseline() {
		int count = 0;
		for (Runnable task : this.queue) {
			if (task != null) {
				count++;
			}
		}
		return count;
	}

	@Benchmark
	public int watchdogCheck() {
		return this.watchdog.check();
	}

}
