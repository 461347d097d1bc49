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
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Where a {@code ScheduledThreadPoolExecutor} reaches tasklens, and where any pool says
 * that it took a tracked task or refused it. As {@link TaskBridge}: JDK types only, and
 * nothing thrown into the JDK's code.
 *
 * @author tasklens authors
 */
public final class ScheduledBridge {

	private ScheduledBridge() {
	}

	/**
	 * Return what a scheduled pool schedules in place of a task handed to it.
	 * @param pool the pool
	 * @param task the task
	 * @param periodic whether it runs at a fixed rate or with a fixed delay
	 * @return the tracked task, or the task itself
	 */
	public static Runnable schedule(ScheduledThreadPoolExecutor pool, Runnable task, boolean periodic) {
		Tracker current = TaskBridge.tracker();
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.schedule(pool, task, periodic);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * Return what a scheduled pool schedules in place of a callable handed to it.
	 * @param pool the pool
	 * @param task the callable
	 * @return the tracked task, or the callable itself
	 */
	public static Callable<?> scheduleCallable(ScheduledThreadPoolExecutor pool, Callable<?> task) {
		Tracker current = TaskBridge.tracker();
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.scheduleCallable(pool, task);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * A pool has taken a tracked task, or refused it.
	 * @param task what {@link #schedule} or {@link #scheduleCallable} returned
	 * @param future the pool's future of it, or {@code null} when it refused it
	 * @param thrown what the pool threw, or {@code null}
	 */
	public static void scheduled(Object task, Future<?> future, Throwable thrown) {
		Tracker current = TaskBridge.tracker();
		if (current != null && task != null) {
			try {
				current.scheduled(task, future, thrown);
			}
			catch (Throwable ex) {
				// the task stays listed until a sweep finds it can never run
			}
		}
	}

}
