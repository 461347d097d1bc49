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

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

/**
 * Virtual threads (JDK 21+), however started ({@code Thread.ofVirtual()},
 * {@code Executors.newVirtualThreadPerTaskExecutor()}, a framework's): the task a virtual
 * thread is made with becomes a tracked task, made on the thread that makes it, named
 * after the class whose code does. On JDK 17 there is no such class and nothing happens.
 *
 * @author tasklens authors
 */
final class VirtualThreadInstrumentation {

	private VirtualThreadInstrumentation() {
	}

	static AgentBuilder apply(AgentBuilder builder) {
		return builder.type(named("java.lang.VirtualThread"))
			.transform(new AgentBuilder.Transformer.ForAdvice()
				.include(VirtualThreadInstrumentation.class.getClassLoader())
				.advice(isConstructor().and(takesArgument(3, Runnable.class)),
						VirtualThreadInstrumentation.class.getName() + "$Made"));
	}

	static final class Made {

		@Advice.OnMethodEnter(suppress = Throwable.class)
		static void enter(@Advice.Argument(value = 3, readOnly = false) Runnable task) {
			task = ThreadBridge.virtualThread(task);
		}

	}

}
