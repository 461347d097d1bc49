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
package io.github.tasklens.bootstrap;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Where the JDK's classes that the tasklens agent instruments reach tasklens. The agent
 * puts this class on the bootstrap class path, the only one the JDK's classes see; a
 * runtime installs its {@link Tracker} here when it starts and takes it out when it
 * closes. Until one is installed, and after, the instrumented classes behave as if they
 * were not instrumented: a task submitted then is not tracked.
 * <p>
 * It uses JDK types only, and nothing of it may throw into the JDK's code: a tracker that
 * fails leaves the task as it was.
 *
 * @author tasklens authors
 */
public final class TaskBridge {

	private static volatile Tracker tracker;

	private static volatile boolean attached;

	// the creators of pools made by the app's code, for the tracker installed now and
	// any installed later; weak keys, identity
	private static final Map<ExecutorService, String> creators = Collections.synchronizedMap(new WeakHashMap<>());

	// pools whose tasks tasklens tracks otherwise (a Spring executor bean's, through its
	// TaskDecorator): the agent passes them over; weak keys, identity
	private static final Map<ExecutorService, Boolean> passedOver = Collections.synchronizedMap(new WeakHashMap<>());

	// pools that are beans the starter cannot wrap (a ThreadPoolExecutor subclass
	// declared as its own class): their tasks are tracked in place under the bean's name;
	// weak keys, identity
	private static final Map<ExecutorService, String> beanNames = Collections.synchronizedMap(new WeakHashMap<>());

	private TaskBridge() {
	}

	/**
	 * Mark that the agent instruments the JDK's classes; called by the agent only.
	 */
	public static void attach() {
		attached = true;
	}

	/**
	 * Return whether the tasklens agent instruments the JDK's classes in this JVM.
	 * @return whether it is attached
	 */
	public static boolean attached() {
		return attached;
	}

	/**
	 * Install the tracker that tasks of instrumented executors go to from now on.
	 * @param installed the tracker
	 * @return the tracker it replaces, or {@code null}
	 */
	public static synchronized Tracker install(Tracker installed) {
		Tracker previous = tracker;
		tracker = installed;
		return previous;
	}

	/**
	 * Take a tracker out, if it is still the one installed, and put back the one it
	 * replaced.
	 * @param installed the tracker to take out
	 * @param previous what {@link #install} returned for it
	 */
	public static synchronized void uninstall(Tracker installed, Tracker previous) {
		if (tracker == installed) {
			tracker = previous;
		}
	}

	/**
	 * Return the tracker installed.
	 * @return the tracker, or {@code null}
	 */
	public static Tracker tracker() {
		return tracker;
	}

	/**
	 * A pool's constructor has finished its own part.
	 * @param pool the pool
	 */
	public static void created(ThreadPoolExecutor pool) {
		Tracker current = tracker;
		try {
			if (Creators.madeBy("java.lang.VirtualThread")) {
				// the timers of virtual threads (their sleeps and timed parks)
				passOver(pool);
				return;
			}
			rememberCreator(pool);
			if (current != null) {
				current.created(pool);
			}
		}
		catch (Throwable ex) {
			// the pool is made as it would be without tasklens
		}
	}

	/**
	 * Return the name of the class whose code is making a pool now: the first on the
	 * stack that is neither the JDK's nor tasklens's.
	 * @return its simple name, or {@code null} when the JDK makes the pool itself
	 */
	public static String creatorName() {
		return Creators.nameOfCreator();
	}

	/**
	 * Remember who made a pool, for the tracker installed now and any installed later (a
	 * runtime may start after the pool is made, or take over from another).
	 */
	static void rememberCreator(ExecutorService pool) {
		if (attached) {
			String name = Creators.nameOfCreator();
			if (name != null) {
				creators.put(pool, name);
			}
		}
	}

	/**
	 * Pass a pool over: its tasks are tracked otherwise, by a decorator of the executor
	 * around it, which would see them tracked twice.
	 * @param pool the pool
	 */
	public static void passOver(ExecutorService pool) {
		passedOver.put(pool, Boolean.TRUE);
	}

	/**
	 * Return whether a pool is passed over.
	 * @param pool the pool
	 * @return whether its tasks are tracked otherwise
	 */
	public static boolean passedOver(ExecutorService pool) {
		return !passedOver.isEmpty() && passedOver.containsKey(pool);
	}

	/**
	 * Name a pool that is a bean: its tasks are tracked in place under that name, which
	 * wins over its creator's. Called by the starter for a bean it cannot wrap.
	 * @param pool the pool
	 * @param name the bean's name
	 */
	public static void nameBean(ExecutorService pool, String name) {
		beanNames.put(pool, name);
	}

	/**
	 * Return the bean name given to a pool.
	 * @param pool the pool
	 * @return the name, or {@code null} when it is no bean or none was given
	 */
	public static String beanName(ExecutorService pool) {
		return beanNames.isEmpty() ? null : beanNames.get(pool);
	}

	/**
	 * Return the name of the creator of a pool, as the bridge saw it made.
	 * @param pool the pool
	 * @return the name, or {@code null} when the bridge did not see it made by the app
	 */
	public static String creatorOf(ExecutorService pool) {
		return creators.get(pool);
	}

	/**
	 * Return what a pool runs in place of a task handed to it.
	 * @param pool the pool
	 * @param task the task
	 * @return the tracked task, or the task itself
	 */
	public static Runnable execute(ThreadPoolExecutor pool, Runnable task) {
		Tracker current = tracker;
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.execute(pool, task);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * Return the app's tasks among those a pool returns unrun.
	 * @param tasks what the pool returned
	 * @return the app's tasks
	 */
	public static List<Runnable> unrun(List<Runnable> tasks) {
		Tracker current = tracker;
		if (current == null || tasks == null || tasks.isEmpty()) {
			return tasks;
		}
		try {
			return current.unrun(tasks);
		}
		catch (Throwable ex) {
			return tasks;
		}
	}

	/**
	 * Return the element of a pool's queue that stands for an app's task.
	 * @param pool the pool
	 * @param task the app's task
	 * @return the element, or the task itself
	 */
	public static Runnable element(ThreadPoolExecutor pool, Runnable task) {
		Tracker current = tracker;
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.element(pool, task);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * An element of a pool's queue was removed: its task never runs.
	 * @param element the element
	 */
	public static void removed(Runnable element) {
		Tracker current = tracker;
		if (current != null && element != null) {
			try {
				current.removed(element);
			}
			catch (Throwable ex) {
				// the task stays listed until a sweep finds it can never run
			}
		}
	}

	/**
	 * A pool's {@code remove} has returned.
	 * @param removed what it returned
	 * @param element what {@link #element} returned
	 */
	public static void removed(boolean removed, Runnable element) {
		if (removed) {
			removed(element);
		}
	}

	/**
	 * Return the queue of a pool as the app sees it: its own tasks.
	 * @param pool the pool
	 * @param queue the pool's queue
	 * @return the queue the app sees
	 */
	public static BlockingQueue<Runnable> queue(ThreadPoolExecutor pool, BlockingQueue<Runnable> queue) {
		Tracker current = tracker;
		if (current == null || queue == null) {
			return queue;
		}
		try {
			return current.queue(pool, queue);
		}
		catch (Throwable ex) {
			return queue;
		}
	}

	/**
	 * Return the handler a pool keeps in place of one the app sets.
	 * @param pool the pool
	 * @param handler the app's handler
	 * @return the handler to keep
	 */
	public static RejectedExecutionHandler handler(ThreadPoolExecutor pool, RejectedExecutionHandler handler) {
		Tracker current = tracker;
		if (current == null || handler == null) {
			return handler;
		}
		try {
			return current.handler(pool, handler);
		}
		catch (Throwable ex) {
			return handler;
		}
	}

	/**
	 * Return the app's handler behind the one a pool keeps.
	 * @param handler the handler the pool keeps
	 * @return the app's handler
	 */
	public static RejectedExecutionHandler appHandler(RejectedExecutionHandler handler) {
		Tracker current = tracker;
		if (current == null || handler == null) {
			return handler;
		}
		try {
			return current.appHandler(handler);
		}
		catch (Throwable ex) {
			return handler;
		}
	}

}
