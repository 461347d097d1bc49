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

import java.util.ArrayList;
import java.util.List;

import io.github.tasklens.TaskRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ClassUtils;

/**
 * Fails a test that leaves tasks or threads live: before each test it notes what is live,
 * after it checks that nothing started since is still live (with the grace period of
 * {@link TaskLeaks#maxWait}). Tasks are read from the Spring test context's
 * {@link TaskRegistry} when the {@code SpringExtension} is active; threads always.
 * <pre class="code">
 * &#64;RegisterExtension
 * static TaskLeakExtension leaks = TaskLeakExtension.withOptions(TaskLeaks.ignoreExecutor("metricsPool"));
 * </pre>
 *
 * @author tasklens authors
 * @see VerifyNoTaskLeaks
 */
public final class TaskLeakExtension implements BeforeEachCallback, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(TaskLeakExtension.class);

	private static final boolean SPRING_TEST_PRESENT = ClassUtils
		.isPresent("org.springframework.test.context.junit.jupiter.SpringExtension", null);

	private final LeakOption[] options;

	/**
	 * Create the extension with default options, as {@link VerifyNoTaskLeaks} does.
	 */
	public TaskLeakExtension() {
		this(new LeakOption[0]);
	}

	private TaskLeakExtension(LeakOption[] options) {
		for (LeakOption option : options) {
			if (option.kind() == LeakOption.Kind.IGNORE_CURRENT || option.kind() == LeakOption.Kind.REGISTRY) {
				throw new IllegalArgumentException("The extension sets " + option
						+ " itself (what was live before each test, the Spring test context's registry): "
						+ "leave it out of withOptions");
			}
		}
		LeakOption.Settings.of(options);
		this.options = options.clone();
	}

	/**
	 * Create the extension with options.
	 * @param options what to ignore, how long to wait
	 * @return the extension
	 */
	public static TaskLeakExtension withOptions(LeakOption... options) {
		return new TaskLeakExtension(options);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		TaskRegistry registry = registry(context);
		LeakOption baseline = (registry != null) ? TaskLeaks.ignoreCurrent(registry) : TaskLeaks.ignoreCurrent();
		context.getStore(NAMESPACE).put(LeakOption.class, baseline);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<LeakOption> all = new ArrayList<>(List.of(this.options));
		all.addAll(annotated(context.getRequiredTestClass()));
		LeakOption baseline = context.getStore(NAMESPACE).remove(LeakOption.class, LeakOption.class);
		if (baseline != null) {
			all.add(baseline);
		}
		TaskRegistry registry = registry(context);
		if (registry != null) {
			all.add(TaskLeaks.registry(registry));
		}
		TaskLeaks.verifyNone(LeakOption.Settings.of(all.toArray(new LeakOption[0])),
				"\n\nleft by " + context.getDisplayName() + " in " + context.getRequiredTestClass().getName()
						+ " (ignore what is expected with TaskLeakExtension.withOptions)");
	}

	/**
	 * Return the options that {@link VerifyNoTaskLeaks} on the test class gives.
	 */
	private static List<LeakOption> annotated(Class<?> testClass) {
		VerifyNoTaskLeaks annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, VerifyNoTaskLeaks.class);
		if (annotation == null) {
			return List.of();
		}
		List<LeakOption> options = new ArrayList<>();
		for (String executor : annotation.ignoreExecutors()) {
			options.add(TaskLeaks.ignoreExecutor(executor));
		}
		for (String name : annotation.ignoreTaskNames()) {
			options.add(TaskLeaks.ignoreTaskName(name));
		}
		for (String pattern : annotation.ignoreThreadNames()) {
			options.add(TaskLeaks.ignoreThreadName(pattern));
		}
		if (annotation.includeScheduled()) {
			options.add(TaskLeaks.includeScheduled());
		}
		return options;
	}

	private static @Nullable TaskRegistry registry(ExtensionContext context) {
		if (!SPRING_TEST_PRESENT || !isSpringTest(context)) {
			return null;
		}
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		return application.getBeanProvider(TaskRegistry.class).getIfAvailable();
	}

	private static boolean isSpringTest(ExtensionContext context) {
		return MergedAnnotations.from(context.getRequiredTestClass(), SearchStrategy.TYPE_HIERARCHY)
			.stream(ExtendWith.class)
			.anyMatch((extendWith) -> List.of(extendWith.getClassArray("value")).contains(SpringExtension.class));
	}

}
