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
package io.github.tasklens.boot.reactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.tasklens.executor.JdkExecutorTracking;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.task.LabelsAccessor;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;
import io.github.tasklens.task.TrackingTaskDecorator;
import io.micrometer.context.ContextRegistry;
import reactor.core.Scannable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Tracks the tasks of Reactor's schedulers: each executor a scheduler makes
 * ({@code boundedElastic}, {@code parallel}, {@code single}, or one made with
 * {@code Schedulers.newXxx(name)}) is tracked under the scheduler's name, through
 * Reactor's own hook for it ({@code Schedulers.addExecutorServiceDecorator}); a failure
 * that Reactor catches in a task ({@code Schedulers.onHandleError}) is the task's
 * failure. Both hooks are installed under the key {@value #KEY} and removed by
 * {@link #close()}, with the {@link LabelsAccessor} it registers in Micrometer's
 * {@code ContextRegistry}, so that automatic context propagation carries labels through
 * operators. A scheduler's executors made before (the cached {@code parallel()} used
 * before the context started) stay untracked.
 * <p>
 * Reactor's hooks are global and keep the first decorator of a key, so with several
 * contexts in one JVM (cached test contexts, a parent and a child) the hooks are
 * installed once and serve the context that started last and is still open; the last one
 * closed removes them.
 *
 * @author tasklens authors
 */
public final class ReactorSchedulers implements AutoCloseable {

	/** The key of tasklens's hooks in Reactor's {@code Schedulers}. */
	public static final String KEY = "tasklens";

	// Reactor names its schedulers in their toString: boundedElastic("reports",...)
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	// the open instances, in the order their contexts started
	private static final List<ReactorSchedulers> LIVE = new ArrayList<>();

	private final TaskChain chain;

	// one decorator per scheduler name: boundedElastic makes and drops executors all
	// its life
	private final Map<String, TrackingTaskDecorator> decorators = new ConcurrentHashMap<>();

	/**
	 * Install the hooks.
	 * @param chain the chain the schedulers' tasks pass
	 */
	public ReactorSchedulers(TaskChain chain) {
		this.chain = chain;
		synchronized (LIVE) {
			if (LIVE.isEmpty()) {
				install();
			}
			LIVE.add(this);
		}
	}

	private static void install() {
		Schedulers.addExecutorServiceDecorator(KEY, ReactorSchedulers::trackByLatest);
		ContextRegistry.getInstance().registerThreadLocalAccessor(new LabelsAccessor());
		Schedulers.onHandleError(KEY, (thread, failure) -> {
			TrackedTask task = TaskFrames.currentTask();
			if (task != null) {
				task.recordFailure(failure);
			}
		});
	}

	private static ScheduledExecutorService trackByLatest(Scheduler scheduler, ScheduledExecutorService executor) {
		ReactorSchedulers latest;
		synchronized (LIVE) {
			latest = LIVE.isEmpty() ? null : LIVE.get(LIVE.size() - 1);
		}
		return (latest != null) ? latest.track(scheduler, executor) : executor;
	}

	private ScheduledExecutorService track(Scheduler scheduler, ScheduledExecutorService executor) {
		try {
			TrackingTaskDecorator decorator = this.decorators.computeIfAbsent(nameOf(scheduler),
					(name) -> this.chain.decorator(name, null, () -> false));
			return (ScheduledExecutorService) JdkExecutorTracking.track(executor, decorator).executor();
		}
		catch (RuntimeException ex) {
			// a failure inside tasklens: the scheduler runs on its own executor
			return executor;
		}
	}

	/**
	 * The name of a scheduler as its tasks show it.
	 * @param scheduler the scheduler
	 * @return the name it was given, or Reactor's name of it
	 */
	static String nameOf(Scheduler scheduler) {
		Matcher quoted = QUOTED.matcher(String.valueOf(scheduler));
		if (quoted.find()) {
			return quoted.group(1);
		}
		String name = Scannable.from(scheduler).name();
		return name.isEmpty() ? scheduler.getClass().getSimpleName() : name;
	}

	/**
	 * Remove the hooks, unless another open context still uses them; executors made
	 * before keep tracking their tasks.
	 */
	@Override
	public void close() {
		synchronized (LIVE) {
			if (!LIVE.remove(this) || !LIVE.isEmpty()) {
				return;
			}
			Schedulers.removeExecutorServiceDecorator(KEY);
			Schedulers.resetOnHandleError(KEY);
			ContextRegistry.getInstance().removeThreadLocalAccessor(ContextCapture.LABELS_KEY);
		}
	}

}
