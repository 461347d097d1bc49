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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.tasklens.registry.InventorySnapshot.StackGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the stack groups of the running tasks for drift (Go's signal: "a sudden new
 * fingerprint appearing at high count is a new leak path"): at a fixed interval it groups
 * the running tasks by stack, as the inventory does, and remembers when each
 * {@link StackFingerprint fingerprint} was first seen. A group first seen after the
 * warm-up that reaches the minimum size is logged once at WARN, with its fingerprint,
 * count and top frames, and counted ({@link #newGroups()}). It also keeps how many groups
 * there are and the size of the largest, for the meters.
 *
 * @author tasklens authors
 */
public final class StackDrift implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger("io.github.tasklens.StackDrift");

	// fingerprints remembered at most; past it the oldest are forgotten
	static final int MAX_FINGERPRINTS = 10_000;

	private static final int LOGGED_FRAMES = 8;

	private final TaskInventory inventory;

	private final Settings settings;

	private final long startedNanos = System.nanoTime();

	private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
			return size() > MAX_FINGERPRINTS;
		}

	};

	private final AtomicLong newGroups = new AtomicLong();

	private volatile int groups;

	private volatile int largestGroup;

	private final PeriodicCheck checking;

	/**
	 * Create the watcher; {@link #start()} starts its thread.
	 * @param registry the live tasks
	 * @param settings when a group is new, and how often to look
	 */
	public StackDrift(LiveTaskRegistry registry, Settings settings) {
		this.inventory = new TaskInventory(registry);
		this.settings = settings;
		this.checking = new PeriodicCheck("tasklens-drift", settings.interval(), this::check, logger,
				"The stack drift check failed; the next one runs as planned");
	}

	/**
	 * Start looking, on a daemon thread named {@code tasklens-drift}.
	 */
	public void start() {
		this.checking.start();
	}

	/**
	 * Group the running tasks by stack now, and report the new groups.
	 * @return how many groups were newly reported
	 */
	public synchronized int check() {
		InventorySnapshot snapshot = this.inventory
			.read(new TaskQuery(null, null, null, Map.of(), 0, this.settings.stackDepth(), this.settings.maxStacks()));
		long now = System.nanoTime();
		long warmUpEnd = this.startedNanos + this.settings.warmUp().toNanos();
		int largest = 0;
		int reportedNow = 0;
		for (StackGroup group : snapshot.groups()) {
			largest = Math.max(largest, group.count());
			Seen fingerprint = this.seen.computeIfAbsent(group.fingerprint(), (key) -> new Seen(now));
			if (!fingerprint.reported && fingerprint.firstNanos - warmUpEnd >= 0
					&& group.count() >= this.settings.minGroupSize()) {
				fingerprint.reported = true;
				reportedNow++;
				this.newGroups.incrementAndGet();
				report(group, fingerprint.firstNanos);
			}
		}
		this.groups = snapshot.groups().size();
		this.largestGroup = largest;
		return reportedNow;
	}

	private void report(StackGroup group, long firstSeenNanos) {
		StringBuilder frames = new StringBuilder();
		group.stack()
			.stream()
			.limit(LOGGED_FRAMES)
			.forEach((frame) -> frames.append("\n\tat ").append(Texts.frame(frame)));
		if (group.stack().size() > LOGGED_FRAMES) {
			frames.append("\n\t...");
		}
		logger.warn("New stack group {}: {} running tasks (executors: {}; tasks: {}), first seen {} after start{}",
				group.fingerprint(), group.count(), String.join(", ", group.executors()),
				String.join(", ", group.names()), Texts.duration(Duration.ofNanos(firstSeenNanos - this.startedNanos)),
				frames);
	}

	/**
	 * Return how many distinct stack groups the running tasks made at the last check.
	 * @return the number of groups
	 */
	public int groups() {
		return this.groups;
	}

	/**
	 * Return how many tasks the largest group had at the last check.
	 * @return its size
	 */
	public int largestGroup() {
		return this.largestGroup;
	}

	/**
	 * Return how many new groups were reported since the start.
	 * @return the count
	 */
	public long newGroups() {
		return this.newGroups.get();
	}

	/**
	 * Stop looking.
	 */
	@Override
	public void close() {
		this.checking.close();
	}

	/**
	 * When a fingerprint was first seen, and whether its group was reported as new.
	 */
	private static final class Seen {

		final long firstNanos;

		boolean reported;

		Seen(long firstNanos) {
			this.firstNanos = firstNanos;
		}

	}

	/**
	 * When a group is new, and how often to look.
	 *
	 * @param minGroupSize how many tasks a new group must have to be reported
	 * @param warmUp how long after the start a group first seen is part of the app's
	 * usual picture
	 * @param interval how often to look
	 * @param stackDepth how many frames a stack is grouped by
	 * @param maxStacks how many running tasks' stacks one look takes at most
	 */
	public record Settings(int minGroupSize, Duration warmUp, Duration interval, int stackDepth, int maxStacks) {

	}

}
