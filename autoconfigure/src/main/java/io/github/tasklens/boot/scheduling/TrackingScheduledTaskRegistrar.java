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
package io.github.tasklens.boot.scheduling;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.github.tasklens.boot.executor.SpringExecutors;
import io.github.tasklens.boot.executor.SpringInternals;
import io.github.tasklens.boot.executor.SpringTaskDecorator;
import io.github.tasklens.boot.executor.SpringTaskWrappers;
import io.github.tasklens.task.ScheduledMethodTask;
import io.github.tasklens.task.Submissions;
import io.github.tasklens.task.TaskNames;
import io.github.tasklens.task.TrackedTask;

import org.jspecify.annotations.Nullable;

import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskSchedulerRouter;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.util.ReflectionUtils;

/**
 * Registers {@code @Scheduled} methods so that each schedule is one {@link TrackedTask}
 * from its registration to its cancellation: announces the method at registration,
 * registers it directly where the scheduler decorates only runs, and watches the
 * schedule's future so the task leaves the registry when the schedule is cancelled.
 *
 * @author tasklens authors
 */
final class TrackingScheduledTaskRegistrar extends ScheduledTaskRegistrar {

	private final @Nullable Field scheduledFutureField = SpringInternals.field(ScheduledTask.class, "future", null,
			"a cancelled @Scheduled method stays listed until its scheduler shuts down");

	private final @Nullable Method determineTargetMethod = SpringInternals.method(TaskSchedulerRouter.class,
			"determineTargetScheduler",
			"a @Scheduled method of a scheduler chosen by qualifier is tracked once its scheduler runs it",
			Runnable.class);

	/**
	 * Spring's handle of each method's schedule, from its registration: a task registered
	 * before the scheduler was known is scheduled later, on that handle.
	 */
	private final Map<ScheduledMethodTask, ScheduledTask> registrations = new ConcurrentHashMap<>();

	@Override
	public @Nullable ScheduledTask scheduleCronTask(CronTask task) {
		return track(task, () -> super.scheduleCronTask(task));
	}

	@Override
	public @Nullable ScheduledTask scheduleFixedRateTask(FixedRateTask task) {
		return track(task, () -> super.scheduleFixedRateTask(task));
	}

	@Override
	public @Nullable ScheduledTask scheduleFixedDelayTask(FixedDelayTask task) {
		return track(task, () -> super.scheduleFixedDelayTask(task));
	}

	@Override
	public @Nullable ScheduledTask scheduleTriggerTask(TriggerTask task) {
		return track(task, () -> super.scheduleTriggerTask(task));
	}

	private @Nullable ScheduledTask track(Task task, Supplier<@Nullable ScheduledTask> registration) {
		ScheduledMethodTask method = TaskNames.scheduledMethod(task.getRunnable(), SpringTaskWrappers.INSTANCE);
		if (method == null) {
			return registration.get();
		}
		Submissions.Token token = Submissions.push(Submissions.Intent.periodic(method));
		try {
			ScheduledTask scheduled = registration.get();
			if (scheduled != null) {
				// Spring returns the handle only when the task is first registered; a
				// task
				// registered before the scheduler was known is scheduled later, on that
				// handle
				this.registrations.put(method, scheduled);
			}
			if (hasScheduler()) {
				if (method.tracked() == null) {
					TaskDecorator decorator = SpringExecutors.decoratorOf(targetScheduler(task.getRunnable()));
					if (decorator instanceof SpringTaskDecorator tracking) {
						tracking.tracker().trackPeriodic(method);
					}
				}
				ScheduledTask handle = this.registrations.get(method);
				Future<?> future = (handle != null) ? scheduledFuture(handle) : null;
				if (future != null) {
					method.probe(future);
				}
			}
			return scheduled;
		}
		finally {
			Submissions.restore(token);
		}
	}

	/**
	 * Return the scheduler that runs the task: Spring's {@link TaskSchedulerRouter} picks
	 * it by the task's qualifier.
	 * @param runnable the registered task
	 * @return the scheduler
	 */
	private @Nullable Object targetScheduler(Runnable runnable) {
		Object scheduler = getScheduler();
		if (scheduler instanceof TaskSchedulerRouter router && this.determineTargetMethod != null) {
			return ReflectionUtils.invokeMethod(this.determineTargetMethod, router, runnable);
		}
		return scheduler;
	}

	private boolean hasScheduler() {
		return getScheduler() != null;
	}

	private @Nullable Future<?> scheduledFuture(ScheduledTask task) {
		return (this.scheduledFutureField != null)
				? (Future<?>) ReflectionUtils.getField(this.scheduledFutureField, task) : null;
	}

}
