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

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.task.TrackedTask;
import org.jspecify.annotations.Nullable;

/**
 * A pool's {@link RejectedExecutionHandler} with the bookkeeping that the decorator,
 * which runs before the pool refuses a task, cannot do. The app's handler sees what it
 * would see without tasklens: the pool the app holds (the bean, not the pool behind it)
 * and the app's own task (not tasklens's wrapper).
 * <p>
 * The JDK's four policies are carried out here, by their specification, on the tracked
 * task: {@code CallerRunsPolicy} runs it tracked on the caller, {@code DiscardPolicy} and
 * {@code AbortPolicy} end it as rejected, {@code DiscardOldestPolicy} ends the oldest
 * queued task and queues this one. Any other handler gets the app's task; unless it puts
 * that task back into the bean's queue ({@code getQueue().put(r)}, the usual way to make
 * a submitter wait), the tracked task ends as rejected, whatever the handler then does
 * with the app's task.
 *
 * @author tasklens authors
 */
public final class TrackingRejectedExecutionHandler implements RejectedExecutionHandler {

	// the task being handed to an app's handler on this thread, so that the bean's queue
	// takes the tracked task back when the handler puts the app's task there
	private static final ThreadLocal<@Nullable Pending> PENDING = new ThreadLocal<>();

	private final RejectedExecutionHandler delegate;

	private final ThreadPoolExecutor bean;

	private TrackingRejectedExecutionHandler(RejectedExecutionHandler delegate, ThreadPoolExecutor bean) {
		this.delegate = delegate;
		this.bean = bean;
	}

	/**
	 * Put the tracking handler around the pool's own.
	 * @param pool the pool that runs the tasks
	 * @param bean the pool the app holds, which the app's handler is given
	 */
	public static void install(ThreadPoolExecutor pool, ThreadPoolExecutor bean) {
		pool.setRejectedExecutionHandler(wrap(pool.getRejectedExecutionHandler(), bean));
	}

	static RejectedExecutionHandler wrap(RejectedExecutionHandler handler, ThreadPoolExecutor bean) {
		if (handler == null) {
			throw new NullPointerException("handler");
		}
		return (handler instanceof TrackingRejectedExecutionHandler) ? handler
				: new TrackingRejectedExecutionHandler(handler, bean);
	}

	static RejectedExecutionHandler unwrap(RejectedExecutionHandler handler) {
		return (handler instanceof TrackingRejectedExecutionHandler tracking) ? tracking.delegate : handler;
	}

	/**
	 * Return the tracked task to queue in place of an app's task that the app's rejection
	 * handler, running on this thread, puts back into the queue.
	 * @param task what the app puts into the queue
	 * @return the tracked task, or {@code null} when the task is not the one rejected
	 */
	static @Nullable TrackedTask requeued(Object task) {
		Pending pending = PENDING.get();
		if (pending == null || pending.tracked.source() != task) {
			return null;
		}
		pending.requeued = true;
		return pending.tracked;
	}

	@Override
	public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
		if (!(task instanceof TrackedTask tracked)) {
			this.delegate.rejectedExecution(task, this.bean);
			return;
		}
		Class<?> policy = this.delegate.getClass();
		if (policy == ThreadPoolExecutor.AbortPolicy.class) {
			tracked.reject(RejectReason.EXECUTOR);
			throw new RejectedExecutionException("Task " + tracked.source() + " rejected from " + this.bean);
		}
		if (policy == ThreadPoolExecutor.DiscardPolicy.class) {
			tracked.reject(RejectReason.EXECUTOR);
			return;
		}
		if (policy == ThreadPoolExecutor.CallerRunsPolicy.class) {
			if (pool.isShutdown()) {
				tracked.reject(RejectReason.EXECUTOR);
			}
			else {
				tracked.run();
			}
			return;
		}
		if (policy == ThreadPoolExecutor.DiscardOldestPolicy.class) {
			if (pool.isShutdown()) {
				tracked.reject(RejectReason.EXECUTOR);
				return;
			}
			Runnable oldest = pool.getQueue().poll();
			if (oldest instanceof TrackedTask discarded) {
				discarded.reject(RejectReason.EXECUTOR);
			}
			pool.execute(tracked);
			return;
		}
		handOver(tracked);
	}

	private void handOver(TrackedTask tracked) {
		Pending pending = new Pending(tracked);
		Pending outer = PENDING.get();
		PENDING.set(pending);
		try {
			this.delegate.rejectedExecution((Runnable) tracked.source(), this.bean);
		}
		catch (RuntimeException | Error ex) {
			tracked.reject(RejectReason.EXECUTOR);
			throw ex;
		}
		finally {
			if (outer != null) {
				PENDING.set(outer);
			}
			else {
				PENDING.remove();
			}
		}
		if (!pending.requeued) {
			tracked.reject(RejectReason.EXECUTOR);
		}
	}

	private static final class Pending {

		private final TrackedTask tracked;

		private boolean requeued;

		Pending(TrackedTask tracked) {
			this.tracked = tracked;
		}

	}

}
