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
 * Where threads reach tasklens: a virtual thread's task, however the thread is started.
 * As {@link TaskBridge}: JDK types only, and nothing thrown into the JDK's code.
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

}
