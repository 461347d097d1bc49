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
package io.github.tasklens.registry;

import io.github.tasklens.TaskInfo;
import org.jspecify.annotations.Nullable;

/**
 * A task as the {@link LiveTaskRegistry} holds it: the entry carries its own links, so
 * that adding and removing a task allocates nothing.
 *
 * @author tasklens authors
 */
public abstract class RegistryEntry implements TaskInfo {

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
	 * Cancel the task as an operator asks: a queued or scheduled task never runs, a
	 * periodic one runs no more, and a running one is interrupted (its code decides
	 * whether it stops).
	 * @return whether anything was cancelled or interrupted
	 */
	public abstract boolean cancelTask();

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

}
