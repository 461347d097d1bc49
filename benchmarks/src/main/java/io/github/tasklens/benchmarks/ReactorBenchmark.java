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
import java.util.concurrent.TimeUnit;

import io.github.tasklens.boot.reactor.ReactorSchedulers;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.TaskChain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Reactor round trip, {@code Mono.fromCallable(…).subscribeOn(boundedElastic).block()},
 * on a scheduler whose executor tasklens tracks, beside one it does not: the baseline's
 * executor is made before tasklens's hook is installed.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReactorBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private Scheduler plain;

	private Scheduler tracked;

	private ReactorSchedulers hooks;

	@Setup
	public void setUp() {
		// one thread each, kept for the whole run
		this.plain = Schedulers.newBoundedElastic(1, 1000, "plain", 3600);
		Mono.fromCallable(() -> 1).subscribeOn(this.plain).block(TIMEOUT);
		TaskChain chain = TaskChain.builder(new LiveTaskRegistry()).labelMdc(new LabelMdc("task.")).build();
		this.hooks = new ReactorSchedulers(chain);
		this.tracked = Schedulers.newBoundedElastic(1, 1000, "tracked", 3600);
	}

	@TearDown
	public void tearDown() {
		this.hooks.close();
		this.plain.dispose();
		this.tracked.dispose();
	}

	@Benchmark
	public Integer subscribeOnBaseline() {
		return Mono.fromCallable(() -> 1).subscribeOn(this.plain).block(TIMEOUT);
	}

	@Benchmark
	public Integer subscribeOnWithTasklens() {
		return Mono.fromCallable(() -> 1).subscribeOn(this.tracked).block(TIMEOUT);
	}

}
