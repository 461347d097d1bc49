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

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.task.InlineTask;
import io.github.tasklens.task.TaskChain;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * What the servlet and the reactive request filters share: a request's name and labels,
 * which paths are the actuator's, and the one warning when tasklens fails a request.
 *
 * @author tasklens authors
 */
final class Requests {

	private static final Logger logger = LoggerFactory.getLogger(Requests.class);

	private static final String ACTUATOR = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private final Map<String, String> headers;

	private final @Nullable String actuatorPath;

	private volatile boolean warned;

	/**
	 * @param headers the headers whose values become labels, by label key
	 * @param actuatorPath the base path of the actuator's endpoints, or {@code null}
	 */
	Requests(Map<String, String> headers, @Nullable String actuatorPath) {
		this.headers = Map.copyOf(headers);
		// under "/" the actuator's paths cannot be told from the app's: all are tasks
		String path = (actuatorPath != null && actuatorPath.endsWith("/"))
				? actuatorPath.substring(0, actuatorPath.length() - 1) : actuatorPath;
		this.actuatorPath = (path == null || path.isEmpty()) ? null : path;
	}

	/**
	 * Whether a path within the application is the actuator's: its requests (probes,
	 * scrapes, the inventory's own) are no tasks.
	 */
	boolean isActuator(String path) {
		String actuator = this.actuatorPath;
		return actuator != null && (path.equals(actuator) || path.startsWith(actuator + "/"));
	}

	/**
	 * The labels of a request no handler has matched yet.
	 * @param method the request's method, as {@link #method} gives it
	 * @param header the value of a header by name, or {@code null} when absent
	 */
	TaskLabels labels(String method, UnaryOperator<@Nullable String> header) {
		TaskLabels labels = TaskLabels.of(RequestTaskFilter.ROUTE, RequestTaskFilter.UNMATCHED,
				RequestTaskFilter.METHOD, method);
		for (Map.Entry<String, String> entry : this.headers.entrySet()) {
			String value = header.apply(entry.getValue());
			if (value != null) {
				labels = labels.and(entry.getKey(), TaskChain.labelValue(value));
			}
		}
		return labels;
	}

	void failed(Throwable ex) {
		if (!this.warned) {
			this.warned = true;
			logger.warn("tasklens could not track a request as a task; requests are handled as without it", ex);
		}
	}

	/**
	 * The base path of the actuator's endpoints where the app has the actuator (on a port
	 * of its own, the request filters never see them).
	 */
	static @Nullable String actuatorPath(Environment environment) {
		return ClassUtils.isPresent(ACTUATOR, Requests.class.getClassLoader())
				? environment.getProperty("management.endpoints.web.base-path", "/actuator") : null;
	}

	static String name(String method, String route) {
		return method + " " + route;
	}

	/**
	 * Give a request's task the route a handler mapping matched: the pattern, never the
	 * path, so that the label stays bounded. A failure leaves the task as it was; the
	 * handler runs as without tasklens.
	 * @param task the request's task
	 * @param method the request's method, as {@link #method} gives it
	 * @param pattern the matched pattern
	 */
	static void matched(InlineTask task, String method, Object pattern) {
		String route = TaskChain.labelValue(pattern.toString());
		try {
			task.rename(name(method, route), TaskLabels.of(RequestTaskFilter.ROUTE, route));
		}
		catch (RuntimeException ex) {
			// the task keeps the name it has
		}
	}

	// a method outside the standard ones (any token is allowed) must not grow the labels
	static String method(String method) {
		return METHODS.contains(method) ? method : "other";
	}

}
