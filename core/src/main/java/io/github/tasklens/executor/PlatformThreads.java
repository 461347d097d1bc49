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

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.registry.VirtualThreads;
import io.github.tasklens.task.Submissions;
import io.github.tasklens.task.ThreadRuns;
import io.github.tasklens.task.TrackedTask;
import io.github.tasklens.task.TrackingTaskDecorator;
import org.jspecify.annotations.Nullable;

/**
 * The platform threads that the app's code starts, each a tracked task from
 * {@code Thread.start()} until its run begins on the thread itself.
 *
 * @author tasklens authors
 */
final class PlatformThreads {

	// weak keys: a thread that never runs Thread's own run() is let go with it
	private final Map<Thread, TrackedTask> starting = Collections.synchronizedMap(new WeakHashMap<>());

	/**
	 * Make the task of a thread being started, on the starting thread.
	 * @param thread the thread
	 * @param decorator the decorator of the name of the code that starts it
	 */
	void starting(Thread thread, TrackingTaskDecorator decorator) {
		if (VirtualThreads.isVirtual(thread)) {
			// its task is tracked when the thread is made
			return;
		}
		Submissions.Token token = Submissions
			.push(Submissions.Intent.named(threadName(thread), TaskLabels.empty(), null));
		try {
			if (decorator.decorate(new ThreadRun(thread)) instanceof TrackedTask task) {
				this.starting.put(thread, task);
			}
		}
		finally {
			Submissions.restore(token);
		}
	}

	/**
	 * Begin the run of a thread's task, on the thread.
	 * @param thread the thread
	 * @return the run, or {@code null} when the thread has no task
	 */
	@Nullable Object running(Thread thread) {
		TrackedTask task = this.starting.remove(thread);
		return (task != null) ? ThreadRuns.begin(task) : null;
	}

	/**
	 * Let go of the task of a thread whose run was not seen to begin: a subclass whose
	 * run overrides Thread's.
	 * @param thread the thread that ends
	 */
	void exited(Thread thread) {
		TrackedTask task = this.starting.remove(thread);
		if (task != null) {
			task.drop();
		}
	}

	private static String threadName(Thread thread) {
		String simple = thread.getClass().getSimpleName();
		return simple.isEmpty() ? "Thread" : simple;
	}

	/**
	 * The run of a platform thread, as the body of its tracked task: the thread runs it
	 * itself.
	 */
	private static final class ThreadRun implements Runnable {

		private final String thread;

		ThreadRun(Thread thread) {
			this.thread = thread.getName();
		}

		@Override
		public void run() {
			throw new UnsupportedOperationException("a thread runs itself");
		}

		@Override
		public String toString() {
			return "thread " + this.thread;
		}

	}

}
