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
package io.github.tasklens.boot.reactor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskState;
import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.registry.InventorySnapshot;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reactor's schedulers in a Spring context: each scheduler's tasks are tracked under its
 * name, with the labels of the code that scheduled them, their failures counted, and
 * tasklens's hooks gone once the context closes.
 */
class ReactorSchedulersTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TasklensAutoConfiguration.class, ReactorSchedulersAutoConfiguration.class))
		.withBean(Finished.class);

	@Test
	void aTaskOnAScheduleCarriesTheLabelsOfTheCodeThatScheduledItAndIsNamedAfterTheScheduler() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactorSchedulers.class);
			Scheduler reports = Schedulers.newBoundedElastic(2, 10, "reports");
			try {
				TaskContext seen = TaskContext.withLabels(TaskLabels.of("route", "/orders/{id}"),
						() -> Mono.fromCallable(TaskContext::current).subscribeOn(reports).block());
				assertThat(seen.task()).isNotNull();
				assertThat(seen.task().executor()).isEqualTo("reports");
				assertThat(seen.labels().get("route")).isEqualTo("/orders/{id}");
				assertThat(seen.labels().get("executor")).isEqualTo("reports");
			}
			finally {
				reports.dispose();
			}
		});
	}

	@Test
	void theBuiltInSchedulersAreNamedAsReactorNamesThem() {
		this.runner.run((context) -> {
			Scheduler parallel = Schedulers.newParallel("parallel", 1);
			Scheduler single = Schedulers.newSingle("single");
			try {
				assertThat(executorOf(Schedulers.boundedElastic())).isEqualTo("boundedElastic");
				assertThat(executorOf(parallel)).isEqualTo("parallel");
				assertThat(executorOf(single)).isEqualTo("single");
			}
			finally {
				parallel.dispose();
				single.dispose();
			}
		});
	}

	@Test
	void aTaskBlockedOnASchedulerIsListedRunningAndAFailureReactorCatchesIsTheTasks() {
		this.runner.run((context) -> {
			Scheduler jobs = Schedulers.newBoundedElastic(2, 10, "jobs");
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			try {
				jobs.schedule(() -> {
					started.countDown();
					awaitRelease(release);
				});
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				InventorySnapshot snapshot = new TaskInventory(context.getBean(LiveTaskRegistry.class))
					.read(new TaskQuery("jobs", null, null, Map.of(), 10, 16, 10));
				assertThat(snapshot.tasks()).singleElement()
					.satisfies((task) -> assertThat(task.state()).isEqualTo(TaskState.RUNNING));
				release.countDown();
				jobs.schedule(() -> {
					throw new IllegalStateException("a job failed");
				});
				Finished finished = context.getBean(Finished.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(finished.failures).singleElement()
						.satisfies((failure) -> assertThat(failure).hasMessage("a job failed")));
			}
			finally {
				release.countDown();
				jobs.dispose();
			}
		});
	}

	@Test
	void theHooksAreGoneOnceTheContextCloses() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ReactorSchedulers.class));
		Scheduler after = Schedulers.newSingle("after");
		try {
			TaskContext seen = Mono.fromCallable(TaskContext::current).subscribeOn(after).block();
			assertThat(seen.task()).as("no tracked task").isNull();
		}
		finally {
			after.dispose();
		}
		assertThat(Schedulers.removeExecutorServiceDecorator(ReactorSchedulers.KEY)).isNull();
	}

	@Test
	void withTwoContextsOpenTheLatestTracksAndTheEarlierAgainOnceTheLatestCloses() {
		this.runner.run((earlier) -> {
			this.runner.run((latest) -> {
				assertThat(executorOfANew("inLatest")).isEqualTo("inLatest");
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(latest.getBean(Finished.class).executors).contains("inLatest"));
			});
			assertThat(executorOfANew("inEarlier")).isEqualTo("inEarlier");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(earlier.getBean(Finished.class).executors).contains("inEarlier")
					.doesNotContain("inLatest"));
		});
		assertThat(Schedulers.removeExecutorServiceDecorator(ReactorSchedulers.KEY)).as("gone with the last").isNull();
	}

	@Test
	void withAutomaticContextPropagationLabelsTravelThroughOperatorsToAThreadThatHasNone() {
		this.runner.run((context) -> {
			assertThat(seenOnAnotherThread()).as("without automatic propagation").isEqualTo("emitter null");
			Hooks.enableAutomaticContextPropagation();
			try {
				assertThat(seenOnAnotherThread()).isEqualTo("emitter /orders/{id}");
			}
			finally {
				Hooks.disableAutomaticContextPropagation();
			}
		});
		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors()).as("the accessor is gone with the context")
			.noneMatch((accessor) -> ContextCapture.LABELS_KEY.equals(accessor.key()));
	}

	/**
	 * What a map operator sees of the labels and its thread, when the value comes from a
	 * raw thread of its own, started once the subscription is made inside labels.
	 */
	private static String seenOnAnotherThread() {
		Mono<String> seen = Mono.<Integer>create((sink) -> new Thread(() -> sink.success(1), "emitter").start())
			.map((value) -> Thread.currentThread().getName() + " " + TaskContext.current().labels().get("route"));
		return TaskContext.withLabels(TaskLabels.of("route", "/orders/{id}"), () -> seen.block(Duration.ofSeconds(10)));
	}

	@Test
	void turnedOffThereAreNoHooks() {
		this.runner.withPropertyValues("tasklens.reactor.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactorSchedulers.class));
	}

	private static String executorOf(Scheduler scheduler) {
		TaskContext seen = Mono.fromCallable(TaskContext::current).subscribeOn(scheduler).block();
		return (seen.task() != null) ? seen.task().executor() : "untracked";
	}

	private static String executorOfANew(String name) {
		Scheduler scheduler = Schedulers.newSingle(name);
		try {
			return executorOf(scheduler);
		}
		finally {
			scheduler.dispose();
		}
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class Finished implements TaskHook {

		final List<Throwable> failures = new CopyOnWriteArrayList<>();

		final List<String> executors = new CopyOnWriteArrayList<>();

		@Override
		public void onFinish(TaskInfo task, @Nullable Throwable failure) {
			this.executors.add(task.executor());
			if (failure != null && "jobs".equals(task.executor())) {
				this.failures.add(failure);
			}
		}

	}

}
