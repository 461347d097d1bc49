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

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ReflectionUtils;

/**
 * The one way tasklens reaches a private member of Spring's: found once, made accessible,
 * and, when a Spring version no longer has it (or the module system refuses it),
 * {@code null} with one WARN that names the member and the feature that degrades. A
 * missing member never fails a submission or the app's start.
 *
 * @author tasklens authors
 */
public final class SpringInternals {

	private static final Logger logger = LoggerFactory.getLogger(SpringInternals.class);

	private static final Set<String> warned = ConcurrentHashMap.newKeySet();

	private SpringInternals() {
	}

	/**
	 * Find a field and make it accessible.
	 * @param type the class that declares it, or a subclass
	 * @param name its name
	 * @param fieldType its type, or {@code null} for any
	 * @param degrades what tasklens does without it, for the WARN
	 * @return the field, or {@code null} when it cannot be had
	 */
	public static @Nullable Field field(Class<?> type, String name, @Nullable Class<?> fieldType, String degrades) {
		try {
			Field field = ReflectionUtils.findField(type, name, fieldType);
			if (field != null) {
				ReflectionUtils.makeAccessible(field);
				return field;
			}
			missing(type, name, "no such field", degrades);
		}
		catch (RuntimeException ex) {
			missing(type, name, ex.toString(), degrades);
		}
		return null;
	}

	/**
	 * Find a method and make it accessible.
	 * @param type the class that declares it, or a subclass
	 * @param name its name
	 * @param degrades what tasklens does without it, for the WARN
	 * @param parameterTypes its parameter types
	 * @return the method, or {@code null} when it cannot be had
	 */
	public static @Nullable Method method(Class<?> type, String name, String degrades, Class<?>... parameterTypes) {
		try {
			Method method = ReflectionUtils.findMethod(type, name, parameterTypes);
			if (method != null) {
				ReflectionUtils.makeAccessible(method);
				return method;
			}
			missing(type, name, "no such method", degrades);
		}
		catch (RuntimeException ex) {
			missing(type, name, ex.toString(), degrades);
		}
		return null;
	}

	/**
	 * Read a field found by {@link #field}, or {@code null} when it was not found.
	 * @param field the field, or {@code null}
	 * @param target the object to read it of
	 * @return the value
	 */
	public static @Nullable Object get(@Nullable Field field, Object target) {
		return (field != null) ? ReflectionUtils.getField(field, target) : null;
	}

	private static void missing(Class<?> type, String name, String why, String degrades) {
		String member = type.getName() + "." + name;
		if (warned.add(member)) {
			logger.warn("tasklens cannot reach {} in this Spring version ({}): {}", member, why, degrades);
		}
	}

}
