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

/**
 * Stack drift ({@code tasklens.drift.*}): a new group of running tasks blocked at one
 * stack, first seen after the warm-up, logged and counted.
 *
 * @author tasklens authors
 */
public class DriftProperties {

	/**
	 * Whether the running tasks' stack groups are watched for new ones (and measured in
	 * tasks.stack.groups, tasks.stack.group.max and tasks.stack.new).
	 */
	private boolean enabled = true;

	/**
	 * How many tasks a stack group first seen after the warm-up must reach to be reported
	 * as new, 1 or more.
	 */
	private int minGroupSize = 20;

	/**
	 * How long after startup a stack group first seen is part of the app's usual picture
	 * and never reported, 0 or more.
	 */
	private Duration warmUp = Duration.ofMinutes(5);

	/**
	 * How often the running tasks are grouped by stack (their top 32 frames, from up to
	 * 10,000 running tasks' stacks), more than 0.
	 */
	private Duration interval = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMinGroupSize() {
		return this.minGroupSize;
	}

	public void setMinGroupSize(int minGroupSize) {
		if (minGroupSize < 1) {
			throw new IllegalArgumentException(
					"Invalid tasklens.drift.min-group-size " + minGroupSize + ": it must be 1 or more");
		}
		this.minGroupSize = minGroupSize;
	}

	public Duration getWarmUp() {
		return this.warmUp;
	}

	public void setWarmUp(Duration warmUp) {
		if (warmUp.isNegative()) {
			throw new IllegalArgumentException("Invalid tasklens.drift.warm-up " + warmUp + ": it must be 0 or more");
		}
		this.warmUp = warmUp;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"Invalid tasklens.drift.interval " + interval + ": it must be more than 0");
		}
		this.interval = interval;
	}

}
