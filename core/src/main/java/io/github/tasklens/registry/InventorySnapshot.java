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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * What one read of the inventory found.
 *
 * @param takenAt when it was read
 * @param totals the counts over all live tasks
 * @param tasks the listed tasks that match the query, oldest first, up to its limit
 * @param groups the running tasks that match the query, grouped by identical stack,
 * largest group first
 * @param groupsTruncated whether more running tasks matched than stacks were taken
 * @param byExecutor the listed live tasks of each executor by state, whatever the query
 * @author tasklens authors
 */
public record InventorySnapshot(Instant takenAt, Totals totals, List<LiveTask> tasks, List<StackGroup> groups,
		boolean groupsTruncated, Map<String, StateCounts> byExecutor) {

	/**
	 * Counts over all live tasks, whatever the query.
	 *
	 * @param live listed live tasks
	 * @param queued listed queued tasks
	 * @param running listed running tasks
	 * @param scheduled listed periodic tasks between runs
	 * @param overdue listed tasks past their time box, running or queued
	 * @param untracked live tasks left out past the maximum listed
	 * @param matched listed tasks that match the query
	 */
	public record Totals(long live, long queued, long running, long scheduled, long overdue, long untracked,
			long matched) {

	}

	/**
	 * A live task as read.
	 *
	 * @param info the task
	 * @param state its state when read
	 * @param thread the thread running it when read, or {@code null}
	 * @param stack the top frames of that thread, empty unless running
	 */
	public record LiveTask(TaskInfo info, TaskState state, @Nullable Thread thread, List<StackTraceElement> stack) {

	}

	/**
	 * Running tasks with an identical stack.
	 *
	 * @param state their state
	 * @param stack the stack
	 * @param fingerprint the stack's {@link StackFingerprint}
	 * @param count how many tasks
	 * @param executors their executors
	 * @param names their task names
	 */
	public record StackGroup(TaskState state, List<StackTraceElement> stack, String fingerprint, int count,
			SortedSet<String> executors, SortedSet<String> names) {

	}

}
