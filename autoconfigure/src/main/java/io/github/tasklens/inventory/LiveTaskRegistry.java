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
package io.github.tasklens.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final int STRIPES = 16;

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final Map<String, String> decorated = new ConcurrentHashMap<>();

	private final Map<String, String> undecorated = new ConcurrentHashMap<>();

	/**
	 * Create an empty registry.
	 */
	public LiveTaskRegistry() {
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
		synchronized (stripe) {
			if (task.linked) {
				return;
			}
			task.linked = true;
			task.previous = null;
			task.next = stripe.head;
			if (stripe.head != null) {
				stripe.head.previous = task;
			}
			stripe.head = task;
		}
	}

	/**
	 * Forget a task that has ended. Forgetting a task that is not live changes nothing.
	 * @param task the task
	 */
	public void remove(RegistryEntry task) {
		Stripe stripe = stripeOf(task);
		synchronized (stripe) {
			if (!task.linked) {
				return;
			}
			task.linked = false;
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
	}

	private Stripe stripeOf(RegistryEntry task) {
		return this.stripes[(int) (task.id() & (STRIPES - 1))];
	}

	private List<RegistryEntry> snapshot() {
		List<RegistryEntry> tasks = new ArrayList<>();
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				for (RegistryEntry task = stripe.head; task != null; task = task.next) {
					tasks.add(task);
				}
			}
		}
		return tasks;
	}

	/**
	 * Record an executor bean that tasklens decorates.
	 * @param name the bean name
	 * @param how how it is decorated
	 */
	public void executorDecorated(String name, String how) {
		this.decorated.put(name, how);
	}

	/**
	 * Record an executor bean that tasklens leaves alone.
	 * @param name the bean name
	 * @param reason why
	 */
	public void executorUndecorated(String name, String reason) {
		this.undecorated.put(name, reason);
	}

	@Override
	public List<TaskInfo> liveTasks() {
		for (RegistryEntry task : snapshot()) {
			task.sweep();
		}
		List<RegistryEntry> tasks = snapshot();
		tasks.sort(Comparator.comparingLong(RegistryEntry::id));
		return List.copyOf(tasks);
	}

	/**
	 * Count the live tasks of each executor by state.
	 * @return the counts, by executor bean name
	 */
	public Map<String, StateCounts> countsByExecutor() {
		Map<String, StateCounts> counts = new TreeMap<>();
		for (RegistryEntry task : snapshot()) {
			task.sweep();
		}
		for (RegistryEntry task : snapshot()) {
			TaskState state = task.state();
			StateCounts current = counts.getOrDefault(task.executor(), StateCounts.NONE);
			counts.put(task.executor(), current.plus(state));
		}
		return counts;
	}

	@Override
	public @Nullable TaskInfo find(long id) {
		for (RegistryEntry task : snapshot()) {
			if (task.id() == id) {
				return task;
			}
		}
		return null;
	}

	@Override
	public Map<String, String> decoratedExecutors() {
		return new TreeMap<>(this.decorated);
	}

	@Override
	public Map<String, String> undecoratedExecutors() {
		return new TreeMap<>(this.undecorated);
	}

	private static final class Stripe {

		private @Nullable RegistryEntry head;

	}

}
