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

package io.github.tasklens.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.tasklens.CancelOutcome;
import io.github.tasklens.TaskInfo;

/**
 * Cancels tasks of the registry and waits, in short parks, for them to end: a task's end
 * signals nobody, and the wait is an operator's, seconds long at most.
 *
 * @author tasklens authors
 */
final class Cancelling {

	private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private Cancelling() {
	}

	static CancelOutcome cancel(List<RegistryEntry> tasks, Duration wait) {
		if (wait.isNegative()) {
			throw new IllegalArgumentException("Invalid wait " + wait + ": it must not be negative");
		}
		for (RegistryEntry task : tasks) {
			task.cancelTask();
		}
		long deadline = System.nanoTime() + wait.toNanos();
		List<RegistryEntry> live = new ArrayList<>(tasks);
		List<TaskInfo> ended = new ArrayList<>();
		for (;;) {
			live.removeIf((task) -> {
				boolean over = task.ended() || task.canNeverRun();
				if (over) {
					ended.add(task);
				}
				return over;
			});
			long left = deadline - System.nanoTime();
			if (live.isEmpty() || left <= 0 || Thread.currentThread().isInterrupted()) {
				return new CancelOutcome(ended, new ArrayList<>(live));
			}
			LockSupport.parkNanos(Math.min(left, PARK_NANOS));
		}
	}

}
