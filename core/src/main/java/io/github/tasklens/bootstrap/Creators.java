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
package io.github.tasklens.bootstrap;

import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Finds the class whose code created a pool.
 */
final class Creators {

	// tasklens's own packages: their frames are passed over when naming a creator, and a
	// thread their code starts (the watchdog) is tasklens's own; the API's only runs the
	// app's code (an action with labels)
	private static final Set<String> OWN_PACKAGES = Set.of("io.github.tasklens", "io.github.tasklens.bootstrap",
			"io.github.tasklens.executor", "io.github.tasklens.runtime", "io.github.tasklens.task",
			"io.github.tasklens.timebox", "io.github.tasklens.registry", "io.github.tasklens.metrics",
			"io.github.tasklens.limit", "io.github.tasklens.propagation", "io.github.tasklens.boot.executor",
			"io.github.tasklens.boot.scheduling", "io.github.tasklens.boot.autoconfigure",
			"io.github.tasklens.boot.actuate", "io.github.tasklens.test");

	// what runs the app's code on the same thread, seen through when finding who starts a
	// thread
	private static final Set<String> TRANSPARENT_PACKAGES = Set.of("io.github.tasklens",
			"io.github.tasklens.bootstrap");

	private static final Set<String> TRANSPARENT_CLASSES = Set.of("io.github.tasklens.task.TaskFrames",
			"io.github.tasklens.task.FrameSource");

	private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private Creators() {
	}

	/**
	 * Return the simple name of the first class on the stack that is neither the JDK's
	 * nor tasklens's: {@code OrderService} for a pool that
	 * {@code com.example.OrderService} makes.
	 * @return the name, or {@code null} when only the JDK's and tasklens's code is on the
	 * stack
	 */
	static String nameOfCreator() {
		return WALKER.walk((frames) -> frames.map(StackWalker.StackFrame::getDeclaringClass)
			.filter((type) -> !passedOver(type.getName()))
			.findFirst()
			.map(Creators::nameOf)
			.orElse(null));
	}

	/**
	 * Return whether the pool being made now is made by code of a class (or a class
	 * nested in it): the first frame past the constructors is that class's. The common
	 * pool, made in {@code ForkJoinPool}'s initializer, is not made by whatever code
	 * first touched {@code ForkJoinPool}.
	 * @param className the class's name
	 * @return whether its code makes the pool
	 */
	static boolean madeBy(String className) {
		return WALKER.walk((frames) -> frames
			.filter((frame) -> !frame.getMethodName().equals("<init>")
					&& !frame.getClassName().startsWith("io.github.tasklens.bootstrap."))
			.findFirst()
			.map((frame) -> frame.getClassName().startsWith(className))
			.orElse(false));
	}

	/**
	 * Return the name of the class whose code starts a thread now, when it is a raw
	 * thread: not one the JDK's or tasklens's code starts (a pool's worker), nor one an
	 * {@code Executor}'s own code starts (that executor's worker, whose tasks are its
	 * tasks).
	 * @return the simple name, or {@code null} when the thread is no raw thread
	 */
	static String rawThreadStarter() {
		return WALKER.walk((frames) -> frames.map(StackWalker.StackFrame::getDeclaringClass)
			.filter((type) -> type != Thread.class && !TRANSPARENT_PACKAGES.contains(packageOf(type.getName()))
					&& !TRANSPARENT_CLASSES.contains(type.getName()))
			.findFirst()
			.filter((type) -> !passedOver(type.getName()) && !Executor.class.isAssignableFrom(type))
			.map(Creators::nameOf)
			.orElse(null));
	}

	private static boolean passedOver(String className) {
		return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
				|| className.startsWith("sun.") || OWN_PACKAGES.contains(packageOf(className));
	}

	private static String packageOf(String className) {
		int dot = className.lastIndexOf('.');
		return (dot > 0) ? className.substring(0, dot) : "";
	}

	private static String nameOf(Class<?> type) {
		// a lambda's frames are its declaring class's; an anonymous or local class,
		// and a Kotlin companion object, are named after the class around it
		Class<?> named = type;
		while ((named.isAnonymousClass() || named.isLocalClass() || named.getSimpleName().equals("Companion"))
				&& named.getEnclosingClass() != null) {
			named = named.getEnclosingClass();
		}
		String simple = named.getSimpleName();
		return simple.isEmpty() ? named.getName() : simple;
	}

}
