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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.TaskState;
import io.github.tasklens.test.LeakOption.Baseline;
import io.github.tasklens.test.LeakOption.Kind;
import io.github.tasklens.test.LeakOption.Settings;
import io.github.tasklens.test.Leaks.LeakedTask;
import io.github.tasklens.test.Leaks.LeakedThread;

/**
 * goleak for tasks: find the tasks and threads still live, and fail when there are any.
 * <pre class="code">
 * TaskLeaks.verifyNone(TaskLeaks.ignoreCurrent(), TaskLeaks.registry(registry));
 * </pre> Tasks are read from a {@link TaskRegistry} when one is given (the
 * {@link TaskLeakExtension} gives the Spring test context's); threads from the JVM,
 * leaving out its own and common frameworks' background threads, and idle pool workers
 * parked waiting for work. A check retries with backoff for up to a second (see
 * {@link #maxWait(Duration)}) before it reports, so that a task ending just after the
 * test is not a leak.
 *
 * @author tasklens authors
 */
public final class TaskLeaks {

	private static final List<Pattern> DEFAULT_IGNORED_THREADS = List
		.of(Pattern.compile("Reference Handler|Finalizer|Signal Dispatcher|Common-Cleaner|Attach Listener"
				+ "|Notification Thread|process reaper|Monitor Ctrl-Break|Keep-Alive-Timer|JFR .*"
				+ "|surefire-forkedjvm-.*|junit-.*|tasklens-watchdog|HttpClient-.*|Catalina-utility-.*"
				+ "|container-\\d+|http-nio-.*|logback-.*|RMI .*|GC Daemon|ForkJoinPool.commonPool-worker-.*"));

	private static final Set<String> IDLE_FRAMES = Set.of("java.util.concurrent.ThreadPoolExecutor.getTask",
			"java.util.concurrent.ForkJoinPool.awaitWork", "java.util.concurrent.ForkJoinPool.runWorker");

	private TaskLeaks() {
	}

	/**
	 * Find the leaked tasks and threads now, without waiting.
	 * @param options what to ignore and where the tasks are
	 * @return what leaked
	 */
	public static Leaks find(LeakOption... options) {
		return find(Settings.of(options));
	}

	/**
	 * Fail unless nothing leaks: retry with backoff for up to {@link #maxWait(Duration)}
	 * (one second by default), then throw.
	 * @param options what to ignore and where the tasks are
	 * @throws AssertionError describing every leaked task and thread
	 */
	public static void verifyNone(LeakOption... options) {
		verifyNone(Settings.of(options), "");
	}

	static void verifyNone(Settings settings, String where) {
		long deadline = System.nanoTime() + settings.maxWait.toNanos();
		long pause = 1;
		Leaks leaks = find(settings);
		while (!leaks.isEmpty() && System.nanoTime() < deadline) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			pause(Math.max(1, Math.min(pause, left)));
			pause = Math.min(pause * 2, 100);
			leaks = find(settings);
		}
		if (!leaks.isEmpty()) {
			throw new AssertionError("Found " + leaks.describe() + where);
		}
	}

	private static void pause(long millis) {
		try {
			// the bounded retry of a leak check: nothing to wait for but time
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for tasks to end", ex);
		}
	}

	static Leaks find(Settings settings) {
		List<LeakedTask> tasks = new ArrayList<>();
		Set<Thread> taskThreads = new HashSet<>();
		TaskRegistry registry = settings.registry;
		if (registry != null) {
			for (TaskInfo task : registry.liveTasks()) {
				TaskState state = task.state();
				Thread thread = state.isRunning() ? task.thread() : null;
				if (thread != null) {
					// judged as a task, leaked or ignored: never again as a thread
					taskThreads.add(thread);
				}
				if ((state == TaskState.SCHEDULED && !settings.includeScheduled) || ignored(settings, task)) {
					continue;
				}
				tasks.add(new LeakedTask(task, state, (thread != null) ? List.of(thread.getStackTrace()) : List.of()));
			}
		}
		List<LeakedThread> threads = new ArrayList<>();
		for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
			Thread thread = entry.getKey();
			if (thread == Thread.currentThread() || !thread.isAlive() || taskThreads.contains(thread)
					|| ignored(settings, thread, entry.getValue())) {
				continue;
			}
			threads.add(new LeakedThread(thread.getName(), thread.getState(), List.of(entry.getValue())));
		}
		threads.sort((a, b) -> a.name().compareTo(b.name()));
		return new Leaks(List.copyOf(tasks), List.copyOf(threads));
	}

	private static boolean ignored(Settings settings, TaskInfo task) {
		Baseline baseline = settings.baseline;
		if (baseline != null && baseline.knew(task)) {
			return true;
		}
		for (Predicate<TaskInfo> ignore : settings.ignoredTasks) {
			if (ignore.test(task)) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19
	private static boolean ignored(Settings settings, Thread thread, StackTraceElement[] stack) {
		Baseline baseline = settings.baseline;
		if (baseline != null && baseline.threads().contains(thread.getId())) {
			return true;
		}
		for (Pattern pattern : DEFAULT_IGNORED_THREADS) {
			if (pattern.matcher(thread.getName()).matches()) {
				return true;
			}
		}
		for (Pattern pattern : settings.ignoredThreadNames) {
			if (pattern.matcher(thread.getName()).matches()) {
				return true;
			}
		}
		if (isIdleWorker(thread, stack)) {
			return true;
		}
		for (Predicate<StackTraceElement[]> ignore : settings.ignoredStacks) {
			if (ignore.test(stack)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a thread is a pool's worker parked waiting for work: a pool the test merely
	 * warmed up is not a leak.
	 */
	private static boolean isIdleWorker(Thread thread, StackTraceElement[] stack) {
		Thread.State state = thread.getState();
		if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
			return false;
		}
		for (StackTraceElement frame : stack) {
			if (IDLE_FRAMES.contains(frame.getClassName() + "." + frame.getMethodName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Ignore what is live now: the threads and tasks started before this call.
	 * @return the option
	 */
	@SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19
	public static LeakOption ignoreCurrent() {
		Set<Long> threads = new HashSet<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			threads.add(thread.getId());
		}
		return new LeakOption(Kind.IGNORE_CURRENT, "ignoreCurrent()", new Baseline(threads, null, Instant.now()));
	}

	static LeakOption ignoreCurrent(TaskRegistry registry) {
		LeakOption threads = ignoreCurrent();
		Set<Long> tasks = new HashSet<>();
		for (TaskInfo task : registry.liveTasks()) {
			tasks.add(task.id());
		}
		Baseline baseline = (Baseline) threads.value();
		return new LeakOption(Kind.IGNORE_CURRENT, "ignoreCurrent()",
				new Baseline(baseline.threads(), tasks, baseline.at()));
	}

	/**
	 * Read tasks from the given registry (the {@link TaskLeakExtension} uses the Spring
	 * test context's).
	 * @param registry the registry
	 * @return the option
	 */
	public static LeakOption registry(TaskRegistry registry) {
		return new LeakOption(Kind.REGISTRY, "registry(" + registry + ")", registry);
	}

	/**
	 * Ignore the tasks of an executor.
	 * @param executor the executor's bean name
	 * @return the option
	 */
	public static LeakOption ignoreExecutor(String executor) {
		return ignoreTasks("ignoreExecutor(" + executor + ")", (task) -> task.executor().equals(executor));
	}

	/**
	 * Ignore the tasks of a name.
	 * @param name the task name
	 * @return the option
	 */
	public static LeakOption ignoreTaskName(String name) {
		return ignoreTasks("ignoreTaskName(" + name + ")", (task) -> task.name().equals(name));
	}

	/**
	 * Ignore the tasks that have a label with the given value.
	 * @param key the label key
	 * @param value the label value
	 * @return the option
	 */
	public static LeakOption ignoreLabel(String key, String value) {
		return ignoreTasks("ignoreLabel(" + key + ":" + value + ")", (task) -> value.equals(task.labels().get(key)));
	}

	private static LeakOption ignoreTasks(String description, Predicate<TaskInfo> ignore) {
		return new LeakOption(Kind.IGNORE_TASK, description, ignore);
	}

	/**
	 * Ignore the threads whose whole name matches a regular expression.
	 * @param regex the pattern
	 * @return the option
	 */
	public static LeakOption ignoreThreadName(String regex) {
		return new LeakOption(Kind.IGNORE_THREAD, "ignoreThreadName(" + regex + ")", Pattern.compile(regex));
	}

	/**
	 * Ignore the threads whose top stack frame is the given method, as goleak's
	 * {@code IgnoreTopFunction}.
	 * @param method the method, {@code com.example.Poller.poll}
	 * @return the option
	 */
	public static LeakOption ignoreTopFrame(String method) {
		return new LeakOption(Kind.IGNORE_THREAD, "ignoreTopFrame(" + method + ")",
				(Predicate<StackTraceElement[]>) (stack) -> stack.length > 0 && method(stack[0]).equals(method));
	}

	/**
	 * Ignore the threads with the given method anywhere on their stack, as goleak's
	 * {@code IgnoreAnyFunction}.
	 * @param method the method, {@code com.example.Poller.poll}
	 * @return the option
	 */
	public static LeakOption ignoreAnyFrame(String method) {
		return new LeakOption(Kind.IGNORE_THREAD, "ignoreAnyFrame(" + method + ")",
				(Predicate<StackTraceElement[]>) (stack) -> Arrays.stream(stack)
					.anyMatch((frame) -> method(frame).equals(method)));
	}

	private static String method(StackTraceElement frame) {
		return frame.getClassName() + "." + frame.getMethodName();
	}

	/**
	 * Count periodic tasks between runs ({@code SCHEDULED}) as leaks; by default they are
	 * not.
	 * @return the option
	 */
	public static LeakOption includeScheduled() {
		return new LeakOption(Kind.INCLUDE_SCHEDULED, "includeScheduled()", null);
	}

	/**
	 * Wait up to the given time for leaks to end before failing (default one second).
	 * @param maxWait the grace period, zero to check once
	 * @return the option
	 */
	public static LeakOption maxWait(Duration maxWait) {
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
		}
		return new LeakOption(Kind.MAX_WAIT, "maxWait(" + maxWait + ")", maxWait);
	}

}
