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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.boot.actuate.TasksDescriptor;
import io.github.tasklens.boot.actuate.TasksEndpoint;
import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.registry.LiveTaskRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.core.task.TaskDecorator;

/**
 * The inventory at scale: one read of {@code /actuator/tasks}'s default answer (the
 * oldest 100 tasks, totals, executors, groups) with 1,000, 10,000 and 100,000 live tasks,
 * beside the JVM's own thread dump without locks ({@code ThreadMXBean.dumpAllThreads}),
 * the cheapest view of work the JVM offers. The bytes per tracked task are those of
 * {@code ChainBenchmark.heapPerTrackedTask}.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InventoryBenchmark {

	@Param({ "1000", "10000", "100000" })
	private int liveTasks;

	private TasksEndpoint endpoint;

	@Setup(Level.Trial)
	public void setUp() {
		TaskChain chain = TaskChain.builder(new LiveTaskRegistry()).build();
		TaskDecorator decorator = chain.decorator("queuedPool", null, () -> false)::decorate;
		Runnable task = () -> {
		};
		for (int i = 0; i < this.liveTasks; i++) {
			// decorated and never run: live and queued, as behind a stuck pool
			decorator.decorate(task);
		}
		this.endpoint = new TasksEndpoint(chain, new ExecutorAdopter(chain, (name) -> false),
				new TasksEndpoint.Settings(32, 10_000, Show.NEVER, Set.of(), Duration.ofSeconds(5)));
	}

	@Benchmark
	public ThreadInfo[] endpointReadBaseline() {
		return ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
	}

	@Benchmark
	public void endpointReadDefaultAnswer(Blackhole blackhole) {
		TasksDescriptor answer = this.endpoint.tasks(SecurityContext.NONE, null, null, null, null, null);
		blackhole.consume(answer);
	}

}
