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
package io.github.tasklens.boot.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import io.github.tasklens.task.InlineTask;
import io.github.tasklens.task.TrackingTaskDecorator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes each request a servlet container's thread handles a task of executor
 * {@value #EXECUTOR}, running on that thread from this filter to the response: listed by
 * the inventory while it runs, with its labels ({@value #ROUTE}, {@value #METHOD} and the
 * headers asked for), which every task it submits inherits. The route is
 * {@value #UNMATCHED} until a handler matches ({@link RouteInterceptor} puts the pattern
 * in its place). A request refused by the in-flight limit of {@code http} is answered
 * 503. An async request is a task while its first thread handles it.
 *
 * @author tasklens authors
 */
public final class RequestTaskFilter extends OncePerRequestFilter implements Ordered {

	/** The executor name of requests. */
	public static final String EXECUTOR = "http";

	/** The label of the matched route. */
	public static final String ROUTE = "route";

	/** The label of the request's method. */
	public static final String METHOD = "method";

	/** The route of a request no handler has matched. */
	public static final String UNMATCHED = "unmatched";

	/**
	 * After the observation filter (so that a request's trace is in place), before Spring
	 * Security's filters (so that they run inside the request's task).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	static final String ATTRIBUTE = RequestTaskFilter.class.getName() + ".task";

	private final TrackingTaskDecorator executor;

	private final Requests requests;

	/**
	 * Create the filter.
	 * @param executor the decorator of executor {@value #EXECUTOR}
	 * @param headers the headers whose values become labels, by label key
	 * @param actuatorPath the base path of the actuator's endpoints, whose requests
	 * (probes, scrapes, the inventory's own) are no tasks; {@code null} when none
	 */
	public RequestTaskFilter(TrackingTaskDecorator executor, Map<String, String> headers,
			@Nullable String actuatorPath) {
		this.executor = executor;
		this.requests = new Requests(headers, actuatorPath);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.requests.isActuator(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = Requests.method(request.getMethod());
		InlineTask task;
		try {
			task = InlineTask.begin(this.executor, Requests.name(method, UNMATCHED),
					this.requests.labels(method, request::getHeader));
		}
		catch (RejectedExecutionException ex) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, ex.getMessage());
			return;
		}
		catch (RuntimeException | LinkageError ex) {
			// a failure inside tasklens: the request is handled as without it
			this.requests.failed(ex);
			task = null;
		}
		if (task == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(ATTRIBUTE, task);
		Throwable thrown = null;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			thrown = ex;
			throw ex;
		}
		finally {
			request.removeAttribute(ATTRIBUTE);
			try {
				task.end(thrown);
			}
			catch (RuntimeException | LinkageError ex) {
				this.requests.failed(ex);
			}
		}
	}

	/**
	 * The task of the request, while it is handled.
	 * @param request the request
	 * @return its task, or {@code null}
	 */
	static @Nullable InlineTask taskOf(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof InlineTask task) ? task : null;
	}

}
