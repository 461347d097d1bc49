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

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the {@code tasks} actuator endpoint, bound only when the endpoint exists
 * (they use the actuator's {@link Show}, and the actuator is optional).
 *
 * @author tasklens authors
 */
@ConfigurationProperties("tasklens.endpoint")
public class TasksEndpointProperties {

	static final int MAX_STACK_DEPTH = 1024;

	static final Duration MAX_CANCEL_WAIT = Duration.ofMinutes(1);

	/**
	 * How many frames of each running task's stack '/actuator/tasks' shows and groups by,
	 * 1 to 1024. '/actuator/tasks/{id}' shows the whole stack.
	 */
	private int stackDepth = 32;

	/**
	 * Maximum number of running tasks whose stacks one read of '/actuator/tasks' takes
	 * for its groups, 0 or more; past it the answer says the groups were cut short.
	 */
	private int maxStacks = 10_000;

	/**
	 * When to show label values (except 'executor' and 'task', which come from code) and
	 * submit sites.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles that may see label values and submit sites when show-values is
	 * 'when-authorized'. When empty, any authenticated user may.
	 */
	private Set<String> roles = new HashSet<>();

	/**
	 * How long a cancel through '/actuator/tasks' (DELETE) waits for the cancelled tasks
	 * to end before it answers which still run, 0 to 1 minute.
	 */
	private Duration cancelWait = Duration.ofSeconds(5);

	public int getStackDepth() {
		return this.stackDepth;
	}

	public void setStackDepth(int stackDepth) {
		if (stackDepth < 1 || stackDepth > MAX_STACK_DEPTH) {
			throw new IllegalArgumentException("Invalid tasklens.endpoint.stack-depth " + stackDepth
					+ ": it must be between 1 and " + MAX_STACK_DEPTH);
		}
		this.stackDepth = stackDepth;
	}

	public int getMaxStacks() {
		return this.maxStacks;
	}

	public void setMaxStacks(int maxStacks) {
		if (maxStacks < 0) {
			throw new IllegalArgumentException(
					"Invalid tasklens.endpoint.max-stacks " + maxStacks + ": it must be 0 (no groups) or more");
		}
		this.maxStacks = maxStacks;
	}

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Duration getCancelWait() {
		return this.cancelWait;
	}

	public void setCancelWait(Duration cancelWait) {
		if (cancelWait.isNegative() || cancelWait.compareTo(MAX_CANCEL_WAIT) > 0) {
			throw new IllegalArgumentException(
					"Invalid tasklens.endpoint.cancel-wait " + cancelWait + ": it must be between 0 and 1m");
		}
		this.cancelWait = cancelWait;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
