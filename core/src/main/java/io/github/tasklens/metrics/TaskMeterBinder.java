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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.StateCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Binds tasklens's meters to a Micrometer registry: the task meters of every series, as
 * series appear, the gauges of live tasks per executor, and the pool gauges of
 * Micrometer's {@code ExecutorServiceMetrics} for decorated pools that nothing else
 * binds. The hot path only adds to {@link TaskCounters}; the meters read them, except
 * {@code tasks.run} and {@code tasks.wait} when the registry keeps a distribution of them
 * (then each time is recorded into a real {@code Timer}, which costs each task more).
 *
 * @author tasklens authors
 */
public final class TaskMeterBinder implements MeterBinder {

	private static final long COUNTS_MAX_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final TaskSeries series;

	private final LiveTaskRegistry tasks;

	private final Function<Object, @Nullable ExecutorService> pools;

	private volatile @Nullable Counts counts;

	/**
	 * Create a binder.
	 * @param series the series of the application context
	 * @param tasks its live tasks
	 * @param pools finds the JDK pool behind a decorated executor, for Micrometer's pool
	 * gauges, or answers {@code null}
	 */
	public TaskMeterBinder(TaskSeries series, LiveTaskRegistry tasks,
			Function<Object, @Nullable ExecutorService> pools) {
		this.series = series;
		this.tasks = tasks;
		this.pools = pools;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// What appears while the existing series are replayed is told to the listener and
		// seen by the replay: each meter is registered by the one caller that claims it
		// here, so that Micrometer never warns of a meter registered twice.
		Set<List<Object>> bound = ConcurrentHashMap.newKeySet();
		Map<String, Boolean> distributed = new ConcurrentHashMap<>();
		this.series.listen(new TaskSeries.Listener() {

			@Override
			public void seriesAdded(TaskCounters counters) {
				bindSeries(registry, bound, distributed, counters);
			}

			@Override
			public void failureKindAdded(TaskCounters counters, String exception) {
				bindFailures(registry, bound, counters, exception);
			}

			@Override
			public void rejectReasonAdded(TaskCounters counters, RejectReason reason) {
				bindRejections(registry, bound, counters, reason);
			}

		});
		for (TaskCounters counters : this.series.all()) {
			bindSeries(registry, bound, distributed, counters);
			counters.failureKinds().forEach((exception) -> bindFailures(registry, bound, counters, exception));
			for (RejectReason reason : RejectReason.values()) {
				if (counters.rejectedCount(reason) > 0) {
					bindRejections(registry, bound, counters, reason);
				}
			}
		}
		this.tasks.executors().watch((name, executor) -> {
			if (bound.add(List.of("executor", name))) {
				bindExecutor(registry, name, executor);
			}
		});
	}

	private void bindSeries(MeterRegistry registry, Set<List<Object>> bound, Map<String, Boolean> distributed,
			TaskCounters counters) {
		if (!bound.add(List.of("series", counters))) {
			return;
		}
		Tags tags = tags(counters);
		FunctionCounter.builder("tasks.submitted", counters, TaskCounters::submittedCount)
			.description("Tasks submitted to a decorated executor")
			.tags(tags)
			.register(registry);
		for (boolean success : new boolean[] { true, false }) {
			bindTimer(registry, distributed, "tasks.run", "Runs of tasks, from start to end",
					tags.and("outcome", success ? "success" : "failure"), counters, (c) -> c.runCount(success),
					(c) -> c.runNanos(success), (c) -> c.runMaxNanos(success),
					(recorder) -> counters.recordRunsInto(success, recorder));
		}
		FunctionCounter.builder("tasks.interrupted", counters, TaskCounters::interruptedCount)
			.description("Runs of tasks interrupted past their time box's interrupt-after")
			.tags(tags)
			.register(registry);
		bindTimer(registry, distributed, "tasks.wait",
				"Time tasks waited between submission and start (periodic tasks excluded)", tags, counters,
				TaskCounters::waitCount, TaskCounters::waitNanos, TaskCounters::waitMaxNanos,
				counters::recordWaitsInto);
	}

	/**
	 * Bind a timer of a series. Without a distribution configured for its name, a
	 * {@code FunctionTimer} reads the series' count and sum when scraped, and no task
	 * pays for it. With one ({@code management.metrics.distribution.*} or any
	 * {@code MeterFilter} that asks for a histogram, percentiles or SLOs), only a real
	 * {@code Timer} can answer, so each time is recorded into it. Whether a distribution
	 * is configured is asked of the registry itself, through the first series' timer, and
	 * holds for every series of that name: Prometheus cannot mix the two kinds under one
	 * name.
	 * <p>
	 * A {@code FunctionTimer} has no max, and a registry takes no timer of ours, so the
	 * max of a function timer is a gauge of its own, {@code <name>.seconds.max}, in
	 * seconds: in Prometheus it is the very series a {@code Timer} shows,
	 * {@code tasks_run_seconds_max}, whichever kind the timer is.
	 */
	private void bindTimer(MeterRegistry registry, Map<String, Boolean> distributed, String name, String description,
			Tags tags, TaskCounters counters, ToLongFunction<TaskCounters> count,
			ToDoubleFunction<TaskCounters> totalNanos, ToLongFunction<TaskCounters> maxNanos,
			Consumer<LongConsumer> recordInto) {
		Boolean known = distributed.get(name);
		if (known == null || known) {
			Timer timer = Timer.builder(name).description(description).tags(tags).register(registry);
			if (known != null || publishesDistribution(timer)) {
				distributed.putIfAbsent(name, true);
				recordInto.accept((nanos) -> timer.record(nanos, TimeUnit.NANOSECONDS));
				return;
			}
			registry.remove(timer);
			distributed.putIfAbsent(name, false);
		}
		FunctionTimer.builder(name, counters, count, totalNanos, TimeUnit.NANOSECONDS)
			.description(description)
			.tags(tags)
			.register(registry);
		Gauge.builder(name + ".seconds.max", counters, (c) -> maxNanos.applyAsLong(c) / 1e9)
			.description(description + ": the longest of the last one to two minutes, in seconds")
			.tags(tags)
			.register(registry);
	}

	private static boolean publishesDistribution(Timer timer) {
		HistogramSnapshot snapshot = timer.takeSnapshot();
		return snapshot.histogramCounts().length > 0 || snapshot.percentileValues().length > 0;
	}

	private void bindFailures(MeterRegistry registry, Set<List<Object>> bound, TaskCounters counters,
			String exception) {
		if (!bound.add(List.of("failures", counters, exception))) {
			return;
		}
		FunctionCounter.builder("tasks.failures", counters, (c) -> c.failureCount(exception))
			.description("Runs of tasks that failed, by exception class")
			.tags(tags(counters))
			.tag("exception", exception)
			.register(registry);
	}

	private void bindRejections(MeterRegistry registry, Set<List<Object>> bound, TaskCounters counters,
			RejectReason reason) {
		if (!bound.add(List.of("rejected", counters, reason))) {
			return;
		}
		FunctionCounter.builder("tasks.rejected", counters, (c) -> c.rejectedCount(reason))
			.description("Tasks refused before they ran, by reason")
			.tags(tags(counters))
			.tag("reason", reason.tagValue())
			.register(registry);
	}

	private void bindExecutor(MeterRegistry registry, String name, Object executor) {
		Gauge.builder("tasks.active", this, (binder) -> binder.counts(name).running())
			.description("Tasks running now")
			.tag("executor", name)
			.register(registry);
		Gauge.builder("tasks.queued", this, (binder) -> binder.counts(name).queued())
			.description("Tasks submitted and waiting to run (periodic tasks between runs excluded)")
			.tag("executor", name)
			.register(registry);
		Gauge.builder("tasks.overdue", this, (binder) -> binder.counts(name).overdue())
			.description("Tasks past their time box: running past warn-after, or queued past queue-warn-after")
			.tag("executor", name)
			.register(registry);
		PoolMetrics.bindIfUnbound(registry, name, executor, this.pools);
	}

	private Tags tags(TaskCounters counters) {
		Tags tags = Tags.of("executor", counters.executor());
		String[] values = counters.tagValues();
		int i = 0;
		for (String key : this.series.tagKeys()) {
			tags = tags.and(key, values[i++]);
		}
		return tags;
	}

	private StateCounts counts(String executor) {
		Counts current = this.counts;
		long now = System.nanoTime();
		if (current == null || now - current.takenAt() > COUNTS_MAX_AGE_NANOS) {
			current = new Counts(this.tasks.countsByExecutor(), now);
			this.counts = current;
		}
		return current.byExecutor().getOrDefault(executor, StateCounts.NONE);
	}

	private record Counts(Map<String, StateCounts> byExecutor, long takenAt) {
	}

}
