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
package io.github.tasklens.decorate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.tasklens.TaskHook;
import io.github.tasklens.inventory.LiveTaskRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;

/**
 * The chain that every decorated task passes: the registry of live tasks and the
 * {@link TaskHook hooks}. One per application context.
 *
 * @author tasklens authors
 */
public final class TaskChain {

	private static final Logger logger = LoggerFactory.getLogger(TaskChain.class);

	private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

	private final LiveTaskRegistry registry;

	private final Supplier<List<TaskHook>> hookSupplier;

	private volatile TaskHook @Nullable [] hooks;

	private final AtomicLong ids = new AtomicLong();

	private final Map<TaskHook, HookFailures> hookFailures = new ConcurrentHashMap<>();

	/**
	 * Create a chain.
	 * @param registry the registry of live tasks
	 * @param hooks the hooks in order, resolved on first use
	 */
	public TaskChain(LiveTaskRegistry registry, Supplier<List<TaskHook>> hooks) {
		this.registry = registry;
		this.hookSupplier = hooks;
	}

	/**
	 * Create the decorator for one executor.
	 * @param executorName the executor's bean name
	 * @param first a decorator the executor already had, run before the chain
	 * @param terminated whether the executor has terminated (its queued tasks never run)
	 * @return the decorator
	 */
	public TrackingTaskDecorator decorator(String executorName, @Nullable TaskDecorator first,
			BooleanSupplier terminated) {
		return new TrackingTaskDecorator(executorName, this, first, terminated);
	}

	/**
	 * Return the registry of live tasks.
	 * @return the registry
	 */
	public LiveTaskRegistry registry() {
		return this.registry;
	}

	/**
	 * Return how often the given hook has thrown.
	 * @param hook a hook
	 * @return the number of failures
	 */
	public long hookFailures(TaskHook hook) {
		HookFailures failures = this.hookFailures.get(hook);
		return (failures != null) ? failures.count.get() : 0;
	}

	long nextId() {
		return this.ids.incrementAndGet();
	}

	void submitted(TrackedTask task) {
		this.registry.add(task);
		for (TaskHook hook : hooks()) {
			try {
				hook.onSubmit(task);
			}
			catch (TaskRejectedException ex) {
				task.reject();
				throw ex;
			}
			catch (Throwable ex) {
				hookFailed(hook, "onSubmit", task, ex);
			}
		}
	}

	void started(TrackedTask task) {
		for (TaskHook hook : hooks()) {
			try {
				hook.onStart(task);
			}
			catch (Throwable ex) {
				hookFailed(hook, "onStart", task, ex);
			}
		}
	}

	void finished(TrackedTask task, @Nullable Throwable failure) {
		TaskHook[] all = hooks();
		for (int i = all.length - 1; i >= 0; i--) {
			try {
				all[i].onFinish(task, failure);
			}
			catch (Throwable ex) {
				hookFailed(all[i], "onFinish", task, ex);
			}
		}
	}

	private TaskHook[] hooks() {
		TaskHook[] current = this.hooks;
		if (current == null) {
			current = this.hookSupplier.get().toArray(new TaskHook[0]);
			this.hooks = current;
		}
		return current;
	}

	private void hookFailed(TaskHook hook, String phase, TrackedTask task, Throwable ex) {
		HookFailures failures = this.hookFailures.computeIfAbsent(hook, (key) -> new HookFailures());
		long count = failures.count.incrementAndGet();
		long now = System.nanoTime();
		long last = failures.lastLogged.get();
		if ((count == 1 || now - last >= LOG_INTERVAL_NANOS) && failures.lastLogged.compareAndSet(last, now)) {
			logger.warn(
					"TaskHook {} threw in {} for task {} '{}' on executor '{}' ({} failure(s) so far; "
							+ "logged at most once a minute); the task is not affected",
					hook.getClass().getName(), phase, task.id(), task.name(), task.executor(), count, ex);
		}
	}

	private static final class HookFailures {

		private final AtomicLong count = new AtomicLong();

		private final AtomicLong lastLogged = new AtomicLong();

	}

}
