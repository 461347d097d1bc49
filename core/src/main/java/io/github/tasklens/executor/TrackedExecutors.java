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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.tasklens.metrics.RejectReason;
import io.github.tasklens.task.Submissions;
import io.github.tasklens.task.TrackedTask;
import io.github.tasklens.task.TrackingTaskDecorator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the executor wrappers share: handing a task over through the chain, and the
 * bookkeeping for tasks an executor refuses or returns unrun.
 *
 * @author tasklens authors
 */
public final class TrackedExecutors {

	private static final Logger logger = LoggerFactory.getLogger(TrackedExecutors.class);

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

	/**
	 * End the tasks an executor returned unrun, and return the app's tasks they stand
	 * for, as the executor would without tasklens.
	 * @param tasks what the executor's {@code shutdownNow()} returned
	 * @return the app's tasks
	 */
	static List<Runnable> unrun(List<Runnable> tasks) {
		List<Runnable> appTasks = new ArrayList<>(tasks.size());
		for (Runnable task : tasks) {
			TrackingTaskDecorator.dropped(task);
			appTasks.add(TaskQueueView.appTask(task));
		}
		return appTasks;
	}

	/**
	 * Return the {@code newTaskFor} method that an executor's own class declares, over
	 * {@code AbstractExecutorService}'s, made callable.
	 * @param executor the executor
	 * @param parameterTypes the method's parameter types
	 * @return the method, or {@code null} when the class keeps the JDK's or it cannot be
	 * called (one WARN: {@code submit()} then returns a plain {@code FutureTask})
	 */
	static @Nullable Method ownTaskFactory(Executor executor, Class<?>... parameterTypes) {
		for (Class<?> type = executor.getClass(); type != null
				&& !type.getName().startsWith("java."); type = type.getSuperclass()) {
			try {
				Method method = type.getDeclaredMethod("newTaskFor", parameterTypes);
				method.setAccessible(true);
				return method;
			}
			catch (NoSuchMethodException ex) {
				// look in the superclass
			}
			catch (RuntimeException ex) {
				logger.warn("tasklens cannot call {}.newTaskFor ({}): submit() on it returns a plain FutureTask",
						type.getName(), ex.toString());
				return null;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	static <T> RunnableFuture<T> newTask(Method taskFactory, Executor executor, Object... arguments) {
		try {
			return (RunnableFuture<T>) taskFactory.invoke(executor, arguments);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An executor bean that tasklens wrapped.
	 */
	public interface Wrapper {

		/**
		 * Return the executor the wrapper forwards to.
		 * @return the wrapped executor
		 */
		Executor delegate();

	}

}
