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
package io.github.tasklens.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a tracing span (with a real Brave bridge) and Spring Security's context
 * follow a task to its thread.
 */
class TracingAndSecurityPropagationTests {

	private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

	private Tracing tracing;

	private Tracer tracer;

	private ObservationRegistry observations;

	private ObservationRegistry previousObservationRegistry;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withBean("pool", ExecutorService.class, this::newPool)
		.withBean(Tracer.class, () -> this.tracer)
		.withBean(ObservationRegistry.class, () -> this.observations);

	@BeforeEach
	void startTracing() {
		ThreadLocalCurrentTraceContext context = ThreadLocalCurrentTraceContext.newBuilder().build();
		this.tracing = Tracing.newBuilder().currentTraceContext(context).addSpanHandler(new SpanHandler() {
			@Override
			public boolean end(TraceContext traceContext, MutableSpan span, Cause cause) {
				TracingAndSecurityPropagationTests.this.spans.add(span);
				return true;
			}
		}).build();
		this.tracer = new BraveTracer(this.tracing.tracer(), new BraveCurrentTraceContext(context),
				new BraveBaggageManager());
		this.observations = ObservationRegistry.create();
		this.observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(this.tracer));
		this.previousObservationRegistry = ObservationThreadLocalAccessor.getInstance().getObservationRegistry();
		ObservationThreadLocalAccessor.getInstance().setObservationRegistry(this.observations);
	}

	@AfterEach
	void stopTracing() {
		ObservationThreadLocalAccessor.getInstance().setObservationRegistry(this.previousObservationRegistry);
		this.tracing.close();
		SecurityContextHolder.clearContext();
	}

	@Test
	void makesASpanOpenedInAnObservationTheParentOfSpansInTheTask() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			Span[] parent = new Span[1];
			Span child = Observation.createNotStarted("parent", this.observations).observe(() -> {
				parent[0] = this.tracer.currentSpan();
				try {
					return childSpan(pool);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			assertThat(parent[0]).isNotNull();
			assertThat(child.context().traceId()).isEqualTo(parent[0].context().traceId());
			assertThat(child.context().parentId()).isEqualTo(parent[0].context().spanId());
		});
	}

	@Test
	void makesASpanOpenedWithTheTracerTheParentOfSpansInTheTask() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			Span parent = this.tracer.nextSpan().name("parent").start();
			Span child;
			try (Tracer.SpanInScope scope = this.tracer.withSpan(parent)) {
				child = childSpan(pool);
			}
			finally {
				parent.end();
			}
			assertThat(child.context().traceId()).isEqualTo(parent.context().traceId());
			assertThat(child.context().parentId()).isEqualTo(parent.context().spanId());
			assertThat(pool.submit(() -> this.tracer.currentSpan()).get(10, TimeUnit.SECONDS))
				.as("no span left on the pooled thread")
				.isNull();
		});
	}

	@Test
	void startsANewTraceInTheTaskWhenNoSpanWasCurrent() {
		this.runner.run((context) -> {
			Span child = childSpan(context.getBean("pool", ExecutorService.class));
			assertThat(child.context().parentId()).isNull();
		});
	}

	@Test
	void makesTheSubmittersSecurityContextCurrentInTheTaskAndClearsItAfter() {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("pool", ExecutorService.class);
			SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", "secret"));
			String inside = pool.submit(() -> SecurityContextHolder.getContext().getAuthentication().getName())
				.get(10, TimeUnit.SECONDS);
			SecurityContextHolder.clearContext();
			Authentication afterwards = pool.submit(() -> SecurityContextHolder.getContext().getAuthentication())
				.get(10, TimeUnit.SECONDS);
			assertThat(inside).isEqualTo("alice");
			assertThat(afterwards).isNull();
		});
	}

	/**
	 * Create the executor bean that runs the tasks.
	 * @return the executor
	 */
	protected ExecutorService newPool() {
		return Executors.newFixedThreadPool(1);
	}

	/**
	 * Check the thread a task runs on.
	 */
	protected void assertTaskThread() {
	}

	private Span childSpan(ExecutorService pool) throws Exception {
		return pool.submit(() -> {
			assertTaskThread();
			Span span = this.tracer.nextSpan().name("child").start();
			span.end();
			return span;
		}).get(10, TimeUnit.SECONDS);
	}

}
