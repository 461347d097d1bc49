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

	private static final Field ERROR_HANDLING_DELEGATE = delegateField();

	private static final ClassValue<String> CLASS_NAMES = new ClassValue<>() {

		@Override
		protected String computeValue(Class<?> type) {
			return ofClassName(type.getName());
		}

	};

	private TaskNames() {
	}

	static String of(Object task) {
		Object unwrapped = unwrap(task);
		if (unwrapped instanceof ScheduledMethodTask method) {
			return method.name();
		}
		if (unwrapped instanceof FutureTask<?>) {
			return fromDescription(unwrapped.toString());
		}
		return CLASS_NAMES.get(unwrapped.getClass());
	}

	static boolean isGeneric(Object task) {
		return task instanceof FutureTask<?> || task.getClass().getName().startsWith("java.util.concurrent.");
	}

	static String ofMethod(Object target, Method method) {
		Class<?> type = ClassUtils.getUserClass(target.getClass());
		return ofClassName(type.getName()) + "." + method.getName();
	}

	/**
	 * Unwrap Spring's error-handling wrappers, which hide the task a scheduler runs.
	 * @param task a task
	 * @return the innermost task
	 */
	static Object unwrap(Object task) {
		Object current = task;
		while (current instanceof DelegatingErrorHandlingRunnable) {
			Object delegate = ReflectionUtils.getField(ERROR_HANDLING_DELEGATE, current);
			if (delegate == null) {
				break;
			}
			current = delegate;
		}
		return current;
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
		while (end < described.length() && "@]".indexOf(described.charAt(end)) < 0) {
			end++;
		}
		return ofClassName(described.substring(0, end));
	}

	static String ofClassName(String className) {
		String name = className;
		int lambda = name.indexOf(LAMBDA);
		if (lambda > 0) {
			name = name.substring(0, lambda);
		}
		name = name.substring(name.lastIndexOf('.') + 1);
		int anonymous = indexOfAnonymousPart(name);
		if (anonymous > 0) {
			name = name.substring(0, anonymous);
		}
		return name.replace('$', '.');
	}

	private static int indexOfAnonymousPart(String name) {
		for (int i = name.indexOf('$'); i >= 0 && i < name.length() - 1; i = name.indexOf('$', i + 1)) {
			if (Character.isDigit(name.charAt(i + 1))) {
				return i;
			}
		}
		return -1;
	}

	private static Field delegateField() {
		Field field = ReflectionUtils.findField(DelegatingErrorHandlingRunnable.class, "delegate");
		if (field == null) {
			throw new IllegalStateException("DelegatingErrorHandlingRunnable has no 'delegate' field");
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	static @Nullable ScheduledMethodTask scheduledMethod(Object task) {
		return (unwrap(task) instanceof ScheduledMethodTask method) ? method : null;
	}

}
