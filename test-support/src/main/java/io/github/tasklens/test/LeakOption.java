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

package io.github.tasklens.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One option of a leak check, made by the factories of {@link TaskLeaks}: what to ignore,
 * where the tasks are, how long to wait. Options are values: two equal options are one.
 *
 * @author tasklens authors
 */
public final class LeakOption {

	enum Kind {

		IGNORE_TASK(true), IGNORE_THREAD(true), IGNORE_CURRENT(false), REGISTRY(false), MAX_WAIT(false),
		INCLUDE_SCHEDULED(false);

		private final boolean repeatable;

		Kind(boolean repeatable) {
			this.repeatable = repeatable;
		}

	}

	private final Kind kind;

	private final String description;

	private final @Nullable Object value;

	LeakOption(Kind kind, String description, @Nullable Object value) {
		this.kind = kind;
		this.description = description;
		this.value = value;
	}

	Kind kind() {
		return this.kind;
	}

	@Nullable Object value() {
		return this.value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof LeakOption that && this.kind == that.kind && this.description.equals(that.description);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.description);
	}

	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * The options of one check, merged and checked.
	 */
	static final class Settings {

		static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

		final List<Predicate<TaskInfo>> ignoredTasks = new ArrayList<>();

		final List<Predicate<StackTraceElement[]>> ignoredStacks = new ArrayList<>();

		final List<Pattern> ignoredThreadNames = new ArrayList<>();

		@Nullable Baseline baseline;

		@Nullable TaskRegistry registry;

		Duration maxWait = DEFAULT_MAX_WAIT;

		boolean includeScheduled;

		@SuppressWarnings("unchecked")
		static Settings of(LeakOption... options) {
			Settings settings = new Settings();
			List<LeakOption> seen = new ArrayList<>();
			for (LeakOption option : options) {
				Objects.requireNonNull(option, "A leak option must not be null");
				if (seen.contains(option)) {
					continue;
				}
				for (LeakOption earlier : seen) {
					if (earlier.kind == option.kind && !option.kind.repeatable) {
						throw new IllegalArgumentException("Conflicting leak options " + earlier + " and " + option
								+ ": give " + option.kind.name().toLowerCase().replace('_', ' ') + " once");
					}
				}
				seen.add(option);
				switch (option.kind) {
					case IGNORE_TASK -> settings.ignoredTasks.add((Predicate<TaskInfo>) option.value);
					case IGNORE_THREAD -> {
						if (option.value instanceof Pattern pattern) {
							settings.ignoredThreadNames.add(pattern);
						}
						else {
							settings.ignoredStacks.add((Predicate<StackTraceElement[]>) option.value);
						}
					}
					case IGNORE_CURRENT -> settings.baseline = (Baseline) option.value;
					case REGISTRY -> settings.registry = (TaskRegistry) option.value;
					case MAX_WAIT -> settings.maxWait = (Duration) Objects.requireNonNull(option.value);
					case INCLUDE_SCHEDULED -> settings.includeScheduled = true;
				}
			}
			return settings;
		}

	}

	/**
	 * What was live before: threads, and tasks (by id when the registry was known, else
	 * by submission time).
	 *
	 * @param threads the ids of the threads live then
	 * @param tasks the ids of the tasks live then, or {@code null} when not read
	 * @param at when it was taken
	 */
	record Baseline(Set<Long> threads, @Nullable Set<Long> tasks, Instant at) {

		boolean knew(TaskInfo task) {
			Set<Long> ids = this.tasks;
			return (ids != null) ? ids.contains(task.id()) : task.submittedAt().isBefore(this.at);
		}

	}

}
