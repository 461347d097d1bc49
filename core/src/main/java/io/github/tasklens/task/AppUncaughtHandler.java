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

import java.lang.Thread.UncaughtExceptionHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a failure that tasklens recovered from to the uncaught-exception handler the app
 * installed, as the JVM would have: the thread's own (set by the app's thread factory or
 * on the thread), a {@code ThreadGroup} of the app's, else the JVM's default handler.
 * Where there is none, the JVM would only have printed the failure to {@code System.err},
 * and tasklens's log line takes the place of that print.
 *
 * @author tasklens authors
 */
final class AppUncaughtHandler {

	private static final Logger logger = LoggerFactory.getLogger(AppUncaughtHandler.class);

	private AppUncaughtHandler() {
	}

	/**
	 * Give a recovered failure to the app's handler of the current thread, if there is
	 * one. A handler that throws never breaks the worker: what it threw is logged.
	 * @param failure the failure the task threw
	 */
	static void receive(Throwable failure) {
		Thread thread = Thread.currentThread();
		UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
		if (handler instanceof ThreadGroup group && group.getClass() == ThreadGroup.class) {
			// the JVM's own group: it calls the default handler, or prints
			handler = Thread.getDefaultUncaughtExceptionHandler();
		}
		if (handler == null) {
			return;
		}
		try {
			handler.uncaughtException(thread, failure);
		}
		catch (Throwable ex) {
			logger.warn("The uncaught-exception handler {} of thread '{}' threw", handler, thread.getName(), ex);
		}
	}

}
