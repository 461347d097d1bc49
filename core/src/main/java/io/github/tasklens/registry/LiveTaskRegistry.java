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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import io.github.tasklens.CancelOutcome;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * The live tasks of one application context. It holds a task only while it is live, so
 * its size follows the number of live tasks, never the number ever run.
 *
 * @author tasklens authors
 */
public final class LiveTaskRegistry implements TaskRegistry {

	/**
	 * How many stripes the live tasks are spread over, by id: tasks whose ids differ by a
	 * multiple of it share a stripe and its lock.
	 */
	public static final int STRIPES = 16;

	/**
	 * How many live tasks are listed by default.
	 */
	public static final int DEFAULT_MAX_TRACKED = 100_000;

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final int maxTracked;

	private final int stripeShare;

	private final KnownExecutors executors = new KnownExecutors();

	/**
	 * Create an empty registry that lists up to {@value #DEFAULT_MAX_TRACKED} live tasks.
	 */
	public LiveTaskRegistry() {
		this(DEFAULT_MAX_TRACKED);
	}

	/**
	 * Create an empty registry.
	 * @param maxTracked how many live tasks it lists at most: tasks submitted while that
	 * many are listed still run and are counted, but are never listed
	 */
	public LiveTaskRegistry(int maxTracked) {
		if (maxTracked < 0) {
			throw new IllegalArgumentException("maxTracked must not be negative, was " + maxTracked);
		}
		this.maxTracked = maxTracked;
		this.stripeShare = maxTracked / STRIPES;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Add a task that has just been submitted. Adding a task that is already live changes
	 * nothing.
	 * @param task the task
	 */
	public void add(RegistryEntry task) {
		Stripe stripe = stripeOf(task);
		stripe.lock();
		try {
			if (task.linked) {
				return;
			}
			task.linked = true;
			task.untracked = !roomFor(stripe);
			stripe.count(task, 1);
			task.previous = null;
			task.next = stripe.head;
			if (stripe.head != null) {
				stripe.head.previous = task;
			}
			stripe.head = task;
		}
		finally {
			stripe.unlock();
		}
	}

	/**
	 * Forget a task that has ended. Forgetting a task that is not live changes nothing.
	 * @param task the task
	 */
	public void remove(RegistryEntry task) {
		Stripe stripe = stripeOf(task);
		stripe.lock();
		try {
			if (!task.linked) {
				return;
			}
			task.linked = false;
			stripe.count(task, -1);
			if (task.previous != null) {
				task.previous.next = task.next;
			}
			else {
				stripe.head = task.next;
			}
			if (task.next != null) {
				task.next.previous = task.previous;
			}
			task.previous = null;
			task.next = null;
		}
		finally {
			stripe.unlock();
		}
	}

	/**
	 * Whether a task added to the given stripe is listed: below its share of the maximum
	 * a stripe needs no look at the others; above it, all stripes are counted.
	 */
	private boolean roomFor(Stripe stripe) {
		if (stripe.tracked() < this.stripeShare) {
			return true;
		}
		long tracked = 0;
		for (Stripe each : this.stripes) {
			tracked += each.tracked();
		}
		return tracked < this.maxTracked;
	}

	private Stripe stripeOf(RegistryEntry task) {
		return stripeOf(task.id());
	}

	private Stripe stripeOf(long id) {
		return this.stripes[(int) (id & (STRIPES - 1))];
	}

	/**
	 * Copy the stripes, each oldest first (a stripe adds at its head): a reader that
	 * wants the oldest tasks then sees them early.
	 */
	private List<RegistryEntry> snapshot() {
		List<RegistryEntry> tasks = new ArrayList<>();
		for (Stripe stripe : this.stripes) {
			int from = tasks.size();
			stripe.lock();
			try {
				for (RegistryEntry task = stripe.head; task != null; task = task.next) {
					tasks.add(task);
				}
			}
			finally {
				stripe.unlock();
			}
			Collections.reverse(tasks.subList(from, tasks.size()));
		}
		return tasks;
	}

	/**
	 * Return a live task that matches, looked for under each stripe's lock in turn: for
	 * the rare question that no index answers (which task a pool's own future runs).
	 * @param which what to look for
	 * @return a matching task, or {@code null}
	 */
	public @Nullable RegistryEntry findEntry(Predicate<RegistryEntry> which) {
		for (Stripe stripe : this.stripes) {
			stripe.lock();
			try {
				for (RegistryEntry task = stripe.head; task != null; task = task.next) {
					if (which.test(task)) {
						return task;
					}
				}
			}
			finally {
				stripe.unlock();
			}
		}
		return null;
	}

	/**
	 * Drop every live task that can never run again: its future completed without a run
	 * through the chain (a pool's {@code purge()}, a future cancelled while queued), or
	 * its executor terminated. It ends as cancelled. The watchdog calls it at each check.
	 * @return how many were dropped
	 */
	public int sweep() {
		List<RegistryEntry> found = new ArrayList<>();
		for (Stripe stripe : this.stripes) {
			stripe.lock();
			try {
				for (RegistryEntry task = stripe.head; task != null; task = task.next) {
					if (task.canNeverRun()) {
						found.add(task);
					}
				}
			}
			finally {
				stripe.unlock();
			}
		}
		// ended outside the lock: ending takes the task out of its stripe
		for (RegistryEntry task : found) {
			task.sweep();
		}
		return found.size();
	}

	/**
	 * Check every live task, and collect those for which the check finds something, with
	 * what it found. Each stripe is locked while it is checked: the check must not block,
	 * and the registry allocates nothing per task.
	 * @param check what to find in a task: bits, or 0 for nothing
	 * @param found where the tasks with something found are added
	 * @param events where what was found in each one is added, at the same index
	 */
	public void checkEach(ToIntFunction<RegistryEntry> check, List<RegistryEntry> found, List<Integer> events) {
		for (Stripe stripe : this.stripes) {
			stripe.lock();
			try {
				for (RegistryEntry task = stripe.head; task != null; task = task.next) {
					int passed = check.applyAsInt(task);
					if (passed != 0) {
						found.add(task);
						events.add(passed);
					}
				}
			}
			finally {
				stripe.unlock();
			}
		}
	}

	/**
	 * Return the executors tasklens decorates and leaves alone.
	 * @return the executors
	 */
	public KnownExecutors executors() {
		return this.executors;
	}

	@Override
	public List<TaskInfo> liveTasks() {
		List<TaskInfo> tasks = new ArrayList<>();
		for (RegistryEntry task : liveEntries()) {
			if (!task.untracked) {
				tasks.add(task);
			}
		}
		tasks.sort(Comparator.comparingLong(TaskInfo::id));
		return List.copyOf(tasks);
	}

	/**
	 * Return every live task, listed or not, in no particular order, leaving out those
	 * that can never run again (the watchdog's {@link #sweep()} drops them): a read
	 * changes nothing. The stripes are locked only while they are copied, never while a
	 * task is looked at.
	 * @return the live tasks
	 */
	public List<RegistryEntry> liveEntries() {
		List<RegistryEntry> tasks = snapshot();
		List<RegistryEntry> live = new ArrayList<>(tasks.size());
		for (RegistryEntry task : tasks) {
			if (!task.ended() && !task.canNeverRun()) {
				live.add(task);
			}
		}
		return live;
	}

	@Override
	public long untracked() {
		long untracked = 0;
		for (Stripe stripe : this.stripes) {
			untracked += stripe.untracked();
		}
		return untracked;
	}

	/**
	 * Return how many live tasks are listed at most.
	 * @return the maximum
	 */
	public int maxTracked() {
		return this.maxTracked;
	}

	/**
	 * Count the live tasks of each executor by state.
	 * @return the counts, by executor bean name
	 */
	public Map<String, StateCounts> countsByExecutor() {
		Map<String, StateCounts> counts = new TreeMap<>();
		for (RegistryEntry task : liveEntries()) {
			TaskState state = task.state();
			StateCounts current = counts.getOrDefault(task.executor(), StateCounts.NONE);
			counts.put(task.executor(), current.plus(state, state == TaskState.OVERDUE || task.overdue()));
		}
		return counts;
	}

	@Override
	public @Nullable TaskInfo find(long id) {
		RegistryEntry found = null;
		Stripe stripe = stripeOf(id);
		stripe.lock();
		try {
			for (RegistryEntry task = stripe.head; task != null && found == null; task = task.next) {
				if (task.id() == id) {
					found = task;
				}
			}
		}
		finally {
			stripe.unlock();
		}
		if (found == null || found.untracked) {
			return null;
		}
		return (found.ended() || found.canNeverRun()) ? null : found;
	}

	@Override
	public @Nullable CancelOutcome cancel(long id, Duration wait) {
		TaskInfo found = find(id);
		return (found instanceof RegistryEntry entry) ? Cancelling.cancel(List.of(entry), wait) : null;
	}

	@Override
	public CancelOutcome cancelLabelled(String key, String value, Duration wait) {
		List<RegistryEntry> labelled = new ArrayList<>();
		Thread current = Thread.currentThread();
		for (RegistryEntry task : liveEntries()) {
			if (!task.untracked && value.equals(task.labels().get(key)) && task.thread() != current) {
				labelled.add(task);
			}
		}
		return Cancelling.cancel(labelled, wait);
	}

	@Override
	public Map<String, String> decoratedExecutors() {
		return this.executors.decorated();
	}

	@Override
	public Map<String, String> undecoratedExecutors() {
		return this.executors.undecorated();
	}

}
