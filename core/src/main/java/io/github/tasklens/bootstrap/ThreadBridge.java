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

/**
 * Where threads reach tasklens: a virtual thread's task, however the thread is started,
 * and a platform thread's run, from its start to its end. As {@link TaskBridge}: JDK
 * types only, and nothing thrown into the JDK's code.
 *
 * @author tasklens authors
 */
public final class ThreadBridge {

	private ThreadBridge() {
	}

	/**
	 * Return what a virtual thread runs in place of the task it is made with, on the
	 * thread that makes it, whose labels the task inherits.
	 * @param task the thread's task
	 * @return the tracked task, or the task itself
	 */
	public static Runnable virtualThread(Runnable task) {
		Tracker current = TaskBridge.tracker();
		if (current == null || task == null) {
			return task;
		}
		try {
			return current.virtualThread(task);
		}
		catch (Throwable ex) {
			return task;
		}
	}

	/**
	 * A platform thread is being started; called on the thread that starts it.
	 * @param thread the thread
	 */
	public static void starting(Thread thread) {
		Tracker current = TaskBridge.tracker();
		if (current != null && thread != null) {
			try {
				String starter = Creators.rawThreadStarter();
				if (starter != null) {
					current.threadStarting(thread, starter);
				}
			}
			catch (Throwable ex) {
				// the thread starts as it would without tasklens
			}
		}
	}

	/**
	 * A platform thread's run begins; called on that thread.
	 * @param thread the thread
	 * @return what {@link #ended} takes, or {@code null} when the thread is not tracked
	 */
	public static Object running(Thread thread) {
		Tracker current = TaskBridge.tracker();
		if (current == null) {
			return null;
		}
		try {
			return current.threadRunning(thread);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * A platform thread's run ends; called on that thread.
	 * @param run what {@link #running} returned
	 * @param thrown what the run threw, or {@code null}
	 */
	public static void ended(Object run, Throwable thrown) {
		Tracker current = TaskBridge.tracker();
		if (current != null && run != null) {
			try {
				current.threadEnded(run, thrown);
			}
			catch (Throwable ex) {
				// what the run threw goes on as it would without tasklens
			}
		}
	}

	/**
	 * A platform thread ends; called on that thread, after its run.
	 * @param thread the thread
	 */
	public static void exited(Thread thread) {
		Tracker current = TaskBridge.tracker();
		if (current != null) {
			try {
				current.threadExited(thread);
			}
			catch (Throwable ex) {
				// the thread ends as it would without tasklens
			}
		}
	}

}
