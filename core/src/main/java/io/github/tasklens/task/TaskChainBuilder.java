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
package io.github.tasklens.task;

import java.util.List;
import java.util.function.Supplier;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.limit.InFlightLimits;
import io.github.tasklens.metrics.TaskSeries;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.timebox.TimeBoxPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TaskChain}: what it starts with is what {@link TaskChain#builder} says.
 *
 * @author tasklens authors
 */
public final class TaskChainBuilder {

	final LiveTaskRegistry registry;

	Supplier<List<TaskHook>> hooks = List::of;

	TaskLabels staticLabels = TaskLabels.empty();

	@Nullable LabelMdc mdc;

	@Nullable ContextCapture capture;

	TaskSeries series = TaskSeries.byTaskName();

	boolean recover = true;

	TaskWrappers wrappers = TaskWrappers.NONE;

	boolean logFailures = true;

	boolean submitSite;

	TimeBoxPolicy timeBoxes = TimeBoxPolicy.NONE;

	InFlightLimits limits = InFlightLimits.NONE;

	TaskChainBuilder(LiveTaskRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Set the hooks.
	 * @param hooks the hooks in order, resolved on first use
	 * @return this builder
	 */
	public TaskChainBuilder hooks(Supplier<List<TaskHook>> hooks) {
		this.hooks = hooks;
		return this;
	}

	/**
	 * Set the labels every task gets.
	 * @param staticLabels the labels
	 * @return this builder
	 */
	public TaskChainBuilder staticLabels(TaskLabels staticLabels) {
		this.staticLabels = staticLabels;
		return this;
	}

	/**
	 * Put labels into the MDC while a task runs.
	 * @param mdc where labels go into the MDC, or {@code null} to keep them out of it
	 * @return this builder
	 */
	public TaskChainBuilder labelMdc(@Nullable LabelMdc mdc) {
		this.mdc = mdc;
		return this;
	}

	/**
	 * Carry the submitter's context into each task.
	 * @param capture how the context is carried, or {@code null} not to carry it
	 * @return this builder
	 */
	public TaskChainBuilder capture(@Nullable ContextCapture capture) {
		this.capture = capture;
		return this;
	}

	/**
	 * Set the metric series that tasks are counted in.
	 * @param series the series
	 * @return this builder
	 */
	public TaskChainBuilder series(TaskSeries series) {
		this.series = series;
		return this;
	}

	/**
	 * Set whether an exception thrown by a task run directly on an executor's thread
	 * stops at the chain (after it is logged and counted).
	 * @param recover whether to recover
	 * @return this builder
	 */
	public TaskChainBuilder recover(boolean recover) {
		this.recover = recover;
		return this;
	}

	/**
	 * Set what the chain knows of the wrappers a framework puts around tasks.
	 * @param wrappers the wrappers
	 * @return this builder
	 */
	public TaskChainBuilder wrappers(TaskWrappers wrappers) {
		this.wrappers = wrappers;
		return this;
	}

	/**
	 * Set whether failures are logged, or only counted.
	 * @param logFailures whether to log failures
	 * @return this builder
	 */
	public TaskChainBuilder logFailures(boolean logFailures) {
		this.logFailures = logFailures;
		return this;
	}

	/**
	 * Set whether the top frames of the submitting code are captured with each task.
	 * @param submitSite whether to capture submit sites
	 * @return this builder
	 */
	public TaskChainBuilder submitSite(boolean submitSite) {
		this.submitSite = submitSite;
		return this;
	}

	/**
	 * Set the time boxes of tasks.
	 * @param timeBoxes the time box policy
	 * @return this builder
	 */
	public TaskChainBuilder timeBoxes(TimeBoxPolicy timeBoxes) {
		this.timeBoxes = timeBoxes;
		return this;
	}

	/**
	 * Set the in-flight limits.
	 * @param limits the limits
	 * @return this builder
	 */
	public TaskChainBuilder limits(InFlightLimits limits) {
		this.limits = limits;
		return this;
	}

	/**
	 * Build the chain.
	 * @return the chain
	 */
	public TaskChain build() {
		return new TaskChain(this);
	}

}
