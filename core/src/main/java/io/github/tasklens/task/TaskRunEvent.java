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

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/**
 * One run of a task, for Java Flight Recorder. Its duration is the run's; it is created
 * only while a recording has it enabled, so it costs a flag check per run otherwise.
 *
 * @author tasklens authors
 */
@Name(TaskRunEvent.NAME)
@Label("Task Run")
@Category("tasklens")
@Description("One run of a task decorated by tasklens")
@StackTrace(false)
final class TaskRunEvent extends Event {

	static final String NAME = "io.github.tasklens.TaskRun";

	private static final EventType TYPE = EventType.getEventType(TaskRunEvent.class);

	@Label("Executor")
	@Description("The bean name of the executor")
	String executor = "";

	@Label("Task")
	@Description("The name of the task")
	String task = "";

	@Label("Labels")
	@Description("The labels of the task")
	String labels = "";

	@Label("Queue Wait")
	@Description("Time from submission to the start of the run, in milliseconds resolution; 0 for a periodic task")
	@Timespan(Timespan.NANOSECONDS)
	long queueWait;

	@Label("Failure")
	@Description("The class of what the run threw, if it threw")
	@Nullable String failure;

	/**
	 * Begin the event of a run, if a recording wants it.
	 * @return the started event, or {@code null} when no recording has it enabled
	 */
	static @Nullable TaskRunEvent beginIfEnabled() {
		if (!TYPE.isEnabled()) {
			return null;
		}
		TaskRunEvent event = new TaskRunEvent();
		event.begin();
		return event;
	}

}
