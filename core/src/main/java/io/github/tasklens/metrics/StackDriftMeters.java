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

package io.github.tasklens.metrics;

import io.github.tasklens.registry.StackDrift;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters of {@link StackDrift}: {@code tasks.stack.groups} (distinct stack groups of
 * the running tasks), {@code tasks.stack.group.max} (the largest) and
 * {@code tasks.stack.new} (new groups reported), as of its last look.
 *
 * @author tasklens authors
 */
public final class StackDriftMeters implements MeterBinder {

	private final StackDrift drift;

	/**
	 * Create the binder.
	 * @param drift what it measures
	 */
	public StackDriftMeters(StackDrift drift) {
		this.drift = drift;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("tasks.stack.groups", this.drift, StackDrift::groups)
			.description("Distinct stacks of the running tasks at the last look")
			.register(registry);
		Gauge.builder("tasks.stack.group.max", this.drift, StackDrift::largestGroup)
			.description("Running tasks in the largest stack group at the last look")
			.register(registry);
		FunctionCounter.builder("tasks.stack.new", this.drift, StackDrift::newGroups)
			.description("Stack groups first seen after the warm-up that reached tasklens.drift.min-group-size")
			.register(registry);
	}

}
