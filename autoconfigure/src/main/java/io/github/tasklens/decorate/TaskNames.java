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
package io.github.tasklens.decorate;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.FutureTask;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.DelegatingErrorHandlingRunnable;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Names tasks: {@code SimpleClassName.method} for methods, otherwise the task's class
 * (for a lambda, its declaring class). A {@link FutureTask} hides its task in a field the
 * JDK keeps closed, but names it in {@code toString()}, which is read once at submission.
 *
 * @author tasklens authors
 */
final class TaskNames {

	private static final String LAMBDA = "$$Lambda";

	private static final Field ERROR_HANDLING_DELEGATE = field(DelegatingErrorHandlingRunnable.class, "delegate");

	private static final @Nullable Class<?> OUTCOME_TRACKING = ClassUtils.resolveClassName(
			"org.springframework.scheduling.config.Task$OutcomeTrackingRunnable", TaskNames.class.getClassLoader());

	private static final @Nullable Field OUTCOME_TRACKING_DELEGATE = (OUTCOME_TRACKING != null)
			? field(OUTCOME_TRACKING, "runnable") : null;

	private static final ClassValue<ClassName> CLASS_NAMES = new ClassValue<>() {

		@Override
		protected ClassName computeValue(Class<?> type) {
			return new ClassName(ofClassName(type.getName()),
					FutureTask.class.isAssignableFrom(type) || type.getName().startsWith("java.util.concurrent."));
		}

	};

	private TaskNames() {
	}

	static String of(Object task) {
		return ofUnwrapped(unwrap(task));
	}

	static String ofUnwrapped(Object unwrapped) {
		return describe(unwrapped).name();
	}

	/**
	 * Return a task's name, and whether that name is only that of a JDK wrapper
	 * ({@code FutureTask}, {@code CompletableFuture}'s), which a method-level wrapper may
	 * replace; one class lookup for both.
	 * @param unwrapped the unwrapped task
	 * @return what the name is
	 */
	static ClassName describe(Object unwrapped) {
		if (unwrapped instanceof ScheduledMethodTask method) {
			return new ClassName(method.name(), false);
		}
		if (unwrapped instanceof FutureTask<?>) {
			return new ClassName(fromDescription(unwrapped.toString()), true);
		}
		return CLASS_NAMES.get(unwrapped.getClass());
	}

	static String ofMethod(Object target, Method method) {
		Class<?> type = ClassUtils.getUserClass(target.getClass());
		return ofClassName(type.getName()) + "." + method.getName();
	}

	/**
	 * Unwrap Spring's wrappers around a scheduled task (error handling, outcome
	 * tracking), which hide the task a scheduler runs.
	 * @param task a task
	 * @return the innermost task
	 */
	static Object unwrap(Object task) {
		Object current = task;
		for (;;) {
			Field field = null;
			if (current instanceof DelegatingErrorHandlingRunnable) {
				field = ERROR_HANDLING_DELEGATE;
			}
			else if (OUTCOME_TRACKING != null && OUTCOME_TRACKING.isInstance(current)) {
				field = OUTCOME_TRACKING_DELEGATE;
			}
			Object delegate = (field != null) ? ReflectionUtils.getField(field, current) : null;
			if (delegate == null) {
				return current;
			}
			current = delegate;
		}
	}

	static String fromDescription(String description) {
		int at = description.lastIndexOf("task = ");
		if (at < 0) {
			return "FutureTask";
		}
		String described = description.substring(at + "task = ".length());
		String prefix = "DelegatingErrorHandlingRunnable for ";
		while (described.startsWith(prefix)) {
			described = described.substring(prefix.length());
		}
		int end = 0;
		while (end < described.length() && isClassNameChar(described.charAt(end))) {
			end++;
		}
		String className = described.substring(0, end);
		return (!className.isEmpty() && Character.isJavaIdentifierStart(className.charAt(0))) ? ofClassName(className)
				: "FutureTask";
	}

	/**
	 * Whether a character may stand in a class name as {@code toString()} prints it
	 * (lambdas print {@code Foo$$Lambda/0x…}); the first other character ({@code @} of an
	 * identity hash, {@code [} of a record, a space) ends the name.
	 */
	private static boolean isClassNameChar(char c) {
		return Character.isJavaIdentifierPart(c) || c == '.' || c == '/';
	}

	/**
	 * Return the simple name of a class from its binary name: the package and enclosing
	 * classes dropped; a lambda or an anonymous class named after the class that declares
	 * it.
	 * @param className a binary class name
	 * @return its simple name
	 */
	static String ofClassName(String className) {
		String name = className;
		int lambda = name.indexOf(LAMBDA);
		if (lambda > 0) {
			name = name.substring(0, lambda);
		}
		name = name.substring(name.lastIndexOf('.') + 1);
		int nested = name.lastIndexOf('$');
		while (nested >= 0 && nested < name.length() - 1 && Character.isDigit(name.charAt(nested + 1))) {
			name = name.substring(0, nested);
			nested = name.lastIndexOf('$');
		}
		return name.substring(nested + 1);
	}

	private static Field field(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null) {
			throw new IllegalStateException(type.getName() + " has no '" + name + "' field");
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	static @Nullable ScheduledMethodTask scheduledMethod(Object task) {
		return (unwrap(task) instanceof ScheduledMethodTask method) ? method : null;
	}

	/**
	 * What is known of a task class once: its task name, and whether that name is only a
	 * JDK wrapper's.
	 */
	record ClassName(String name, boolean generic) {
	}

}
