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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.registry.LiveTaskRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.MDC;

/**
 * Throughput: 1,000 tasks through a JDK pool of 1 or 2 workers, a scheduled pool of 2,
 * and (Java 21+) a virtual-thread executor, undecorated ({@code throughputBaseline}),
 * with the core chain, and with the chain carrying an MDC of 5 keys, per task. On Java 17
 * the {@code virtual} cases fail at setup and are left out of the table.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ThroughputBenchmark {

	static final int BATCH = 1000;

	@Param({ "pool1", "pool2", "scheduled2", "virtual" })
	private String executor;

	private ExecutorService undecorated;

	private ExecutorService decorated;

	private ExecutorService decoratedWithContext;

	@Setup(Level.Trial)
	public void setUp() throws Throwable {
		this.undecorated = newExecutor(this.executor);
		this.decorated = adopt(TaskChain.builder(new LiveTaskRegistry()).build(), newExecutor(this.executor));
		this.decoratedWithContext = adopt(
				TaskChain.builder(new LiveTaskRegistry()).capture(new ContextCapture()).build(),
				newExecutor(this.executor));
	}

	private static ExecutorService adopt(TaskChain chain, ExecutorService executor) {
		return (ExecutorService) new ExecutorAdopter(chain, (name) -> false).adoptBean(executor, "bench",
				ExecutorService.class);
	}

	private static ExecutorService newExecutor(String kind) throws Throwable {
		return switch (kind) {
			case "pool1" -> Executors.newFixedThreadPool(1);
			case "pool2" -> Executors.newFixedThreadPool(2);
			case "scheduled2" -> Executors.newScheduledThreadPool(2);
			default -> (ExecutorService) MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class))
				.invoke();
		};
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.undecorated.shutdownNow();
		this.decorated.shutdownNow();
		this.decoratedWithContext.shutdownNow();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void throughputBaseline() throws InterruptedException {
		runBatch(this.undecorated);
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void throughputChain() throws InterruptedException {
		runBatch(this.decorated);
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void throughputChainWithMdcOf5Keys() throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			MDC.put("key" + i, "value" + i);
		}
		try {
			runBatch(this.decoratedWithContext);
		}
		finally {
			MDC.clear();
		}
	}

	private static void runBatch(ExecutorService executor) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(BATCH);
		Runnable task = done::countDown;
		for (int i = 0; i < BATCH; i++) {
			executor.execute(task);
		}
		done.await();
	}

}
