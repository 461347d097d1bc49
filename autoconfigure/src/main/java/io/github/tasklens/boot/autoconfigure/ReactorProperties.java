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

/**
 * Reactor ({@code tasklens.reactor.*}): the tasks of Reactor's schedulers.
 *
 * @author tasklens authors
 */
public class ReactorProperties {

	/**
	 * Whether the tasks of Reactor's schedulers (boundedElastic, parallel, single, and
	 * those made with Schedulers.newXxx) are tracked, each scheduler an executor of its
	 * name, where reactor-core is on the class path.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
