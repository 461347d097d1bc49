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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.registry.InventorySnapshot.LiveTask;
import org.jspecify.annotations.Nullable;

/**
 * The report of the tasks still live when an application context closes, after its
 * executors have shut down: how many, then the tasks grouped by identical stack (tasks
 * not running share an empty one), each with its executor, name, labels, state and age; a
 * stack's group shows its fingerprint, as {@code /actuator/tasks} does.
 *
 * @author tasklens authors
 */
public final class StragglerReport {

	private static final int MAX_LISTED = 1000;

	private static final int STACK_DEPTH = 32;

	private StragglerReport() {
	}

	/**
	 * Write the report of the live tasks.
	 * @param inventory the inventory to read
	 * @return the report, or {@code null} when no task is live
	 */
	public static @Nullable String of(TaskInventory inventory) {
		InventorySnapshot snapshot = inventory
			.read(new TaskQuery(null, null, null, Map.of(), MAX_LISTED, STACK_DEPTH, MAX_LISTED));
		long live = snapshot.totals().live() + snapshot.totals().untracked();
		if (live == 0) {
			return null;
		}
		Map<List<StackTraceElement>, List<LiveTask>> byStack = new LinkedHashMap<>();
		for (LiveTask task : snapshot.tasks()) {
			byStack.computeIfAbsent(task.stack(), (stack) -> new ArrayList<>()).add(task);
		}
		List<Map.Entry<List<StackTraceElement>, List<LiveTask>>> groups = new ArrayList<>(byStack.entrySet());
		groups.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
		StringBuilder out = new StringBuilder();
		out.append(live).append(" task(s) still live after the executors shut down");
		if (snapshot.totals().untracked() > 0) {
			out.append(" (").append(snapshot.totals().untracked()).append(" untracked, not listed)");
		}
		if (snapshot.tasks().size() < snapshot.totals().live()) {
			out.append(" (the oldest ").append(snapshot.tasks().size()).append(" listed)");
		}
		for (Map.Entry<List<StackTraceElement>, List<LiveTask>> group : groups) {
			List<LiveTask> tasks = group.getValue();
			out.append(System.lineSeparator()).append(System.lineSeparator()).append(tasks.size());
			out.append(group.getKey().isEmpty() ? " task(s) not running:"
					: " task(s) with this stack (fingerprint " + StackFingerprint.of(group.getKey()) + "):");
			for (LiveTask task : tasks) {
				out.append(System.lineSeparator()).append("  ").append(describe(task, snapshot.takenAt()));
			}
			for (StackTraceElement frame : group.getKey()) {
				out.append(System.lineSeparator()).append("\tat ").append(Texts.frame(frame));
			}
		}
		return out.toString();
	}

	private static String describe(LiveTask task, Instant now) {
		TaskInfo info = task.info();
		Instant since = (task.state().isRunning() && info.startedAt() != null) ? info.startedAt() : info.submittedAt();
		return "task " + info.id() + " '" + info.name() + "' on executor '" + info.executor() + "' " + task.state()
				+ " for " + Texts.duration(Duration.between(since, now)) + " (submitted "
				+ Texts.duration(Duration.between(info.submittedAt(), now)) + " ago) " + info.labels();
	}

}
