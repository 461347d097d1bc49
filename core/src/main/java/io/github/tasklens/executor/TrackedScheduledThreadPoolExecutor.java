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

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.task.TrackingTaskDecorator;

/**
 * A {@link ScheduledThreadPoolExecutor} bean with the chain in front of it. It is a
 * {@code ScheduledThreadPoolExecutor} itself, so the bean keeps its type, and forwards
 * every public method to the real pool, whose threads run the tasks; its own (empty) pool
 * never starts a thread. {@code execute}, {@code submit}, {@code invokeAll} and
 * {@code invokeAny} reach the real pool as immediate {@code schedule} calls, as they do
 * on any {@code ScheduledThreadPoolExecutor}.
 *
 * @author tasklens authors
 */
public final class TrackedScheduledThreadPoolExecutor extends ScheduledThreadPoolExecutor
		implements TrackedExecutors.Wrapper {

	private final ScheduledThreadPoolExecutor delegate;

	private final TrackingTaskDecorator decorator;

	private final TaskQueueView queue;

	public TrackedScheduledThreadPoolExecutor(ScheduledThreadPoolExecutor delegate, TrackingTaskDecorator decorator) {
		super(0);
		this.delegate = delegate;
		this.decorator = decorator;
		this.queue = new TaskQueueView(delegate.getQueue(), decorator, true);
		TrackingRejectedExecutionHandler.install(delegate, this);
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
		return TrackedExecutors.schedule(this.decorator, command, false,
				(task) -> this.delegate.schedule(task, delay, unit));
	}

	@Override
	public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
		return TrackedExecutors.scheduleCallable(this.decorator, callable,
				(task) -> this.delegate.schedule(task, delay, unit));
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
		return TrackedExecutors.schedule(this.decorator, command, true,
				(task) -> this.delegate.scheduleAtFixedRate(task, initialDelay, period, unit));
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
		return TrackedExecutors.schedule(this.decorator, command, true,
				(task) -> this.delegate.scheduleWithFixedDelay(task, initialDelay, delay, unit));
	}

	@Override
	public void setContinueExistingPeriodicTasksAfterShutdownPolicy(boolean value) {
		this.delegate.setContinueExistingPeriodicTasksAfterShutdownPolicy(value);
	}

	@Override
	public boolean getContinueExistingPeriodicTasksAfterShutdownPolicy() {
		return this.delegate.getContinueExistingPeriodicTasksAfterShutdownPolicy();
	}

	@Override
	public void setExecuteExistingDelayedTasksAfterShutdownPolicy(boolean value) {
		this.delegate.setExecuteExistingDelayedTasksAfterShutdownPolicy(value);
	}

	@Override
	public boolean getExecuteExistingDelayedTasksAfterShutdownPolicy() {
		return this.delegate.getExecuteExistingDelayedTasksAfterShutdownPolicy();
	}

	@Override
	public void setRemoveOnCancelPolicy(boolean value) {
		this.delegate.setRemoveOnCancelPolicy(value);
	}

	@Override
	public boolean getRemoveOnCancelPolicy() {
		return this.delegate.getRemoveOnCancelPolicy();
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown();
	}

	@Override
	public List<Runnable> shutdownNow() {
		return TrackedExecutors.unrun(this.delegate.shutdownNow());
	}

	@Override
	public boolean isShutdown() {
		return this.delegate.isShutdown();
	}

	@Override
	public boolean isTerminating() {
		return this.delegate.isTerminating();
	}

	@Override
	public boolean isTerminated() {
		return this.delegate.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.delegate.awaitTermination(timeout, unit);
	}

	/**
	 * Close the real pool (Java 19+ {@code ExecutorService.close()} semantics).
	 */
	public void close() {
		TrackedExecutors.close(this.delegate);
	}

	@Override
	public void setThreadFactory(ThreadFactory threadFactory) {
		this.delegate.setThreadFactory(threadFactory);
	}

	@Override
	public ThreadFactory getThreadFactory() {
		return this.delegate.getThreadFactory();
	}

	@Override
	public void setRejectedExecutionHandler(RejectedExecutionHandler handler) {
		if (handler == null) {
			throw new NullPointerException("handler");
		}
		this.delegate.setRejectedExecutionHandler(TrackingRejectedExecutionHandler.wrap(handler, this));
	}

	@Override
	public RejectedExecutionHandler getRejectedExecutionHandler() {
		return TrackingRejectedExecutionHandler.unwrap(this.delegate.getRejectedExecutionHandler());
	}

	@Override
	public void setCorePoolSize(int corePoolSize) {
		this.delegate.setCorePoolSize(corePoolSize);
	}

	@Override
	public int getCorePoolSize() {
		return this.delegate.getCorePoolSize();
	}

	@Override
	public boolean prestartCoreThread() {
		return this.delegate.prestartCoreThread();
	}

	@Override
	public int prestartAllCoreThreads() {
		return this.delegate.prestartAllCoreThreads();
	}

	@Override
	public boolean allowsCoreThreadTimeOut() {
		return this.delegate.allowsCoreThreadTimeOut();
	}

	@Override
	public void allowCoreThreadTimeOut(boolean value) {
		this.delegate.allowCoreThreadTimeOut(value);
	}

	@Override
	public void setMaximumPoolSize(int maximumPoolSize) {
		this.delegate.setMaximumPoolSize(maximumPoolSize);
	}

	@Override
	public int getMaximumPoolSize() {
		return this.delegate.getMaximumPoolSize();
	}

	@Override
	public void setKeepAliveTime(long time, TimeUnit unit) {
		this.delegate.setKeepAliveTime(time, unit);
	}

	@Override
	public long getKeepAliveTime(TimeUnit unit) {
		return this.delegate.getKeepAliveTime(unit);
	}

	@Override
	public BlockingQueue<Runnable> getQueue() {
		return this.queue;
	}

	@Override
	public boolean remove(Runnable task) {
		if (!this.delegate.remove(task)) {
			return false;
		}
		this.queue.takenOut(task);
		return true;
	}

	@Override
	public void purge() {
		this.delegate.purge();
	}

	@Override
	public int getPoolSize() {
		return this.delegate.getPoolSize();
	}

	@Override
	public int getActiveCount() {
		return this.delegate.getActiveCount();
	}

	@Override
	public int getLargestPoolSize() {
		return this.delegate.getLargestPoolSize();
	}

	@Override
	public long getTaskCount() {
		return this.delegate.getTaskCount();
	}

	@Override
	public long getCompletedTaskCount() {
		return this.delegate.getCompletedTaskCount();
	}

	@Override
	public ScheduledThreadPoolExecutor delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
