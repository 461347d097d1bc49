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

package io.github.tasklens.timebox;

/**
 * A live task, or one run of it, that the watchdog checks against a time box.
 *
 * @author tasklens authors
 */
public interface TimeBoxed {

	/**
	 * A check found that the running task newly passed its {@code warn-after}.
	 */
	int OVERDUE = 1;

	/**
	 * A check found that the running task newly passed its {@code interrupt-after}.
	 */
	int INTERRUPT = 2;

	/**
	 * A check found that the queued task newly passed its {@code queue-warn-after}.
	 */
	int QUEUE_OVERDUE = 4;

	/**
	 * Check the task against its time box at the given time and mark what it newly
	 * passed, so that the next check does not find it again. Called by the watchdog, one
	 * thread, while it holds the registry's lock: it must not block, and allocates only
	 * for a task that newly passes part of its time box.
	 * @param nowNanos the time of the check, from {@link System#nanoTime()}
	 * @return what it newly passed: {@link #OVERDUE}, {@link #INTERRUPT} and
	 * {@link #QUEUE_OVERDUE} bits, or 0
	 */
	int checkTimeBox(long nowNanos);

	/**
	 * Interrupt the thread of the run that a check found past its
	 * {@code interrupt-after}, if that run is still going, and count it.
	 * @return whether the thread was interrupted
	 */
	boolean interruptOverdueRun();

	/**
	 * Return the time box of the task.
	 * @return the time box
	 */
	TaskTimeBox timeBox();

}
