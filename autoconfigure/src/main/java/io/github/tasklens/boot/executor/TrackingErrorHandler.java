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

package io.github.tasklens.boot.executor;

import java.lang.reflect.Field;
import java.util.Set;

import io.github.tasklens.task.TaskChain;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;
import org.springframework.util.ReflectionUtils;

/**
 * The {@link ErrorHandler} tasklens puts on a decorated Spring scheduler, where Spring
 * catches a scheduled task's exception before the chain sees it. It records the failure
 * on the task that is running, to be counted and logged once when the run ends, then
 * hands it on: to the handler the app set, which still runs; else as Spring's default
 * handlers would (suppressed for a repeating task, rethrown for a one-shot), without
 * their second log line. With {@code tasklens.failures.log=false}, Spring's default
 * handlers run as they are.
 *
 * @author tasklens authors
 */
final class TrackingErrorHandler implements ErrorHandler {

	/**
	 * Frames that show a repeating task: a periodic {@code ScheduledFutureTask}, a
	 * trigger's rescheduling runnable, and {@code SimpleAsyncTaskScheduler}'s handler of
	 * repeating runs, for which Spring picks its repeating default.
	 */
	private static final Set<String> REPEATING_FRAMES = Set.of("java.util.concurrent.FutureTask.runAndReset",
			"org.springframework.scheduling.concurrent.ReschedulingRunnable.run",
			"org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler.shutdownAwareErrorHandler");

	private final @Nullable ErrorHandler appHandler;

	private final boolean quiet;

	private TrackingErrorHandler(@Nullable ErrorHandler appHandler, boolean quiet) {
		this.appHandler = appHandler;
		this.quiet = quiet;
	}

	/**
	 * Put the handler on a scheduler that takes one, around the handler it has.
	 * @param scheduler the executor bean
	 * @param chain the chain
	 */
	static void install(Object scheduler, TaskChain chain) {
		if (!(scheduler instanceof ThreadPoolTaskScheduler || scheduler instanceof SimpleAsyncTaskScheduler
				|| scheduler instanceof ConcurrentTaskScheduler)) {
			return;
		}
		Field field = SpringInternals.field(scheduler.getClass(), "errorHandler", ErrorHandler.class,
				"failures that this scheduler's error handler swallows (those of periodic tasks, by default) "
						+ "are not counted, and Spring logs them as well as tasklens");
		if (field == null) {
			return;
		}
		ErrorHandler current = (ErrorHandler) SpringInternals.get(field, scheduler);
		if (current instanceof TrackingErrorHandler) {
			return;
		}
		SpringInternals.set(field, scheduler, new TrackingErrorHandler(current, chain.logsFailures()));
	}

	@Override
	public void handleError(Throwable failure) {
		TrackedTask task = TaskFrames.currentTask();
		if (task != null) {
			task.recordFailure(failure);
		}
		if (this.appHandler != null) {
			this.appHandler.handleError(failure);
			return;
		}
		boolean repeating = (task != null && task.periodic()) || onRepeatingPath();
		if (task == null || !this.quiet) {
			// not a tracked run, or tasklens does not log: Spring's default says it
			TaskUtils.getDefaultErrorHandler(repeating).handleError(failure);
			return;
		}
		if (!repeating) {
			ReflectionUtils.rethrowRuntimeException(failure);
		}
	}

	private static boolean onRepeatingPath() {
		return StackWalker.getInstance()
			.walk((frames) -> frames
				.anyMatch((frame) -> REPEATING_FRAMES.contains(frame.getClassName() + "." + frame.getMethodName())));
	}

}
