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

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.task.TrackingTaskDecorator;

import org.jspecify.annotations.Nullable;

/**
 * An {@link ExecutorService} bean with the chain in front of it. {@code submit},
 * {@code invokeAll} and {@code invokeAny} reach the pool through {@link #execute}; the
 * lifecycle methods reach the real executor.
 *
 * @author tasklens authors
 */
public class TrackedExecutorService extends AbstractExecutorService implements TrackedExecutors.Wrapper {

	private final ExecutorService delegate;

	private final TrackingTaskDecorator decorator;

	// the delegate's own newTaskFor, when its class (an app's ThreadPoolExecutor, say)
	// overrides AbstractExecutorService's: submit() then returns the delegate's task type
	private final @Nullable Method runnableTaskFor;

	private final @Nullable Method callableTaskFor;

	public TrackedExecutorService(ExecutorService delegate, TrackingTaskDecorator decorator) {
		this.delegate = delegate;
		this.decorator = decorator;
		this.runnableTaskFor = TrackedExecutors.ownTaskFactory(delegate, Runnable.class, Object.class);
		this.callableTaskFor = TrackedExecutors.ownTaskFactory(delegate, Callable.class);
	}

	@Override
	protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
		Method own = this.runnableTaskFor;
		return (own != null) ? TrackedExecutors.newTask(own, this.delegate, runnable, value)
				: super.newTaskFor(runnable, value);
	}

	@Override
	protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
		Method own = this.callableTaskFor;
		return (own != null) ? TrackedExecutors.newTask(own, this.delegate, callable) : super.newTaskFor(callable);
	}

	@Override
	public void execute(Runnable command) {
		TrackedExecutors.execute(this.delegate, this.decorator, command);
	}

	@Override
	public Future<?> submit(Runnable task) {
		return TrackedExecutors.named(task, () -> super.submit(task));
	}

	@Override
	public <T> Future<T> submit(Runnable task, T result) {
		return TrackedExecutors.named(task, () -> super.submit(task, result));
	}

	@Override
	public <T> Future<T> submit(Callable<T> task) {
		return TrackedExecutors.named(task, () -> super.submit(task));
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
	public boolean isTerminated() {
		return this.delegate.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.delegate.awaitTermination(timeout, unit);
	}

	/**
	 * Close the real executor: {@code close()} where it has one (Java 19+), otherwise
	 * shut it down and wait for its tasks.
	 */
	public void close() {
		TrackedExecutors.close(this.delegate);
	}

	@Override
	public ExecutorService delegate() {
		return this.delegate;
	}

	TrackingTaskDecorator decorator() {
		return this.decorator;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
