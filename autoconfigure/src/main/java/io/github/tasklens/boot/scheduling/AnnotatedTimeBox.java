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
import java.time.Duration;

import io.github.tasklens.TimeBox;
import io.github.tasklens.timebox.TaskTimeBox;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringValueResolver;

/**
 * Reads {@link TimeBox @TimeBox} from a method and its class; the method's attributes
 * win, one by one.
 *
 * @author tasklens authors
 */
final class AnnotatedTimeBox {

	private static final String ALLOWED = "positive durations written as 500ms, 30s, 5m, 1h, 2d, ISO-8601 (PT30S) "
			+ "or a number of milliseconds, with interruptAfter not shorter than warnAfter";

	private AnnotatedTimeBox() {
	}

	/**
	 * Return the time box declared on a method and its class.
	 * @param targetClass the class of the bean
	 * @param method the method
	 * @param resolver resolves {@code ${...}} placeholders in the values, or {@code null}
	 * @return the time box, or {@code null} when neither is annotated
	 * @throws IllegalArgumentException naming the method when a value is invalid
	 */
	static @Nullable TaskTimeBox of(Class<?> targetClass, Method method, @Nullable StringValueResolver resolver) {
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		TimeBox onClass = AnnotatedElementUtils.findMergedAnnotation(userClass, TimeBox.class);
		TimeBox onMethod = AnnotatedElementUtils.findMergedAnnotation(specific, TimeBox.class);
		if (onClass == null && onMethod == null) {
			return null;
		}
		String where = userClass.getName() + "." + method.getName();
		try {
			TaskTimeBox box = (onMethod != null) ? parse(onMethod, resolver) : TaskTimeBox.NONE;
			return (onClass != null) ? box.orElse(parse(onClass, resolver)) : box;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTaskAnnotationException("@TimeBox", where, ex.getMessage(), ALLOWED, ex);
		}
	}

	private static TaskTimeBox parse(TimeBox annotation, @Nullable StringValueResolver resolver) {
		return TaskTimeBox.of(duration("warnAfter", annotation.warnAfter(), resolver),
				duration("interruptAfter", annotation.interruptAfter(), resolver),
				duration("queueWarnAfter", annotation.queueWarnAfter(), resolver));
	}

	private static @Nullable Duration duration(String attribute, String declared,
			@Nullable StringValueResolver resolver) {
		String value = (resolver != null && !declared.isBlank()) ? resolver.resolveStringValue(declared) : declared;
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(attribute + " '" + value
					+ "' is not a duration: write it as 500ms, 30s, 5m, 1h, 2d, ISO-8601 (PT30S), or a number of "
					+ "milliseconds", ex);
		}
	}

}
