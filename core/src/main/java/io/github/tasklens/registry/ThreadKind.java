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

/**
 * The kind of threads an executor has run its tasks on, as seen so far.
 *
 * @author tasklens authors
 */
public enum ThreadKind {

	/**
	 * No task has run yet.
	 */
	UNKNOWN,

	/**
	 * Platform threads only.
	 */
	PLATFORM,

	/**
	 * Virtual threads only.
	 */
	VIRTUAL,

	/**
	 * Both.
	 */
	MIXED;

	/**
	 * Return this kind after a task ran on the given kind of thread.
	 * @param virtual whether the thread was virtual
	 * @return the kind seen so far
	 */
	public ThreadKind and(boolean virtual) {
		ThreadKind seen = virtual ? VIRTUAL : PLATFORM;
		return (this == UNKNOWN || this == seen) ? seen : MIXED;
	}

	/**
	 * Return this kind together with another seen elsewhere for the same executor.
	 * @param other the other kind
	 * @return the kind seen by both
	 */
	public ThreadKind and(ThreadKind other) {
		if (this == UNKNOWN || this == other) {
			return other;
		}
		return (other == UNKNOWN) ? this : MIXED;
	}

}
