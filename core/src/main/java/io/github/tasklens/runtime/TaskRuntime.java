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
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.bootstrap.TaskBridge;
import io.github.tasklens.bootstrap.Tracker;
import io.github.tasklens.executor.InPlaceTracking;
import io.github.tasklens.executor.JdkExecutorTracking;
import io.github.tasklens.metrics.TaskMeterBinder;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.timebox.TimeBoxPolicy;
import io.github.tasklens.timebox.Watchdog;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

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

	private final @Nullable Tracker agentTracker;

	private final @Nullable Tracker replacedTracker;

	private final TasksJmx.@Nullable Registration mxBean;

	private TaskRuntime(Builder builder) {
		this.registry = new LiveTaskRegistry(builder.maxTracked);
		List<TaskHook> hooks = List.copyOf(builder.hooks);
		this.chain = TaskChain.builder(this.registry)
			.hooks(() -> hooks)
			.staticLabels(builder.staticLabels)
			.timeBoxes(builder.timeBoxes)
			.capture(builder.propagateContext ? new ContextCapture() : null)
			.labelMdc((builder.mdcPrefix != null) ? new LabelMdc(builder.mdcPrefix) : null)
			.build();
		if (builder.serveAgent && TaskBridge.attached()) {
			this.agentTracker = new InPlaceTracking(this.chain, builder.agentNames, builder.maxAgentNames);
			this.replacedTracker = TaskBridge.install(this.agentTracker);
		}
		else {
			this.agentTracker = null;
			this.replacedTracker = null;
		}
		if (builder.meters != null) {
			new TaskMeterBinder(this.chain.series(), this.registry, TaskRuntime::jdkPool).bindTo(builder.meters);
		}
		this.watchdog = new Watchdog(this.registry, builder.timeBoxes, builder.checkInterval, this.chain::overdue);
		this.watchdog.start();
		this.mxBean = builder.jmx
				? new TasksJmx.Registration(this.registry, builder.jmxShowsValues, builder.jmxInBackground) : null;
	}

	private static @Nullable ExecutorService jdkPool(Object executor) {
		return (executor instanceof ThreadPoolExecutor || executor instanceof ForkJoinPool) ? (ExecutorService) executor
				: null;
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
		return (ScheduledExecutorService) tracked(name, executor);
	}

	/**
	 * Track the tasks of an executor service. A {@code ThreadPoolExecutor} comes back as
	 * one that forwards to it and keeps its contracts.
	 * @param name the executor's name, as tasks and meters show it
	 * @param executor the executor
	 * @return the tracked executor
	 */
	public ExecutorService track(String name, ExecutorService executor) {
		return (ExecutorService) tracked(name, executor);
	}

	/**
	 * Track the tasks of a plain executor.
	 * @param name the executor's name, as tasks and meters show it
	 * @param executor the executor
	 * @return the tracked executor
	 */
	public Executor track(String name, Executor executor) {
		return tracked(name, executor);
	}

	private Executor tracked(String name, Executor executor) {
		JdkExecutorTracking.Tracked tracked = JdkExecutorTracking.track(executor, name, this.chain);
		this.registry.executors().decorated(name, tracked.how(), executor);
		return tracked.executor();
	}

	/**
	 * Stop the watchdog. Tracked executors keep running their tasks; they are the
	 * caller's to shut down.
	 */
	@Override
	public void close() {
		if (this.agentTracker != null) {
			TaskBridge.uninstall(this.agentTracker, this.replacedTracker);
		}
		if (this.mxBean != null) {
			this.mxBean.close();
		}
		this.watchdog.close();
	}

	/**
	 * Return whether Micrometer's context-propagation is on the class path.
	 */
	static boolean contextPropagationPresent() {
		try {
			Class.forName("io.micrometer.context.ContextSnapshot", false, TaskRuntime.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
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

		private boolean propagateContext;

		private @Nullable String mdcPrefix;

		private @Nullable MeterRegistry meters;

		private boolean serveAgent = true;

		private Map<String, String> agentNames = Map.of();

		private int maxAgentNames = InPlaceTracking.DEFAULT_MAX_NAMES;

		private boolean jmx;

		private boolean jmxShowsValues;

		private boolean jmxInBackground;

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
		 * Carry the submitter's context into each task: the MDC, and every
		 * {@code ThreadLocalAccessor} of Micrometer's context-propagation (tracing, the
		 * app's own), which must then be on the class path.
		 * @return this builder
		 * @throws IllegalStateException when context-propagation is not on the class path
		 */
		public Builder propagateContext() {
			if (!contextPropagationPresent()) {
				throw new IllegalStateException("propagateContext() needs io.micrometer:context-propagation "
						+ "on the class path; add it, or leave propagateContext() out");
			}
			this.propagateContext = true;
			return this;
		}

		/**
		 * Put each task's labels into the MDC while it runs, each key with a prefix.
		 * @param prefix the prefix of the MDC keys, for example {@code "task."}
		 * @return this builder
		 */
		public Builder labelsInMdc(String prefix) {
			this.mdcPrefix = prefix;
			return this;
		}

		/**
		 * Count the tasks in Micrometer meters ({@code tasks.submitted},
		 * {@code tasks.run}, …, tagged by executor and task name) and measure the JDK
		 * pools tracked.
		 * @param registry the meter registry
		 * @return this builder
		 */
		public Builder meters(MeterRegistry registry) {
			this.meters = registry;
			return this;
		}

		/**
		 * Set whether this runtime tracks the pools the tasklens agent reaches (those no
		 * code hands it): when the agent is attached, the runtime built last serves them
		 * until it closes. On by default.
		 * @param serveAgent whether to serve the agent
		 * @return this builder
		 */
		public Builder serveAgent(boolean serveAgent) {
			this.serveAgent = serveAgent;
			return this;
		}

		/**
		 * Set the names of the pools and threads the agent reaches.
		 * @param names the names to show, by the simple name of the class that creates a
		 * pool or starts a thread (the name it gets otherwise)
		 * @param maxNames how many distinct names at most, at least 1; pools beyond share
		 * {@value InPlaceTracking#OTHER}
		 * @return this builder
		 */
		public Builder agentNames(Map<String, String> names, int maxNames) {
			if (maxNames < 1) {
				throw new IllegalArgumentException("Invalid maxNames " + maxNames + ": at least 1 is allowed");
			}
			this.agentNames = Map.copyOf(names);
			this.maxAgentNames = maxNames;
			return this;
		}

		/**
		 * Show the live tasks over JMX while the runtime runs, as
		 * {@value TasksMXBean#OBJECT_NAME} ({@link TasksMXBean}); when another runtime
		 * holds that name, this one says so at WARN and goes without.
		 * @param showValues whether the dump shows label values, or hides each
		 * @return this builder
		 */
		public Builder jmx(boolean showValues) {
			this.jmx = true;
			this.jmxShowsValues = showValues;
			return this;
		}

		/**
		 * Register the MXBean on a daemon thread of its own, so that starting the
		 * platform MBean server (about 0.1 s where nothing else has) does not delay the
		 * app: for the agent's runtime, which starts before {@code main}.
		 * @return this builder
		 */
		Builder jmxInBackground() {
			this.jmxInBackground = true;
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
