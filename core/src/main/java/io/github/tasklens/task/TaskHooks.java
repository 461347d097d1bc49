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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskHook hooks}, called in order (in reverse when a run finishes). A
 * hook that throws never affects the task: it is counted and logged at most once a
 * minute; only a veto at submission ({@link RejectedExecutionException}) goes through.
 *
 * @author tasklens authors
 */
final class TaskHooks {

	// the chain's logger: what a hook's failure logs is named as it always was
	private static final Logger logger = LoggerFactory.getLogger(TaskChain.class);

	private final Supplier<List<TaskHook>> supplier;

	private volatile TaskHook @Nullable [] hooks;

	private final Map<TaskHook, LogLimit> failures = new ConcurrentHashMap<>();

	TaskHooks(Supplier<List<TaskHook>> supplier) {
		this.supplier = supplier;
	}

	/**
	 * Tell the hooks of a submission.
	 * @param task the task
	 * @throws RejectedExecutionException when a hook vetoes it
	 */
	void submitted(TaskInfo task) {
		for (TaskHook hook : hooks()) {
			try {
				hook.onSubmit(task);
			}
			catch (RejectedExecutionException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				failed(hook, "onSubmit", task, ex);
			}
		}
	}

	void started(TaskInfo task) {
		for (TaskHook hook : hooks()) {
			try {
				hook.onStart(task);
			}
			catch (Throwable ex) {
				failed(hook, "onStart", task, ex);
			}
		}
	}

	void finished(TaskInfo task, @Nullable Throwable failure) {
		TaskHook[] all = hooks();
		for (int i = all.length - 1; i >= 0; i--) {
			try {
				all[i].onFinish(task, failure);
			}
			catch (Throwable ex) {
				failed(all[i], "onFinish", task, ex);
			}
		}
	}

	void overdue(TaskInfo task) {
		for (TaskHook hook : hooks()) {
			try {
				hook.onOverdue(task);
			}
			catch (Throwable ex) {
				failed(hook, "onOverdue", task, ex);
			}
		}
	}

	/**
	 * Return how often a hook has thrown.
	 * @param hook a hook
	 * @return the number of failures
	 */
	long failures(TaskHook hook) {
		LogLimit found = this.failures.get(hook);
		return (found != null) ? found.total() : 0;
	}

	private TaskHook[] hooks() {
		TaskHook[] current = this.hooks;
		if (current == null) {
			current = this.supplier.get().toArray(new TaskHook[0]);
			this.hooks = current;
		}
		return current;
	}

	private void failed(TaskHook hook, String phase, TaskInfo task, Throwable ex) {
		long count = this.failures.computeIfAbsent(hook, (key) -> new LogLimit()).count();
		if (count > 0) {
			logger.warn(
					"TaskHook {} threw in {} for task {} '{}' on executor '{}' ({} failure(s) so far; "
							+ "logged at most once a minute); the task is not affected",
					hook.getClass().getName(), phase, task.id(), task.name(), task.executor(), count, ex);
		}
	}

}
