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
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BooleanSupplier;

import io.github.tasklens.executor.TrackingRejectedExecutionHandler;

import org.jspecify.annotations.Nullable;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Spring's executors that take a {@link TaskDecorator} and read it on every call. None
 * has a getter for it, so the decorator the app set is read from the field.
 *
 * @author tasklens authors
 */
public final class SpringExecutors {

	private SpringExecutors() {
	}

	static boolean isDecoratable(Object executor) {
		return executor instanceof ThreadPoolTaskExecutor || executor instanceof SimpleAsyncTaskExecutor
				|| executor instanceof ThreadPoolTaskScheduler || executor instanceof ConcurrentTaskExecutor;
	}

	/**
	 * Return the decorator an executor of Spring's has.
	 * @param executor an executor
	 * @return its decorator, or {@code null} when it has none, is none of Spring's
	 * decoratable executors, or its decorator cannot be read
	 */
	public static @Nullable TaskDecorator decoratorOf(@Nullable Object executor) {
		if (executor == null || !isDecoratable(executor)) {
			return null;
		}
		return (TaskDecorator) SpringInternals.get(decoratorField(executor), executor);
	}

	/**
	 * Return whether the decorator an executor of Spring's has can be read: one that
	 * cannot is left alone, since decorating it could drop the app's decorator.
	 * @param executor a decoratable executor
	 * @return whether it can be read
	 */
	static boolean decoratorReadable(Object executor) {
		return decoratorField(executor) != null;
	}

	private static @Nullable Field decoratorField(Object executor) {
		return SpringInternals.field(executor.getClass(), "taskDecorator", TaskDecorator.class,
				"executors of this class are left undecorated: the TaskDecorator they have cannot be read, "
						+ "and replacing it could drop the app's");
	}

	static void setDecorator(Object executor, TaskDecorator decorator) {
		if (executor instanceof ThreadPoolTaskExecutor pool) {
			pool.setTaskDecorator(decorator);
			ThreadPoolExecutor jdkPool = initializedPool(pool);
			if (jdkPool != null) {
				TrackingRejectedExecutionHandler.install(jdkPool, jdkPool);
			}
		}
		else if (executor instanceof SimpleAsyncTaskExecutor simple) {
			simple.setTaskDecorator(decorator);
		}
		else if (executor instanceof ThreadPoolTaskScheduler scheduler) {
			scheduler.setTaskDecorator(decorator);
		}
		else if (executor instanceof ConcurrentTaskExecutor concurrent) {
			concurrent.setTaskDecorator(decorator);
		}
	}

	static BooleanSupplier terminated(Object executor) {
		if (executor instanceof ThreadPoolTaskExecutor pool) {
			return () -> {
				ThreadPoolExecutor jdkPool = initializedPool(pool);
				return jdkPool != null && jdkPool.isTerminated();
			};
		}
		if (executor instanceof ThreadPoolTaskScheduler scheduler) {
			return () -> {
				try {
					return scheduler.getScheduledExecutor().isTerminated();
				}
				catch (IllegalStateException ex) {
					return false;
				}
			};
		}
		return () -> false;
	}

	private static @Nullable ThreadPoolExecutor initializedPool(ThreadPoolTaskExecutor executor) {
		try {
			return executor.getThreadPoolExecutor();
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	static String kind(Object executor) {
		return "TaskDecorator on " + executor.getClass().getSimpleName();
	}

}
