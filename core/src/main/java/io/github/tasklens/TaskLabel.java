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
package io.github.tasklens;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A label for the tasks of an {@code @Async} or {@code @Scheduled} method, or of every
 * such method of a class. A method's label wins over its class's for the same key.
 *
 * @author tasklens authors
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(TaskLabel.List.class)
public @interface TaskLabel {

	/**
	 * The label key: lowercase letters, digits and {@code _ . -}.
	 * @return the key
	 */
	String key();

	/**
	 * The label value, at most 256 characters.
	 * @return the value
	 */
	String value();

	/**
	 * Holds repeated {@link TaskLabel} annotations.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		/**
		 * The labels.
		 * @return the labels
		 */
		TaskLabel[] value();

	}

}
