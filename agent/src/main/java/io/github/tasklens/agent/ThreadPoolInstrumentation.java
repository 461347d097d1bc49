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

import static io.github.tasklens.agent.MethodPatch.RUNNABLE;
import static io.github.tasklens.agent.MethodPatch.TASK_BRIDGE;
import static io.github.tasklens.agent.MethodPatch.call;
import static io.github.tasklens.agent.MethodPatch.method;
import static io.github.tasklens.agent.MethodPatch.methods;
import static io.github.tasklens.agent.MethodPatch.replaceArgument;
import static io.github.tasklens.agent.MethodPatch.thisThen;

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

	private static final String POOL = "java/util/concurrent/ThreadPoolExecutor";

	private static final String HANDLER = "Ljava/util/concurrent/RejectedExecutionHandler;";

	private ThreadPoolInstrumentation() {
	}

	static void apply(Patcher patcher) {
		String pool = "L" + POOL + ";";
		patcher
			.patch(POOL,
					methods("<init>", (descriptor) -> true, "constructors")
						.exit((mv, site) -> thisThen(mv, TASK_BRIDGE, "created", "(" + pool + ")V")))
			.patch(POOL,
					method("execute", "(" + RUNNABLE + ")V")
						.enter(replaceArgument(0, TASK_BRIDGE, "execute", "(" + pool + RUNNABLE + ")" + RUNNABLE)))
			.patch(POOL, method("getQueue", "()Ljava/util/concurrent/BlockingQueue;").exit((mv, site) -> {
				mv.visitVarInsn(Opcodes.ALOAD, 0);
				mv.visitInsn(Opcodes.SWAP);
				call(mv, TASK_BRIDGE, "queue",
						"(" + pool + "Ljava/util/concurrent/BlockingQueue;)Ljava/util/concurrent/BlockingQueue;");
			}))
			.patch(POOL,
					method("remove", "(" + RUNNABLE + ")Z")
						.enter(replaceArgument(0, TASK_BRIDGE, "element", "(" + pool + RUNNABLE + ")" + RUNNABLE))
						.exit((mv, site) -> {
							mv.visitInsn(Opcodes.DUP);
							mv.visitVarInsn(Opcodes.ALOAD, 1);
							call(mv, TASK_BRIDGE, "removed", "(Z" + RUNNABLE + ")V");
						}))
			.patch(POOL,
					method("shutdownNow", "()Ljava/util/List;")
						.exit((mv, site) -> call(mv, TASK_BRIDGE, "unrun", "(Ljava/util/List;)Ljava/util/List;")))
			.patch(POOL,
					method("setRejectedExecutionHandler", "(" + HANDLER + ")V")
						.enter(replaceArgument(0, TASK_BRIDGE, "handler", "(" + pool + HANDLER + ")" + HANDLER)))
			.patch(POOL, method("getRejectedExecutionHandler", "()" + HANDLER)
				.exit((mv, site) -> call(mv, TASK_BRIDGE, "appHandler", "(" + HANDLER + ")" + HANDLER)));
	}

}
