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
package io.github.tasklens.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/**
 * Where a {@code ForkJoinPool}, and {@code CompletableFuture} when it starts a thread per
 * task, reach tasklens. As {@link TaskBridge}: JDK types only, and nothing thrown into
 * the JDK's code.
 *
 * @author tasklens authors
 */
public final class ForkJoinBridge {

	private ForkJoinBridge() {
	}

	/**
	 * A fork-join pool's constructor has finished. The scheduler of virtual threads is
	 * passed over: its tasks are the threads' continuations, and a virtual thread is
	 * tracked as a thread.
	 * @param pool the pool
	 */
	public static void forkJoinCreated(ForkJoinPool pool) {
		try {
			if (Creators.madeBy("java.lang.VirtualThread")) {
				TaskBridge.passOver(pool);
				return;
			}
			TaskBridge.rememberCreator(pool);
			Tracker current = TaskBridge.tracker();
			if (current != null) {
				current.forkJoinCreated(pool);
			}
		}
		catch (Throwable ex) {
			// the pool is made as it would be without tasklens
		}
	}

	/**
	 * Return what a fork-join pool runs in place of a task handed to it from outside
	 * ({@code execute} or {@code submit}; its own forks are not handed over).
	 * @param pool the pool
	 * @param task the task
	 * @param inFuture whether the pool wraps it in a future that keeps its failure
	 * ({@code submit})
	 * @return the tracked task, or the task itself
	 */
	public static Runnable forkJoin(ForkJoinPool pool, Runnable task, boolean inFuture) {
		Tracker current = TaskBridge.tracker();
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.forkJoin(pool, task, inFuture);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * Return what a fork-join pool calls in place of a callable handed to it.
	 * @param pool the pool
	 * @param task the callable
	 * @return the tracked task, or the callable itself
	 */
	public static Callable<?> forkJoinCallable(ForkJoinPool pool, Callable<?> task) {
		Tracker current = TaskBridge.tracker();
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.forkJoinCallable(pool, task);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * Return what {@code CompletableFuture} runs on a thread of its own in place of an
	 * async task: it does so, instead of using the common pool, where the common pool's
	 * parallelism is 1.
	 * @param task the task
	 * @return the tracked task, or the task itself
	 */
	public static Runnable threadPerTask(Runnable task) {
		Tracker current = TaskBridge.tracker();
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.threadPerTask(task);
		}
		catch (Throwable ex) {
			return task;
		}
	}

}
