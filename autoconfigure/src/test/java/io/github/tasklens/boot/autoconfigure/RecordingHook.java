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
package io.github.tasklens.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskState;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A hook that records what it sees, for tests.
 */
class RecordingHook implements TaskHook {

	final List<Event> events = new CopyOnWriteArrayList<>();

	@Override
	public void onSubmit(TaskInfo task) {
		this.events.add(new Event("submit", task.id(), task.executor(), task.name(), task.state(),
				Thread.currentThread().getName(), null));
	}

	@Override
	public void onStart(TaskInfo task) {
		this.events.add(new Event("start", task.id(), task.executor(), task.name(), task.state(),
				Thread.currentThread().getName(), null));
	}

	@Override
	public void onFinish(TaskInfo task, @Nullable Throwable failure) {
		this.events.add(new Event("finish", task.id(), task.executor(), task.name(), task.state(),
				Thread.currentThread().getName(), failure));
	}

	@Override
	public void onOverdue(TaskInfo task) {
		this.events.add(new Event("overdue", task.id(), task.executor(), task.name(), task.state(),
				Thread.currentThread().getName(), null));
	}

	List<Event> of(String kind) {
		return this.events.stream().filter((event) -> event.kind().equals(kind)).toList();
	}

	List<Event> named(String kind, String name) {
		return this.events.stream().filter((event) -> event.kind().equals(kind) && event.name().equals(name)).toList();
	}

	List<Event> matching(Predicate<Event> filter) {
		return this.events.stream().filter(filter).toList();
	}

	/**
	 * Wait until the given number of tasks with the given name have finished.
	 * @param name the task name
	 * @param count how many finishes
	 * @return the finish events
	 */
	List<Event> awaitFinished(String name, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> named("finish", name).size() >= count);
		return named("finish", name);
	}

	record Event(String kind, long id, String executor, String name, TaskState state, String thread,
			@Nullable Throwable failure) {
	}

}
