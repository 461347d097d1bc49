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

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.boot.web.ReactiveRequestTaskFilter;
import io.github.tasklens.boot.web.RequestTaskFilter;
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
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * What making a reactive request a task costs: the WebFlux filter (a task bound to no
 * thread begun on subscription, its labels in force while the chain is subscribed to and
 * in the Reactor {@code Context}, renamed when the pattern is recorded, ended on
 * completion), on a request with a tenant header, beside the same chain subscribed to
 * without it. No server: Netty's own work is the same with and without.
 *
 * @author tasklens authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReactiveWebBenchmark {

	private final ServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/orders/42").header("X-Tenant-Id", "acme"));

	private final WebFilterChain handling = new Handling();

	private ReactiveRequestTaskFilter filter;

	@Setup
	public void setUp() {
		// the starter's defaults, as in WebBenchmark
		TaskChain chain = TaskChain.builder(new LiveTaskRegistry()).labelMdc(new LabelMdc("task.")).build();
		this.filter = new ReactiveRequestTaskFilter(chain.decorator(RequestTaskFilter.EXECUTOR, null, () -> false),
				Map.of("tenant", "X-Tenant-Id"), "/actuator");
	}

	@Benchmark
	public Object reactiveRequestBaseline() {
		this.handling.filter(this.exchange).block();
		return this.exchange;
	}

	@Benchmark
	public Object reactiveRequestWithTasklens() {
		this.filter.filter(this.exchange, this.handling).block();
		return this.exchange;
	}

	/**
	 * What WebFlux does that the filter watches: the handler mapping records the matched
	 * pattern; the handler's work is nothing here.
	 */
	private static final class Handling implements WebFilterChain {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			return Mono.fromRunnable(() -> {
				exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/orders/{id}");
				exchange.getAttributes().remove(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			});
		}

	}

}
