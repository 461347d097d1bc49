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

package io.github.tasklens.limit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.registry.Texts;
import org.jspecify.annotations.Nullable;

/**
 * One in-flight limit: how many tasks of an executor, or of a task name, may be queued or
 * running at once. A task takes a permit when it is submitted (a periodic task: when each
 * run starts) and gives it back when it ends.
 *
 * @author tasklens authors
 */
public final class InFlightLimit {

	private final String property;

	private final int maxInFlight;

	private final boolean block;

	private final Duration blockTimeout;

	private final Semaphore permits;

	// for each limit whose permit a blocked submitter holds, the limits such submitters
	// wait for, with how many wait: the edges of the graph in which a cycle is a deadlock
	private static final Map<InFlightLimit, Map<InFlightLimit, Integer>> WAITS = new IdentityHashMap<>();

	/**
	 * Create a limit.
	 * @param property the property that sets it, for messages (for example
	 * {@code tasklens.limits.executors.[reportPool]})
	 * @param maxInFlight how many tasks may be queued or running at once, at least 1
	 * @param block whether a submitter over the limit waits (else it is refused at once)
	 * @param blockTimeout how long a submitter waits at most
	 */
	public InFlightLimit(String property, int maxInFlight, boolean block, Duration blockTimeout) {
		if (maxInFlight < 1) {
			throw new IllegalArgumentException(property + ".max-in-flight must be at least 1, was " + maxInFlight);
		}
		this.property = property;
		this.maxInFlight = maxInFlight;
		this.block = block;
		this.blockTimeout = blockTimeout;
		this.permits = new Semaphore(maxInFlight);
	}

	/**
	 * Take a permit for a task, waiting if the limit says so and the submitter may wait.
	 * @param task the task, for the message
	 * @param mayWait whether the submitting thread may wait: not when it is a task that
	 * holds a permit of this limit, nor a scheduler's thread
	 * @param held the limits whose permits the submitting task holds (empty outside a
	 * task): it is refused instead of blocked when a holder of this limit's permits
	 * waits, directly or through others, for one of them
	 * @throws RejectedExecutionException when no permit is free in time
	 */
	public void acquire(TaskInfo task, boolean mayWait, List<InFlightLimit> held) {
		if (this.permits.tryAcquire()) {
			return;
		}
		if (this.block && mayWait) {
			InFlightLimit cycle = startWaiting(held);
			if (cycle != null) {
				throw refused(task, "its submitter holds a permit of " + cycle.property
						+ ", which a task waiting for this limit's permits needs in turn; waiting could deadlock, "
						+ "so it is refused instead of blocked");
			}
			try {
				if (this.permits.tryAcquire(this.blockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw refused(task, "its submitter was interrupted while waiting for a permit");
			}
			finally {
				stopWaiting(held);
			}
			throw refused(task, "no task ended within " + this.property + ".block-timeout ("
					+ Texts.duration(this.blockTimeout) + ")");
		}
		if (this.block) {
			throw refused(task, "its submitter runs a task that this limit counts, and waiting for a permit could "
					+ "deadlock, so it is refused instead of blocked");
		}
		throw refused(task, "on-limit is reject");
	}

	/**
	 * Record that a submitter holding the given limits' permits waits for this one,
	 * unless that closes a cycle.
	 * @return the held limit that a holder of this limit waits for, or {@code null} when
	 * the wait was recorded
	 */
	private @Nullable InFlightLimit startWaiting(List<InFlightLimit> held) {
		if (held.isEmpty()) {
			return null;
		}
		synchronized (WAITS) {
			for (InFlightLimit each : held) {
				if (each == this || waitsFor(this, each)) {
					return each;
				}
			}
			for (InFlightLimit each : held) {
				WAITS.computeIfAbsent(each, (key) -> new IdentityHashMap<>()).merge(this, 1, Integer::sum);
			}
			return null;
		}
	}

	private void stopWaiting(List<InFlightLimit> held) {
		if (held.isEmpty()) {
			return;
		}
		synchronized (WAITS) {
			for (InFlightLimit each : held) {
				Map<InFlightLimit, Integer> wanted = WAITS.get(each);
				if (wanted != null && wanted.merge(this, -1, Integer::sum) <= 0) {
					wanted.remove(this);
					if (wanted.isEmpty()) {
						WAITS.remove(each);
					}
				}
			}
		}
	}

	/**
	 * Return whether a holder of {@code from}'s permits waits, directly or through other
	 * waiting holders, for {@code to}'s. Called holding the graph's lock.
	 */
	private static boolean waitsFor(InFlightLimit from, InFlightLimit to) {
		Set<InFlightLimit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<InFlightLimit> next = new ArrayDeque<>();
		next.add(from);
		while (!next.isEmpty()) {
			InFlightLimit current = next.poll();
			for (InFlightLimit wanted : WAITS.getOrDefault(current, Map.of()).keySet()) {
				if (wanted == to) {
					return true;
				}
				if (seen.add(wanted)) {
					next.add(wanted);
				}
			}
		}
		return false;
	}

	/**
	 * Take a permit if one is free.
	 * @return whether a permit was taken
	 */
	public boolean tryAcquire() {
		return this.permits.tryAcquire();
	}

	/**
	 * Give a permit back.
	 */
	public void release() {
		this.permits.release();
	}

	private RejectedExecutionException refused(TaskInfo task, String why) {
		return new RejectedExecutionException("Task '" + task.name() + "' refused on executor '" + task.executor()
				+ "': " + this.maxInFlight + " task(s) in flight reach " + this.property + ".max-in-flight; " + why);
	}

}
