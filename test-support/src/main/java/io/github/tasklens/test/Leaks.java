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

package io.github.tasklens.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskState;
import io.github.tasklens.registry.Texts;

/**
 * What a leak check found: the tasks and the threads still live that it does not ignore.
 *
 * @param tasks the leaked tasks, oldest first
 * @param threads the leaked threads, by name
 * @author tasklens authors
 */
public record Leaks(List<LeakedTask> tasks, List<LeakedThread> threads) {

	/**
	 * Return whether nothing leaked.
	 * @return whether there is no leaked task and no leaked thread
	 */
	public boolean isEmpty() {
		return this.tasks.isEmpty() && this.threads.isEmpty();
	}

	/**
	 * Describe the leaks for people: how many, then each task (executor, name, labels,
	 * state, age, stack, submit site) and each thread (name, state, stack).
	 * @return the description
	 */
	public String describe() {
		StringBuilder out = new StringBuilder();
		out.append(this.tasks.size())
			.append(" leaked task(s) and ")
			.append(this.threads.size())
			.append(" leaked thread(s)");
		for (LeakedTask task : this.tasks) {
			TaskInfo info = task.info();
			out.append("\n\ntask ")
				.append(info.id())
				.append(" '")
				.append(info.name())
				.append("' on executor '")
				.append(info.executor())
				.append("', ")
				.append(task.state())
				.append(" for ")
				.append(age(info, task.state()))
				.append(", labels ")
				.append(info.labels());
			frames(out, task.stack());
			if (!info.submitSite().isEmpty()) {
				out.append("\n    submitted from");
				frames(out, info.submitSite());
			}
		}
		for (LeakedThread thread : this.threads) {
			out.append("\n\nthread \"").append(thread.name()).append("\" ").append(thread.state());
			frames(out, thread.stack());
		}
		return out.toString();
	}

	private static String age(TaskInfo task, TaskState state) {
		Instant since = (state.isRunning() && task.startedAt() != null) ? task.startedAt() : task.submittedAt();
		return Texts.duration(Duration.between(since, Instant.now()));
	}

	private static void frames(StringBuilder out, List<StackTraceElement> stack) {
		for (StackTraceElement frame : stack) {
			out.append("\n    at ").append(Texts.frame(frame));
		}
	}

	/**
	 * A task still queued or running.
	 *
	 * @param info the task
	 * @param state its state when found
	 * @param stack the stack of its thread when running, else empty
	 */
	public record LeakedTask(TaskInfo info, TaskState state, List<StackTraceElement> stack) {
	}

	/**
	 * A thread still alive.
	 *
	 * @param name its name
	 * @param state its state when found
	 * @param stack its stack
	 */
	public record LeakedThread(String name, Thread.State state, List<StackTraceElement> stack) {
	}

}
