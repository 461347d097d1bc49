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

package io.github.tasklens.robustness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.github.tasklens.propagation.ContextAccessors;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.metrics.TaskCounters;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A storm of tasks with every fault mixed in, from 4 submitting threads into decorated
 * executors of 2 workers each: success, exceptions, errors, cancellation before and
 * during the run, interrupts, rejection (Abort and CallerRuns), {@code shutdownNow} in
 * the middle, hooks and a context accessor that throw. Afterwards, every task ran at most
 * once and none was lost or counted twice. {@code -Dstress.tasks=} sets the count
 * (1,000,000 by default).
 */
class TaskStormRobustnessTests {

	private static final int TASKS = Integer.getInteger("stress.tasks", 1_000_000);

	private static final int SUBMITTERS = 4;

	static final String[] EXECUTORS = { "abortPool", "callerRunsPool", "stoppedPool", "scheduler" };

	static final ThreadLocal<@Nullable String> CONTEXT = new ThreadLocal<>();

	private static final Pattern STORM_TASK = Pattern.compile("storm-task-(\\d+)");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withUserConfiguration(StormConfiguration.class)
		.withPropertyValues("tasklens.inventory.max-tracked=1000000");

	@Test
	void losesNoTaskAndCountsEachOnceWhateverGoesWrong() {
		this.runner.run((context) -> runStorm(context, TASKS, EXECUTORS));
	}

	/**
	 * Run a storm of tasks over the given executors (beans of the context; one named
	 * {@code stoppedPool} is shut down halfway) and check its aftermath.
	 * @param context the application context
	 * @param tasks how many tasks
	 * @param executors the executors' bean names
	 * @throws Exception if the storm cannot be run
	 */
	static void runStorm(ApplicationContext context, int tasks, String... executors) throws Exception {
		Storm storm = new Storm(context, tasks, executors);
		// every failure is logged once: hundreds of thousands of lines are not the
		// test
		Level failures = quiet("io.github.tasklens.TaskFailure", Level.OFF);
		try {
			storm.run();
		}
		finally {
			quiet("io.github.tasklens.TaskFailure", failures);
		}
		assertRegistryDrains(context);
		storm.assertEveryTaskAccountedFor();
		assertCountsBalance(context, storm);
		assertWorkersKeepNothing(context, executors);
		assertThat(StormThreads.unexpected).as("uncaught throwables other than the storm's errors").isEmpty();
	}

	private static void assertRegistryDrains(ApplicationContext context) {
		TaskRegistry registry = context.getBean(TaskRegistry.class);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(registry.liveTasks()).extracting(TaskInfo::toString)
				.as("live tasks after the storm")
				.isEmpty());
		assertThat(registry.untracked()).isZero();
	}

	private static void assertCountsBalance(ApplicationContext context, Storm storm) {
		TaskChain chain = context.getBean(TaskChain.class);
		long submitted = 0;
		long ran = 0;
		for (String executor : storm.executors) {
			long executorSubmitted = 0;
			long settled = 0;
			for (TaskCounters counters : chain.series().ofExecutor(executor)) {
				executorSubmitted += counters.submittedCount();
				settled += counters.succeededCount() + counters.failedCount() + counters.cancelledCount()
						+ counters.rejectedCount();
				ran += counters.runCount(true) + counters.runCount(false);
			}
			assertThat(settled).as("%s: succeeded + failed + cancelled + rejected", executor)
				.isEqualTo(executorSubmitted);
			submitted += executorSubmitted;
		}
		assertThat(submitted).as("tasks that reached the chain").isEqualTo(storm.reachedChain());
		// a Future cancelled the instant its run starts is counted as an empty run: the
		// FutureTask does not say whether it called the task
		assertThat(ran).as("runs counted").isBetween(storm.ran(), storm.ran() + storm.cancelled());
	}

	/**
	 * Probe every worker left: a task submitted with no context finds no MDC, no label
	 * but its own and no registered thread-local value.
	 */
	private static void assertWorkersKeepNothing(ApplicationContext context, String[] executors) throws Exception {
		List<String> residue = new CopyOnWriteArrayList<>();
		for (String name : executors) {
			if (name.equals("stoppedPool") || !(executor(context, name) instanceof ExecutorService)) {
				continue;
			}
			ExecutorService pool = (ExecutorService) executor(context, name);
			List<Future<?>> probes = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				probes.add(pool.submit(() -> {
					Map<String, String> mdc = MDC.getCopyOfContextMap();
					if (mdc != null && mdc.keySet().stream().anyMatch((key) -> key.startsWith("storm"))) {
						residue.add("MDC " + mdc);
					}
					if (CONTEXT.get() != null) {
						residue.add("thread-local " + CONTEXT.get());
					}
					TaskLabels labels = TaskContext.current().labels();
					if (labels.get("submitter") != null) {
						residue.add("labels " + labels);
					}
				}));
			}
			for (Future<?> probe : probes) {
				probe.get(10, TimeUnit.SECONDS);
			}
		}
		assertThat(residue).as("context left on a worker thread").isEmpty();
	}

	private static @Nullable Level quiet(String name, @Nullable Level level) {
		Logger logger = (Logger) LoggerFactory.getLogger(name);
		Level previous = logger.getLevel();
		logger.setLevel(level);
		return previous;
	}

	static Object executor(ApplicationContext context, String name) {
		Object bean = context.getBean(name);
		return (bean instanceof ThreadPoolTaskExecutor spring) ? spring.getThreadPoolExecutor() : bean;
	}

	/**
	 * The storm: each attempt's kind is drawn at random; what the test saw of each is
	 * kept to check against the counters.
	 */
	static final class Storm {

		private final ApplicationContext context;

		private final int tasks;

		private final AtomicIntegerArray runs;

		private final AtomicReferenceArray<@Nullable Future<?>> futures;

		// which executor each task went to, and whether it was refused at submission
		private final AtomicIntegerArray executorOf;

		private final AtomicIntegerArray refused;

		private final AtomicLong ran = new AtomicLong();

		private final List<Runnable> dropped = new CopyOnWriteArrayList<>();

		private final String[] executors;

		Storm(ApplicationContext context, int tasks, String[] executors) {
			this.context = context;
			this.executors = executors;
			this.tasks = tasks;
			this.runs = new AtomicIntegerArray(tasks);
			this.futures = new AtomicReferenceArray<>(tasks);
			this.executorOf = new AtomicIntegerArray(tasks);
			this.refused = new AtomicIntegerArray(tasks);
		}

		void run() throws Exception {
			ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
			CountDownLatch halfway = new CountDownLatch(1);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int s = 0; s < SUBMITTERS; s++) {
					int submitter = s;
					done.add(submitters.submit(() -> submitAll(submitter, halfway)));
				}
				assertThat(halfway.await(5, TimeUnit.MINUTES)).isTrue();
				if (List.of(this.executors).contains("stoppedPool")) {
					ExecutorService stopped = (ExecutorService) this.context.getBean("stoppedPool");
					this.dropped.addAll(stopped.shutdownNow());
				}
				for (Future<?> submitter : done) {
					submitter.get(5, TimeUnit.MINUTES);
				}
			}
			finally {
				submitters.shutdownNow();
			}
		}

		private void submitAll(int submitter, CountDownLatch halfway) {
			SplittableRandom random = new SplittableRandom(submitter);
			try {
				submitEvery(submitter, random, halfway);
			}
			finally {
				halfway.countDown();
			}
		}

		private void submitEvery(int submitter, SplittableRandom random, CountDownLatch halfway) {
			for (int i = submitter; i < this.tasks; i += SUBMITTERS) {
				if (i >= this.tasks / 2) {
					halfway.countDown();
				}
				MDC.put("storm.task", Integer.toString(i));
				CONTEXT.set("task-" + i);
				try {
					int index = i;
					TaskContext.withLabels(TaskLabels.of("submitter", Integer.toString(submitter)),
							() -> submit(index, random));
				}
				finally {
					MDC.remove("storm.task");
					CONTEXT.remove();
				}
			}
		}

		private void submit(int index, SplittableRandom random) {
			int which = random.nextInt(this.executors.length);
			this.executorOf.set(index, which);
			String executor = this.executors[which];
			int kind = random.nextInt(100);
			StormTask task = new StormTask(this, index, kind);
			try {
				Future<?> future = switch (executor) {
					case "scheduler" ->
						this.context.getBean(ThreadPoolTaskScheduler.class).schedule(task, Instant.now());
					default -> {
						ExecutorService pool = (ExecutorService) executor(this.context, executor);
						if (kind % 2 == 0) {
							pool.execute(task);
							yield null;
						}
						yield pool.submit(task);
					}
				};
				this.futures.set(index, future);
				if (future != null && kind >= 90) {
					future.cancel(kind >= 95);
				}
			}
			catch (RejectedExecutionException ex) {
				this.refused.set(index, 1);
			}
			catch (StormError ex) {
				// run on this thread by CallerRunsPolicy: an Error reaches its caller
			}
			finally {
				// likewise an interrupt the task set on this thread
				Thread.interrupted();
			}
		}

		void ran(int index) {
			this.runs.incrementAndGet(index);
			this.ran.incrementAndGet();
		}

		long ran() {
			return this.ran.get();
		}

		long cancelled() {
			long cancelled = 0;
			for (int i = 0; i < this.tasks; i++) {
				Future<?> future = this.futures.get(i);
				if (future != null && future.isCancelled()) {
					cancelled++;
				}
			}
			return cancelled;
		}

		long reachedChain() {
			return this.tasks;
		}

		/**
		 * Every task ran at most once; one that never ran was refused, cancelled, or
		 * dropped by {@code shutdownNow}; every {@code Future} completed but those of
		 * dropped tasks, which the JDK leaves incomplete.
		 */
		void assertEveryTaskAccountedFor() {
			List<String> problems = new ArrayList<>();
			int stopped = List.of(this.executors).indexOf("stoppedPool");
			// a cancelled Future no longer names its task: it is counted as cancelled
			Set<Integer> dropped = droppedIndices();
			for (int i = 0; i < this.tasks && problems.size() < 20; i++) {
				int count = this.runs.get(i);
				Future<?> future = this.futures.get(i);
				boolean onStopped = this.executorOf.get(i) == stopped;
				if (count > 1) {
					problems.add("task " + i + " ran " + count + " times");
				}
				boolean wasDropped = onStopped && dropped.contains(i);
				if (future != null && !future.isDone() && !wasDropped) {
					problems.add("task " + i + "'s Future never completed");
				}
				if (count == 0 && this.refused.get(i) == 0 && (future == null || !future.isCancelled())
						&& !wasDropped) {
					problems.add("task " + i + " on " + this.executors[this.executorOf.get(i)] + " was lost");
				}
			}
			assertThat(problems).isEmpty();
		}

		/**
		 * Return the indexes of the tasks that {@code shutdownNow} returned: each names
		 * its task in its {@code toString()}, directly or inside the {@code FutureTask}
		 * of {@code submit}.
		 */
		private Set<Integer> droppedIndices() {
			Set<Integer> indices = new HashSet<>();
			for (Runnable task : this.dropped) {
				Matcher matcher = STORM_TASK.matcher(task.toString());
				if (matcher.find()) {
					indices.add(Integer.parseInt(matcher.group(1)));
				}
			}
			return indices;
		}

	}

	/**
	 * One task of the storm; what it does is drawn at random at submission.
	 */
	static final class StormTask implements Runnable {

		private final Storm storm;

		private final int index;

		private final int kind;

		StormTask(Storm storm, int index, int kind) {
			this.storm = storm;
			this.index = index;
			this.kind = kind;
		}

		@Override
		public String toString() {
			return "storm-task-" + this.index;
		}

		@Override
		public void run() {
			this.storm.ran(this.index);
			if (this.kind < 60) {
				return;
			}
			if (this.kind < 75) {
				throw new IllegalStateException("storm failure " + this.index);
			}
			if (this.kind < 80) {
				throw new StormError();
			}
			if (this.kind < 85) {
				Thread.currentThread().interrupt();
				return;
			}
			if (this.kind < 90) {
				Future<?> self = this.storm.futures.get(this.index);
				if (self != null) {
					self.cancel(true);
				}
			}
		}

	}

	static final class StormError extends Error {

		StormError() {
			super("storm error", null, false, true);
		}

	}

	/**
	 * A hook and a context accessor that throw now and then.
	 */
	static final class ThrowingHook implements TaskHook {

		@Override
		public void onSubmit(TaskInfo task) {
			if (task.id() % 97 == 0) {
				throw new IllegalStateException("hook failure at submit");
			}
		}

		@Override
		public void onStart(TaskInfo task) {
			if (task.id() % 89 == 0) {
				throw new IllegalStateException("hook failure at start");
			}
		}

		@Override
		public void onFinish(TaskInfo task, @Nullable Throwable failure) {
			if (task.id() % 83 == 0) {
				throw new IllegalStateException("hook failure at finish");
			}
		}

	}

	static final class ThrowingAccessor implements ThreadLocalAccessor<String> {

		private final AtomicLong calls = new AtomicLong();

		@Override
		public Object key() {
			return "storm.context";
		}

		@Override
		public @Nullable String getValue() {
			return CONTEXT.get();
		}

		@Override
		public void setValue(String value) {
			if (this.calls.incrementAndGet() % 101 == 0) {
				throw new IllegalStateException("accessor failure");
			}
			CONTEXT.set(value);
		}

		@Override
		public void setValue() {
			CONTEXT.remove();
		}

	}

	/**
	 * Threads whose storm failures and deaths by a storm's {@code Error} are expected;
	 * any other uncaught throwable is kept for the test to fail on.
	 */
	static final class StormThreads implements ThreadFactory {

		static final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

		private final ThreadFactory threads = Executors.defaultThreadFactory();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = this.threads.newThread(task);
			// the storm's Errors end the thread; its exceptions are recovered and still
			// handed to this handler, as the JVM would have
			thread.setUncaughtExceptionHandler((dead, ex) -> {
				boolean stormFailure = ex instanceof IllegalStateException
						&& String.valueOf(ex.getMessage()).startsWith("storm failure ");
				if (!(ex instanceof StormError) && !stormFailure) {
					unexpected.add(ex);
				}
			});
			return thread;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StormConfiguration {

		@Bean
		ThreadPoolTaskExecutor abortPool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setThreadFactory(new StormThreads());
			pool.setCorePoolSize(2);
			pool.setMaxPoolSize(2);
			pool.setQueueCapacity(1000);
			return pool;
		}

		@Bean
		ExecutorService callerRunsPool() {
			return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), new StormThreads(),
					new ThreadPoolExecutor.CallerRunsPolicy());
		}

		@Bean
		ExecutorService stoppedPool() {
			return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100_000),
					new StormThreads());
		}

		@Bean
		ThreadPoolTaskScheduler scheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(2);
			scheduler.setThreadFactory(new StormThreads());
			return scheduler;
		}

		@Bean
		ThrowingHook throwingHook() {
			return new ThrowingHook();
		}

		@Bean
		ContextAccessors stormAccessors() {
			return () -> List.of(new ThrowingAccessor());
		}

	}

}
