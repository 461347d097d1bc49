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
package io.github.tasklens.decorate;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.TaskState;
import io.github.tasklens.metrics.RejectReason;

/**
 * A pool's {@link RejectedExecutionHandler} with the bookkeeping that the decorator,
 * which runs before the pool refuses a task, cannot do: a task that the pool rejects or
 * discards leaves the registry; one that the policy runs ({@code CallerRunsPolicy}) is
 * tracked as it runs.
 *
 * @author tasklens authors
 */
final class TrackingRejectedExecutionHandler implements RejectedExecutionHandler {

	private final RejectedExecutionHandler delegate;

	private TrackingRejectedExecutionHandler(RejectedExecutionHandler delegate) {
		this.delegate = delegate;
	}

	static void install(ThreadPoolExecutor pool) {
		pool.setRejectedExecutionHandler(wrap(pool.getRejectedExecutionHandler()));
	}

	static RejectedExecutionHandler wrap(RejectedExecutionHandler handler) {
		return (handler instanceof TrackingRejectedExecutionHandler) ? handler
				: new TrackingRejectedExecutionHandler(handler);
	}

	static RejectedExecutionHandler unwrap(RejectedExecutionHandler handler) {
		return (handler instanceof TrackingRejectedExecutionHandler tracking) ? tracking.delegate : handler;
	}

	@Override
	public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
		if (!(task instanceof TrackedTask tracked)) {
			this.delegate.rejectedExecution(task, pool);
			return;
		}
		if (this.delegate instanceof ThreadPoolExecutor.DiscardOldestPolicy) {
			discardOldest(tracked, pool);
			return;
		}
		try {
			this.delegate.rejectedExecution(task, pool);
		}
		catch (RuntimeException | Error ex) {
			tracked.reject(RejectReason.EXECUTOR);
			throw ex;
		}
		if (!tracked.ended() && tracked.state() != TaskState.RUNNING && !pool.getQueue().contains(tracked)) {
			// discarded by the policy: it will never run
			tracked.reject(RejectReason.EXECUTOR);
		}
	}

	private void discardOldest(TrackedTask task, ThreadPoolExecutor pool) {
		if (pool.isShutdown()) {
			task.reject(RejectReason.EXECUTOR);
			return;
		}
		Runnable oldest = pool.getQueue().poll();
		if (oldest instanceof TrackedTask discarded) {
			discarded.reject(RejectReason.EXECUTOR);
		}
		pool.execute(task);
	}

}
