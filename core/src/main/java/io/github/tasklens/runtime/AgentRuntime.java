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
package io.github.tasklens.runtime;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

import io.github.tasklens.TaskHook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime the tasklens agent starts for itself, so that a JVM without the starter has
 * one: its settings are the system properties named as the Boot properties are, its hooks
 * those {@code META-INF/services/io.github.tasklens.TaskHook} lists, and its inventory an
 * MXBean, {@value TasksMXBean#OBJECT_NAME}. A runtime the app starts later (the
 * starter's, or a {@link TaskRuntime} of its own) serves the agent in its place until it
 * closes.
 *
 * @author tasklens authors
 */
public final class AgentRuntime {

	private static final Logger logger = LoggerFactory.getLogger(AgentRuntime.class);

	private AgentRuntime() {
	}

	/**
	 * Start the runtime, unless {@code tasklens.enabled} is {@code false}.
	 * @return the runtime, or {@code null} when disabled
	 * @throws IllegalArgumentException when a property has a bad value, named in the
	 * message
	 */
	public static @Nullable AutoCloseable start() {
		return start(System.getProperties());
	}

	static @Nullable TaskRuntime start(Map<?, ?> properties) {
		SystemSettings settings = new SystemSettings(properties);
		if (!settings.enabled()) {
			return null;
		}
		TaskRuntime.Builder builder = TaskRuntime.builder();
		settings.applyTo(builder, TaskRuntime.contextPropagationPresent());
		builder.jmxInBackground();
		Set<String> unread = settings.unread();
		if (!unread.isEmpty()) {
			logger.warn("The tasklens agent alone reads fewer properties than the starter; it leaves {} unread",
					unread);
		}
		int hooks = addHooks(builder);
		TaskRuntime runtime = builder.build();
		logger.debug("tasklens agent runtime started with {} hooks", hooks);
		return runtime;
	}

	/**
	 * Add the hooks the service files list; one that cannot be loaded or made is said at
	 * WARN and left out.
	 */
	private static int addHooks(TaskRuntime.Builder builder) {
		Iterator<TaskHook> found = ServiceLoader.load(TaskHook.class, AgentRuntime.class.getClassLoader()).iterator();
		int added = 0;
		// the loader moves past a provider that fails; a bound all the same
		for (int errors = 0; errors < 100;) {
			try {
				if (!found.hasNext()) {
					return added;
				}
				builder.hook(found.next());
				added++;
			}
			catch (ServiceConfigurationError | LinkageError ex) {
				errors++;
				logger.warn("tasklens leaves out a TaskHook that META-INF/services/{} lists: {}",
						TaskHook.class.getName(), ex.toString());
			}
			catch (NoSuchElementException ex) {
				return added;
			}
		}
		return added;
	}

}
