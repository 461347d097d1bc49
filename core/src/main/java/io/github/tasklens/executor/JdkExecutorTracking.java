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

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BooleanSupplier;

import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.TrackingTaskDecorator;

/**
 * How an executor of the JDK's kinds is tracked, chosen by its type: a
 * {@code ThreadPoolExecutor} or {@code ScheduledThreadPoolExecutor} of exactly that class
 * comes back as one that forwards to it and keeps its contracts; any other executor is
 * wrapped in its most specific interface, and a subclass of {@code ThreadPoolExecutor}
 * also gets the rejection handler that keeps its tracked tasks exact. Spring adopting a
 * bean and a runtime tracking an executor choose alike.
 *
 * @author tasklens authors
 */
public final class JdkExecutorTracking {

	private JdkExecutorTracking() {
	}

	/**
	 * Return whether an executor is tracked by a forwarding pool of its own class, which
	 * serves wherever the executor's class is declared.
	 * @param executor an executor
	 * @return whether it is exactly a {@code ThreadPoolExecutor} or
	 * {@code ScheduledThreadPoolExecutor}
	 */
	public static boolean forwards(Object executor) {
		return executor.getClass() == ThreadPoolExecutor.class
				|| executor.getClass() == ScheduledThreadPoolExecutor.class;
	}

	/**
	 * Track an executor's tasks.
	 * @param executor the executor
	 * @param name its name, as tasks and meters show it
	 * @param chain the chain its tasks pass
	 * @return what replaces the executor, and how it was tracked
	 */
	public static Tracked track(Executor executor, String name, TaskChain chain) {
		BooleanSupplier terminated = (executor instanceof ExecutorService service) ? service::isTerminated
				: () -> false;
		return track(executor, chain.decorator(name, null, terminated));
	}

	/**
	 * Track an executor's tasks with a decorator that others may share: several pools
	 * under one name (the executors a Reactor scheduler makes and drops over its life).
	 * @param executor the executor
	 * @param decorator the decorator of its name
	 * @return what replaces the executor, and how it was tracked
	 */
	public static Tracked track(Executor executor, TrackingTaskDecorator decorator) {
		if (executor.getClass() == ThreadPoolExecutor.class) {
			return new Tracked(new TrackedThreadPoolExecutor((ThreadPoolExecutor) executor, decorator),
					"forwarding ThreadPoolExecutor");
		}
		if (executor.getClass() == ScheduledThreadPoolExecutor.class) {
			return new Tracked(
					new TrackedScheduledThreadPoolExecutor((ScheduledThreadPoolExecutor) executor, decorator),
					"forwarding ScheduledThreadPoolExecutor");
		}
		if (executor instanceof ThreadPoolExecutor pool) {
			// a subclass: its rejection handler keeps the tracked task exact
			TrackingRejectedExecutionHandler.install(pool, pool);
		}
		if (executor instanceof ScheduledExecutorService scheduled) {
			return new Tracked(new TrackedScheduledExecutorService(scheduled, decorator),
					"wrapper of ScheduledExecutorService");
		}
		if (executor instanceof ExecutorService service) {
			return new Tracked(new TrackedExecutorService(service, decorator), "wrapper of ExecutorService");
		}
		return new Tracked(new TrackedExecutor(executor, decorator), "wrapper of Executor");
	}

	/**
	 * What replaces a tracked executor.
	 *
	 * @param executor the tracked executor, of the same interfaces (and, when it
	 * {@link #forwards forwards}, the same class)
	 * @param how how it was tracked, as the endpoint shows it
	 */
	public record Tracked(Executor executor, String how) {
	}

}
