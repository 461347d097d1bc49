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

import io.github.tasklens.TaskLabels;
import io.github.tasklens.timebox.TaskTimeBox;

import org.jspecify.annotations.Nullable;

/**
 * A {@code @Scheduled} method as its scheduler runs it. It names the task, binds every
 * run of the method to the one {@link TrackedTask} of its schedule, and runs that task's
 * chain itself where the scheduler bypasses its decorator
 * ({@code SimpleAsyncTaskScheduler} runs fixed-delay tasks on a private thread).
 *
 * @author tasklens authors
 */
public final class ScheduledMethodTask implements Runnable {

	private final Runnable method;

	private final String name;

	private final TaskLabels labels;

	private final @Nullable TaskTimeBox timeBox;

	private volatile @Nullable TrackedTask tracked;

	public ScheduledMethodTask(Runnable method, String name, TaskLabels labels, @Nullable TaskTimeBox timeBox) {
		this.method = method;
		this.name = name;
		this.labels = labels;
		this.timeBox = timeBox;
	}

	String name() {
		return this.name;
	}

	TaskLabels labels() {
		return this.labels;
	}

	@Nullable TaskTimeBox timeBox() {
		return this.timeBox;
	}

	public @Nullable TrackedTask tracked() {
		return this.tracked;
	}

	/**
	 * Bind the schedule to its tracked task, unless another thread did first: the
	 * scheduler may run the first time on its own thread while the registration is still
	 * under way.
	 * @param task the tracked task
	 * @return the tracked task of the schedule: {@code task}, or the one bound first
	 */
	synchronized TrackedTask bindIfAbsent(TrackedTask task) {
		TrackedTask bound = this.tracked;
		if (bound != null) {
			return bound;
		}
		this.tracked = task;
		task.runsScheduledMethod();
		return task;
	}

	public void probe(Future<?> schedule) {
		TrackedTask task = this.tracked;
		if (task != null) {
			task.probe(schedule);
		}
	}

	@Override
	public void run() {
		TrackedTask task = this.tracked;
		if (task == null) {
			this.method.run();
			return;
		}
		if (TaskFrames.currentTask() != task) {
			new PeriodicRun(task, this.method, this.method).run();
			return;
		}
		if (task.skipsRun()) {
			// a run over its in-flight limit: the scheduler still plans the next one
			Submissions.openResubmission(task);
			return;
		}
		try {
			this.method.run();
		}
		catch (RuntimeException | Error ex) {
			// the scheduler's error handler takes it from here: count it now, once
			task.recordFailure(ex);
			throw ex;
		}
		Submissions.openResubmission(task);
	}

	@Override
	public String toString() {
		return this.method.toString();
	}

}
