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
package io.github.tasklens.boot.executor;

/**
 * A member of Spring's made to look missing, as in a Spring version without it, while
 * open: for the tests of what degrades without it.
 */
public final class HiddenSpringMember implements AutoCloseable {

	private final Runnable show;

	private HiddenSpringMember(Runnable show) {
		this.show = show;
	}

	/**
	 * Hide a member until the returned handle is closed.
	 * @param type the class the lookup names
	 * @param name the member's name
	 * @return the handle
	 */
	public static HiddenSpringMember hide(Class<?> type, String name) {
		return new HiddenSpringMember(SpringInternals.hide(type, name));
	}

	/**
	 * Hide a class until the returned handle is closed.
	 * @param className the class's name
	 * @return the handle
	 */
	public static HiddenSpringMember hideClass(String className) {
		return new HiddenSpringMember(SpringInternals.hide(className));
	}

	@Override
	public void close() {
		this.show.run();
	}

}
