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

package io.github.tasklens;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time box of the tasks of an {@code @Async} or {@code @Scheduled} method, or of
 * every such method of a class. It wins over {@code tasklens.timebox.*} properties; an
 * attribute left empty falls back to them (the method's annotation first, then its
 * class's, then the properties for the task's name, its executor, and all tasks).
 * <p>
 * Durations are written as in properties: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 2d} or ISO-8601 ({@code PT30S}); a plain number is milliseconds.
 * {@code ${...}} placeholders are resolved against the environment. A value that does not
 * parse, is not positive, or an {@code interruptAfter} shorter than {@code warnAfter}
 * fails startup.
 *
 * @author tasklens authors
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TimeBox {

	/**
	 * How long a run may take before it is reported overdue: logged at WARN with its
	 * stack, counted by {@code tasks.overdue}, passed to {@code TaskHook.onOverdue}.
	 * @return a duration, or empty for the configured one
	 */
	String warnAfter() default "";

	/**
	 * How long a run may take before its thread is interrupted, once.
	 * @return a duration, or empty for the configured one
	 */
	String interruptAfter() default "";

	/**
	 * How long the task may wait in its executor's queue before it is reported overdue.
	 * @return a duration, or empty for the configured one
	 */
	String queueWarnAfter() default "";

}
