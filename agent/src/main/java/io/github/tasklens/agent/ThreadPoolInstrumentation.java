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

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.bootstrap.TaskBridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Every {@code ThreadPoolExecutor}, subclasses included, wherever it is created: its
 * constructor names it after the class that created it, {@code execute} hands each task
 * to the runtime, and the methods that show tasks to the app ({@code getQueue},
 * {@code remove}, {@code shutdownNow}, the rejection handler's getter and setter) show
 * the app's own. A subclass that overrides {@code execute} without calling it is not
 * reached.
 *
 * @author tasklens authors
 */
final class ThreadPoolInstrumentation {

	private ThreadPoolInstrumentation() {
	}

	static AgentBuilder apply(AgentBuilder builder) {
		return builder.type(named("java.util.concurrent.ThreadPoolExecutor"))
			.transform(new AgentBuilder.Transformer.ForAdvice()
				.include(ThreadPoolInstrumentation.class.getClassLoader())
				.advice(isConstructor(), ThreadPoolInstrumentation.class.getName() + "$Created")
				.advice(named("execute").and(takesArguments(Runnable.class)),
						ThreadPoolInstrumentation.class.getName() + "$Execute")
				.advice(named("getQueue").and(takesArguments(0)), ThreadPoolInstrumentation.class.getName() + "$Queue")
				.advice(named("remove").and(takesArguments(Runnable.class)),
						ThreadPoolInstrumentation.class.getName() + "$Remove")
				.advice(named("shutdownNow").and(takesArguments(0)),
						ThreadPoolInstrumentation.class.getName() + "$ShutdownNow")
				.advice(named("setRejectedExecutionHandler"), ThreadPoolInstrumentation.class.getName() + "$SetHandler")
				.advice(named("getRejectedExecutionHandler"),
						ThreadPoolInstrumentation.class.getName() + "$GetHandler"));
	}

	static final class Created {

		@Advice.OnMethodExit(suppress = Throwable.class)
		static void exit(@Advice.This ThreadPoolExecutor pool) {
			TaskBridge.created(pool);
		}

	}

	static final class Execute {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.This ThreadPoolExecutor pool,
				@Advice.Argument(value = 0, readOnly = false) Runnable task) {
			task = TaskBridge.execute(pool, task);
		}

	}

	static final class Queue {

		@Advice.OnMethodExit(suppress = Throwable.class)
		static void exit(@Advice.This ThreadPoolExecutor pool,
				@Advice.Return(readOnly = false) BlockingQueue<Runnable> queue) {
			queue = TaskBridge.queue(pool, queue);
		}

	}

	static final class Remove {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.This ThreadPoolExecutor pool,
				@Advice.Argument(value = 0, readOnly = false) Runnable task) {
			task = TaskBridge.element(pool, task);
		}

		@Advice.OnMethodExit(suppress = Throwable.class)
		static void exit(@Advice.Argument(0) Runnable task, @Advice.Return boolean removed) {
			if (removed) {
				TaskBridge.removed(task);
			}
		}

	}

	static final class ShutdownNow {

		@Advice.OnMethodExit(suppress = Throwable.class)
		static void exit(@Advice.Return(readOnly = false) List<Runnable> tasks) {
			tasks = TaskBridge.unrun(tasks);
		}

	}

	static final class SetHandler {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.This ThreadPoolExecutor pool,
				@Advice.Argument(value = 0, readOnly = false) RejectedExecutionHandler handler) {
			handler = TaskBridge.handler(pool, handler);
		}

	}

	static final class GetHandler {

		@Advice.OnMethodExit(suppress = Throwable.class)
		static void exit(@Advice.Return(readOnly = false) RejectedExecutionHandler handler) {
			handler = TaskBridge.appHandler(handler);
		}

	}

}
