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

package io.github.tasklens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The live tasks of an application context: queued, running, and periodic tasks between
 * runs. A task leaves the registry when it ends, however it ends.
 *
 * @author tasklens authors
 */
public interface TaskRegistry {

	/**
	 * Return the live tasks, oldest first, except those left out past
	 * {@code tasklens.inventory.max-tracked}.
	 * @return a snapshot of the live tasks
	 */
	List<TaskInfo> liveTasks();

	/**
	 * Return how many live tasks are not listed: those submitted while as many tasks as
	 * {@code tasklens.inventory.max-tracked} allows were listed. They run and are counted
	 * like any other.
	 * @return the number of live tasks left out of {@link #liveTasks()}
	 */
	default long untracked() {
		return 0;
	}

	/**
	 * Return the live task with the given id.
	 * @param id the task id
	 * @return the task, or {@code null} if no live task has that id
	 */
	@Nullable TaskInfo find(long id);

	/**
	 * Cancel one live task: a queued or scheduled one never runs, a periodic one runs no
	 * more, a running one is interrupted; then wait up to {@code wait} for it to end.
	 * @param id the task id
	 * @param wait how long to wait for it to end
	 * @return what became of it, or {@code null} if no listed live task has that id
	 */
	@Nullable CancelOutcome cancel(long id, Duration wait);

	/**
	 * Cancel every listed live task with a label, as {@link #cancel(long, Duration)} does
	 * one, then wait up to {@code wait} for all of them to end: Go's rule that a
	 * cancelled tree must exit in bounded time, checked. The task that calls it is left
	 * alone.
	 * @param key the label's key
	 * @param value its value
	 * @param wait how long to wait for them to end
	 * @return what became of them
	 */
	CancelOutcome cancelLabelled(String key, String value, Duration wait);

	/**
	 * Return the executors that tasklens decorates, by bean name, with how it decorates
	 * each.
	 * @return executor names and decoration kinds, sorted by name
	 */
	Map<String, String> decoratedExecutors();

	/**
	 * Return the executor beans that tasklens left alone, by bean name, with the reason.
	 * @return executor names and reasons, sorted by name
	 */
	Map<String, String> undecoratedExecutors();

}
