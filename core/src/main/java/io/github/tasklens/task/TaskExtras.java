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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * What few tasks have: where one was submitted, what the watchdog found of it past part
 * of its time box, the failure a caller of {@code get()} reads, and the runs of a
 * periodic task that overlap. Kept out of every task's own fields so that a task stays
 * small; made by whoever needs it first.
 *
 * @author tasklens authors
 */
final class TaskExtras {

	StackTraceElement @Nullable [] submitSite;

	// the start of the run found past warn-after, past interrupt-after, and interrupted
	volatile long overdueRun = -1;

	volatile long interruptDueRun;

	volatile long interruptedRun;

	volatile boolean queueOverdue;

	// the failure of a one-shot task's run, for get()
	volatile @Nullable Throwable failure;

	// whether a caller of get() waits for the end
	volatile boolean awaited;

	// the runs of a periodic task that began while another was going
	final List<OverlappingRun> overlaps = new CopyOnWriteArrayList<>();

}
