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

import io.github.tasklens.TaskInfo;
import org.jspecify.annotations.Nullable;

/**
 * A task as the {@link LiveTaskRegistry} holds it: the entry carries its own links, so
 * that adding and removing a task allocates nothing.
 *
 * @author tasklens authors
 */
public abstract class RegistryEntry implements TaskInfo {

	/**
	 * A check found that the running task newly passed its {@code warn-after}.
	 */
	protected static final int OVERDUE = 1;

	/**
	 * A check found that the running task newly passed its {@code interrupt-after}.
	 */
	protected static final int INTERRUPT = 2;

	/**
	 * A check found that the queued task newly passed its {@code queue-warn-after}.
	 */
	protected static final int QUEUE_OVERDUE = 4;

	@Nullable RegistryEntry previous;

	@Nullable RegistryEntry next;

	boolean linked;

	boolean untracked;

	/**
	 * Drop the task if it can never run again: it leaves the registry, counted as
	 * cancelled. Only the watchdog's sweep calls it; readers ask {@link #canNeverRun()}
	 * and change nothing.
	 */
	public abstract void sweep();

	/**
	 * Return whether the task is live but can never run again (its future completed
	 * without a run, or its executor terminated): readers leave it out, and the next
	 * sweep drops it.
	 * @return whether it can never run
	 */
	public abstract boolean canNeverRun();

	/**
	 * Return whether the task has ended.
	 * @return whether it ended
	 */
	public abstract boolean ended();

	/**
	 * Return whether the task is live but not listed: it was submitted while the registry
	 * listed as many tasks as it may.
	 * @return whether it is left out of the listing
	 */
	public boolean untracked() {
		return this.untracked;
	}

	/**
	 * Check the task against its time box at the given time and mark what it newly
	 * passed, so that the next check does not find it again. Called by the watchdog, one
	 * thread, while it holds the registry's lock: it must not block, and allocates only
	 * for a task that newly passes part of its time box.
	 * @param nowNanos the time of the check, from {@link System#nanoTime()}
	 * @return what it newly passed: {@link #OVERDUE}, {@link #INTERRUPT} and
	 * {@link #QUEUE_OVERDUE} bits, or 0
	 */
	protected abstract int checkTimeBox(long nowNanos);

	/**
	 * Interrupt the thread of the run that a check found past its
	 * {@code interrupt-after}, if that run is still going, and count it.
	 * @return whether the thread was interrupted
	 */
	protected abstract boolean interruptOverdueRun();

	/**
	 * Return the time box of the task.
	 * @return the time box
	 */
	public abstract TaskTimeBox timeBox();

}
