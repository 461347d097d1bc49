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

import io.github.tasklens.TaskLabel;
import io.github.tasklens.TaskLabels;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Reads {@link TaskLabel @TaskLabel} from a method and its class; the method's win.
 *
 * @author tasklens authors
 */
final class AnnotatedLabels {

	private AnnotatedLabels() {
	}

	/**
	 * Return the labels declared on a method and its class.
	 * @param targetClass the class of the bean
	 * @param method the method
	 * @return the labels
	 * @throws IllegalArgumentException naming the method when a label is invalid
	 */
	static TaskLabels of(Class<?> targetClass, Method method) {
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		TaskLabels labels = TaskLabels.empty();
		try {
			for (TaskLabel label : AnnotatedElementUtils.findMergedRepeatableAnnotations(userClass, TaskLabel.class)) {
				labels = labels.and(label.key(), label.value());
			}
			for (TaskLabel label : AnnotatedElementUtils.findMergedRepeatableAnnotations(specific, TaskLabel.class)) {
				labels = labels.and(label.key(), label.value());
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTaskAnnotationException("@TaskLabel", userClass.getName() + "." + method.getName(),
					ex.getMessage(),
					"keys of lowercase letters, digits and the characters _ . -, " + "values of at most 256 characters",
					ex);
		}
		return labels;
	}

}
