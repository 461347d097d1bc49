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
package io.github.tasklens.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.registry.InventorySnapshot.LiveTask;
import io.github.tasklens.registry.InventorySnapshot.StackGroup;
import io.github.tasklens.registry.InventorySnapshot.Totals;

/**
 * An inventory read as text, for a JVM without the endpoint: the totals, the running
 * tasks grouped by identical stacks, then each listed task.
 *
 * @author tasklens authors
 */
public final class InventoryText {

	private InventoryText() {
	}

	/**
	 * Write a snapshot.
	 * @param snapshot what was read
	 * @param showValues whether label values are shown, or each hidden as {@code ******}
	 * (but those of {@code executor} and {@code task})
	 * @return the text
	 */
	public static String of(InventorySnapshot snapshot, boolean showValues) {
		StringBuilder out = new StringBuilder();
		Totals totals = snapshot.totals();
		out.append("tasklens live tasks at ").append(snapshot.takenAt()).append('\n');
		out.append("live ")
			.append(totals.live())
			.append(": queued ")
			.append(totals.queued())
			.append(", running ")
			.append(totals.running())
			.append(", scheduled ")
			.append(totals.scheduled())
			.append("; overdue ")
			.append(totals.overdue())
			.append("; untracked ")
			.append(totals.untracked())
			.append('\n');
		for (StackGroup group : snapshot.groups()) {
			out.append('\n')
				.append(group.count())
				.append(' ')
				.append(group.state())
				.append(" with this stack (executors: ")
				.append(String.join(", ", group.executors()))
				.append(") fingerprint ")
				.append(group.fingerprint())
				.append('\n');
			appendFrames(out, group.stack());
		}
		for (LiveTask task : snapshot.tasks()) {
			out.append('\n');
			appendTask(out, task, snapshot.takenAt(), showValues);
		}
		return out.toString();
	}

	private static void appendTask(StringBuilder out, LiveTask task, Instant now, boolean showValues) {
		TaskInfo info = task.info();
		out.append('#')
			.append(info.id())
			.append(' ')
			.append(info.executor())
			.append(' ')
			.append(info.name())
			.append(' ')
			.append(task.state());
		if (info.periodic()) {
			out.append(" periodic");
		}
		Instant since = (info.startedAt() != null) ? info.startedAt() : info.submittedAt();
		out.append(", for ").append(Texts.duration(Duration.between(since, now)));
		if (task.thread() != null) {
			out.append(", on ").append(task.thread().getName());
		}
		StringJoiner labels = new StringJoiner(", ", "{", "}");
		// as the endpoint: the executor and the task come from code, and are shown
		info.labels()
			.forEach((key, value) -> labels
				.add(key + "=" + ((showValues || key.equals("executor") || key.equals("task")) ? value : "******")));
		out.append("\n\tlabels ").append(labels).append('\n');
		appendFrames(out, task.stack());
	}

	private static void appendFrames(StringBuilder out, List<StackTraceElement> stack) {
		for (StackTraceElement frame : stack) {
			out.append("\tat ").append(Texts.frame(frame)).append('\n');
		}
	}

}
