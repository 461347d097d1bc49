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
package io.github.tasklens.task;

import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

/**
 * One run of a periodic {@link TrackedTask} that Spring submitted on its own (a cron task
 * re-scheduled for its next run, or a run that {@code SimpleAsyncTaskScheduler} hands to
 * its executor): it runs through the same tracked task instead of making a second one.
 *
 * @author tasklens authors
 */
public final class PeriodicRun implements Runnable {

	private final TrackedTask task;

	private final Runnable body;

	private final Object source;

	private final @Nullable Future<?> outcome;

	PeriodicRun(TrackedTask task, Runnable body, Object source) {
		this.task = task;
		this.body = body;
		this.source = source;
		this.outcome = TrackingTaskDecorator.hasOutcome(source) ? (Future<?>) source : null;
	}

	public Object source() {
		return this.source;
	}

	TrackedTask task() {
		return this.task;
	}

	@Override
	public void run() {
		try {
			TaskRun.execute(this.task, this.body, this.outcome, this.source, false);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.body.toString();
	}

}
