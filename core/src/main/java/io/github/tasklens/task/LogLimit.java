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

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts failures of one kind and lets the first one, and then at most one a minute, be
 * logged: a hook or a context accessor that throws on every task must not flood the log.
 *
 * @author tasklens authors
 */
final class LogLimit {

	private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong();

	/**
	 * Count a failure.
	 * @return how many so far when this one is to be logged, else a negative number
	 */
	long count() {
		long now = System.nanoTime();
		long count = this.count.incrementAndGet();
		long last = this.lastLogged.get();
		boolean log = (count == 1 || now - last >= LOG_INTERVAL_NANOS) && this.lastLogged.compareAndSet(last, now);
		return log ? count : -count;
	}

	long total() {
		return this.count.get();
	}

}
