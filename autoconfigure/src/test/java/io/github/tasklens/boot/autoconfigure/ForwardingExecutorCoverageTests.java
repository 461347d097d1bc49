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

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.tasklens.executor.TrackedScheduledThreadPoolExecutor;
import io.github.tasklens.executor.TrackedThreadPoolExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when the running JDK's {@code ThreadPoolExecutor} or
 * {@code ScheduledThreadPoolExecutor} has a public method that the forwarding subclass
 * neither forwards nor is known to handle correctly through a forwarded method.
 */
class ForwardingExecutorCoverageTests {

	private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "notify", "notifyAll",
			"wait");

	/**
	 * Inherited methods that reach the real pool through a forwarded one:
	 * {@code AbstractExecutorService} runs them through {@code execute}, and
	 * {@code ScheduledThreadPoolExecutor} runs {@code execute} and {@code submit} through
	 * {@code schedule}.
	 */
	private static final Set<String> HANDLED_THROUGH_FORWARDED = Set.of("invokeAll", "invokeAny");

	private static final Set<String> SCHEDULED_HANDLED_THROUGH_FORWARDED = Set.of("invokeAll", "invokeAny", "execute",
			"submit");

	@Test
	void threadPoolExecutorSubclassForwardsEveryPublicMethod() {
		assertThat(unforwarded(ThreadPoolExecutor.class, TrackedThreadPoolExecutor.class, HANDLED_THROUGH_FORWARDED))
			.isEmpty();
	}

	@Test
	void scheduledThreadPoolExecutorSubclassForwardsEveryPublicMethod() {
		assertThat(unforwarded(ScheduledThreadPoolExecutor.class, TrackedScheduledThreadPoolExecutor.class,
				SCHEDULED_HANDLED_THROUGH_FORWARDED))
			.isEmpty();
	}

	private List<String> unforwarded(Class<?> jdkClass, Class<?> subclass, Set<String> handled) {
		return Arrays.stream(jdkClass.getMethods())
			.filter((method) -> !Modifier.isStatic(method.getModifiers()))
			.filter((method) -> !OBJECT_METHODS.contains(method.getName()))
			.filter((method) -> !handled.contains(method.getName()))
			.filter((method) -> !declares(subclass, method))
			.map(Method::toGenericString)
			.toList();
	}

	private boolean declares(Class<?> type, Method method) {
		try {
			type.getDeclaredMethod(method.getName(), method.getParameterTypes());
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
