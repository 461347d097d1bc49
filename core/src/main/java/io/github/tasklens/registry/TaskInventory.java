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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskState;
import io.github.tasklens.registry.InventorySnapshot.LiveTask;
import io.github.tasklens.registry.InventorySnapshot.StackGroup;
import io.github.tasklens.registry.InventorySnapshot.Totals;
import org.jspecify.annotations.Nullable;

/**
 * Reads the live tasks of a {@link LiveTaskRegistry}: counts, the oldest that match a
 * query, and the stacks of the running ones grouped as Go's goroutine dump groups them.
 * Platform threads' stacks come from one {@link ThreadMXBean} call per read; virtual
 * threads' from each thread. A read locks the registry only to copy it.
 *
 * @author tasklens authors
 */
public final class TaskInventory {

	private static final String REFLECTION = "jdk.internal.reflect.";

	// at most per reflective call on JDK 17: a generated or native accessor and its
	// delegate; a stack of tasks calling through more calls shows fewer frames
	private static final int REFLECTION_FRAMES = 8;

	private static final Comparator<LiveTask> OLDEST_FIRST = Comparator.comparingLong((task) -> task.info().id());

	private final LiveTaskRegistry registry;

	/**
	 * Create an inventory of the given registry.
	 * @param registry the live tasks
	 */
	public TaskInventory(LiveTaskRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Read the live tasks.
	 * @param query which tasks, and how much of each
	 * @return what was found
	 */
	public InventorySnapshot read(TaskQuery query) {
		Instant now = Instant.now();
		long queued = 0;
		long running = 0;
		long scheduled = 0;
		long overdue = 0;
		long untracked = 0;
		long matched = 0;
		PriorityQueue<LiveTask> page = new PriorityQueue<>(OLDEST_FIRST.reversed());
		List<LiveTask> toGroup = new ArrayList<>();
		boolean truncated = false;
		Map<String, int[]> byExecutor = new HashMap<>();
		for (RegistryEntry entry : this.registry.liveEntries()) {
			if (entry.untracked()) {
				untracked++;
				continue;
			}
			TaskState state = entry.state();
			boolean late = state == TaskState.OVERDUE || entry.overdue();
			int slot = switch (state) {
				case QUEUED -> 0;
				case RUNNING, OVERDUE -> 1;
				case SCHEDULED -> 2;
			};
			int[] count = byExecutor.computeIfAbsent(entry.executor(), (key) -> new int[4]);
			count[slot]++;
			if (late) {
				count[3]++;
				overdue++;
			}
			switch (slot) {
				case 0 -> queued++;
				case 1 -> running++;
				default -> scheduled++;
			}
			if (!query.matches(entry, state, late)) {
				continue;
			}
			matched++;
			Thread thread = state.isRunning() ? entry.thread() : null;
			boolean grouped = thread != null && toGroup.size() < query.maxStacks();
			truncated |= thread != null && !grouped;
			LiveTask top = page.peek();
			boolean listed = query.limit() > 0
					&& (page.size() < query.limit() || (top != null && entry.id() < top.info().id()));
			if (grouped || listed) {
				LiveTask task = new LiveTask(entry, state, thread, List.of());
				if (grouped) {
					toGroup.add(task);
				}
				if (listed) {
					page.add(task);
					if (page.size() > query.limit()) {
						page.poll();
					}
				}
			}
		}
		List<LiveTask> listed = new ArrayList<>(page);
		listed.sort(OLDEST_FIRST);
		Map<LiveTask, List<StackTraceElement>> stacks = stacks(withThreads(toGroup, listed), query.stackDepth());
		Totals totals = new Totals(queued + running + scheduled, queued, running, scheduled, overdue, untracked,
				matched);
		Map<String, StateCounts> counts = new TreeMap<>();
		byExecutor.forEach(
				(executor, count) -> counts.put(executor, new StateCounts(count[0], count[1], count[2], count[3])));
		return new InventorySnapshot(now, totals, withStacks(listed, stacks), groups(toGroup, stacks), truncated,
				counts);
	}

	/**
	 * Read one listed live task with the given number of stack frames.
	 * @param id the task id
	 * @param stackDepth how many frames to take
	 * @return the task, or {@code null} if no listed live task has that id
	 */
	public @Nullable LiveTask read(long id, int stackDepth) {
		TaskInfo found = this.registry.find(id);
		if (found == null) {
			return null;
		}
		TaskState state = found.state();
		LiveTask task = new LiveTask(found, state, state.isRunning() ? found.thread() : null, List.of());
		return withStacks(List.of(task), stacks(List.of(task), stackDepth)).get(0);
	}

	private static List<LiveTask> withThreads(List<LiveTask> toGroup, List<LiveTask> listed) {
		Set<LiveTask> all = Collections.newSetFromMap(new IdentityHashMap<>());
		all.addAll(toGroup);
		for (LiveTask task : listed) {
			if (task.thread() != null) {
				all.add(task);
			}
		}
		return new ArrayList<>(all);
	}

	/**
	 * Take the stacks of the running tasks' threads, and keep those of tasks still
	 * running on the same thread afterwards: a stack taken after the task ended belongs
	 * to another task.
	 */
	@SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19
	private static Map<LiveTask, List<StackTraceElement>> stacks(List<LiveTask> tasks, int depth) {
		Map<LiveTask, List<StackTraceElement>> stacks = new IdentityHashMap<>();
		List<LiveTask> platform = new ArrayList<>();
		for (LiveTask task : tasks) {
			Thread thread = task.thread();
			if (thread == null) {
				continue;
			}
			if (VirtualThreads.isVirtual(thread)) {
				stacks.put(task, top(withoutReflection(thread.getStackTrace()), depth));
			}
			else {
				platform.add(task);
			}
		}
		if (!platform.isEmpty()) {
			long[] ids = new long[platform.size()];
			for (int i = 0; i < ids.length; i++) {
				ids[i] = platform.get(i).thread().getId();
			}
			// a few more frames than asked: those of reflection are taken out before the
			// cut
			ThreadInfo[] infos = threads().getThreadInfo(ids,
					(int) Math.min((long) depth + REFLECTION_FRAMES, Integer.MAX_VALUE));
			for (int i = 0; i < infos.length; i++) {
				if (infos[i] != null) {
					stacks.put(platform.get(i), top(withoutReflection(infos[i].getStackTrace()), depth));
				}
			}
		}
		stacks.keySet().removeIf((task) -> task.info().thread() != task.thread() || !task.info().state().isRunning());
		return stacks;
	}

	private static ThreadMXBean threads() {
		return ManagementFactory.getThreadMXBean();
	}

	/**
	 * A stack without the frames of the JDK's reflection machinery, which say nothing of
	 * the task and change with how often a method has been called (on JDK 17 its first
	 * calls go through a native accessor, later ones through a generated one): fifty
	 * handlers blocked at one line are one group, whichever accessor called each.
	 */
	private static StackTraceElement[] withoutReflection(StackTraceElement[] stack) {
		int kept = 0;
		for (StackTraceElement frame : stack) {
			if (!frame.getClassName().startsWith(REFLECTION)) {
				stack[kept++] = frame;
			}
		}
		return (kept == stack.length) ? stack : Arrays.copyOf(stack, kept);
	}

	private static List<StackTraceElement> top(StackTraceElement[] stack, int depth) {
		return List.of((stack.length <= depth) ? stack : Arrays.copyOf(stack, depth));
	}

	private static List<LiveTask> withStacks(List<LiveTask> tasks, Map<LiveTask, List<StackTraceElement>> stacks) {
		List<LiveTask> result = new ArrayList<>(tasks.size());
		for (LiveTask task : tasks) {
			List<StackTraceElement> stack = stacks.get(task);
			result.add((stack != null) ? new LiveTask(task.info(), task.state(), task.thread(), stack) : task);
		}
		return List.copyOf(result);
	}

	private static List<StackGroup> groups(List<LiveTask> tasks, Map<LiveTask, List<StackTraceElement>> stacks) {
		Map<List<StackTraceElement>, GroupBuilder> byStack = new HashMap<>();
		for (LiveTask task : tasks) {
			List<StackTraceElement> stack = stacks.get(task);
			if (stack != null) {
				byStack.computeIfAbsent(stack, GroupBuilder::new).add(task);
			}
		}
		List<StackGroup> groups = new ArrayList<>(byStack.size());
		byStack.values().forEach((builder) -> groups.add(builder.build()));
		groups.sort(Comparator.comparingInt(StackGroup::count)
			.reversed()
			.thenComparing((group) -> group.stack().toString()));
		return List.copyOf(groups);
	}

	private static final class GroupBuilder {

		private final List<StackTraceElement> stack;

		private final TreeSet<String> executors = new TreeSet<>();

		private final TreeSet<String> names = new TreeSet<>();

		private int count;

		GroupBuilder(List<StackTraceElement> stack) {
			this.stack = stack;
		}

		void add(LiveTask task) {
			this.count++;
			this.executors.add(task.info().executor());
			this.names.add(task.info().name());
		}

		StackGroup build() {
			return new StackGroup(TaskState.RUNNING, this.stack, StackFingerprint.of(this.stack), this.count,
					this.executors, this.names);
		}

	}

}
