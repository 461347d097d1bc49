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
package io.github.tasklens.executor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.bootstrap.TaskBridge;
import io.github.tasklens.bootstrap.Tracker;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.ThreadRuns;
import io.github.tasklens.task.TrackedTask;
import io.github.tasklens.task.TrackingTaskDecorator;
import org.jspecify.annotations.Nullable;

/**
 * Tracks the tasks of JDK pools in place, for the agent: the pool's own methods hand
 * their tasks here through {@link TaskBridge}, so that a pool no bean exposes (a
 * service's private pool, a library's) is tracked like a bean's. A pool is named after
 * the class whose code created it. Tasks that arrive tracked already (a bean's, through
 * its wrapper or Spring's decorator) pass untouched, so each task is tracked once and a
 * bean's name wins.
 *
 * @author tasklens authors
 */
public final class InPlaceTracking implements Tracker {

	/**
	 * The name of the JVM's common fork-join pool.
	 */
	public static final String COMMON_POOL = "commonPool";

	/**
	 * The name of virtual threads the JDK itself starts.
	 */
	public static final String VIRTUAL_THREAD = "virtualThread";

	/**
	 * How many distinct names the pools and threads the agent reaches get by default.
	 */
	public static final int DEFAULT_MAX_NAMES = 100;

	/**
	 * The name that pools and threads beyond the most names share.
	 */
	public static final String OTHER = "other";

	private final TaskChain chain;

	private final Map<String, String> names;

	private final int maxNames;

	// pool → its state; weak keys, identity (the JDK's pools keep Object's equals)
	private final Map<ExecutorService, Pool> pools = new WeakHashMap<>();

	private final Map<String, TrackingTaskDecorator> decorators = new ConcurrentHashMap<>();

	private final PlatformThreads threads = new PlatformThreads();

	/**
	 * Create the tracking of one runtime's chain.
	 * @param chain the chain
	 */
	public InPlaceTracking(TaskChain chain) {
		this(chain, Map.of(), DEFAULT_MAX_NAMES);
	}

	/**
	 * Create the tracking of one runtime's chain, with names of its own.
	 * @param chain the chain
	 * @param names the names to show, by the name a pool or thread gets otherwise (the
	 * simple name of the class that creates it)
	 * @param maxNames how many distinct names at most; pools beyond share {@value #OTHER}
	 */
	public InPlaceTracking(TaskChain chain, Map<String, String> names, int maxNames) {
		if (maxNames < 1) {
			throw new IllegalArgumentException("Invalid maxNames " + maxNames + ": at least 1 is allowed");
		}
		this.chain = chain;
		// keys as the class's simple name, in any case: relaxed binding may lower it
		Map<String, String> byKey = new HashMap<>();
		names.forEach((key, name) -> byKey.put(key.toLowerCase(Locale.ROOT), name));
		this.names = Map.copyOf(byKey);
		this.maxNames = maxNames;
	}

	@Override
	public void created(ThreadPoolExecutor pool) {
		if (pool instanceof TrackedExecutors.Wrapper) {
			return;
		}
		register(pool);
	}

	/**
	 * Name a pool being made after the code that makes it; one the JDK makes itself (the
	 * common pool, in the pool class's initializer) is named on first use.
	 */
	private void register(ExecutorService pool) {
		// with the agent attached the bridge has remembered it before calling here (and
		// found none for a pool the JDK makes: no second look); without, it is looked for
		String name = TaskBridge.attached() ? TaskBridge.creatorOf(pool) : TaskBridge.creatorName();
		if (name == null) {
			return;
		}
		synchronized (this.pools) {
			// a constructor that calls another passes here twice
			this.pools.putIfAbsent(pool, new Pool(decorator(name)));
		}
	}

	/**
	 * Return whether the tasks of a pool are tracked in place: not those of tasklens's
	 * own wrappers, whose tasks are tracked already, nor yet those of a scheduled pool,
	 * which queues its tasks past {@code execute}.
	 */
	private static boolean reached(ThreadPoolExecutor pool) {
		return !(pool instanceof TrackedExecutors.Wrapper || pool instanceof ScheduledThreadPoolExecutor);
	}

	@Override
	public Runnable execute(ThreadPoolExecutor pool, Runnable task) {
		if (!reached(pool) || TrackingTaskDecorator.isTracked(task)) {
			return task;
		}
		Pool state = pool(pool);
		if (state.passedOver) {
			return task;
		}
		if (!state.handlerInstalled) {
			// once the pool is fully made: a subclass's setter may use its own fields
			state.handlerInstalled = true;
			TrackingRejectedExecutionHandler.install(pool, pool);
		}
		return state.decorator.decorate(task);
	}

	@Override
	public Runnable schedule(ScheduledThreadPoolExecutor pool, Runnable task, boolean periodic) {
		if (pool instanceof TrackedExecutors.Wrapper || TrackingTaskDecorator.isTracked(task)) {
			return task;
		}
		Pool state = pool(pool);
		if (state.passedOver) {
			return task;
		}
		return periodic ? state.decorator.decoratePeriodic(task) : state.decorator.decorateInFuture(task);
	}

	@Override
	public Callable<?> scheduleCallable(ScheduledThreadPoolExecutor pool, Callable<?> task) {
		return (pool instanceof TrackedExecutors.Wrapper) ? task : callable(pool, task);
	}

	@Override
	public void scheduled(Object task, @Nullable Future<?> future, @Nullable Throwable thrown) {
		if (thrown instanceof RejectedExecutionException) {
			TrackingTaskDecorator.rejected(task);
		}
		else if (future != null) {
			TrackingTaskDecorator.attach(task, future);
		}
	}

	@Override
	public void forkJoinCreated(ForkJoinPool pool) {
		register(pool);
	}

	@Override
	public Runnable forkJoin(ForkJoinPool pool, Runnable task, boolean inFuture) {
		if (TrackingTaskDecorator.isTracked(task) || (inFuture && task instanceof ForkJoinTask)) {
			// a fork-join task submitted is its own future: the app holds it
			return task;
		}
		Pool state = pool(pool);
		if (state.passedOver) {
			return task;
		}
		return inFuture ? state.decorator.decorateInFuture(task) : state.decorator.decorate(task);
	}

	@Override
	public Callable<?> forkJoinCallable(ForkJoinPool pool, Callable<?> task) {
		return callable(pool, task);
	}

	private Callable<?> callable(ExecutorService pool, Callable<?> task) {
		if (task instanceof TrackedTask) {
			return task;
		}
		Pool state = pool(pool);
		return state.passedOver ? task : state.decorator.decorateCallable(task);
	}

	@Override
	public Runnable threadPerTask(Runnable task) {
		// the common pool's stand-in: its tasks keep the common pool's name
		return TrackingTaskDecorator.isTracked(task) ? task : decorator(COMMON_POOL).decorate(task);
	}

	@Override
	public Runnable virtualThread(Runnable task) {
		if (TrackingTaskDecorator.isTracked(task)) {
			// an executor bean's task, on a virtual thread of its own
			return task;
		}
		String creator = TaskBridge.creatorName();
		return decorator((creator != null) ? creator : VIRTUAL_THREAD).decorate(task);
	}

	@Override
	public void threadStarting(Thread thread, String starter) {
		this.threads.starting(thread, decorator(starter));
	}

	@Override
	public @Nullable Object threadRunning(Thread thread) {
		return this.threads.running(thread);
	}

	@Override
	public void threadEnded(Object run, @Nullable Throwable thrown) {
		ThreadRuns.end(run, thrown);
	}

	@Override
	public void threadExited(Thread thread) {
		this.threads.exited(thread);
	}

	@Override
	public List<Runnable> unrun(List<Runnable> tasks) {
		return TrackedExecutors.unrun(tasks);
	}

	@Override
	public Runnable element(ThreadPoolExecutor pool, Runnable task) {
		if (!reached(pool) || TrackingTaskDecorator.isTracked(task)) {
			return task;
		}
		BlockingQueue<Runnable> queue = pool.getQueue();
		if (queue instanceof TaskQueueView view) {
			// getQueue() is instrumented too: the view's own queue is the pool's
			queue = view.queue();
		}
		Runnable element = queueView(pool, queue).elementOf(task);
		return (element != null) ? element : task;
	}

	@Override
	public void removed(Runnable element) {
		TrackingTaskDecorator.dropped(element);
	}

	@Override
	public BlockingQueue<Runnable> queue(ThreadPoolExecutor pool, BlockingQueue<Runnable> queue) {
		if (!reached(pool) || queue instanceof TaskQueueView) {
			return queue;
		}
		return queueView(pool, queue);
	}

	@Override
	public RejectedExecutionHandler handler(ThreadPoolExecutor pool, RejectedExecutionHandler handler) {
		if (!reached(pool)) {
			return handler;
		}
		return TrackingRejectedExecutionHandler.wrap(handler, pool);
	}

	@Override
	public RejectedExecutionHandler appHandler(RejectedExecutionHandler handler) {
		return TrackingRejectedExecutionHandler.unwrap(handler);
	}

	private TaskQueueView queueView(ThreadPoolExecutor pool, BlockingQueue<Runnable> queue) {
		return new TaskQueueView(queue, pool(pool).decorator, false);
	}

	private Pool pool(ExecutorService pool) {
		synchronized (this.pools) {
			Pool state = this.pools.get(pool);
			if (state == null) {
				// made before this runtime started: named after its creator if the bridge
				// saw it made, else after its class; the common pool is "commonPool"
				String creator = (pool == ForkJoinPool.commonPool()) ? COMMON_POOL : TaskBridge.creatorOf(pool);
				state = new Pool(decorator((creator != null) ? creator : pool.getClass().getSimpleName()));
				this.pools.put(pool, state);
			}
			if (!state.checked) {
				// asked on first use, once an executor bean around the pool (made with
				// it, before any task) has taken it over, or the pool, a bean itself,
				// has been given its bean's name
				state.passedOver = TaskBridge.passedOver(pool);
				String beanName = TaskBridge.beanName(pool);
				if (beanName != null) {
					state.decorator = decorator(beanName);
				}
				state.checked = true;
			}
			return state;
		}
	}

	private TrackingTaskDecorator decorator(String name) {
		// one per name, however many pools its creator makes: a pool per request must
		// not grow the chain; and a bounded number of names, for the meters
		String shown = this.names.isEmpty() ? name : this.names.getOrDefault(name.toLowerCase(Locale.ROOT), name);
		TrackingTaskDecorator found = this.decorators.get(shown);
		if (found != null) {
			return found;
		}
		if (this.decorators.size() >= this.maxNames) {
			shown = OTHER;
		}
		return this.decorators.computeIfAbsent(shown, (key) -> this.chain.decorator(key, null, () -> false));
	}

	private static final class Pool {

		// a bean's name replaces the creator's on first use, under the lock
		private TrackingTaskDecorator decorator;

		// whether its tasks are tracked otherwise, asked of the bridge on first use
		private boolean passedOver;

		private boolean checked;

		private boolean handlerInstalled;

		Pool(TrackingTaskDecorator decorator) {
			this.decorator = decorator;
		}

	}

}
