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
package io.github.tasklens.boot.executor;

import io.github.tasklens.task.TrackingTaskDecorator;

import org.springframework.core.task.TaskDecorator;

/**
 * The chain of one executor as the {@link TaskDecorator} of a Spring executor, which
 * reads its decorator on every call.
 *
 * @author tasklens authors
 */
public final class SpringTaskDecorator implements TaskDecorator {

	private final TrackingTaskDecorator tracker;

	SpringTaskDecorator(TrackingTaskDecorator tracker) {
		this.tracker = tracker;
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		return this.tracker.decorate(runnable);
	}

	/**
	 * Return the chain of the executor.
	 * @return the tracker
	 */
	public TrackingTaskDecorator tracker() {
		return this.tracker;
	}

}
