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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link VerifyNoTaskLeaks} and {@link TaskLeakExtension}: fixture test classes
 * run through the JUnit Platform's {@code EngineTestKit}.
 */
class TaskLeakExtensionTests {

	static volatile CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseWhatTheFixturesLeft() {
		release.countDown();
		release = new CountDownLatch(1);
	}

	@Test
	void failsATestThatLeavesAThreadRunningAndShowsItsStack() {
		String failure = onlyFailure(run(LeavesAThread.class));
		assertThat(failure).startsWith("Found 0 leaked task(s) and 1 leaked thread(s)")
			.contains("thread \"fixture-leak\" WAITING")
			.contains("at " + TaskLeakExtensionTests.class.getName() + ".awaitRelease(TaskLeakExtensionTests.java:")
			.contains("left by leaves() in " + LeavesAThread.class.getName());
	}

	@Test
	void passesACleanTestAndOneThatMerelyWarmsUpAPool() {
		run(Clean.class).assertStatistics((stats) -> stats.started(2).succeeded(2).failed(0));
	}

	@Test
	void failsATestThatLeavesATaskRunningWithItsLabelsAndStackButNotItsThreadTwice() {
		String failure = onlyFailure(run(LeavesATask.class));
		assertThat(failure).startsWith("Found 1 leaked task(s) and 0 leaked thread(s)")
			.containsPattern("task \\d+ 'LeavesATask' on executor 'fixturePool', RUNNING for \\S+, labels "
					+ "\\{executor=fixturePool, task=LeavesATask, tenant=acme\\}")
			.contains("at " + TaskLeakExtensionTests.class.getName() + ".awaitRelease(");
	}

	@Test
	void passesWhenALeftTaskEndsWithinTheGracePeriod() {
		run(TaskEndsSoon.class).assertStatistics((stats) -> stats.succeeded(1).failed(0));
	}

	@Test
	void ignoresWhatItsOptionsSay() {
		run(IgnoredByOptions.class).assertStatistics((stats) -> stats.started(5).succeeded(5).failed(0));
	}

	@Test
	void countsAPeriodicTaskBetweenRunsOnlyWhenAsked() {
		run(LeavesASchedule.class).assertStatistics((stats) -> stats.succeeded(1).failed(0));
		assertThat(onlyFailure(run(LeavesAScheduleCountingIt.class))).startsWith("Found 1 leaked task(s)")
			.contains("SCHEDULED");
	}

	@Test
	void ignoresThreadsByTheirTopFrame() {
		run(IgnoredByTopFrame.class).assertStatistics((stats) -> stats.started(1).succeeded(1).failed(0));
		assertThat(onlyFailure(run(LeavesAThread.class))).contains("thread \"fixture-leak\"");
	}

	@Test
	void takesIgnoresFromTheAnnotation() {
		run(IgnoredByAnnotation.class).assertStatistics((stats) -> stats.started(1).succeeded(1).failed(0));
	}

	@Test
	void refusesTheSameOptionTwiceWithDifferentValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TaskLeakExtension.withOptions(TaskLeaks.maxWait(Duration.ofSeconds(1)),
					TaskLeaks.maxWait(Duration.ofSeconds(2))))
			.withMessage("Conflicting leak options maxWait(PT1S) and maxWait(PT2S): give max wait once");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLeakExtension.withOptions(TaskLeaks.ignoreCurrent()))
			.withMessageContaining("leave it out of withOptions");
	}

	@Test
	void verifiesWithoutTheExtension() {
		LeakOption before = TaskLeaks.ignoreCurrent();
		Thread leaked = new Thread(TaskLeakExtensionTests::awaitRelease, "plain-leak");
		leaked.start();
		assertThat(TaskLeaks.find(before).threads()).extracting(Leaks.LeakedThread::name).containsExactly("plain-leak");
		try {
			TaskLeaks.verifyNone(before, TaskLeaks.maxWait(Duration.ZERO));
			throw new IllegalStateException("a leak was not reported");
		}
		catch (AssertionError expected) {
			assertThat(expected).hasMessageContaining("thread \"plain-leak\"");
		}
		release.countDown();
		TaskLeaks.verifyNone(before);
	}

	private static Events run(Class<?> fixture) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
	}

	private static String onlyFailure(Events tests) {
		assertThat(tests.failed().count()).isEqualTo(1);
		return tests.failed()
			.stream()
			.findFirst()
			.orElseThrow()
			.getPayload(org.junit.platform.engine.TestExecutionResult.class)
			.flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
			.map(Throwable::getMessage)
			.orElseThrow();
	}

	static void awaitRelease() {
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@VerifyNoTaskLeaks
	static class LeavesAThread {

		@Test
		void leaves() {
			new Thread(TaskLeakExtensionTests::awaitRelease, "fixture-leak").start();
		}

	}

	@VerifyNoTaskLeaks
	static class Clean {

		@Test
		void leavesNothing() throws Exception {
			Thread thread = new Thread(() -> {
			});
			thread.start();
			thread.join();
		}

		@Test
		void warmsUpAPool() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			pool.submit(() -> "warm").get(10, TimeUnit.SECONDS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TasklensAutoConfiguration.class)
	static class FixtureApp {

		@Bean
		ThreadPoolTaskExecutor fixturePool() {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(2);
			return pool;
		}

		@Bean
		ThreadPoolTaskScheduler fixtureScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

	@SpringJUnitConfig(FixtureApp.class)
	@VerifyNoTaskLeaks
	static class LeavesATask {

		@Autowired
		ThreadPoolTaskExecutor fixturePool;

		@Test
		void leaves() {
			TaskContext.withLabels(TaskLabels.of("tenant", "acme"),
					() -> this.fixturePool.execute(TaskLeakExtensionTests::awaitRelease));
		}

	}

	@SpringJUnitConfig(FixtureApp.class)
	@VerifyNoTaskLeaks
	static class TaskEndsSoon {

		@Autowired
		ThreadPoolTaskExecutor fixturePool;

		@Test
		void leavesATaskThatEndsSoon() {
			this.fixturePool.execute(() -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)));
		}

	}

	@SpringJUnitConfig(FixtureApp.class)
	static class IgnoredByOptions {

		@RegisterExtension
		static TaskLeakExtension leaks = TaskLeakExtension.withOptions(TaskLeaks.ignoreExecutor("fixtureScheduler"),
				TaskLeaks.ignoreTaskName("Named"), TaskLeaks.ignoreLabel("expected", "yes"),
				TaskLeaks.ignoreThreadName("ignored-.*"),
				TaskLeaks.ignoreAnyFrame(TaskLeakExtensionTests.class.getName() + ".awaitRelease"));

		@Autowired
		ThreadPoolTaskExecutor fixturePool;

		@Autowired
		ThreadPoolTaskScheduler fixtureScheduler;

		@Test
		void byExecutor() {
			this.fixtureScheduler.execute(TaskLeakExtensionTests::awaitRelease);
		}

		@Test
		void byTaskName() {
			this.fixturePool.execute(new Named());
		}

		@Test
		void byLabel() {
			TaskContext.withLabels(TaskLabels.of("expected", "yes"),
					() -> this.fixturePool.execute(TaskLeakExtensionTests::awaitRelease));
		}

		@Test
		void byThreadName() {
			new Thread(() -> LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5)), "ignored-1").start();
		}

		@Test
		void byAnyFrame() {
			new Thread(TaskLeakExtensionTests::awaitRelease, "any-frame").start();
		}

	}

	@SpringJUnitConfig(FixtureApp.class)
	@VerifyNoTaskLeaks(ignoreTaskNames = "Named", ignoreThreadNames = "expected-.*")
	static class IgnoredByAnnotation {

		@Autowired
		ThreadPoolTaskExecutor fixturePool;

		@Test
		void leavesOnlyWhatIsExpected() {
			this.fixturePool.execute(new Named());
			new Thread(TaskLeakExtensionTests::awaitRelease, "expected-1").start();
		}

	}

	static class IgnoredByTopFrame {

		@RegisterExtension
		static TaskLeakExtension leaks = TaskLeakExtension
			.withOptions(TaskLeaks.ignoreTopFrame("jdk.internal.misc.Unsafe.park"));

		@Test
		void leavesAParkedThread() {
			new Thread(TaskLeakExtensionTests::awaitRelease, "parked").start();
		}

	}

	static class Named implements Runnable {

		@Override
		public void run() {
			awaitRelease();
		}

	}

	@SpringJUnitConfig(FixtureApp.class)
	@VerifyNoTaskLeaks
	static class LeavesASchedule {

		@Autowired
		ThreadPoolTaskScheduler fixtureScheduler;

		@Test
		void schedules() {
			this.fixtureScheduler.scheduleWithFixedDelay(() -> {
			}, Duration.ofHours(1));
		}

	}

	@SpringJUnitConfig(FixtureApp.class)
	static class LeavesAScheduleCountingIt {

		@RegisterExtension
		static TaskLeakExtension leaks = TaskLeakExtension.withOptions(TaskLeaks.includeScheduled());

		@Autowired
		ThreadPoolTaskScheduler fixtureScheduler;

		@Test
		void schedules() {
			this.fixtureScheduler.scheduleWithFixedDelay(() -> {
			}, Duration.ofHours(1));
		}

	}

}
