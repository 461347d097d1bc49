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
import java.util.concurrent.TimeUnit;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.contextpropagation.ObservationAwareSpanThreadLocalAccessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * The cost of carrying context into a task, decorate + run on one thread, each case
 * beside the undecorated baseline ({@code propagationBaseline}) and the core chain with
 * propagation off ({@code propagationCoreChain}):
 * <ul>
 * <li>{@code propagationNothingToPropagate}: propagation on, empty MDC, no span, against
 * the undecorated task and the core chain; the chain asks micrometer-tracing's span
 * accessor too, as in an app with tracing, and {@code NothingToPropagateNoTracing} only
 * the JVM-wide accessors (Micrometer's observation accessor), as in an app without;</li>
 * <li>{@code mdc*}: the submitter's MDC has 5 keys and the worker's is empty (as on a
 * pooled thread), against the same MDC steps with no decorator: the core chain with
 * propagation off, tasklens with propagation, with a tracing span in scope too (Brave),
 * and Spring's {@link ContextPropagatingTaskDecorator} alone with the same
 * accessors.</li>
 * </ul>
 *
 * @author tasklens authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PropagationBenchmark {

	private TaskDecorator core;

	private TaskDecorator propagating;

	private TaskDecorator propagatingNoTracing;

	private TaskDecorator spring;

	private Tracing tracing;

	private Tracer tracer;

	private Span span;

	@Setup(Level.Trial)
	public void setUp() {
		ThreadLocalCurrentTraceContext context = ThreadLocalCurrentTraceContext.newBuilder().build();
		this.tracing = Tracing.newBuilder().currentTraceContext(context).build();
		this.tracer = new BraveTracer(this.tracing.tracer(), new BraveCurrentTraceContext(context),
				new BraveBaggageManager());
		ObservationAwareSpanThreadLocalAccessor spanAccessor = new ObservationAwareSpanThreadLocalAccessor(this.tracer);
		this.core = TaskChain.builder(new LiveTaskRegistry()).build().decorator("core", null, () -> false)::decorate;
		this.propagating = TaskChain.builder(new LiveTaskRegistry())
			.capture(new ContextCapture(List.of(spanAccessor)))
			.build()
			.decorator("propagating", null, () -> false)::decorate;
		this.propagatingNoTracing = TaskChain.builder(new LiveTaskRegistry())
			.capture(new ContextCapture())
			.build()
			.decorator("propagatingNoTracing", null, () -> false)::decorate;
		ContextRegistry springRegistry = new ContextRegistry();
		ContextRegistry.getInstance().getThreadLocalAccessors().forEach(springRegistry::registerThreadLocalAccessor);
		springRegistry.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor());
		springRegistry.registerThreadLocalAccessor(spanAccessor);
		this.spring = new ContextPropagatingTaskDecorator(
				ContextSnapshotFactory.builder().contextRegistry(springRegistry).build());
		this.span = this.tracer.nextSpan().name("benchmark").start();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.span.end();
		this.tracing.close();
	}

	@Benchmark
	public void propagationBaseline(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		task.run();
	}

	@Benchmark
	public void propagationCoreChain(Blackhole blackhole) {
		this.core.decorate(() -> blackhole.consume(1)).run();
	}

	@Benchmark
	public void propagationNothingToPropagate(Blackhole blackhole) {
		this.propagating.decorate(() -> blackhole.consume(1)).run();
	}

	@Benchmark
	public void propagationNothingToPropagateNoTracing(Blackhole blackhole) {
		this.propagatingNoTracing.decorate(() -> blackhole.consume(1)).run();
	}

	/**
	 * The MDC steps of the cases below, with no decorator: fill the submitter's MDC with
	 * 5 keys, then clear it, as a pooled worker's MDC is empty when the task starts.
	 * @param blackhole the blackhole
	 */
	@Benchmark
	public void mdcBaseline(Blackhole blackhole) {
		Runnable task = () -> blackhole.consume(1);
		fillMdc();
		MDC.clear();
		task.run();
	}

	@Benchmark
	public void mdcChain(Blackhole blackhole) {
		fillMdc();
		Runnable task = this.propagating.decorate(() -> blackhole.consume(1));
		MDC.clear();
		task.run();
	}

	@Benchmark
	public void mdcChainWithSpan(SpanState span, Blackhole blackhole) {
		fillMdc();
		Runnable task = this.propagating.decorate(() -> blackhole.consume(1));
		MDC.clear();
		task.run();
	}

	@Benchmark
	public void mdcSpring(Blackhole blackhole) {
		fillMdc();
		Runnable task = this.spring.decorate(() -> blackhole.consume(1));
		MDC.clear();
		task.run();
	}

	@Benchmark
	public void mdcSpringWithSpan(SpanState span, Blackhole blackhole) {
		fillMdc();
		Runnable task = this.spring.decorate(() -> blackhole.consume(1));
		MDC.clear();
		task.run();
	}

	@Benchmark
	public void mdcCoreChain(Blackhole blackhole) {
		fillMdc();
		Runnable task = this.core.decorate(() -> blackhole.consume(1));
		MDC.clear();
		task.run();
	}

	private static void fillMdc() {
		MDC.put("key0", "value0");
		MDC.put("key1", "value1");
		MDC.put("key2", "value2");
		MDC.put("key3", "value3");
		MDC.put("key4", "value4");
	}

	/**
	 * A span in scope on the benchmark thread.
	 */
	@State(Scope.Thread)
	public static class SpanState {

		private Tracer.SpanInScope scope;

		@Setup(Level.Iteration)
		public void open(PropagationBenchmark benchmark) {
			this.scope = benchmark.tracer.withSpan(benchmark.span);
		}

		@TearDown(Level.Iteration)
		public void close() {
			this.scope.close();
		}

	}

}
