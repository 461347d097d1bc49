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

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * Names tasks: {@code SimpleClassName.method} for methods, otherwise the task's class
 * (for a lambda, its declaring class). A {@link FutureTask} hides its task in a field the
 * JDK keeps closed, but names it in {@code toString()}, which is read once at submission.
 *
 * @author tasklens authors
 */
public final class TaskNames {

	private static final String LAMBDA = "$$Lambda";

	private static final ClassValue<TaskClass> CLASSES = new ClassValue<>() {

		@Override
		protected TaskClass computeValue(Class<?> type) {
			return new TaskClass(ofClassName(type.getName()),
					FutureTask.class.isAssignableFrom(type) || type.getName().startsWith("java.util.concurrent."),
					Future.class.isAssignableFrom(type), ForkJoinTask.class.isAssignableFrom(type),
					RunnableScheduledFuture.class.isAssignableFrom(type));
		}

	};

	private TaskNames() {
	}

	static String of(Object task) {
		return ofUnwrapped(task);
	}

	static String ofUnwrapped(Object unwrapped) {
		return describe(unwrapped, null).name();
	}

	/**
	 * Return what is known of a task's class, asked once per class.
	 * @param task a task
	 * @return its class's name and kind
	 */
	static TaskClass classOf(Object task) {
		return CLASSES.get(task.getClass());
	}

	/**
	 * Return a task's name, and whether that name is only that of a JDK wrapper
	 * ({@code FutureTask}, {@code CompletableFuture}'s), which a method-level wrapper may
	 * replace; one class lookup for both.
	 * @param unwrapped the unwrapped task
	 * @param known what {@link #classOf} answered for it, if it was asked already
	 * @return what the name is
	 */
	static TaskClass describe(Object unwrapped, @Nullable TaskClass known) {
		if (unwrapped instanceof ScheduledMethodTask method) {
			return new TaskClass(method.name(), false, false, false, false);
		}
		if (unwrapped instanceof FutureTask<?>) {
			return new TaskClass(fromDescription(unwrapped.toString()), true, true, false, false);
		}
		return (known != null) ? known : classOf(unwrapped);
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
	public static String ofClassName(String className) {
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

	public static @Nullable ScheduledMethodTask scheduledMethod(Object task, TaskWrappers wrappers) {
		return (wrappers.unwrap(task) instanceof ScheduledMethodTask method) ? method : null;
	}

	/**
	 * What is known of a task class once: its task name, whether that name is only a JDK
	 * wrapper's, and the interfaces the chain asks about. Before Java 23, a type check
	 * against an interface that fails scans the class's interfaces every time, and one
	 * that succeeds for another interface than the last rewrites a per-class cache that
	 * every thread reads: about 9 ns each on JDK 17, so the chain asks once per class.
	 *
	 * @param name the task name
	 * @param generic whether the name is only a JDK wrapper's
	 * @param future whether the task is a {@link Future}
	 * @param forkJoinTask whether the task is a {@link ForkJoinTask}
	 * @param scheduledFuture whether the task is a {@link RunnableScheduledFuture}
	 */
	record TaskClass(String name, boolean generic, boolean future, boolean forkJoinTask, boolean scheduledFuture) {

		/**
		 * Return whether the task's outcome, read after its run, tells how the run ended:
		 * a future, but not a {@link ForkJoinTask} ({@code CompletableFuture}'s async
		 * tasks are, and complete with nothing of their run).
		 * @return whether to read the outcome
		 */
		boolean hasOutcome() {
			return this.future && !this.forkJoinTask;
		}

	}

}
