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
package io.github.tasklens.runtime;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.task.LogStartHook;
import io.github.tasklens.timebox.TaskTimeBox;
import io.github.tasklens.timebox.TimeBoxPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * The settings of a runtime started without Spring, read from system properties named as
 * the Boot properties are ({@code -Dtasklens.hooks.log-start=info}). A bad value fails
 * with the property's name and what it allows.
 *
 * @author tasklens authors
 */
final class SystemSettings {

	private static final String PREFIX = "tasklens.";

	private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)?");

	private static final Set<String> TIME_BOX_KEYS = Set.of("warn-after", "interrupt-after", "queue-warn-after");

	private final Map<String, String> values = new TreeMap<>();

	private final Set<String> read = new TreeSet<>();

	SystemSettings(Map<?, ?> properties) {
		properties.forEach((key, value) -> {
			if (key instanceof String name && name.startsWith(PREFIX) && value instanceof String text) {
				this.values.put(name, text.trim());
			}
		});
	}

	boolean enabled() {
		return bool("tasklens.enabled", true);
	}

	/**
	 * Apply the settings to a builder.
	 * @param builder the builder
	 * @param contextPropagationPresent whether Micrometer's context-propagation can be
	 * used
	 */
	void applyTo(TaskRuntime.Builder builder, boolean contextPropagationPresent) {
		Level logStart = logStart();
		if (logStart != null) {
			builder.hook(new LogStartHook(logStart));
		}
		Map<String, String> staticLabels = under("tasklens.labels.static.");
		if (!staticLabels.isEmpty()) {
			try {
				builder.staticLabels(TaskLabels.of(staticLabels));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid tasklens.labels.static.*: " + ex.getMessage(), ex);
			}
		}
		if (bool("tasklens.labels.mdc", true)) {
			builder.labelsInMdc(text("tasklens.labels.mdc-prefix", "task."));
		}
		if (bool("tasklens.propagation.enabled", true) && contextPropagationPresent) {
			builder.propagateContext();
		}
		builder.maxTracked(integer("tasklens.inventory.max-tracked", 100_000, 0));
		builder.timeBoxes(timeBoxes(), positive("tasklens.timebox.check-interval", Duration.ofSeconds(1)));
		builder.agentNames(under("tasklens.executors.names."), integer("tasklens.executors.max-agent-names", 100, 1));
		String showValues = text("tasklens.endpoint.show-values", "never").toLowerCase(Locale.ROOT);
		if (!Set.of("never", "when-authorized", "always").contains(showValues)) {
			throw invalid("tasklens.endpoint.show-values", "never, when-authorized or always");
		}
		// JMX knows no roles: when-authorized shows no value
		builder.jmx(showValues.equals("always"));
	}

	/**
	 * Return the {@code tasklens.*} properties that were set and not read: the agent
	 * alone reads fewer than the starter does.
	 * @return their names
	 */
	Set<String> unread() {
		Set<String> unread = new TreeSet<>(this.values.keySet());
		unread.removeAll(this.read);
		unread.removeIf((name) -> name.startsWith("tasklens.agent."));
		return unread;
	}

	private @Nullable Level logStart() {
		String value = text("tasklens.hooks.log-start", "off").toLowerCase(Locale.ROOT);
		return switch (value) {
			case "off" -> null;
			case "debug" -> Level.DEBUG;
			case "info" -> Level.INFO;
			default -> throw invalid("tasklens.hooks.log-start", "off, debug or info");
		};
	}

	private TimeBoxPolicy timeBoxes() {
		TaskTimeBox defaults = timeBox("tasklens.timebox.");
		Map<String, TaskTimeBox> byExecutor = timeBoxesUnder("tasklens.timebox.executors.");
		Map<String, TaskTimeBox> byTask = timeBoxesUnder("tasklens.timebox.tasks.");
		if (defaults.equals(TaskTimeBox.NONE) && byExecutor.isEmpty() && byTask.isEmpty()) {
			return TimeBoxPolicy.NONE;
		}
		return new TimeBoxPolicy(defaults, byExecutor, byTask);
	}

	private Map<String, TaskTimeBox> timeBoxesUnder(String prefix) {
		Set<String> names = new TreeSet<>();
		for (String key : this.values.keySet()) {
			if (key.startsWith(prefix)) {
				String rest = key.substring(prefix.length());
				int dot = rest.lastIndexOf('.');
				if (dot > 0 && TIME_BOX_KEYS.contains(rest.substring(dot + 1))) {
					names.add(rest.substring(0, dot));
				}
			}
		}
		Map<String, TaskTimeBox> boxes = new TreeMap<>();
		for (String name : names) {
			boxes.put(name, timeBox(prefix + name + "."));
		}
		return boxes;
	}

	private TaskTimeBox timeBox(String prefix) {
		try {
			return TaskTimeBox.of(duration(prefix + "warn-after"), duration(prefix + "interrupt-after"),
					duration(prefix + "queue-warn-after"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid " + prefix + "*: " + ex.getMessage(), ex);
		}
	}

	private Map<String, String> under(String prefix) {
		Map<String, String> found = new TreeMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(prefix) && key.length() > prefix.length()) {
				found.put(key.substring(prefix.length()), value);
				this.read.add(key);
			}
		});
		return found;
	}

	private Duration positive(String name, Duration fallback) {
		Duration value = duration(name);
		if (value == null) {
			return fallback;
		}
		if (value.isZero() || value.isNegative()) {
			throw invalid(name, "a positive duration");
		}
		return value;
	}

	private @Nullable Duration duration(String name) {
		String value = raw(name);
		if (value == null) {
			return null;
		}
		Matcher simple = SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT));
		try {
			if (simple.matches()) {
				long amount = Long.parseLong(simple.group(1));
				String unit = (simple.group(2) != null) ? simple.group(2) : "ms";
				return switch (unit) {
					case "ns" -> Duration.ofNanos(amount);
					case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					default -> Duration.ofDays(amount);
				};
			}
			return Duration.parse(value);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw invalid(name, "a duration such as 500ms, 30s, 5m or PT30S");
		}
	}

	private int integer(String name, int fallback, int least) {
		String value = raw(name);
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value);
			if (parsed >= least) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw invalid(name, "a whole number, " + least + " or more");
	}

	private boolean bool(String name, boolean fallback) {
		String value = raw(name);
		if (value == null) {
			return fallback;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(name, "true or false");
		};
	}

	private String text(String name, String fallback) {
		String value = raw(name);
		return (value != null) ? value : fallback;
	}

	private @Nullable String raw(String name) {
		this.read.add(name);
		return this.values.get(name);
	}

	private IllegalArgumentException invalid(String name, String allowed) {
		return new IllegalArgumentException(
				"Invalid value '" + this.values.get(name) + "' for " + name + ": " + allowed + " is allowed");
	}

}
