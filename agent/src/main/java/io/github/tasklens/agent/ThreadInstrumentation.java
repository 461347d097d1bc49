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

import io.github.tasklens.bootstrap.ThreadBridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Platform threads that the app's code starts with {@code Thread.start()}: the thread's
 * run is the task, made on the starting thread (its labels) and named after the class
 * whose code starts it. A thread that the JDK's code or an {@code Executor}'s own code
 * starts is a pool's worker and is not a task of its own. A thread is never refused. A
 * subclass of {@code Thread} that overrides {@code run()} runs outside {@code Thread}'s
 * own {@code run()}: its task is dropped when the thread ends.
 *
 * @author tasklens authors
 */
final class ThreadInstrumentation {

	private ThreadInstrumentation() {
	}

	static AgentBuilder apply(AgentBuilder builder) {
		String self = ThreadInstrumentation.class.getName();
		return builder.type(named("java.lang.Thread"))
			.transform(new AgentBuilder.Transformer.ForAdvice().include(ThreadInstrumentation.class.getClassLoader())
				.advice(named("start").and(takesArguments(0)), self + "$Start")
				.advice(named("run").and(takesArguments(0)), self + "$Run")
				.advice(named("exit").and(takesArguments(0)), self + "$Exit"));
	}

	static final class Start {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.This Thread thread) {
			ThreadBridge.starting(thread);
		}

	}

	static final class Run {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static Object enter(@Advice.This Thread thread) {
			return ThreadBridge.running(thread);
		}

		@Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
		static void exit(@Advice.Enter Object run, @Advice.Thrown Throwable thrown) {
			ThreadBridge.ended(run, thrown);
		}

	}

	static final class Exit {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.This Thread thread) {
			ThreadBridge.exited(thread);
		}

	}

}
