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
package io.github.tasklens.agent;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

import io.github.tasklens.bootstrap.ForkJoinBridge;
import io.github.tasklens.bootstrap.ScheduledBridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Every {@code ForkJoinPool}, the common pool included: tasks handed to it from outside
 * through {@code execute} and {@code submit} (what {@code CompletableFuture.*Async}
 * without an executor does) reach the runtime; the forks a task makes inside the pool do
 * not, nor do {@code ForkJoinTask}s submitted as such. The scheduler of virtual threads,
 * a fork-join pool too, is passed over. Where the common pool's parallelism is 1,
 * {@code CompletableFuture} starts a thread per async task, and those are tracked as the
 * common pool's.
 *
 * @author tasklens authors
 */
final class ForkJoinPoolInstrumentation {

	private ForkJoinPoolInstrumentation() {
	}

	static AgentBuilder apply(AgentBuilder builder) {
		String self = ForkJoinPoolInstrumentation.class.getName();
		return builder.type(named("java.util.concurrent.ForkJoinPool"))
			.transform(
					new AgentBuilder.Transformer.ForAdvice().include(ForkJoinPoolInstrumentation.class.getClassLoader())
						.advice(isConstructor(), self + "$Created")
						.advice(named("execute").and(takesArguments(Runnable.class)), self + "$Execute")
						.advice(named("submit").and(takesArgument(0, Runnable.class)), self + "$Submit")
						.advice(named("submit").and(takesArguments(Callable.class)), self + "$SubmitCallable"))
			// where the common pool's parallelism is 1, CompletableFuture starts a thread
			// per async task instead: those tasks keep the common pool's name
			.type(named("java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor"))
			.transform(
					new AgentBuilder.Transformer.ForAdvice().include(ForkJoinPoolInstrumentation.class.getClassLoader())
						.advice(named("execute").and(takesArguments(Runnable.class)), self + "$ThreadPerTask"));
	}

	static final class Created {

		@Advice.OnMethodExit(suppress = Throwable.class)
		static void exit(@Advice.This ForkJoinPool pool) {
			ForkJoinBridge.forkJoinCreated(pool);
		}

	}

	static final class Execute {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static Runnable enter(@Advice.This ForkJoinPool pool,
				@Advice.Argument(value = 0, readOnly = false) Runnable task) {
			task = ForkJoinBridge.forkJoin(pool, task, false);
			return task;
		}

		@Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
		static void exit(@Advice.Enter Runnable task, @Advice.Thrown Throwable thrown) {
			ScheduledBridge.scheduled(task, null, thrown);
		}

	}

	static final class Submit {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static Runnable enter(@Advice.This ForkJoinPool pool,
				@Advice.Argument(value = 0, readOnly = false) Runnable task) {
			task = ForkJoinBridge.forkJoin(pool, task, true);
			return task;
		}

		@Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
		static void exit(@Advice.Enter Runnable task, @Advice.Return Future<?> future,
				@Advice.Thrown Throwable thrown) {
			ScheduledBridge.scheduled(task, future, thrown);
		}

	}

	static final class SubmitCallable {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static Callable<?> enter(@Advice.This ForkJoinPool pool,
				@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
			task = ForkJoinBridge.forkJoinCallable(pool, task);
			return task;
		}

		@Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
		static void exit(@Advice.Enter Callable<?> task, @Advice.Return Future<?> future,
				@Advice.Thrown Throwable thrown) {
			ScheduledBridge.scheduled(task, future, thrown);
		}

	}

	static final class ThreadPerTask {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
			task = ForkJoinBridge.threadPerTask(task);
		}

	}

}
