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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.decorate.TrackedTask;
import org.jspecify.annotations.Nullable;

/**
 * The live tasks of one application context. It holds a task only while it is live, so
 * its size follows the number of live tasks, never the number ever run.
 *
 * @author tasklens authors
 */
public final class LiveTaskRegistry implements TaskRegistry {

	private final Set<TrackedTask> live = ConcurrentHashMap.newKeySet();

	private final Map<String, String> decorated = new ConcurrentHashMap<>();

	private final Map<String, String> undecorated = new ConcurrentHashMap<>();

	/**
	 * Add a task that has just been submitted.
	 * @param task the task
	 */
	public void add(TrackedTask task) {
		this.live.add(task);
	}

	/**
	 * Forget a task that has ended.
	 * @param task the task
	 */
	public void remove(TrackedTask task) {
		this.live.remove(task);
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
		List<TrackedTask> tasks = new ArrayList<>(this.live.size());
		for (TrackedTask task : this.live) {
			task.sweep();
		}
		tasks.addAll(this.live);
		tasks.sort(Comparator.comparingLong(TrackedTask::id));
		return List.copyOf(tasks);
	}

	@Override
	public @Nullable TaskInfo find(long id) {
		for (TrackedTask task : this.live) {
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

}
