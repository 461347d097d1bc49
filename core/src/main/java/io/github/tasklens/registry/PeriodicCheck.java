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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A check that runs at a fixed interval on a daemon thread of its own, as the watchdog
 * and the stack drift run theirs: a failed check is logged and the next one runs as
 * planned; {@link #close()} stops the thread and waits a little for it to end.
 *
 * @author tasklens authors
 */
public final class PeriodicCheck implements AutoCloseable {

	/** The longest {@link #close()} waits for a check that is running. */
	private static final long MAX_JOIN_MILLIS = 10_000;

	private final String threadName;

	private final long intervalNanos;

	private final Runnable check;

	private final Logger logger;

	private final String failure;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile @Nullable Thread thread;

	/**
	 * Create the check; {@link #start()} starts its thread.
	 * @param threadName the name of its thread
	 * @param interval how long between two checks
	 * @param check the check
	 * @param logger where a failed check is logged, at WARN
	 * @param failure what that line says
	 */
	public PeriodicCheck(String threadName, Duration interval, Runnable check, Logger logger, String failure) {
		this.threadName = threadName;
		this.intervalNanos = interval.toNanos();
		this.check = check;
		this.logger = logger;
		this.failure = failure;
	}

	/**
	 * Start checking, unless it already started or was closed.
	 */
	public synchronized void start() {
		if (this.thread != null || this.stopped.getCount() == 0) {
			return;
		}
		Thread checking = new Thread(this::loop, this.threadName);
		checking.setDaemon(true);
		this.thread = checking;
		checking.start();
	}

	private void loop() {
		try {
			while (!this.stopped.await(this.intervalNanos, TimeUnit.NANOSECONDS)) {
				try {
					this.check.run();
				}
				catch (RuntimeException ex) {
					this.logger.warn(this.failure, ex);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Return whether its thread is alive.
	 * @return whether it checks
	 */
	public boolean isRunning() {
		Thread checking = this.thread;
		return checking != null && checking.isAlive();
	}

	/**
	 * Stop checking, and wait for a check that is running to end (at most one interval
	 * and a second, and never more than ten seconds).
	 */
	@Override
	public void close() {
		this.stopped.countDown();
		Thread checking = this.thread;
		if (checking != null && checking != Thread.currentThread()) {
			try {
				checking.join(Math.min(MAX_JOIN_MILLIS, TimeUnit.NANOSECONDS.toMillis(this.intervalNanos) + 1000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
