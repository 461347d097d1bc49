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
import static io.github.tasklens.agent.MethodPatch.SCHEDULED_BRIDGE;
import static io.github.tasklens.agent.MethodPatch.call;
import static io.github.tasklens.agent.MethodPatch.method;
import static io.github.tasklens.agent.MethodPatch.replaceArgument;

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

	private static final String POOL = "java/util/concurrent/ScheduledThreadPoolExecutor";

	private static final String FUTURE = "Ljava/util/concurrent/ScheduledFuture;";

	private static final String CALLABLE = "Ljava/util/concurrent/Callable;";

	private ScheduledPoolInstrumentation() {
	}

	static void apply(Patcher patcher) {
		String pool = "L" + POOL + ";";
		String once = "JLjava/util/concurrent/TimeUnit;)" + FUTURE;
		String periodic = "JJLjava/util/concurrent/TimeUnit;)" + FUTURE;
		String schedule = "(" + pool + RUNNABLE + "Z)" + RUNNABLE;
		patcher
			.patch(POOL,
					reported(method("schedule", "(" + RUNNABLE + once), RUNNABLE,
							replaceArgument(0, SCHEDULED_BRIDGE, "schedule", schedule, 0)))
			// scheduleAtFixedRate and scheduleWithFixedDelay run it again and again
			.patch(POOL,
					reported(method("scheduleAtFixedRate", "(" + RUNNABLE + periodic), RUNNABLE,
							replaceArgument(0, SCHEDULED_BRIDGE, "schedule", schedule, 1)))
			.patch(POOL,
					reported(method("scheduleWithFixedDelay", "(" + RUNNABLE + periodic), RUNNABLE,
							replaceArgument(0, SCHEDULED_BRIDGE, "schedule", schedule, 1)))
			.patch(POOL, reported(method("schedule", "(" + CALLABLE + once), CALLABLE,
					replaceArgument(0, SCHEDULED_BRIDGE, "scheduleCallable", "(" + pool + CALLABLE + ")" + CALLABLE)));
	}

	/**
	 * A method that takes a task and hands it to the pool: the task it was given in place
	 * of the app's is reported taken, with the pool's future, or refused, with what the
	 * pool threw.
	 * @param patch the method
	 * @param task the descriptor of the task's type
	 * @param enter the code that replaces the task
	 * @return the patch
	 */
	static MethodPatch reported(MethodPatch patch, String task, MethodPatch.Code enter) {
		String scheduled = "(Ljava/lang/Object;Ljava/util/concurrent/Future;Ljava/lang/Throwable;)V";
		return patch.enterKeeping(task.substring(1, task.length() - 1), enter).exit((mv, site) -> {
			if (site.descriptor().endsWith(")V")) {
				mv.visitVarInsn(Opcodes.ALOAD, site.local());
				mv.visitInsn(Opcodes.ACONST_NULL);
			}
			else {
				// the future, returned: [future] -> [future, task, future]
				mv.visitInsn(Opcodes.DUP);
				mv.visitVarInsn(Opcodes.ALOAD, site.local());
				mv.visitInsn(Opcodes.SWAP);
			}
			mv.visitInsn(Opcodes.ACONST_NULL);
			call(mv, SCHEDULED_BRIDGE, "scheduled", scheduled);
		}).thrown((mv, site) -> {
			// [thrown] -> [thrown, task, null, thrown]
			mv.visitInsn(Opcodes.DUP);
			mv.visitVarInsn(Opcodes.ALOAD, site.local());
			mv.visitInsn(Opcodes.SWAP);
			mv.visitInsn(Opcodes.ACONST_NULL);
			mv.visitInsn(Opcodes.SWAP);
			call(mv, SCHEDULED_BRIDGE, "scheduled", scheduled);
		});
	}

}
