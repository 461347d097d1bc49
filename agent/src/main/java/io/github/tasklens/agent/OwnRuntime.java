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
package io.github.tasklens.agent;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Starts the runtime the agent brings for a JVM without the starter. The agent jar holds
 * a copy of tasklens's core (and of SLF4J, with its provider for
 * {@code java.util.logging}) under {@value #FOLDER}, where the app's class loaders never
 * look; a loader of its own reads it, after the app's class path: an app that has
 * tasklens's core there (its hooks implement its {@code TaskHook}) runs the agent's
 * runtime from its own copy, and a Spring Boot jar keeps its own starter untouched.
 *
 * @author tasklens authors
 */
final class OwnRuntime {

	static final String FOLDER = "tasklens-runtime/";

	private static final String ENTRY = "io.github.tasklens.runtime.AgentRuntime";

	private OwnRuntime() {
	}

	/**
	 * Start it, unless {@code -Dtasklens.agent.runtime=false}.
	 * @param agentJar the agent's jar
	 * @return the runtime, or {@code null} when none was started
	 * @throws Exception when it cannot start; the message names a bad property
	 */
	static Object start(Path agentJar) throws Exception {
		if ("false".equalsIgnoreCase(System.getProperty("tasklens.agent.runtime", "true").trim())) {
			return null;
		}
		URL bundled = new URL("jar:" + agentJar.toUri() + "!/" + FOLDER);
		ClassLoader loader = new URLClassLoader("tasklens-runtime", new URL[] { bundled },
				ClassLoader.getSystemClassLoader());
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			return Class.forName(ENTRY, true, loader).getMethod("start").invoke(null);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

}
