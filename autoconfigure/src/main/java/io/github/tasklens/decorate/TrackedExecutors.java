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

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.tasklens.metrics.RejectReason;

/**
 * What the executor wrappers share: handing a task over through the chain, and the
 * bookkeeping for tasks an executor refuses or returns unrun.
 *
 * @author tasklens authors
 */
final class TrackedExecutors {

	private TrackedExecutors() {
	}

	static void execute(Executor delegate, TrackingTaskDecorator decorator, Runnable command) {
		Runnable decorated = decorator.decorate(command);
		try {
			delegate.execute(decorated);
		}
		catch (RejectedExecutionException ex) {
			TrackingTaskDecorator.rejected(decorated);
			throw ex;
		}
	}

	static <F extends Future<?>> F schedule(TrackingTaskDecorator decorator, Runnable command, boolean periodic,
			Function<Runnable, F> schedule) {
		Runnable decorated = periodic ? decorator.decoratePeriodic(command) : decorator.decorateInFuture(command);
		F future;
		try {
			future = schedule.apply(decorated);
		}
		catch (RejectedExecutionException ex) {
			TrackingTaskDecorator.rejected(decorated);
			throw ex;
		}
		TrackingTaskDecorator.attach(decorated, future);
		return future;
	}

	static <V, F extends Future<V>> F scheduleCallable(TrackingTaskDecorator decorator, Callable<V> callable,
			Function<Callable<V>, F> schedule) {
		TrackedTask task = decorator.decorateCallable(callable);
		F future;
		try {
			@SuppressWarnings("unchecked")
			Callable<V> tracked = (Callable<V>) (Callable<?>) task;
			future = schedule.apply(tracked);
		}
		catch (RejectedExecutionException ex) {
			task.reject(RejectReason.EXECUTOR);
			throw ex;
		}
		task.probe(future);
		return future;
	}

	/**
	 * Submit with the task's own name announced, so the decorator need not read it from
	 * the {@code FutureTask} the executor wraps it in.
	 * @param <T> the result type
	 * @param task the submitted task
	 * @param submission the submission
	 * @return what the submission returned
	 */
	static <T> T named(Object task, Supplier<T> submission) {
		Submissions.Token token = Submissions.nameIfAbsent(task);
		try {
			return submission.get();
		}
		finally {
			Submissions.restore(token);
		}
	}

	static void close(ExecutorService executor) {
		if (executor instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return;
		}
		executor.shutdown();
		boolean interrupted = false;
		while (!executor.isTerminated()) {
			try {
				executor.awaitTermination(1, TimeUnit.DAYS);
			}
			catch (InterruptedException ex) {
				if (!interrupted) {
					executor.shutdownNow();
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	static List<Runnable> unrun(List<Runnable> tasks) {
		for (Runnable task : tasks) {
			TrackingTaskDecorator.dropped(task);
		}
		return tasks;
	}

	/**
	 * An executor bean that tasklens wrapped.
	 */
	interface Wrapper {

		/**
		 * Return the executor the wrapper forwards to.
		 * @return the wrapped executor
		 */
		Executor delegate();

	}

}
