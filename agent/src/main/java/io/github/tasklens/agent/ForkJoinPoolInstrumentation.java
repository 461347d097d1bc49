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

import static io.github.tasklens.agent.MethodPatch.FORK_JOIN_BRIDGE;
import static io.github.tasklens.agent.MethodPatch.RUNNABLE;
import static io.github.tasklens.agent.MethodPatch.call;
import static io.github.tasklens.agent.MethodPatch.method;
import static io.github.tasklens.agent.MethodPatch.methods;
import static io.github.tasklens.agent.MethodPatch.replaceArgument;
import static io.github.tasklens.agent.MethodPatch.thisThen;

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

	private static final String POOL = "java/util/concurrent/ForkJoinPool";

	private static final String CALLABLE = "Ljava/util/concurrent/Callable;";

	private ForkJoinPoolInstrumentation() {
	}

	static void apply(Patcher patcher) {
		String pool = "L" + POOL + ";";
		String forkJoin = "(" + pool + RUNNABLE + "Z)" + RUNNABLE;
		patcher
			.patch(POOL,
					methods("<init>", (descriptor) -> true, "constructors")
						.exit((mv, site) -> thisThen(mv, FORK_JOIN_BRIDGE, "forkJoinCreated", "(" + pool + ")V")))
			.patch(POOL,
					ScheduledPoolInstrumentation.reported(method("execute", "(" + RUNNABLE + ")V"), RUNNABLE,
							replaceArgument(0, FORK_JOIN_BRIDGE, "forkJoin", forkJoin, 0)))
			.patch(POOL,
					ScheduledPoolInstrumentation.reported(
							methods("submit", (descriptor) -> descriptor.startsWith("(" + RUNNABLE),
									"submit(Runnable...)"),
							RUNNABLE, replaceArgument(0, FORK_JOIN_BRIDGE, "forkJoin", forkJoin, 1)))
			.patch(POOL,
					ScheduledPoolInstrumentation.reported(
							method("submit", "(" + CALLABLE + ")Ljava/util/concurrent/ForkJoinTask;"), CALLABLE,
							replaceArgument(0, FORK_JOIN_BRIDGE, "forkJoinCallable",
									"(" + pool + CALLABLE + ")" + CALLABLE)))
			// where the common pool's parallelism is 1, CompletableFuture starts a thread
			// per async task instead: those tasks keep the common pool's name
			.patch("java/util/concurrent/CompletableFuture$ThreadPerTaskExecutor",
					method("execute", "(" + RUNNABLE + ")V").enter((mv, site) -> {
						mv.visitVarInsn(Opcodes.ALOAD, 1);
						call(mv, FORK_JOIN_BRIDGE, "threadPerTask", "(" + RUNNABLE + ")" + RUNNABLE);
						mv.visitVarInsn(Opcodes.ASTORE, 1);
					}));
	}

}
