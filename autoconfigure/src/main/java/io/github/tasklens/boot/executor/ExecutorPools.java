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

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Finds the JDK pool behind an executor bean, for reading its size and queue. Never
 * initializes an executor that is not yet.
 *
 * @author tasklens authors
 */
public final class ExecutorPools {

	private ExecutorPools() {
	}

	/**
	 * Return the pool behind an executor.
	 * @param executor the executor bean
	 * @return a {@code ThreadPoolExecutor} or {@code ForkJoinPool}, or {@code null} when
	 * there is none to read (yet)
	 */
	public static @Nullable ExecutorService poolOf(@Nullable Object executor) {
		try {
			if (executor instanceof ThreadPoolExecutor || executor instanceof ForkJoinPool) {
				return (ExecutorService) executor;
			}
			if (executor instanceof ThreadPoolTaskExecutor pool) {
				return pool.getThreadPoolExecutor();
			}
			if (executor instanceof ThreadPoolTaskScheduler scheduler) {
				return scheduler.getScheduledThreadPoolExecutor();
			}
			if (executor instanceof ConcurrentTaskExecutor concurrent) {
				Executor target = concurrent.getConcurrentExecutor();
				return (target instanceof ThreadPoolExecutor || target instanceof ForkJoinPool)
						? (ExecutorService) target : null;
			}
		}
		catch (IllegalStateException ex) {
			// not initialized: nothing to read yet
		}
		return null;
	}

}
