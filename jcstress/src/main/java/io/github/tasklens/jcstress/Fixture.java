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

package io.github.tasklens.jcstress;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.TrackingTaskDecorator;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.RegistryEntry;
import io.github.tasklens.metrics.TaskCounters;

/**
 * One chain with its own registry, as one application context has: what each jcstress
 * state races on.
 *
 * @author tasklens authors
 */
final class Fixture {

	/**
	 * The registry's stripe count: tasks whose ids differ by it share a stripe.
	 */
	static final int STRIPES = LiveTaskRegistry.STRIPES;

	final LiveTaskRegistry registry = new LiveTaskRegistry();

	private final TaskChain chain = TaskChain.builder(this.registry).build();

	private final TrackingTaskDecorator executor = this.chain.decorator("pool", null, () -> false);

	/**
	 * Submit a task: it is registered as queued, and runs when the returned runnable is
	 * run.
	 * @param body the task
	 * @return the tracked task
	 */
	Runnable submit(Runnable body) {
		return this.executor.decorate(body);
	}

	/**
	 * Submit and run tasks that leave at once, {@code STRIPES - 1} of them, so that the
	 * next task submitted gets an id {@link #STRIPES} above the last one: the two share a
	 * stripe of the registry.
	 */
	void skipToSameStripe() {
		for (int i = 1; i < STRIPES; i++) {
			submit(() -> {
			}).run();
		}
	}

	/**
	 * Return how many tasks the registry holds.
	 * @return the live tasks, listed or not
	 */
	int live() {
		return this.registry.liveEntries().size();
	}

	/**
	 * Return the ids of the tasks the registry lists, or {@code null} if a task is listed
	 * twice or with a field not set.
	 * @return the ids
	 */
	Set<Long> listedIds() {
		List<TaskInfo> listed = this.registry.liveTasks();
		Set<Long> ids = new HashSet<>();
		for (TaskInfo task : listed) {
			if (task.name() == null || task.labels() == null || task.submittedAt() == null || !ids.add(task.id())) {
				return null;
			}
		}
		return ids;
	}

	/**
	 * Return whether every task is accounted for once: submitted = succeeded + failed +
	 * cancelled + rejected + live.
	 * @return whether the counts balance
	 */
	boolean balanced() {
		long submitted = 0;
		long ended = 0;
		for (TaskCounters counters : this.chain.series().all()) {
			submitted += counters.submittedCount();
			ended += counters.succeededCount() + counters.failedCount() + counters.cancelledCount()
					+ counters.rejectedCount();
		}
		return submitted == ended + live();
	}

	/**
	 * Return the id of a tracked task.
	 * @param task what {@link #submit(Runnable)} returned
	 * @return its id
	 */
	static long id(Runnable task) {
		return ((RegistryEntry) task).id();
	}

}
