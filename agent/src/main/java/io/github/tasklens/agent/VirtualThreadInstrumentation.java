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

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import static io.github.tasklens.agent.MethodPatch.RUNNABLE;
import static io.github.tasklens.agent.MethodPatch.THREAD_BRIDGE;
import static io.github.tasklens.agent.MethodPatch.call;
import static io.github.tasklens.agent.MethodPatch.methods;

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

	static void apply(Patcher patcher) {
		patcher.patch("java/lang/VirtualThread", methods("<init>", VirtualThreadInstrumentation::madeWithTask,
				"constructor(Executor, String, int, Runnable)")
			.enter((mv, site) -> {
				int task = site.argument(3);
				mv.visitVarInsn(Opcodes.ALOAD, task);
				call(mv, THREAD_BRIDGE, "virtualThread", "(" + RUNNABLE + ")" + RUNNABLE);
				mv.visitVarInsn(Opcodes.ASTORE, task);
			}));
	}

	private static boolean madeWithTask(String descriptor) {
		Type[] arguments = Type.getArgumentTypes(descriptor);
		return arguments.length > 3 && "java.lang.Runnable".equals(arguments[3].getClassName());
	}

}
