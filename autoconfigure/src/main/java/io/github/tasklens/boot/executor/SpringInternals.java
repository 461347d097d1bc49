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

import org.springframework.util.ClassUtils;
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

	// members made to look missing by tests of the fallbacks
	private static final Set<String> hidden = ConcurrentHashMap.newKeySet();

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
		if (isHidden(type, name, degrades)) {
			return null;
		}
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
	 * Find a class of Spring's that is not public API.
	 * @param className its name
	 * @param classLoader the class loader to load it with
	 * @param degrades what tasklens does without it, for the WARN
	 * @return the class, or {@code null} when this Spring version has none of that name
	 */
	public static @Nullable Class<?> type(String className, @Nullable ClassLoader classLoader, String degrades) {
		try {
			if (!hidden.contains(className)) {
				return ClassUtils.forName(className, classLoader);
			}
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// missing, as below
		}
		missingMember(className, "no such class", degrades);
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
		if (isHidden(type, name, degrades)) {
			return null;
		}
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

	/**
	 * Set a field found by {@link #field}; nothing when it was not found.
	 * @param field the field, or {@code null}
	 * @param target the object to set it on
	 * @param value the value
	 */
	public static void set(@Nullable Field field, Object target, @Nullable Object value) {
		if (field != null) {
			ReflectionUtils.setField(field, target, value);
		}
	}

	/**
	 * Make a member look missing, as in a Spring version without it, until the returned
	 * handle is closed; its WARN is given again. For the tests of each fallback.
	 * @param type the class the lookup names
	 * @param name the member's name
	 * @return what shows the member again
	 */
	static Runnable hide(Class<?> type, String name) {
		return hide(type.getName() + "." + name);
	}

	/**
	 * Make a member or class look missing until the returned handle is closed.
	 * @param member the class's name, or the member's class name, a dot and its name
	 * @return what shows it again
	 */
	static Runnable hide(String member) {
		hidden.add(member);
		warned.remove(member);
		return () -> {
			hidden.remove(member);
			warned.remove(member);
		};
	}

	private static boolean isHidden(Class<?> type, String name, String degrades) {
		if (hidden.isEmpty() || !hidden.contains(type.getName() + "." + name)) {
			return false;
		}
		missing(type, name, "no such member", degrades);
		return true;
	}

	private static void missing(Class<?> type, String name, String why, String degrades) {
		missingMember(type.getName() + "." + name, why, degrades);
	}

	private static void missingMember(String member, String why, String degrades) {
		if (warned.add(member)) {
			logger.warn("tasklens cannot reach {} in this Spring version ({}): {}", member, why, degrades);
		}
	}

}
