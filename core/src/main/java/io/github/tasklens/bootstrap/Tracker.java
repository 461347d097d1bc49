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
package io.github.tasklens.bootstrap;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What a runtime does for the JDK's instrumented classes, installed in
 * {@link TaskBridge}. Each method may throw: the bridge then leaves things as they were.
 *
 * @author tasklens authors
 */
public interface Tracker {

	void created(ThreadPoolExecutor pool);

	Runnable execute(ThreadPoolExecutor pool, Runnable task);

	Runnable schedule(ScheduledThreadPoolExecutor pool, Runnable task, boolean periodic);

	Callable<?> scheduleCallable(ScheduledThreadPoolExecutor pool, Callable<?> task);

	void scheduled(Object task, Future<?> future, Throwable thrown);

	void forkJoinCreated(ForkJoinPool pool);

	Runnable forkJoin(ForkJoinPool pool, Runnable task, boolean inFuture);

	Callable<?> forkJoinCallable(ForkJoinPool pool, Callable<?> task);

	Runnable threadPerTask(Runnable task);

	Runnable virtualThread(Runnable task);

	void threadStarting(Thread thread, String starter);

	Object threadRunning(Thread thread);

	void threadEnded(Object run, Throwable thrown);

	void threadExited(Thread thread);

	List<Runnable> unrun(List<Runnable> tasks);

	Runnable element(ThreadPoolExecutor pool, Runnable task);

	void removed(Runnable element);

	BlockingQueue<Runnable> queue(ThreadPoolExecutor pool, BlockingQueue<Runnable> queue);

	RejectedExecutionHandler handler(ThreadPoolExecutor pool, RejectedExecutionHandler handler);

	RejectedExecutionHandler appHandler(RejectedExecutionHandler handler);

}
