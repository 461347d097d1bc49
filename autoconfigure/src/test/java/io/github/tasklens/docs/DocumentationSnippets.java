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

package io.github.tasklens.docs;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TimeBox;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Async;

/**
 * The Java snippets of {@code docs/}, each between a {@code tag::} and an {@code end::}
 * comment: they compile with the library's tests, and {@code DocumentationTests} fails
 * when a page shows anything else.
 *
 * @author tasklens authors
 */
@SuppressWarnings("unused")
class DocumentationSnippets {

	// tag::hook[]
	@Bean
	@Order(1)
	TaskHook auditHook() {
		return new TaskHook() {
			@Override
			public void onSubmit(TaskInfo task) { // caller thread, once per submission
				if (task.executor().equals("batchPool") && maintenanceWindow()) {
					throw new TaskRejectedException("batch work is paused"); // refuses
																				// the
																				// task
				}
			}

			@Override
			public void onStart(TaskInfo task) { // worker thread, every run
			}

			@Override
			public void onFinish(TaskInfo task, @Nullable Throwable failure) { // worker
																				// thread,
																				// every
																				// run
			}

			@Override
			public void onOverdue(TaskInfo task) { // watchdog thread, once per overdue
													// run
			}
		};
	}
	// end::hook[]

	void labels(Reports reports, int batch) {
		// tag::labels[]
		TaskContext.current().labels().get("tenant"); // inside a task: its labels
		TaskContext.current().task(); // inside a task: its TaskInfo; outside: null

		TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> reports.build(batch));
		// end::labels[]
	}

	// tag::time-box[]
	@Async
	@TimeBox(warnAfter = "2s", interruptAfter = "20s") // wins over every property
	public void reconcile() {
		// waits for a partner that may never answer
	}
	// end::time-box[]

	private boolean maintenanceWindow() {
		return false;
	}

	interface Reports {

		void build(int batch);

	}

}
