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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.github.tasklens.registry.InventorySnapshot.Totals;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code GET /actuator/tasks} answers: the decorated executors, the live tasks that
 * match the query, and the running ones grouped by stack.
 *
 * @param takenAt when the inventory was read
 * @param totals counts over all live tasks
 * @param executors the decorated executors, by name
 * @param tasks the matching live tasks, oldest first, up to the limit
 * @param groups the matching running tasks grouped by identical stack, largest first
 * @param groupsTruncated whether more running tasks matched than stacks were taken
 * ({@code tasklens.endpoint.max-stacks})
 * @author tasklens authors
 */
public record TasksDescriptor(Instant takenAt, Totals totals, List<ExecutorDescriptor> executors,
		List<TaskDescriptor> tasks, List<GroupDescriptor> groups,
		boolean groupsTruncated) implements OperationResponseBody {

	/**
	 * One decorated executor.
	 *
	 * @param name its bean name
	 * @param type its class
	 * @param decoration how tasklens decorates it
	 * @param threads the kind of threads its tasks have run on: {@code platform},
	 * {@code virtual}, {@code mixed}, or {@code unknown} before the first task
	 * @param active tasks running now
	 * @param queued tasks waiting for a thread
	 * @param overdue live tasks past their time box
	 * @param poolSize threads in its pool, when it has one
	 * @param maxPoolSize most threads its pool can have, when it has one: its maximum, or
	 * its core size when its queue is unbounded (it never grows past it then)
	 * @param queueCapacity how many tasks its queue holds, when it is bounded
	 * @param queueRemaining room left in its queue, when it is bounded
	 * @param saturation active over the pool's maximum, when it has one
	 * @param submitted tasks submitted so far
	 * @param failed tasks that failed so far
	 */
	public record ExecutorDescriptor(String name, String type, String decoration, String threads, long active,
			long queued, long overdue, @Nullable Integer poolSize, @Nullable Integer maxPoolSize,
			@Nullable Integer queueCapacity, @Nullable Integer queueRemaining, @Nullable Double saturation,
			long submitted, long failed) {

	}

	/**
	 * One live task.
	 *
	 * @param id its id
	 * @param executor its executor's bean name
	 * @param name its name
	 * @param labels its labels
	 * @param state {@code QUEUED}, {@code RUNNING}, {@code OVERDUE} or {@code SCHEDULED}
	 * @param overdue whether it is past its time box: {@code OVERDUE}, or {@code QUEUED}
	 * past its {@code queue-warn-after}
	 * @param periodic whether it repeats
	 * @param submittedAt when it was submitted
	 * @param startedAt when its current or last run started
	 * @param waitingMillis how long it has waited, while queued
	 * @param runningMillis how long it has run, while running
	 * @param thread the name of the thread running it
	 * @param virtual whether that thread is virtual
	 * @param stack the top frames of that thread, while running (absent otherwise)
	 * @param submitSite the top frames of the code that submitted it, when captured
	 * (absent otherwise)
	 */
	public record TaskDescriptor(long id, String executor, String name, Map<String, String> labels, String state,
			boolean overdue, boolean periodic, Instant submittedAt, @Nullable Instant startedAt,
			@Nullable Long waitingMillis, @Nullable Long runningMillis, @Nullable String thread,
			@Nullable Boolean virtual, @Nullable List<String> stack, @Nullable List<String> submitSite) {

	}

	/**
	 * Running tasks with an identical stack.
	 *
	 * @param fingerprint a short hash of the stack, the same across reads and restarts
	 * @param count how many
	 * @param state their state
	 * @param executors their executors
	 * @param tasks their task names
	 * @param stack the stack
	 */
	public record GroupDescriptor(String fingerprint, int count, String state, SortedSet<String> executors,
			SortedSet<String> tasks, List<String> stack) {

	}

}
