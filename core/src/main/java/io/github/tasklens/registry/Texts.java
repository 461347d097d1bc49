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

package io.github.tasklens.registry;

import java.time.Duration;

/**
 * Writes what tasklens shows people: stack frames as a stack trace does, without the
 * module and class loader that {@link StackTraceElement#toString()} adds, and durations
 * as people read them.
 *
 * @author tasklens authors
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * Write a stack frame: {@code com.example.Job.run(Job.java:12)}.
	 * @param frame the frame
	 * @return the text
	 */
	public static String frame(StackTraceElement frame) {
		String where;
		if (frame.isNativeMethod()) {
			where = "Native Method";
		}
		else if (frame.getFileName() == null) {
			where = "Unknown Source";
		}
		else {
			where = (frame.getLineNumber() >= 0) ? frame.getFileName() + ":" + frame.getLineNumber()
					: frame.getFileName();
		}
		return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
	}

	/**
	 * Write a duration: {@code 850ms}, {@code 2.5s}, {@code 4m 10s}, {@code 3h 5m}.
	 * @param duration the duration
	 * @return the text
	 */
	public static String duration(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		if (millis < 1000) {
			return millis + "ms";
		}
		if (millis < 60_000) {
			long tenths = millis / 100;
			return (tenths % 10 == 0) ? (tenths / 10) + "s" : (tenths / 10) + "." + (tenths % 10) + "s";
		}
		long seconds = millis / 1000;
		if (seconds < 3600) {
			return (seconds / 60) + "m " + (seconds % 60) + "s";
		}
		return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "m";
	}

}
