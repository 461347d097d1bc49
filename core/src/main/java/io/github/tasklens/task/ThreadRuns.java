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

import org.jspecify.annotations.Nullable;

/**
 * Runs of tasks whose body runs outside tasklens's hands: a platform thread's own run,
 * between the entry and the exit of the instrumented {@code Thread.run()}. The run is
 * begun and ended as any other, but the body is not called here, and what it throws goes
 * on as it would without tasklens.
 *
 * @author tasklens authors
 */
public final class ThreadRuns {

	private ThreadRuns() {
	}

	/**
	 * Begin a run of a task on the current thread.
	 * @param task the task
	 * @return what {@link #end} takes, or {@code null} when the task will not run
	 */
	public static @Nullable Object begin(TrackedTask task) {
		return TaskRun.enter(task);
	}

	/**
	 * End a run begun with {@link #begin}.
	 * @param run what {@link #begin} returned
	 * @param thrown what the body threw, or {@code null}
	 */
	public static void end(Object run, @Nullable Throwable thrown) {
		((TaskRun) run).exit(thrown);
	}

	/**
	 * Put the labels of a run's task, renamed while it runs, in place on its thread.
	 * @param run what {@link #begin} returned
	 */
	static void relabeled(Object run) {
		((TaskRun) run).relabeled();
	}

}
