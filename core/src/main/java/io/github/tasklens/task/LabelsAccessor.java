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
package io.github.tasklens.task;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.propagation.ContextCapture;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * The labels in force on a thread, as a {@link ThreadLocalAccessor} of Micrometer's
 * context propagation, under the key {@value ContextCapture#LABELS_KEY}: registered, it
 * lets Reactor's automatic context propagation
 * ({@code Hooks.enableAutomaticContextPropagation()}, Boot's
 * {@code spring.reactor.context-propagation=auto}) carry a request's labels through
 * operators to whatever thread runs them. Inside a task, the task's own labels win over
 * those carried.
 * <p>
 * A value put in a Reactor {@code Context} under that key may be {@link TaskLabels} or an
 * {@link InlineTask}: the task's labels are read each time they are put in force, so a
 * reactive request's route, known only once a handler matched, reaches the operators that
 * run after that.
 *
 * @author tasklens authors
 */
public final class LabelsAccessor implements ThreadLocalAccessor<Object> {

	@Override
	public Object key() {
		return ContextCapture.LABELS_KEY;
	}

	@Override
	public @Nullable Object getValue() {
		return TaskFrames.carried();
	}

	@Override
	public void setValue(Object value) {
		carry(value);
	}

	@Override
	public void setValue() {
		TaskFrames.carryLabels(null);
	}

	@Override
	public void restore(Object previousValue) {
		carry(previousValue);
	}

	@Override
	public void restore() {
		TaskFrames.carryLabels(null);
	}

	private static void carry(Object value) {
		if (value instanceof InlineTask task) {
			TaskFrames.carryTask(task.task());
		}
		else if (value instanceof TrackedTask task) {
			TaskFrames.carryTask(task);
		}
		else {
			TaskFrames.carryLabels((value instanceof TaskLabels labels) ? labels : null);
		}
	}

}
