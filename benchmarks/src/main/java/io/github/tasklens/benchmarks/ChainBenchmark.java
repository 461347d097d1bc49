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

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.metrics.TaskMeterBinder;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The cost of the core chain (no hooks) per task, each case beside its undecorated
 * baseline: {@code *Baseline} and {@code *Chain} methods are paired by
 * {@link BenchmarkReport}.
 *
 * @author tasklens authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChainBenchmark {

	static final int BATCH = 1000;

	private static final Runnable NOTHING = () -> {
	};

	private ThreadPoolTaskExecutor undecorated;

	private ThreadPoolTaskExecutor decorated;

	private ThreadPoolTaskExecutor passThrough;

	private TaskDecorator chain;

	private TaskDecorator defaultChain;

	private TaskDecorator meteredChain;

	private TaskDecorator histogramChain;

	@Setup(Level.Trial)
	public void setUp() {
		this.undecorated = pool("undecorated-");
		this.decorated = pool("decorated-");
		this.passThrough = pool("pass-through-");
		this.passThrough.setTaskDecorator((runnable) -> () -> runnable.run());
		TaskChain taskChain = TaskChain.builder(new LiveTaskRegistry()).build();
		new ExecutorAdopter(taskChain, (name) -> false).adoptBean(this.decorated, "decorated",
				ThreadPoolTaskExecutor.class);
		this.chain = taskChain.decorator("sameThread", null, () -> false)::decorate;
		TaskChain defaults = TaskChain.builder(new LiveTaskRegistry())
			.labelMdc(new LabelMdc("task."))
			.capture(new ContextCapture())
			.build();
		this.defaultChain = defaults.decorator("sameThread", null, () -> false)::decorate;
		TaskChain metered = TaskChain.builder(new LiveTaskRegistry()).build();
		new TaskMeterBinder(metered.series(), metered.registry(), (executor) -> null)
			.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		this.meteredChain = metered.decorator("sameThread", null, () -> false)::decorate;
		TaskChain histogram = TaskChain.builder(new LiveTaskRegistry()).build();
		PrometheusMeterRegistry histogramRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		// what management.metrics.distribution.percentiles-histogram.tasks=true does
		histogramRegistry.config().meterFilter(new MeterFilter() {

			@Override
			public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				return id.getName().startsWith("tasks.")
						? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
						: config;
			}

		});
		new TaskMeterBinder(histogram.series(), histogram.registry(), (executor) -> null).bindTo(histogramRegistry);
		this.histogramChain = histogram.decorator("sameThread", null, () -> false)::decorate;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.undecorated.shutdown();
		this.decorated.shutdown();
		this.passThrough.shutdown();
	}

	@Benchmark
	public void sameThreadBaseline(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		task.run();
	}

	@Benchmark
	public void sameThreadChain(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.chain.decorate(task).run();
	}

	/**
	 * One task through the chain, the same {@code Runnable} every time: what is allocated
	 * per operation is what tasklens allocates per task, the tracked task the registry
	 * holds while the task lives (labels and series are shared), so its bytes per
	 * operation are the heap per tracked task without context.
	 */
	@Benchmark
	public void sameThreadHeapPerTrackedTask() {
		this.chain.decorate(NOTHING).run();
	}

	/**
	 * The clock reads a timed task cannot do without (submitted, started, ended), alone:
	 * the part of the core chain's cost that is the machine's clock, not tasklens's work.
	 * @param blackhole the blackhole
	 */
	@Benchmark
	public void sameThreadThreeClockReads(Blackhole blackhole) {
		long submitted = System.nanoTime();
		Runnable task = () -> blackhole.consume(1);
		long started = System.nanoTime();
		task.run();
		blackhole.consume(System.nanoTime() - started + submitted);
	}

	/**
	 * The chain as an app gets it by default: labels put into the MDC and context capture
	 * on, with nothing in the MDC to propagate.
	 * @param blackhole the blackhole
	 */
	@Benchmark
	public void sameThreadChainWithDefaults(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.defaultChain.decorate(task).run();
	}

	/**
	 * The core chain with its meters bound to a Prometheus registry: the meters read the
	 * chain's counts when scraped, so binding them adds nothing per task.
	 * @param blackhole the blackhole
	 */
	@Benchmark
	public void sameThreadChainWithMeters(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.meteredChain.decorate(task).run();
	}

	/**
	 * The core chain with its meters bound to a Prometheus registry that keeps a
	 * percentiles histogram of {@code tasks.run} and {@code tasks.wait}: then each run
	 * and each wait is recorded into a real {@code Timer}.
	 * @param blackhole the blackhole
	 */
	@Benchmark
	public void sameThreadChainWithHistogram(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		this.histogramChain.decorate(task).run();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void onePoolWorkerBaseline() throws InterruptedException {
		runBatch(this.undecorated);
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void onePoolWorkerChain() throws InterruptedException {
		runBatch(this.decorated);
	}

	/**
	 * Any {@code TaskDecorator} on a {@code ThreadPoolTaskExecutor}, even one that only
	 * wraps: Spring then records each decorated task in a weak map, whatever the
	 * decorator does. This is the floor for every decorator, tasklens's included.
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void onePoolWorkerPassThroughDecorator() throws InterruptedException {
		runBatch(this.passThrough);
	}

	private static void runBatch(ThreadPoolTaskExecutor executor) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(BATCH);
		Runnable task = done::countDown;
		for (int i = 0; i < BATCH; i++) {
			executor.execute(task);
		}
		done.await();
	}

	private static ThreadPoolTaskExecutor pool(String prefix) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix(prefix);
		executor.initialize();
		return executor;
	}

}
