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
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.github.tasklens.bootstrap.ScheduledBridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Every {@code ScheduledThreadPoolExecutor}, subclasses included: its {@code schedule}
 * methods, which {@code execute} and {@code submit} go through too, hand each task to the
 * runtime before the pool wraps it in its own future, so its queue, {@code shutdownNow()}
 * and the futures the app holds are the pool's own, as without tasklens. Each periodic
 * task is one tracked task for all its runs.
 *
 * @author tasklens authors
 */
final class ScheduledPoolInstrumentation {

	private ScheduledPoolInstrumentation() {
	}

	static AgentBuilder apply(AgentBuilder builder) {
		String self = ScheduledPoolInstrumentation.class.getName();
		return builder.type(named("java.util.concurrent.ScheduledThreadPoolExecutor"))
			.transform(new AgentBuilder.Transformer.ForAdvice()
				.include(ScheduledPoolInstrumentation.class.getClassLoader())
				.advice(namedOneOf("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay")
					.and(takesArgument(0, Runnable.class)), self + "$Runnables")
				.advice(named("schedule").and(takesArguments(3)).and(takesArgument(0, Callable.class)),
						self + "$OnceCallable"));
	}

	static final class Runnables {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static Runnable enter(@Advice.This ScheduledThreadPoolExecutor pool, @Advice.Origin("#m") String method,
				@Advice.Argument(value = 0, readOnly = false) Runnable task) {
			// scheduleAtFixedRate and scheduleWithFixedDelay run it again and again
			task = ScheduledBridge.schedule(pool, task, !"schedule".equals(method));
			return task;
		}

		@Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
		static void exit(@Advice.Enter Runnable task, @Advice.Return Future<?> future,
				@Advice.Thrown Throwable thrown) {
			ScheduledBridge.scheduled(task, future, thrown);
		}

	}

	static final class OnceCallable {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static Callable<?> enter(@Advice.This ScheduledThreadPoolExecutor pool,
				@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
			task = ScheduledBridge.scheduleCallable(pool, task);
			return task;
		}

		@Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
		static void exit(@Advice.Enter Callable<?> task, @Advice.Return Future<?> future,
				@Advice.Thrown Throwable thrown) {
			ScheduledBridge.scheduled(task, future, thrown);
		}

	}

}
