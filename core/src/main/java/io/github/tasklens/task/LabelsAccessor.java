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
 *
 * @author tasklens authors
 */
public final class LabelsAccessor implements ThreadLocalAccessor<TaskLabels> {

	@Override
	public Object key() {
		return ContextCapture.LABELS_KEY;
	}

	@Override
	public @Nullable TaskLabels getValue() {
		TaskLabels labels = TaskFrames.currentLabels();
		return labels.isEmpty() ? null : labels;
	}

	@Override
	public void setValue(TaskLabels value) {
		TaskFrames.carryLabels(value);
	}

	@Override
	public void setValue() {
		TaskFrames.carryLabels(null);
	}

	@Override
	public void restore(TaskLabels previousValue) {
		TaskFrames.carryLabels(previousValue);
	}

	@Override
	public void restore() {
		TaskFrames.carryLabels(null);
	}

}
