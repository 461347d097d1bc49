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

package io.github.tasklens.boot.actuate;

import java.util.List;

import io.github.tasklens.boot.actuate.TasksDescriptor.ExecutorDescriptor;
import io.github.tasklens.boot.actuate.TasksDescriptor.GroupDescriptor;
import io.github.tasklens.boot.actuate.TasksDescriptor.TaskDescriptor;
import io.github.tasklens.registry.InventorySnapshot.Totals;

/**
 * Writes the endpoint's answer for people: the totals, one line per executor, one block
 * per stack group, then one block per task, as a thread dump reads.
 *
 * @author tasklens authors
 */
final class TaskDump {

	private TaskDump() {
	}

	static String of(TasksDescriptor tasks) {
		StringBuilder out = new StringBuilder();
		Totals totals = tasks.totals();
		out.append("tasklens task dump at ").append(tasks.takenAt()).append('\n');
		out.append(String.format(
				"live %d: queued %d, running %d, scheduled %d; overdue %d; untracked %d; matching the query %d%n",
				totals.live(), totals.queued(), totals.running(), totals.scheduled(), totals.overdue(),
				totals.untracked(), totals.matched()));
		out.append("\nexecutors\n");
		for (ExecutorDescriptor executor : tasks.executors()) {
			append(out, executor);
		}
		for (GroupDescriptor group : tasks.groups()) {
			out.append('\n')
				.append(group.count())
				.append(' ')
				.append(group.state())
				.append((group.count() == 1) ? " task" : " tasks")
				.append(" with this stack (executors: ")
				.append(String.join(", ", group.executors()))
				.append("; tasks: ")
				.append(String.join(", ", group.tasks()))
				.append(") fingerprint ")
				.append(group.fingerprint())
				.append('\n');
			frames(out, group.stack());
		}
		if (tasks.groupsTruncated()) {
			out.append("\n(more running tasks matched than tasklens.endpoint.max-stacks: the groups leave some out)\n");
		}
		for (TaskDescriptor task : tasks.tasks()) {
			out.append('\n');
			append(out, task);
		}
		return out.toString();
	}

	static String of(TaskDescriptor task) {
		StringBuilder out = new StringBuilder();
		append(out, task);
		return out.toString();
	}

	private static void append(StringBuilder out, ExecutorDescriptor executor) {
		out.append("  ").append(executor.name()).append(" (").append(executor.type());
		out.append(", ").append(executor.threads()).append(" threads): active ").append(executor.active());
		if (executor.maxPoolSize() != null) {
			out.append(" of ").append(executor.maxPoolSize());
		}
		if (executor.saturation() != null) {
			out.append(String.format(" (%.0f%%)", executor.saturation() * 100));
		}
		out.append(", queued ").append(executor.queued());
		if (executor.queueCapacity() != null) {
			out.append(" of ").append(executor.queueCapacity());
		}
		if (executor.overdue() > 0) {
			out.append(", overdue ").append(executor.overdue());
		}
		if (executor.poolSize() != null) {
			out.append(", pool ").append(executor.poolSize());
		}
		out.append(", submitted ").append(executor.submitted()).append(", failed ").append(executor.failed());
		out.append('\n');
	}

	private static void append(StringBuilder out, TaskDescriptor task) {
		out.append("task ").append(task.id()).append(' ').append(task.state());
		if (task.overdue() && !"OVERDUE".equals(task.state())) {
			out.append(" (overdue)");
		}
		if (task.runningMillis() != null) {
			out.append(" for ").append(task.runningMillis()).append(" ms");
		}
		if (task.waitingMillis() != null) {
			out.append(", waiting ").append(task.waitingMillis()).append(" ms");
		}
		out.append(": ").append(task.name()).append(" on ").append(task.executor());
		out.append(task.periodic() ? " (periodic)\n" : "\n");
		out.append("\tlabels ").append(task.labels()).append('\n');
		out.append("\tsubmitted ").append(task.submittedAt());
		if (task.startedAt() != null) {
			out.append(", started ").append(task.startedAt());
		}
		out.append('\n');
		if (task.thread() != null) {
			out.append("\tthread \"")
				.append(task.thread())
				.append(Boolean.TRUE.equals(task.virtual()) ? "\" (virtual)\n" : "\" (platform)\n");
		}
		List<String> stack = task.stack();
		if (stack != null) {
			frames(out, stack);
		}
		List<String> submitSite = task.submitSite();
		if (submitSite != null) {
			out.append("\tsubmitted from\n");
			frames(out, submitSite);
		}
	}

	private static void frames(StringBuilder out, List<String> frames) {
		for (String frame : frames) {
			out.append("\tat ").append(frame).append('\n');
		}
	}

}
