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

import static io.github.tasklens.agent.MethodPatch.THREAD_BRIDGE;
import static io.github.tasklens.agent.MethodPatch.call;
import static io.github.tasklens.agent.MethodPatch.method;
import static io.github.tasklens.agent.MethodPatch.thisThen;

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

	private static final String THREAD = "java/lang/Thread";

	private ThreadInstrumentation() {
	}

	static void apply(Patcher patcher) {
		String thread = "(L" + THREAD + ";)";
		String ended = "(Ljava/lang/Object;Ljava/lang/Throwable;)V";
		patcher
			.patch(THREAD,
					method("start", "()V").enter((mv, site) -> thisThen(mv, THREAD_BRIDGE, "starting", thread + "V")))
			.patch(THREAD,
					method("run", "()V")
						.enterKeeping("java/lang/Object",
								(mv, site) -> thisThen(mv, THREAD_BRIDGE, "running", thread + "Ljava/lang/Object;"))
						.exit((mv, site) -> {
							mv.visitVarInsn(Opcodes.ALOAD, site.local());
							mv.visitInsn(Opcodes.ACONST_NULL);
							call(mv, THREAD_BRIDGE, "ended", ended);
						})
						.thrown((mv, site) -> {
							// [thrown] -> [thrown, run, thrown]
							mv.visitInsn(Opcodes.DUP);
							mv.visitVarInsn(Opcodes.ALOAD, site.local());
							mv.visitInsn(Opcodes.SWAP);
							call(mv, THREAD_BRIDGE, "ended", ended);
						}))
			.patch(THREAD,
					method("exit", "()V").enter((mv, site) -> thisThen(mv, THREAD_BRIDGE, "exited", thread + "V")));
	}

}
