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

package io.github.tasklens.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test of the class that leaves tasks or threads live, as goleak's
 * {@code VerifyNone} in a Go test: the {@link TaskLeakExtension} with its default
 * options. Put it after {@code @SpringBootTest} (or any {@code SpringExtension}) so that
 * the task check reads the test context's tasks.
 *
 * @author tasklens authors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TaskLeakExtension.class)
public @interface VerifyNoTaskLeaks {

	/**
	 * Bean names of executors whose tasks are not leaks
	 * ({@link TaskLeaks#ignoreExecutor}).
	 * @return the executor names
	 */
	String[] ignoreExecutors() default {};

	/**
	 * Names of tasks that are not leaks ({@link TaskLeaks#ignoreTaskName}).
	 * @return the task names
	 */
	String[] ignoreTaskNames() default {};

	/**
	 * Regular expressions of thread names that are not leaks
	 * ({@link TaskLeaks#ignoreThreadName}).
	 * @return the patterns
	 */
	String[] ignoreThreadNames() default {};

	/**
	 * Whether periodic tasks between runs count as leaks
	 * ({@link TaskLeaks#includeScheduled}).
	 * @return whether they count
	 */
	boolean includeScheduled() default false;

}
