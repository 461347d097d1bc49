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

package io.github.tasklens.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;

import io.github.tasklens.CancelOutcome;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.boot.actuate.TasksDescriptor.ExecutorDescriptor;
import io.github.tasklens.boot.actuate.TasksDescriptor.GroupDescriptor;
import io.github.tasklens.boot.actuate.TasksDescriptor.TaskDescriptor;
import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.boot.executor.ExecutorPools;
import io.github.tasklens.registry.InventorySnapshot;
import io.github.tasklens.registry.InventorySnapshot.LiveTask;
import io.github.tasklens.registry.StateCounts;
import io.github.tasklens.registry.Texts;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import io.github.tasklens.registry.VirtualThreads;
import io.github.tasklens.metrics.TaskCounters;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code tasks} endpoint: the live tasks of the application, Go's goroutine dump for
 * tasks. JSON for tools, {@code text/plain} for people.
 *
 * @author tasklens authors
 */
@Endpoint(id = "tasks", defaultAccess = Access.READ_ONLY)
public class TasksEndpoint {

	/**
	 * How many tasks are listed when the query says nothing.
	 */
	public static final int DEFAULT_LIMIT = 100;

	/**
	 * The most tasks one read lists.
	 */
	public static final int MAX_LIMIT = 1000;

	static final String MASK = "******";

	/** The state of a cancelled task that ended. */
	static final String ENDED_STATE = "ENDED";

	private static final Set<String> CODE_LABELS = Set.of(TaskChain.EXECUTOR_LABEL, TaskChain.TASK_LABEL);

	private final TaskChain chain;

	private final TaskInventory inventory;

	private final Settings settings;

	private final ExecutorAdopter adopter;

	/**
	 * Create the endpoint.
	 * @param chain the chain whose tasks it shows
	 * @param adopter the adopter that decorated the executors it shows
	 * @param settings how much it shows
	 */
	public TasksEndpoint(TaskChain chain, ExecutorAdopter adopter, Settings settings) {
		this.chain = chain;
		this.inventory = new TaskInventory(chain.registry());
		this.settings = settings;
		this.adopter = adopter;
	}

	@ReadOperation
	public TasksDescriptor tasks(SecurityContext securityContext, @Nullable String executor, @Nullable String name,
			@Nullable String state, @Nullable List<String> label, @Nullable Integer limit) {
		InventorySnapshot snapshot = this.inventory.read(query(executor, name, state, label, limit));
		boolean showValues = showValues(securityContext);
		List<TaskDescriptor> tasks = snapshot.tasks()
			.stream()
			.map((task) -> describe(task, snapshot.takenAt(), showValues))
			.toList();
		List<GroupDescriptor> groups = snapshot.groups()
			.stream()
			.map((group) -> new GroupDescriptor(group.fingerprint(), group.count(), group.state().name(),
					group.executors(), group.names(), frames(group.stack())))
			.toList();
		return new TasksDescriptor(snapshot.takenAt(), snapshot.totals(), executors(snapshot.byExecutor()), tasks,
				groups, snapshot.groupsTruncated());
	}

	@ReadOperation(produces = "text/plain;charset=UTF-8")
	public String textTasks(SecurityContext securityContext, @Nullable String executor, @Nullable String name,
			@Nullable String state, @Nullable List<String> label, @Nullable Integer limit) {
		return TaskDump.of(tasks(securityContext, executor, name, state, label, limit));
	}

	@ReadOperation
	public @Nullable TaskDescriptor task(SecurityContext securityContext, @Selector long id) {
		LiveTask task = this.inventory.read(id, Integer.MAX_VALUE);
		return (task != null) ? describe(task, Instant.now(), showValues(securityContext)) : null;
	}

	@ReadOperation(produces = "text/plain;charset=UTF-8")
	public @Nullable String textTask(SecurityContext securityContext, @Selector long id) {
		TaskDescriptor task = task(securityContext, id);
		return (task != null) ? TaskDump.of(task) : null;
	}

	private TaskQuery query(@Nullable String executor, @Nullable String name, @Nullable String state,
			@Nullable List<String> label, @Nullable Integer limit) {
		int pageSize = (limit != null) ? limit : DEFAULT_LIMIT;
		if (pageSize < 0 || pageSize > MAX_LIMIT) {
			throw badRequest("Invalid limit " + pageSize + ": it must be between 0 and " + MAX_LIMIT);
		}
		return new TaskQuery(executor, name, state(state), labels(label), pageSize, this.settings.stackDepth(),
				this.settings.maxStacks());
	}

	private static @Nullable TaskState state(@Nullable String state) {
		if (state == null) {
			return null;
		}
		try {
			return TaskState.valueOf(state.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw badRequest("Invalid state '" + state + "': allowed values are "
					+ Arrays.stream(TaskState.values()).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	private static Map<String, String> labels(@Nullable List<String> filters) {
		if (filters == null) {
			return Map.of();
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (String filter : filters) {
			int colon = filter.indexOf(':');
			try {
				if (colon < 1) {
					throw new IllegalArgumentException("no key before a ':'");
				}
				String key = filter.substring(0, colon);
				String value = filter.substring(colon + 1);
				// checked as a label's key and value are
				TaskLabels.of(key, value);
				labels.put(key, value);
			}
			catch (IllegalArgumentException ex) {
				throw badRequest("Invalid label filter '" + filter
						+ "': it must be key:value, for example label=team:payments (" + ex.getMessage() + ")");
			}
		}
		return labels;
	}

	/**
	 * A 400 answer; its message is the reason, which Boot's error page shows with
	 * {@code server.error.include-message=always}.
	 */
	private static InvalidEndpointRequestException badRequest(String message) {
		return new InvalidEndpointRequestException(message, message);
	}

	private boolean showValues(SecurityContext securityContext) {
		return this.settings.showValues().isShown(securityContext, this.settings.roles());
	}

	/**
	 * Cancel one live task, as {@code DELETE /actuator/tasks/{id}} asks.
	 * @return what became of it, or {@code null} when no listed live task has that id
	 */
	@Nullable CancelDescriptor cancel(SecurityContext securityContext, long id) {
		CancelOutcome outcome = this.chain.registry().cancel(id, this.settings.cancelWait());
		return (outcome != null) ? describe("task " + id, outcome, showValues(securityContext)) : null;
	}

	/**
	 * Cancel every live task with a label, as {@code DELETE /actuator/tasks?label=k:v}
	 * asks.
	 */
	CancelDescriptor cancelLabelled(SecurityContext securityContext, String label) {
		Map.Entry<String, String> wanted = labels(List.of(label)).entrySet().iterator().next();
		CancelOutcome outcome = this.chain.registry()
			.cancelLabelled(wanted.getKey(), wanted.getValue(), this.settings.cancelWait());
		return describe("label " + label, outcome, showValues(securityContext));
	}

	/**
	 * Whether the user may cancel: anyone who reached the operation, or, when roles are
	 * set, a user in one of them.
	 */
	boolean mayCancel(SecurityContext securityContext) {
		Set<String> roles = this.settings.roles();
		return roles.isEmpty() || Show.WHEN_AUTHORIZED.isShown(securityContext, roles);
	}

	private CancelDescriptor describe(String cancelled, CancelOutcome outcome, boolean showValues) {
		Instant now = Instant.now();
		List<TaskDescriptor> ended = new ArrayList<>();
		List<TaskDescriptor> stillLive = new ArrayList<>();
		outcome.ended().forEach((task) -> ended.add(describe(task, null, null, List.of(), now, showValues)));
		for (TaskInfo task : outcome.stillLive()) {
			LiveTask live = this.inventory.read(task.id(), this.settings.stackDepth());
			if (live != null) {
				stillLive.add(describe(live, now, showValues));
			}
			else {
				// it ended since the wait was over
				ended.add(describe(task, null, null, List.of(), now, showValues));
			}
		}
		return new CancelDescriptor(now, cancelled, ended, stillLive);
	}

	private TaskDescriptor describe(LiveTask live, Instant now, boolean showValues) {
		return describe(live.info(), live.state(), live.thread(), live.stack(), now, showValues);
	}

	private TaskDescriptor describe(TaskInfo task, @Nullable TaskState state, @Nullable Thread thread,
			List<StackTraceElement> stack, Instant now, boolean showValues) {
		Map<String, String> labels = new TreeMap<>();
		task.labels()
			.asMap()
			.forEach((key, value) -> labels.put(key, (showValues || CODE_LABELS.contains(key)) ? value : MASK));
		Instant startedAt = task.startedAt();
		Long waiting = (state == TaskState.QUEUED) ? millisBetween(task.submittedAt(), now) : null;
		Long running = (state != null && state.isRunning() && startedAt != null) ? millisBetween(startedAt, now) : null;
		@Nullable List<String> submitSite = framesIfAny(task.submitSite());
		if (!showValues && submitSite != null) {
			submitSite = List.of(MASK);
		}
		return new TaskDescriptor(task.id(), task.executor(), task.name(), labels,
				(state != null) ? state.name() : ENDED_STATE,
				state == TaskState.OVERDUE || (state != null && task.overdue()), task.periodic(), task.submittedAt(),
				startedAt, waiting, running, (thread != null) ? thread.getName() : null,
				(thread != null) ? VirtualThreads.isVirtual(thread) : null, framesIfAny(stack), submitSite);
	}

	private static long millisBetween(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toMillis());
	}

	/**
	 * The frames as text, or {@code null} when there are none, so that the answer leaves
	 * the field out as it does every field without a value.
	 */
	private static @Nullable List<String> framesIfAny(List<StackTraceElement> stack) {
		return stack.isEmpty() ? null : frames(stack);
	}

	private static List<String> frames(List<StackTraceElement> stack) {
		List<String> frames = new ArrayList<>(stack.size());
		for (StackTraceElement frame : stack) {
			frames.add(Texts.frame(frame));
		}
		return frames;
	}

	private List<ExecutorDescriptor> executors(Map<String, StateCounts> counts) {
		Map<String, String> decorated = this.chain.registry().decoratedExecutors();
		List<ExecutorDescriptor> descriptors = new ArrayList<>();
		decorated.forEach((name, how) -> descriptors
			.add(describe(name, how, this.adopter.executor(name), counts.getOrDefault(name, StateCounts.NONE))));
		return descriptors;
	}

	private ExecutorDescriptor describe(String name, String how, @Nullable Object executor, StateCounts counts) {
		long submitted = 0;
		long failed = 0;
		for (TaskCounters series : this.chain.series().ofExecutor(name)) {
			submitted += series.submittedCount();
			failed += series.failedCount();
		}
		String type = (executor != null) ? executor.getClass().getName() : "unknown";
		String threads = this.chain.threads(name).name().toLowerCase(Locale.ROOT);
		ExecutorService pool = ExecutorPools.poolOf(executor);
		if (pool instanceof ThreadPoolExecutor threadPool) {
			int active = threadPool.getActiveCount();
			int queued = threadPool.getQueue().size();
			int remaining = threadPool.getQueue().remainingCapacity();
			boolean bounded = (long) queued + remaining < Integer.MAX_VALUE;
			// with an unbounded queue a pool never grows past its core size
			int max = bounded ? threadPool.getMaximumPoolSize()
					: Math.max(1, Math.min(threadPool.getCorePoolSize(), threadPool.getMaximumPoolSize()));
			return new ExecutorDescriptor(name, type, how, threads, active, queued, counts.overdue(),
					threadPool.getPoolSize(), max, bounded ? queued + remaining : null, bounded ? remaining : null,
					ratio(active, max), submitted, failed);
		}
		if (pool instanceof ForkJoinPool forkJoin) {
			int active = forkJoin.getActiveThreadCount();
			int max = forkJoin.getParallelism();
			return new ExecutorDescriptor(name, type, how, threads, active,
					forkJoin.getQueuedSubmissionCount() + forkJoin.getQueuedTaskCount(), counts.overdue(),
					forkJoin.getPoolSize(), max, null, null, ratio(active, max), submitted, failed);
		}
		return new ExecutorDescriptor(name, type, how, threads, counts.running(), counts.queued(), counts.overdue(),
				null, null, null, null, null, submitted, failed);
	}

	private static @Nullable Double ratio(int active, int max) {
		return (max > 0) ? (double) active / max : null;
	}

	/**
	 * How much the endpoint shows.
	 *
	 * @param stackDepth how many frames of each running task's stack to show
	 * @param maxStacks how many running tasks' stacks to take at most for grouping
	 * @param showValues when label values and submit sites are shown
	 * @param roles the roles that may see them with {@link Show#WHEN_AUTHORIZED}, and
	 * cancel tasks
	 * @param cancelWait how long a cancel waits for the tasks to end
	 */
	public record Settings(int stackDepth, int maxStacks, Show showValues, Set<String> roles, Duration cancelWait) {

	}

}
