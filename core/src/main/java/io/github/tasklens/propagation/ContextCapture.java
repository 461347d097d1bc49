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
package io.github.tasklens.propagation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Captures the submitter's thread-local context at submission and restores it around each
 * run, with Micrometer's context-propagation: every {@link ThreadLocalAccessor} of the
 * JVM-wide {@link ContextRegistry} (tracing's, Spring Security's, the app's own), plus
 * the MDC. The MDC accessor lives only in this capture's own registry, which belongs to
 * the application context: nothing is added to the JVM-wide registry.
 *
 * @author tasklens authors
 */
public final class ContextCapture {

	/**
	 * The key of the labels' accessor ({@code io.github.tasklens.task.LabelsAccessor}),
	 * which tasklens's own capture leaves out: the chain carries the labels itself.
	 */
	public static final String LABELS_KEY = "tasklens.labels";

	private final ContextSnapshotFactory factory;

	private final ThreadLocalAccessor<?>[] accessors;

	/**
	 * Create a capture of the accessors registered now on the JVM-wide registry.
	 */
	public ContextCapture() {
		this(List.of());
	}

	/**
	 * Create a capture of the accessors registered now on the JVM-wide registry, and the
	 * given ones.
	 * @param added accessors of this application context; one whose key the JVM-wide
	 * registry already has is ignored
	 */
	public ContextCapture(List<ThreadLocalAccessor<?>> added) {
		ContextRegistry registry = new ContextRegistry();
		Set<Object> keys = new HashSet<>();
		// the MDC is carried by MdcCarrier, also when an app registered an MDC accessor
		keys.add(Slf4jThreadLocalAccessor.KEY);
		// and a task's labels by the chain itself
		keys.add(LABELS_KEY);
		for (ThreadLocalAccessor<?> accessor : ContextRegistry.getInstance().getThreadLocalAccessors()) {
			if (keys.add(accessor.key())) {
				registry.registerThreadLocalAccessor(accessor);
			}
		}
		for (ThreadLocalAccessor<?> accessor : added) {
			if (keys.add(accessor.key())) {
				registry.registerThreadLocalAccessor(accessor);
			}
		}
		this.factory = ContextSnapshotFactory.builder().contextRegistry(registry).build();
		this.accessors = registry.getThreadLocalAccessors().toArray(new ThreadLocalAccessor<?>[0]);
	}

	/**
	 * Capture the current thread's context.
	 * @return the context, or {@code null} when there is nothing to propagate
	 */
	public @Nullable ContextSnapshot capture() {
		if (!anyValue()) {
			return null;
		}
		// an accessor has a value, so the snapshot holds it: no need to look inside it
		return this.factory.captureAll();
	}

	/**
	 * Ask each accessor for a value before building a snapshot: the registry is this
	 * capture's own and fixed, so an array serves, where a snapshot walks the registry's
	 * list with an iterator it allocates on every task.
	 */
	private boolean anyValue() {
		for (ThreadLocalAccessor<?> accessor : this.accessors) {
			if (accessor.getValue() != null) {
				return true;
			}
		}
		return false;
	}

}
