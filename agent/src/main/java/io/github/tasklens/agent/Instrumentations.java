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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

/**
 * How the agent changes classes: in place (the JDK's classes are loaded already, so their
 * methods are retransformed and their shape never changes), and a class it cannot change
 * is left as it was, with one WARN.
 *
 * @author tasklens authors
 */
final class Instrumentations {

	private static final System.Logger logger = System.getLogger("io.github.tasklens.agent");

	private Instrumentations() {
	}

	static AgentBuilder builder() {
		disableNexus();
		return new AgentBuilder.Default().disableClassFormatChanges()
			.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
			// one class at a time: one the JVM refuses to retransform leaves the others
			// done
			.with(AgentBuilder.RedefinitionStrategy.BatchAllocator.ForFixedSize.ofSize(1))
			.with(debugRedefinitions())
			.with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
			.with(AgentBuilder.TypeStrategy.Default.REDEFINE)
			// the JDK's own classes are the point: only Byte Buddy's and the agent's are
			// left alone
			.ignore(nameStartsWith("net.bytebuddy.").or(nameStartsWith("io.github.tasklens.")))
			.with(new WarnOnce())
			.with(debugListener());
	}

	/**
	 * Turn off the nexus of this (relocated) Byte Buddy before its first builder: the
	 * agent needs no initializers of loaded types (its advice is inlined), and looking
	 * for a way to inject the nexus calls {@code sun.misc.Unsafe}, which JDK 24 and later
	 * warn of on every start. The property is named after the relocated package: the
	 * app's own Byte Buddy never reads it.
	 */
	private static void disableNexus() {
		String bytebuddy = AgentBuilder.class.getPackageName().replace(".agent.builder", "");
		if (!bytebuddy.startsWith("net.")) {
			System.setProperty(bytebuddy + ".nexus.disabled", "true");
		}
	}

	// -Dtasklens.agent.debug=true: Byte Buddy's own account of what failed, on stderr
	private static AgentBuilder.Listener debugListener() {
		return Boolean.getBoolean("tasklens.agent.debug")
				? AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly()
				: AgentBuilder.Listener.NoOp.INSTANCE;
	}

	private static AgentBuilder.RedefinitionStrategy.Listener debugRedefinitions() {
		return Boolean.getBoolean("tasklens.agent.debug")
				? AgentBuilder.RedefinitionStrategy.Listener.StreamWriting.toSystemError()
				: AgentBuilder.RedefinitionStrategy.Listener.NoOp.INSTANCE;
	}

	/**
	 * Says once per class that it could not be changed.
	 */
	private static final class WarnOnce extends AgentBuilder.Listener.Adapter {

		private final Set<String> warned = ConcurrentHashMap.newKeySet();

		@Override
		public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
				Throwable throwable) {
			if (this.warned.add(typeName)) {
				logger.log(System.Logger.Level.WARNING,
						"tasklens agent leaves " + typeName + " as it was: it cannot instrument it", throwable);
			}
		}

		@Override
		public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
				boolean loaded, DynamicType dynamicType) {
			logger.log(System.Logger.Level.DEBUG, "tasklens agent instruments {0}", typeDescription.getName());
		}

	}

}
