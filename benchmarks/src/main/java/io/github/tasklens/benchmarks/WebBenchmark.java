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

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.boot.web.RequestTaskFilter;
import io.github.tasklens.boot.web.RouteInterceptor;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.TaskChain;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What making a request a task costs: the request filter (the task begun on the request's
 * thread, its labels in the MDC, ended after the response) and the route interceptor (the
 * task renamed once its route is known), on a request with a tenant header, beside the
 * same handling without them. No server: the servlet container's own work is the same
 * with and without.
 *
 * @author tasklens authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebBenchmark {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/42");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final RouteInterceptor interceptor = new RouteInterceptor();

	private RequestTaskFilter filter;

	private FilterChain handling;

	private FilterChain plainHandling;

	@Setup
	public void setUp() {
		this.request.addHeader("X-Tenant-Id", "acme");
		// the starter's defaults: the labels in the MDC
		TaskChain chain = TaskChain.builder(new LiveTaskRegistry()).labelMdc(new LabelMdc("task.")).build();
		this.filter = new RequestTaskFilter(chain.decorator(RequestTaskFilter.EXECUTOR, null, () -> false),
				Map.of("tenant", "X-Tenant-Id"), "/actuator");
		this.handling = new Handling(this.interceptor);
		this.plainHandling = new Handling(null);
	}

	@Benchmark
	public Object requestBaseline() throws IOException, ServletException {
		this.plainHandling.doFilter(this.request, this.response);
		return this.request;
	}

	@Benchmark
	public Object requestWithTasklens() throws IOException, ServletException {
		this.filter.doFilter(this.request, this.response, this.handling);
		return this.request;
	}

	/**
	 * What Spring MVC does that the interceptor needs: the matched pattern in the
	 * request, then the interceptor before the handler, whose work is nothing here.
	 */
	private static final class Handling implements FilterChain {

		private final @Nullable RouteInterceptor interceptor;

		Handling(@Nullable RouteInterceptor interceptor) {
			this.interceptor = interceptor;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) {
			request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/orders/{id}");
			if (this.interceptor != null) {
				this.interceptor.preHandle((HttpServletRequest) request, (HttpServletResponse) response, this);
			}
			request.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		}

	}

}
