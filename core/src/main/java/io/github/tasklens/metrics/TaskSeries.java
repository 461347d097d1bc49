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

package io.github.tasklens.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskLabels;
import org.jspecify.annotations.Nullable;

/**
 * The metric series of one application context, and the cap on their number. A series is
 * an executor and one value for each label key that is a tag ({@code task} by default); a
 * label a task lacks has the value {@value #NONE}. Each executor has at most
 * {@code maxPerExecutor} series; the tasks of any further one are counted in a series
 * whose every tag but {@code executor} is {@value #OTHER}.
 *
 * @author tasklens authors
 */
public final class TaskSeries {

	/**
	 * The tag value that stands for every series past the cap.
	 */
	public static final String OTHER = "other";

	/**
	 * The tag value of a label that a task does not have.
	 */
	public static final String NONE = "none";

	private static final String EXECUTOR = "executor";

	private static final String TASK = "task";

	private final String[] tagKeys;

	private final boolean byName;

	private final int maxPerExecutor;

	private final Map<String, ExecutorSeries> executors = new ConcurrentHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final ThreadCounts threadCounts = new ThreadCounts();

	private final AtomicInteger slots = new AtomicInteger();

	/**
	 * Create the series of an application context.
	 * @param tagKeys the label keys that become tags besides {@code executor}, which
	 * every series has
	 * @param maxPerExecutor the most series per executor, at least 1
	 */
	public TaskSeries(List<String> tagKeys, int maxPerExecutor) {
		if (maxPerExecutor < 1) {
			throw new IllegalArgumentException("maxPerExecutor must be at least 1, not " + maxPerExecutor);
		}
		this.tagKeys = tagKeys.stream().filter((key) -> !EXECUTOR.equals(key)).distinct().toArray(String[]::new);
		this.byName = Arrays.stream(this.tagKeys).allMatch(TASK::equals);
		this.maxPerExecutor = maxPerExecutor;
	}

	/**
	 * Create series tagged by task name, at most 100 per executor.
	 * @return the series
	 */
	public static TaskSeries byTaskName() {
		return new TaskSeries(List.of(TASK), 100);
	}

	/**
	 * Return the tag keys besides {@code executor}, in order.
	 * @return the tag keys
	 */
	public List<String> tagKeys() {
		return List.of(this.tagKeys);
	}

	/**
	 * Return whether a task's series follows from its executor and name alone.
	 * @return whether the tags are at most {@code executor} and {@code task}
	 */
	public boolean byName() {
		return this.byName;
	}

	/**
	 * Return the series of a task with the given name, when {@link #byName()}.
	 * @param executor the executor's bean name
	 * @param name the task's {@code task} label
	 * @return the series
	 */
	public TaskCounters forName(String executor, String name) {
		String[] values = new String[this.tagKeys.length];
		Arrays.fill(values, name);
		return of(executor, values);
	}

	/**
	 * Return the series of a task with the given labels.
	 * @param executor the executor's bean name
	 * @param labels the task's labels
	 * @return the series
	 */
	public TaskCounters forLabels(String executor, TaskLabels labels) {
		String[] values = new String[this.tagKeys.length];
		for (int i = 0; i < values.length; i++) {
			String value = labels.get(this.tagKeys[i]);
			values[i] = (value != null) ? value : NONE;
		}
		return of(executor, values);
	}

	private TaskCounters of(String executor, String[] values) {
		ExecutorSeries series = this.executors.computeIfAbsent(executor, (key) -> new ExecutorSeries());
		List<String> key = List.of(values);
		TaskCounters counters = series.byValues.get(key);
		if (counters != null) {
			return counters;
		}
		if (series.byValues.size() >= this.maxPerExecutor) {
			return other(executor, series);
		}
		synchronized (series) {
			counters = series.byValues.get(key);
			if (counters == null) {
				if (series.byValues.size() >= this.maxPerExecutor) {
					return other(executor, series);
				}
				counters = new TaskCounters(this, executor, values, this.slots.getAndIncrement());
				series.byValues.put(key, counters);
				added(counters);
			}
			return counters;
		}
	}

	private TaskCounters other(String executor, ExecutorSeries series) {
		TaskCounters other = series.other;
		if (other != null) {
			return other;
		}
		synchronized (series) {
			if (series.other == null) {
				String[] values = new String[this.tagKeys.length];
				Arrays.fill(values, OTHER);
				series.other = new TaskCounters(this, executor, values, this.slots.getAndIncrement());
				added(series.other);
			}
			return series.other;
		}
	}

	ThreadCounts threadCounts() {
		return this.threadCounts;
	}

	private void added(TaskCounters counters) {
		for (Listener listener : this.listeners) {
			listener.seriesAdded(counters);
		}
	}

	void failureKindAdded(TaskCounters counters, String exception) {
		for (Listener listener : this.listeners) {
			listener.failureKindAdded(counters, exception);
		}
	}

	void rejectReasonAdded(TaskCounters counters, RejectReason reason) {
		for (Listener listener : this.listeners) {
			listener.rejectReasonAdded(counters, reason);
		}
	}

	/**
	 * Return every series so far.
	 * @return the series
	 */
	public List<TaskCounters> all() {
		List<TaskCounters> all = new ArrayList<>();
		this.executors.keySet().forEach((executor) -> all.addAll(ofExecutor(executor)));
		return all;
	}

	/**
	 * Return the series of one executor.
	 * @param executor the executor's bean name
	 * @return its series
	 */
	public Collection<TaskCounters> ofExecutor(String executor) {
		ExecutorSeries series = this.executors.get(executor);
		if (series == null) {
			return List.of();
		}
		List<TaskCounters> all = new ArrayList<>(series.byValues.values());
		TaskCounters other = series.other;
		if (other != null) {
			all.add(other);
		}
		return all;
	}

	/**
	 * Listen for new series, and for the first failure of a kind or rejection for a
	 * reason in a series. Existing ones are not replayed.
	 * @param listener the listener
	 */
	public void listen(Listener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Told of what appears in the series, on the thread where it appears.
	 */
	public interface Listener {

		/**
		 * A series was added.
		 * @param counters the series
		 */
		void seriesAdded(TaskCounters counters);

		/**
		 * A series counted its first failure with this exception class.
		 * @param counters the series
		 * @param exception the simple class name
		 */
		void failureKindAdded(TaskCounters counters, String exception);

		/**
		 * A series counted its first rejection for this reason.
		 * @param counters the series
		 * @param reason the reason
		 */
		void rejectReasonAdded(TaskCounters counters, RejectReason reason);

	}

	private static final class ExecutorSeries {

		private final Map<List<String>, TaskCounters> byValues = new ConcurrentHashMap<>();

		private volatile @Nullable TaskCounters other;

	}

}
