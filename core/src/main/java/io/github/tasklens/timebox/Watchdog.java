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

package io.github.tasklens.timebox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.PeriodicCheck;
import io.github.tasklens.registry.RegistryEntry;
import io.github.tasklens.registry.Texts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds tasks past their time box while they still run: one thread per application
 * context checks every live task at a fixed interval. A task found past part of its time
 * box is reported once for it: logged at WARN with its labels (and the stack of its
 * thread, when running), and passed to the given listener; past {@code interrupt-after},
 * its thread is interrupted, once.
 *
 * @author tasklens authors
 */
public final class Watchdog implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger("io.github.tasklens.TaskTimeBox");

	private final LiveTaskRegistry registry;

	private final TimeBoxPolicy policy;

	private final Consumer<TaskInfo> onOverdue;

	private final List<RegistryEntry> found = new ArrayList<>();

	private final List<Integer> events = new ArrayList<>();

	private final PeriodicCheck checking;

	/**
	 * Create a watchdog; {@link #start()} starts its thread.
	 * @param registry the live tasks
	 * @param policy the time boxes, to know whether any task has one
	 * @param interval how often to check
	 * @param onOverdue called for each task newly found overdue, on the watchdog's thread
	 */
	public Watchdog(LiveTaskRegistry registry, TimeBoxPolicy policy, Duration interval, Consumer<TaskInfo> onOverdue) {
		this.registry = registry;
		this.policy = policy;
		this.onOverdue = onOverdue;
		this.checking = new PeriodicCheck("tasklens-watchdog", interval, this::check, logger,
				"The time box check failed; the next one runs as planned");
	}

	/**
	 * Start checking, on a daemon thread named {@code tasklens-watchdog}.
	 */
	public void start() {
		this.checking.start();
	}

	/**
	 * Drop the live tasks that can never run again, then check every live task now, and
	 * report what is newly overdue.
	 * @return how many tasks newly passed part of their time box
	 */
	public synchronized int check() {
		this.registry.sweep();
		if (!this.policy.isUsed()) {
			return 0;
		}
		long now = System.nanoTime();
		this.registry.checkEach((task) -> (task instanceof TimeBoxed boxed) ? boxed.checkTimeBox(now) : 0, this.found,
				this.events);
		int count = this.found.size();
		try {
			for (int i = 0; i < count; i++) {
				report(this.found.get(i), this.events.get(i));
			}
		}
		finally {
			this.found.clear();
			this.events.clear();
		}
		return count;
	}

	private void report(RegistryEntry task, int passed) {
		TimeBoxed boxed = (TimeBoxed) task;
		TaskTimeBox box = boxed.timeBox();
		if ((passed & TimeBoxed.QUEUE_OVERDUE) != 0) {
			logger.warn("Task {} '{}' on executor '{}' is overdue: queued for {}, past its queue-warn-after of {} {}",
					task.id(), task.name(), task.executor(), since(task.submittedAt()), text(box.queueWarnAfter()),
					task.labels());
			overdue(task);
		}
		if ((passed & TimeBoxed.OVERDUE) != 0) {
			Thread running = task.thread();
			StackTraceElement[] stack = (running != null) ? running.getStackTrace() : new StackTraceElement[0];
			Duration warnAfter = box.warnAfter();
			logger.warn("Task {} '{}' on executor '{}' is overdue: running for {} {}, past its {} of {} {}{}",
					task.id(), task.name(), task.executor(), since(task.startedAt()),
					// a reactive request's task runs on no thread of its own
					(running != null) ? "on thread '" + running.getName() + "'" : "bound to no thread",
					(warnAfter != null) ? "warn-after" : "interrupt-after",
					text((warnAfter != null) ? warnAfter : box.interruptAfter()), task.labels(), format(stack));
			overdue(task);
		}
		if ((passed & TimeBoxed.INTERRUPT) != 0 && boxed.interruptOverdueRun()) {
			logger.warn("Task {} '{}' on executor '{}' interrupted: running for {}, past its interrupt-after of {} {}",
					task.id(), task.name(), task.executor(), since(task.startedAt()), text(box.interruptAfter()),
					task.labels());
		}
	}

	private void overdue(RegistryEntry task) {
		try {
			this.onOverdue.accept(task);
		}
		catch (RuntimeException ex) {
			logger.warn("Reporting overdue task {} failed", task.id(), ex);
		}
	}

	private static String since(@Nullable Instant instant) {
		return (instant != null) ? Texts.duration(Duration.between(instant, Instant.now())) : "?";
	}

	private static String text(@Nullable Duration duration) {
		return (duration != null) ? Texts.duration(duration) : "?";
	}

	private static String format(StackTraceElement[] stack) {
		StringBuilder out = new StringBuilder();
		for (StackTraceElement frame : stack) {
			out.append(System.lineSeparator()).append("\tat ").append(Texts.frame(frame));
		}
		return out.toString();
	}

	/**
	 * Return whether the watchdog's thread is alive.
	 * @return whether it checks
	 */
	public boolean isRunning() {
		return this.checking.isRunning();
	}

	/**
	 * Stop checking and wait for the thread to end.
	 */
	@Override
	public void close() {
		this.checking.close();
	}

}
