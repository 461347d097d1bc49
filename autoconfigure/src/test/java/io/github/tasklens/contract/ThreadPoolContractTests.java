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
package io.github.tasklens.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.tasklens.contract.Pools.Blocker;
import io.github.tasklens.contract.Pools.Flag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

/**
 * The contracts of {@code java.util.concurrent}'s pools that an app relies on, each run
 * on the plain pool ({@code tracked=false}, the reference) and on the pool tasklens hands
 * back for the same bean ({@code tracked=true}): the same test passes on both. Where a
 * pool is tracked, every task also ends in the registry: none is left live.
 */
class ThreadPoolContractTests {

	private static ThreadPoolExecutor singleThread() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aNullRejectionHandlerIsRefusedAndTheHandlerStays(boolean tracked) {
		Pools.run(tracked, ThreadPoolExecutor.class,
				() -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>()), (pool, registry) -> {
					RejectedExecutionHandler handler = pool.getRejectedExecutionHandler();
					assertThatNullPointerException().isThrownBy(() -> pool.setRejectedExecutionHandler(null));
					assertThat(pool.getRejectedExecutionHandler()).isSameAs(handler);
					Blocker blocker = new Blocker();
					pool.execute(blocker);
					blocker.awaitStarted();
					assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
					}));
					blocker.release.countDown();
					Pools.assertNoLiveTasks(registry);
				});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aScheduledPoolRefusesANullRejectionHandlerToo(boolean tracked) {
		Pools.run(tracked, ScheduledThreadPoolExecutor.class, () -> new ScheduledThreadPoolExecutor(1),
				(pool, registry) -> {
					RejectedExecutionHandler handler = pool.getRejectedExecutionHandler();
					assertThatNullPointerException().isThrownBy(() -> pool.setRejectedExecutionHandler(null));
					assertThat(pool.getRejectedExecutionHandler()).isSameAs(handler);
					pool.shutdown();
					assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.schedule(() -> {
					}, 1, TimeUnit.MILLISECONDS));
					Pools.assertNoLiveTasks(registry);
				});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void queuedTasksAreTheAppsOwnAndCanBeRemovedThroughThePoolAndItsQueue(boolean tracked) {
		Pools.run(tracked, ThreadPoolExecutor.class, ThreadPoolContractTests::singleThread, (pool, registry) -> {
			Blocker blocker = new Blocker();
			Flag first = new Flag();
			Flag second = new Flag();
			Flag third = new Flag();
			pool.execute(blocker);
			blocker.awaitStarted();
			pool.execute(first);
			pool.execute(second);
			pool.execute(third);
			assertThat(pool.getQueue()).containsExactly(first, second, third);
			assertThat(pool.getQueue().contains(second)).isTrue();
			assertThat(pool.getQueue().peek()).isSameAs(first);
			assertThat(pool.remove(first)).isTrue();
			assertThat(pool.remove(first)).as("removed once").isFalse();
			assertThat(pool.getQueue().remove(second)).isTrue();
			assertThat(pool.getQueue()).containsExactly(third);
			blocker.release.countDown();
			third.awaitRan();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(first.ran()).isFalse();
			assertThat(second.ran()).isFalse();
			Pools.assertNoLiveTasks(registry);
		});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void drainingAndPollingTheQueueHandOverTheAppsTasks(boolean tracked) {
		Pools.run(tracked, ThreadPoolExecutor.class, ThreadPoolContractTests::singleThread, (pool, registry) -> {
			Blocker blocker = new Blocker();
			Flag first = new Flag();
			Flag second = new Flag();
			Flag third = new Flag();
			pool.execute(blocker);
			blocker.awaitStarted();
			pool.execute(first);
			pool.execute(second);
			pool.execute(third);
			assertThat(pool.getQueue().poll()).isSameAs(first);
			List<Runnable> drained = new ArrayList<>();
			assertThat(pool.getQueue().drainTo(drained)).isEqualTo(2);
			assertThat(drained).containsExactly(second, third);
			assertThat(Pools.liveNames(registry)).as("only the blocker is live").hasSizeLessThanOrEqualTo(1);
			blocker.release.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(first.ran() || second.ran() || third.ran()).isFalse();
			Pools.assertNoLiveTasks(registry);
		});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aSubmittedFutureIsWhatTheQueueHoldsAndRemoves(boolean tracked) {
		Pools.run(tracked, ThreadPoolExecutor.class, ThreadPoolContractTests::singleThread, (pool, registry) -> {
			Blocker blocker = new Blocker();
			pool.execute(blocker);
			blocker.awaitStarted();
			Future<?> future = pool.submit(() -> {
			});
			assertThat(pool.getQueue()).containsExactly((Runnable) future);
			assertThat(pool.remove((Runnable) future)).isTrue();
			assertThat(future.isDone()).as("a removed future is not completed").isFalse();
			blocker.release.countDown();
			Pools.assertNoLiveTasks(registry);
		});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void discardOldestDropsTheOldestQueuedTaskAndQueuesTheNewOne(boolean tracked) {
		Pools.run(
				tracked, ThreadPoolExecutor.class, () -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
						new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.DiscardOldestPolicy()),
				(pool, registry) -> {
					Blocker blocker = new Blocker();
					Flag oldest = new Flag();
					Flag newest = new Flag();
					pool.execute(blocker);
					blocker.awaitStarted();
					pool.execute(oldest);
					pool.execute(newest);
					assertThat(pool.getQueue()).containsExactly(newest);
					blocker.release.countDown();
					newest.awaitRan();
					pool.shutdown();
					assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
					assertThat(oldest.ran()).isFalse();
					Pools.assertNoLiveTasks(registry);
				});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void theRejectionHandlerReceivesThePoolTheAppHoldsAndTheAppsTask(boolean tracked) {
		List<Object> seen = new CopyOnWriteArrayList<>();
		Pools.run(tracked, ThreadPoolExecutor.class,
				() -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(), (task, executor) -> {
					seen.add(task);
					seen.add(executor);
				}), (pool, registry) -> {
					Blocker blocker = new Blocker();
					Flag refused = new Flag();
					pool.execute(blocker);
					blocker.awaitStarted();
					pool.execute(refused);
					assertThat(seen).containsExactly(refused, pool);
					blocker.release.countDown();
					Pools.assertNoLiveTasks(registry);
				});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aHandlerThatPutsTheTaskBackIntoTheQueueMakesTheSubmitterWaitAndTheTaskRuns(boolean tracked) {
		Pools.run(tracked, ThreadPoolExecutor.class, () -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(1), (task, executor) -> {
					try {
						executor.getQueue().put(task);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new RejectedExecutionException(ex);
					}
				}), (pool, registry) -> {
					Blocker blocker = new Blocker();
					Flag queued = new Flag();
					Flag waited = new Flag();
					pool.execute(blocker);
					blocker.awaitStarted();
					pool.execute(queued);
					CountDownLatch submitted = new CountDownLatch(1);
					Thread submitter = new Thread(() -> {
						pool.execute(waited);
						submitted.countDown();
					});
					submitter.start();
					// the submitter waits in the queue's put until the queue has room
					await().atMost(10, TimeUnit.SECONDS).until(() -> submitter.getState() == Thread.State.WAITING);
					assertThat(submitted.getCount()).isOne();
					blocker.release.countDown();
					assertThat(submitted.await(10, TimeUnit.SECONDS)).isTrue();
					queued.awaitRan();
					waited.awaitRan();
					Pools.assertNoLiveTasks(registry);
				});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void shutdownNowReturnsTheAppsTasksThatNeverStarted(boolean tracked) {
		Pools.run(tracked, ThreadPoolExecutor.class, ThreadPoolContractTests::singleThread,
				(pool, registry) -> assertShutdownNowReturnsTheAppsTasks(pool, registry));
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void shutdownNowOfAnInterfaceTypedPoolReturnsTheAppsTasks(boolean tracked) {
		Pools.run(tracked, ExecutorService.class, () -> Executors.newSingleThreadExecutor(),
				(pool, registry) -> assertShutdownNowReturnsTheAppsTasks(pool, registry));
	}

	private static void assertShutdownNowReturnsTheAppsTasks(ExecutorService pool,
			io.github.tasklens.@org.jspecify.annotations.Nullable TaskRegistry registry) throws Exception {
		Blocker blocker = new Blocker();
		Flag first = new Flag();
		Flag second = new Flag();
		pool.execute(blocker);
		blocker.awaitStarted();
		pool.execute(first);
		pool.execute(second);
		assertThat(pool.shutdownNow()).containsExactly(first, second);
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		Pools.assertNoLiveTasks(registry);
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void shutdownNowOfAScheduledPoolReturnsTheFuturesItGaveTheApp(boolean tracked) {
		Pools.run(tracked, ScheduledThreadPoolExecutor.class, () -> new ScheduledThreadPoolExecutor(1),
				(pool, registry) -> {
					ScheduledFuture<?> first = pool.schedule(() -> {
					}, 1, TimeUnit.HOURS);
					ScheduledFuture<?> second = pool.scheduleAtFixedRate(() -> {
					}, 1, 1, TimeUnit.HOURS);
					assertThat(pool.getQueue()).containsExactlyInAnyOrder((Runnable) first, (Runnable) second);
					assertThat(pool.remove((Runnable) first)).isTrue();
					assertThat(pool.shutdownNow()).containsExactly((Runnable) second);
					assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
					Pools.assertNoLiveTasks(registry);
				});
	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aSubclassKeepsItsOwnTaskTypeAndItsHooksSeeEachTasksOutcome(boolean tracked) {
		List<String> outcomes = new CopyOnWriteArrayList<>();
		Pools.run(tracked, ExecutorService.class, () -> new OwnTaskPool(outcomes), (pool, registry) -> {
			Future<String> answer = pool.submit(() -> "answer");
			assertThat(answer).isInstanceOf(OwnTask.class);
			assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("answer");
			Future<?> plain = pool.submit((Runnable) () -> {
			});
			assertThat(plain).isInstanceOf(OwnTask.class);
			plain.get(10, TimeUnit.SECONDS);
			pool.execute(() -> {
				throw new IllegalStateException("boom");
			});
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(outcomes).containsExactly("before", "after: answer", "before", "after: null", "before",
					"after: failed IllegalStateException");
			Pools.assertNoLiveTasks(registry);
		});
	}

	/**
	 * A pool with a task type of its own, whose {@code afterExecute} reads each task's
	 * outcome as the JDK's documentation shows.
	 */
	static final class OwnTaskPool extends ThreadPoolExecutor {

		private final List<String> outcomes;

		OwnTaskPool(List<String> outcomes) {
			super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
			this.outcomes = outcomes;
		}

		@Override
		protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
			return new OwnTask<>(callable);
		}

		@Override
		protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
			return new OwnTask<>(runnable, value);
		}

		@Override
		protected void beforeExecute(Thread thread, Runnable task) {
			this.outcomes.add("before");
		}

		@Override
		protected void afterExecute(Runnable task, Throwable failure) {
			Throwable thrown = failure;
			Object result = null;
			if (thrown == null && task instanceof Future<?> future && future.isDone()) {
				try {
					result = future.get();
				}
				catch (ExecutionException ex) {
					thrown = ex.getCause();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.outcomes
				.add((thrown != null) ? "after: failed " + thrown.getClass().getSimpleName() : "after: " + result);
		}

	}

	static final class OwnTask<T> extends FutureTask<T> {

		OwnTask(Callable<T> callable) {
			super(callable);
		}

		OwnTask(Runnable runnable, T value) {
			super(runnable, value);
		}

	}

	@ParameterizedTest(name = "tracked={0}")
	@ValueSource(booleans = { false, true })
	void aRejectedTasksHandlerOfAScheduledPoolReceivesThePoolTheAppHolds(boolean tracked) {
		AtomicReference<Object> executor = new AtomicReference<>();
		Pools.run(tracked, ScheduledThreadPoolExecutor.class, () -> {
			ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
			pool.setRejectedExecutionHandler((task, by) -> executor.set(by));
			return pool;
		}, (pool, registry) -> {
			pool.shutdown();
			pool.schedule(() -> {
			}, 1, TimeUnit.SECONDS);
			assertThat(executor.get()).isSameAs(pool);
			Pools.assertNoLiveTasks(registry);
		});
	}

}
