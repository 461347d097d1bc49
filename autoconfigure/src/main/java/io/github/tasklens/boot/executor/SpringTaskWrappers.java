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

import io.github.tasklens.task.TaskWrappers;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.DelegatingErrorHandlingRunnable;
import org.springframework.util.ClassUtils;

/**
 * Spring's wrappers around scheduled tasks: its error handling, which handles the
 * failures of the task it holds, and its outcome tracking. Their fields are private; a
 * Spring version without them degrades naming with one WARN ({@link SpringInternals}).
 *
 * @author tasklens authors
 */
public final class SpringTaskWrappers implements TaskWrappers {

	/**
	 * The one instance: it holds nothing but what it looked up once.
	 */
	public static final SpringTaskWrappers INSTANCE = new SpringTaskWrappers();

	private static final String UNWRAP_DEGRADES = "tasks that Spring wraps in it are named after the wrapper";

	private final @Nullable Field errorHandlingDelegate;

	private final @Nullable Class<?> outcomeTracking;

	private final @Nullable Field outcomeTrackingDelegate;

	SpringTaskWrappers() {
		this.errorHandlingDelegate = SpringInternals.field(DelegatingErrorHandlingRunnable.class, "delegate", null,
				UNWRAP_DEGRADES);
		this.outcomeTracking = SpringInternals.type(
				"org.springframework.scheduling.config.Task$OutcomeTrackingRunnable",
				SpringTaskWrappers.class.getClassLoader(), UNWRAP_DEGRADES);
		this.outcomeTrackingDelegate = (this.outcomeTracking != null)
				? SpringInternals.field(this.outcomeTracking, "runnable", null, UNWRAP_DEGRADES) : null;
	}

	@Override
	public @Nullable Object inner(Object task) {
		if (task instanceof DelegatingErrorHandlingRunnable) {
			return SpringInternals.get(this.errorHandlingDelegate, task);
		}
		if (this.outcomeTracking != null && this.outcomeTracking.isInstance(task)) {
			return SpringInternals.get(this.outcomeTrackingDelegate, task);
		}
		return null;
	}

	@Override
	public boolean handlesFailures(Object task) {
		return task instanceof DelegatingErrorHandlingRunnable;
	}

}
