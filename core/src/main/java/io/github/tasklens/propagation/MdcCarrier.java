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
package io.github.tasklens.propagation;

import java.util.Map;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries the submitter's MDC into a task and leaves the worker's MDC exactly as it was.
 * Logback copies the map on every {@code setContextMap}, and a pooled worker's MDC is
 * empty, so this costs one copy at submission and one at the start of the run; afterwards
 * an empty worker MDC is just cleared. It runs around every run while propagation is on,
 * so what a task writes to the MDC never reaches the next task on the thread.
 *
 * @author tasklens authors
 */
public final class MdcCarrier {

	private static final boolean LOGBACK = isPresent("ch.qos.logback.classic.util.LogbackMDCAdapter");

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, MdcCarrier.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private MdcCarrier() {
	}

	/**
	 * Capture the current thread's MDC. With Logback, its read-only view of the MDC is
	 * taken as it is: Logback builds a new one after every change rather than changing
	 * it, and a log line of the submitter has often built it already.
	 * @return an unchanging map, or {@code null} when the MDC is empty
	 */
	public static @Nullable Map<String, String> capture() {
		Map<String, String> mdc = LOGBACK ? LogbackMdc.readOnly() : MDC.getCopyOfContextMap();
		return (mdc == null || mdc.isEmpty()) ? null : mdc;
	}

	/**
	 * Make the captured MDC current.
	 * @param captured what {@link #capture()} returned at submission
	 * @return the worker's MDC before, for {@link #restore}, or {@code null} if it was
	 * empty
	 */
	public static @Nullable Map<String, String> apply(@Nullable Map<String, String> captured) {
		Map<String, String> previous = capture();
		if (captured != null) {
			if (previous == null) {
				// into an empty MDC, key by key: forEach reaches the map under Logback's
				// read-only view, where setContextMap would wrap every entry it copies
				captured.forEach(MDC::put);
			}
			else {
				MDC.setContextMap(captured);
			}
		}
		return previous;
	}

	/**
	 * Logback's read-only MDC, in its own class so that nothing loads Logback where it is
	 * absent.
	 */
	private static final class LogbackMdc {

		static @Nullable Map<String, String> readOnly() {
			return (MDC.getMDCAdapter() instanceof LogbackMDCAdapter logback) ? logback.getPropertyMap()
					: MDC.getCopyOfContextMap();
		}

	}

	/**
	 * Put back the worker's MDC.
	 * @param previous what {@link #apply} returned
	 */
	public static void restore(@Nullable Map<String, String> previous) {
		if (previous == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(previous);
		}
	}

}
