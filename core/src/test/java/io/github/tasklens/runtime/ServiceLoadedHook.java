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
package io.github.tasklens.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;

/**
 * A hook that {@code META-INF/services/io.github.tasklens.TaskHook} lists.
 */
public class ServiceLoadedHook implements TaskHook {

	static final List<String> started = new CopyOnWriteArrayList<>();

	@Override
	public void onStart(TaskInfo task) {
		started.add(task.executor() + ":" + task.labels().get("region"));
	}

}
