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
 * The run of an {@link InlineTask} bound to no thread: RUNNING from begin to end, with no
 * thread for the inventory to take a stack from or the watchdog to interrupt, and nothing
 * put in force on a thread (labels, MDC, context): its code does that where it runs.
 *
 * @author tasklens authors
 */
final class UnboundRun {

	private final TrackedTask task;

	private final TaskChain chain;

	private final long started;

	private UnboundRun(TrackedTask task, TaskChain chain, long started) {
		this.task = task;
		this.chain = chain;
		this.started = started;
	}

	static @Nullable UnboundRun begin(TrackedTask task) {
		if (task.cancelledBeforeRun() || task.begin() == TaskLifecycle.NOT_RUN) {
			return null;
		}
		TaskChain chain = task.decorator().chain();
		long now = System.nanoTime();
		task.firstRunStarted(now, null);
		UnboundRun run = new UnboundRun(task, chain, now);
		chain.started(task);
		return run;
	}

	void end(@Nullable Throwable thrown) {
		Throwable failure = (thrown != null) ? thrown : this.task.recordedFailure();
		try {
			this.chain.finished(this.task, failure);
		}
		finally {
			TaskRun.end(this.task, this.chain, this.started, null, null, failure, null);
		}
	}

}
