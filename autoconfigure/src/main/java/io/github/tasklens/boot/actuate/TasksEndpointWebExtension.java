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

package io.github.tasklens.boot.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@code tasks} endpoint's operations that only make sense over HTTP: the page a
 * browser gets ({@code GET /actuator/tasks} asked for {@code text/html}), cancelling a
 * task ({@code DELETE /actuator/tasks/{id}}, 404 for an unknown id) or every task with a
 * label ({@code DELETE /actuator/tasks?label=key:value}). Both need write access to the
 * endpoint ({@code management.endpoint.tasks.access=unrestricted}; it is read-only by
 * default) and, when {@code tasklens.endpoint.roles} is set, a user in one of them (403
 * otherwise).
 *
 * @author tasklens authors
 */
@EndpointWebExtension(endpoint = TasksEndpoint.class)
public class TasksEndpointWebExtension {

	private static final int FORBIDDEN = 403;

	private final TasksEndpoint endpoint;

	/**
	 * Create the extension.
	 * @param endpoint the endpoint it extends
	 */
	public TasksEndpointWebExtension(TasksEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * The page: what a browser gets. Every other client (asking for JSON, text, or
	 * anything) gets the endpoint's answers as before.
	 * @return the page, which reads the endpoint's JSON
	 */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public String page() {
		return TasksPage.html();
	}

	@DeleteOperation
	public WebEndpointResponse<?> cancel(SecurityContext securityContext, @Selector long id) {
		if (!this.endpoint.mayCancel(securityContext)) {
			return new WebEndpointResponse<>(FORBIDDEN);
		}
		@Nullable CancelDescriptor outcome = this.endpoint.cancel(securityContext, id);
		return (outcome != null) ? new WebEndpointResponse<>(outcome)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

	@DeleteOperation
	public WebEndpointResponse<?> cancelLabelled(SecurityContext securityContext, String label) {
		if (!this.endpoint.mayCancel(securityContext)) {
			return new WebEndpointResponse<>(FORBIDDEN);
		}
		return new WebEndpointResponse<>(this.endpoint.cancelLabelled(securityContext, label));
	}

}
