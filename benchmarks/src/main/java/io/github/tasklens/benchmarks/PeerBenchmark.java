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

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.task.TaskChain;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.internal.TimedExecutor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.core.task.TaskDecorator;

/**
 * tasklens beside what it replaces, one task decorated and run on the same thread, each
 * against the same undecorated baseline ({@code peersBaseline}): the core chain, the core
 * chain capturing submit sites, Micrometer's {@code TimedExecutor} (what
 * {@code ExecutorServiceMetrics.monitor} puts around an executor), and
 * context-propagation's snapshot wrapping (what {@code ContextExecutorService} does to
 * each task), with no context to carry.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PeerBenchmark {

	private TaskDecorator chain;

	private TaskDecorator submitSiteChain;

	private Executor timed;

	private ContextSnapshotFactory snapshots;

	@Setup(Level.Trial)
	public void setUp() {
		this.chain = TaskChain.builder(new LiveTaskRegistry()).build().decorator("peers", null, () -> false)::decorate;
		this.submitSiteChain = TaskChain.builder(new LiveTaskRegistry())
			.submitSite(true)
			.build()
			.decorator("peers", null, () -> false)::decorate;
		this.timed = new TimedExecutor(new SimpleMeterRegistry(), Runnable::run, "peers", "", Tags.empty());
		this.snapshots = ContextSnapshotFactory.builder().build();
	}

	@Benchmark
	public void peersBaseline(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		task.run();
	}

	@Benchmark
	public void peersTasklensCoreChain(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.chain.decorate(task).run();
	}

	@Benchmark
	public void peersTasklensWithSubmitSite(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.submitSiteChain.decorate(task).run();
	}

	@Benchmark
	public void peersMicrometerTimedExecutor(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.timed.execute(task);
	}

	@Benchmark
	public void peersContextSnapshotWrap(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.snapshots.captureAll().wrap(task).run();
	}

}
