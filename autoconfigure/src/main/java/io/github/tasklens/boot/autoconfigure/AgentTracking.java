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
package io.github.tasklens.boot.autoconfigure;

import io.github.tasklens.bootstrap.TaskBridge;
import io.github.tasklens.bootstrap.Tracker;
import io.github.tasklens.executor.InPlaceTracking;
import io.github.tasklens.task.TaskChain;
import org.jspecify.annotations.Nullable;

/**
 * When the tasklens agent is attached, the application context's chain serves the pools
 * it reaches, so that their tasks and the beans' share one registry, one set of meters
 * and the endpoint, until the context closes.
 *
 * @author tasklens authors
 */
final class AgentTracking implements AutoCloseable {

	private final @Nullable Tracker installed;

	private final @Nullable Tracker replaced;

	AgentTracking(TaskChain chain, ExecutorsProperties executors) {
		if (TaskBridge.attached()) {
			this.installed = new InPlaceTracking(chain, executors.getNames(), executors.getMaxAgentNames());
			this.replaced = TaskBridge.install(this.installed);
		}
		else {
			this.installed = null;
			this.replaced = null;
		}
	}

	/**
	 * Return whether this context serves the agent.
	 * @return whether the agent is attached and served
	 */
	boolean serves() {
		return this.installed != null;
	}

	@Override
	public void close() {
		if (this.installed != null) {
			TaskBridge.uninstall(this.installed, this.replaced);
		}
	}

}
