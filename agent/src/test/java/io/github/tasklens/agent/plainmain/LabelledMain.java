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
package io.github.tasklens.agent.plainmain;

import java.util.concurrent.atomic.AtomicReference;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;

/**
 * A plain {@code main} with tasklens's core on its class path, and a hook in a service
 * file: a raw thread started inside labels carries them.
 */
public final class LabelledMain {

	private LabelledMain() {
	}

	public static void main(String[] args) throws Exception {
		AtomicReference<String> seen = new AtomicReference<>();
		Thread thread = TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -> {
			Thread started = new Thread(() -> seen.set(TaskContext.current().labels().get("tenant")), "labelled");
			started.start();
			return started;
		});
		thread.join();
		System.out.println("thread saw tenant=" + seen.get());
	}

}
