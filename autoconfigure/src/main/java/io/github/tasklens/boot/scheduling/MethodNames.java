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
package io.github.tasklens.boot.scheduling;

import java.lang.reflect.Method;

import io.github.tasklens.task.TaskNames;

import org.springframework.util.ClassUtils;

/**
 * The names of tasks that are methods of beans ({@code @Async}, {@code @Scheduled}):
 * {@code Class.method}, after the class a Spring proxy stands for.
 *
 * @author tasklens authors
 */
final class MethodNames {

	private MethodNames() {
	}

	static String of(Object target, Method method) {
		Class<?> type = ClassUtils.getUserClass(target.getClass());
		return TaskNames.ofClassName(type.getName()) + "." + method.getName();
	}

}
