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
package io.github.tasklens.executor;

import java.util.concurrent.Executor;

import io.github.tasklens.task.TrackingTaskDecorator;

/**
 * An {@link Executor} bean with the chain in front of it.
 *
 * @author tasklens authors
 */
public final class TrackedExecutor implements Executor, TrackedExecutors.Wrapper {

	private final Executor delegate;

	private final TrackingTaskDecorator decorator;

	public TrackedExecutor(Executor delegate, TrackingTaskDecorator decorator) {
		this.delegate = delegate;
		this.decorator = decorator;
	}

	@Override
	public void execute(Runnable command) {
		TrackedExecutors.execute(this.delegate, this.decorator, command);
	}

	@Override
	public Executor delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
