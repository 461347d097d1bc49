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

import java.util.concurrent.Callable;

import io.github.tasklens.CurrentTaskSource;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import org.jspecify.annotations.Nullable;

/**
 * The runtime's {@link CurrentTaskSource}: the task frames of the current thread.
 * Registered in {@code META-INF/services}, so that the API reaches the runtime without
 * importing it.
 *
 * @author tasklens authors
 */
public final class FrameSource implements CurrentTaskSource {

	@Override
	public @Nullable TaskInfo currentTask() {
		return TaskFrames.currentTask();
	}

	@Override
	public TaskLabels currentLabels() {
		return TaskFrames.currentLabels();
	}

	@Override
	public <T> T withLabels(TaskLabels labels, Callable<T> action) throws Exception {
		return TaskFrames.withLabels(labels, action);
	}

}
