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
package io.github.tasklens.agent.plainmain;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;

/**
 * A hook that a service file lists, for the agent's own runtime to find.
 */
public class PrintingHook implements TaskHook {

	@Override
	public void onStart(TaskInfo task) {
		System.out.println("hook saw " + task.executor() + " " + task.labels().get("tenant"));
	}

}
