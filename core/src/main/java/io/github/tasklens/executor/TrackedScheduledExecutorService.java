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

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.task.TrackingTaskDecorator;

/**
 * A {@link ScheduledExecutorService} bean with the chain in front of it.
 *
 * @author tasklens authors
 */
public final class TrackedScheduledExecutorService extends TrackedExecutorService implements ScheduledExecutorService {

	private final ScheduledExecutorService scheduler;

	public TrackedScheduledExecutorService(ScheduledExecutorService delegate, TrackingTaskDecorator decorator) {
		super(delegate, decorator);
		this.scheduler = delegate;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
		return TrackedExecutors.schedule(decorator(), command, false,
				(task) -> this.scheduler.schedule(task, delay, unit));
	}

	@Override
	public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
		return TrackedExecutors.scheduleCallable(decorator(), callable,
				(task) -> this.scheduler.schedule(task, delay, unit));
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
		return TrackedExecutors.schedule(decorator(), command, true,
				(task) -> this.scheduler.scheduleAtFixedRate(task, initialDelay, period, unit));
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
		return TrackedExecutors.schedule(decorator(), command, true,
				(task) -> this.scheduler.scheduleWithFixedDelay(task, initialDelay, delay, unit));
	}

}
