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

import java.util.List;
import java.util.function.Predicate;

/**
 * Captures where a task is submitted, Go's "created by": the top frames of the code that
 * called the executor, past the executors, proxies and interceptors in between.
 *
 * @author tasklens authors
 */
final class SubmitSites {

	static final int DEPTH = 8;

	private static final StackWalker WALKER = StackWalker.getInstance();

	private static final List<String> INFRASTRUCTURE = List.of("io.github.tasklens.task.",
			"io.github.tasklens.executor.", "io.github.tasklens.limit.", "io.github.tasklens.propagation.",
			"io.github.tasklens.boot.executor.", "io.github.tasklens.boot.scheduling.", "java.util.concurrent.",
			"org.springframework.core.task.", "org.springframework.scheduling.", "org.springframework.aop.",
			"org.springframework.cglib.", "org.springframework.util.concurrent.", "jdk.internal.", "java.lang.reflect.",
			"java.lang.invoke.", "java.lang.Thread");

	private static final Predicate<StackWalker.StackFrame> IN_INFRASTRUCTURE = (frame) -> {
		String name = frame.getClassName();
		if (name.contains("$$SpringCGLIB$$")) {
			return true;
		}
		for (String prefix : INFRASTRUCTURE) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	};

	private SubmitSites() {
	}

	/**
	 * Return the top frames of the code submitting a task on this thread.
	 * @return up to {@value #DEPTH} frames, innermost first
	 */
	static StackTraceElement[] capture() {
		return WALKER.walk((frames) -> frames.dropWhile(IN_INFRASTRUCTURE)
			.limit(DEPTH)
			.map(StackWalker.StackFrame::toStackTraceElement)
			.toArray(StackTraceElement[]::new));
	}

}
