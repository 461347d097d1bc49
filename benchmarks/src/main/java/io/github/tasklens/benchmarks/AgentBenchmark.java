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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the agent costs: 1,000 tasks through a plain JDK pool of 2 that no code hands
 * tasklens, and a platform thread started and joined, each in a JVM without the agent
 * (the baseline) and in one started with
 * {@code -javaagent:agent/target/tasklens-agent.jar} (served by the agent's own runtime,
 * with its defaults). Run from the project's root, after the agent is built, as
 * {@code benchmarks/run} does.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentBenchmark {

	static final String AGENT = "-javaagent:agent/target/tasklens-agent.jar";

	private ExecutorService pool;

	@Setup(Level.Trial)
	public void setUp() {
		// made by this class's code: with the agent, a pool named AgentBenchmark
		this.pool = Executors.newFixedThreadPool(2);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.pool.shutdownNow();
	}

	@Benchmark
	@OperationsPerInvocation(ThroughputBenchmark.BATCH)
	public void plainPoolBaseline() throws InterruptedException {
		runBatch(this.pool);
	}

	@Benchmark
	@OperationsPerInvocation(ThroughputBenchmark.BATCH)
	@Fork(jvmArgsAppend = AGENT)
	public void plainPoolWithAgent() throws InterruptedException {
		runBatch(this.pool);
	}

	@Benchmark
	public void threadStartBaseline() throws InterruptedException {
		startAndJoin();
	}

	@Benchmark
	@Fork(jvmArgsAppend = AGENT)
	public void threadStartWithAgent() throws InterruptedException {
		startAndJoin();
	}

	private static void runBatch(ExecutorService executor) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(ThroughputBenchmark.BATCH);
		Runnable task = done::countDown;
		for (int i = 0; i < ThroughputBenchmark.BATCH; i++) {
			executor.execute(task);
		}
		done.await();
	}

	private static void startAndJoin() throws InterruptedException {
		Thread thread = new Thread(AgentBenchmark::work);
		thread.start();
		thread.join();
	}

	private static void work() {
		// nothing: what is measured is the start, the run's bracket and the end
	}

}
