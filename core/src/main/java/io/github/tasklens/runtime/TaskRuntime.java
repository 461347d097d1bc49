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

package io.github.tasklens.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.executor.TrackedExecutor;
import io.github.tasklens.executor.TrackedExecutorService;
import io.github.tasklens.executor.TrackedScheduledExecutorService;
import io.github.tasklens.executor.TrackedScheduledThreadPoolExecutor;
import io.github.tasklens.executor.TrackedThreadPoolExecutor;
import io.github.tasklens.executor.TrackingRejectedExecutionHandler;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.timebox.TimeBoxPolicy;
import io.github.tasklens.timebox.Watchdog;

/**
 * One tasklens runtime, started and stopped without Spring: a registry of live tasks, the
 * chain every tracked task passes, and the watchdog of time boxes. A plain {@code main},
 * a test or an agent builds one; a Spring application context builds its own from
 * properties. Nothing of it is static: two runtimes in one JVM see only their own tasks.
 *
 * @author tasklens authors
 */
public final class TaskRuntime implements AutoCloseable {

	private final LiveTaskRegistry registry;

	private final TaskChain chain;

	private final Watchdog watchdog;

	private TaskRuntime(Builder builder) {
		this.registry = new LiveTaskRegistry(builder.maxTracked);
		List<TaskHook> hooks = List.copyOf(builder.hooks);
		this.chain = TaskChain.builder(this.registry)
			.hooks(() -> hooks)
			.staticLabels(builder.staticLabels)
			.timeBoxes(builder.timeBoxes)
			.build();
		this.watchdog = new Watchdog(this.registry, builder.timeBoxes, builder.checkInterval, this.chain::overdue);
		this.watchdog.start();
	}

	/**
	 * Start building a runtime.
	 * @return a builder with the defaults: no hooks, no static labels, no time boxes
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the live tasks of this runtime.
	 * @return the registry
	 */
	public TaskRegistry registry() {
		return this.registry;
	}

	/**
	 * Track the tasks of a scheduled executor service. A
	 * {@code ScheduledThreadPoolExecutor} comes back as one that forwards to it and keeps
	 * its contracts.
	 * @param name the executor's name, as tasks and meters show it
	 * @param executor the executor
	 * @return the tracked executor
	 */
	public ScheduledExecutorService track(String name, ScheduledExecutorService executor) {
		if (executor.getClass() == ScheduledThreadPoolExecutor.class) {
			return tracked(name, "forwarding ScheduledThreadPoolExecutor", executor,
					new TrackedScheduledThreadPoolExecutor((ScheduledThreadPoolExecutor) executor,
							this.chain.decorator(name, null, executor::isTerminated)));
		}
		return tracked(name, "wrapper of ScheduledExecutorService", executor, new TrackedScheduledExecutorService(
				executor, this.chain.decorator(name, null, executor::isTerminated)));
	}

	/**
	 * Track the tasks of an executor service. A {@code ThreadPoolExecutor} comes back as
	 * one that forwards to it and keeps its contracts.
	 * @param name the executor's name, as tasks and meters show it
	 * @param executor the executor
	 * @return the tracked executor
	 */
	public ExecutorService track(String name, ExecutorService executor) {
		if (executor instanceof ScheduledExecutorService scheduled) {
			return track(name, scheduled);
		}
		if (executor.getClass() == ThreadPoolExecutor.class) {
			return tracked(name, "forwarding ThreadPoolExecutor", executor, new TrackedThreadPoolExecutor(
					(ThreadPoolExecutor) executor, this.chain.decorator(name, null, executor::isTerminated)));
		}
		if (executor instanceof ThreadPoolExecutor pool) {
			// a subclass: its rejection handler keeps the tracked task exact
			TrackingRejectedExecutionHandler.install(pool, pool);
		}
		return tracked(name, "wrapper of ExecutorService", executor,
				new TrackedExecutorService(executor, this.chain.decorator(name, null, executor::isTerminated)));
	}

	/**
	 * Track the tasks of a plain executor.
	 * @param name the executor's name, as tasks and meters show it
	 * @param executor the executor
	 * @return the tracked executor
	 */
	public Executor track(String name, Executor executor) {
		if (executor instanceof ExecutorService service) {
			return track(name, service);
		}
		return tracked(name, "wrapper of Executor", executor,
				new TrackedExecutor(executor, this.chain.decorator(name, null, () -> false)));
	}

	private <E extends Executor> E tracked(String name, String how, Executor executor, E wrapper) {
		this.registry.executorDecorated(name, how, executor);
		return wrapper;
	}

	/**
	 * Stop the watchdog. Tracked executors keep running their tasks; they are the
	 * caller's to shut down.
	 */
	@Override
	public void close() {
		this.watchdog.close();
	}

	/**
	 * Builds a {@link TaskRuntime}.
	 */
	public static final class Builder {

		private final List<TaskHook> hooks = new ArrayList<>();

		private TaskLabels staticLabels = TaskLabels.empty();

		private TimeBoxPolicy timeBoxes = TimeBoxPolicy.NONE;

		private Duration checkInterval = Duration.ofSeconds(1);

		private int maxTracked = LiveTaskRegistry.DEFAULT_MAX_TRACKED;

		private Builder() {
		}

		/**
		 * Add a hook, called after those added before it.
		 * @param hook the hook
		 * @return this builder
		 */
		public Builder hook(TaskHook hook) {
			this.hooks.add(hook);
			return this;
		}

		/**
		 * Set labels that every task carries.
		 * @param labels the labels
		 * @return this builder
		 */
		public Builder staticLabels(TaskLabels labels) {
			this.staticLabels = labels;
			return this;
		}

		/**
		 * Set the time boxes, and how often the watchdog checks them.
		 * @param timeBoxes which time box each task gets
		 * @param checkInterval the time between two checks
		 * @return this builder
		 */
		public Builder timeBoxes(TimeBoxPolicy timeBoxes, Duration checkInterval) {
			if (checkInterval.isNegative() || checkInterval.isZero()) {
				throw new IllegalArgumentException(
						"Invalid checkInterval " + checkInterval + ": a positive duration is allowed");
			}
			this.timeBoxes = timeBoxes;
			this.checkInterval = checkInterval;
			return this;
		}

		/**
		 * Set how many live tasks the registry lists at most; more are counted, not
		 * listed.
		 * @param maxTracked 0 or more
		 * @return this builder
		 */
		public Builder maxTracked(int maxTracked) {
			if (maxTracked < 0) {
				throw new IllegalArgumentException("Invalid maxTracked " + maxTracked + ": 0 or more is allowed");
			}
			this.maxTracked = maxTracked;
			return this;
		}

		/**
		 * Build the runtime and start its watchdog.
		 * @return the runtime, to close when done
		 */
		public TaskRuntime build() {
			return new TaskRuntime(this);
		}

	}

}
