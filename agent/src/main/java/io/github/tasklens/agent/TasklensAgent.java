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

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The tasklens agent: {@code java -javaagent:tasklens-agent.jar -jar app.jar}. It puts
 * the bridge on the bootstrap class path and instruments the JDK's pools so that their
 * tasks reach the tasklens runtime the app starts (a {@code TaskRuntime}, or the
 * starter's). It never fails the app: what it cannot do it says once, at WARN, and leaves
 * as it was.
 *
 * @author tasklens authors
 */
public final class TasklensAgent {

	static final String BRIDGE = "io.github.tasklens.bootstrap.TaskBridge";

	private static final String BRIDGE_PATH = "io/github/tasklens/bootstrap/";

	private static volatile boolean started;

	private TasklensAgent() {
	}

	/**
	 * Start the agent before the app's {@code main}.
	 * @param arguments the agent's arguments, unused
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void premain(String arguments, Instrumentation instrumentation) {
		start(instrumentation);
	}

	/**
	 * Start the agent in a running JVM.
	 * @param arguments the agent's arguments, unused
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void agentmain(String arguments, Instrumentation instrumentation) {
		start(instrumentation);
	}

	private static synchronized void start(Instrumentation instrumentation) {
		if (started) {
			return;
		}
		started = true;
		try {
			injectBridge(instrumentation);
			Class<?> bridge = Class.forName(BRIDGE, true, null);
			// the JDK's module reads the bootstrap path's unnamed module, where the
			// bridge
			// is, so that its instrumented classes may call it
			instrumentation.redefineModule(Object.class.getModule(), Set.of(bridge.getModule()), Map.of(), Map.of(),
					Set.of(), Map.of());
			bridge.getMethod("attach").invoke(null);
		}
		catch (Throwable ex) {
			logger().log(System.Logger.Level.WARNING,
					"tasklens agent cannot put its bridge on the bootstrap class path; it instruments nothing", ex);
			return;
		}
		patcher().install(instrumentation);
		try {
			OwnRuntime.start(agentJar());
		}
		catch (Throwable ex) {
			logger().log(System.Logger.Level.WARNING,
					"tasklens agent starts no runtime of its own: {0}. A runtime the app starts, if any, serves it",
					ex.getMessage());
		}
	}

	/**
	 * The transformer of every JDK class the agent changes.
	 * @return it
	 */
	static Patcher patcher() {
		Patcher patcher = new Patcher();
		ThreadPoolInstrumentation.apply(patcher);
		ScheduledPoolInstrumentation.apply(patcher);
		ForkJoinPoolInstrumentation.apply(patcher);
		VirtualThreadInstrumentation.apply(patcher);
		ThreadInstrumentation.apply(patcher);
		return patcher;
	}

	private static Path agentJar() throws URISyntaxException {
		return Path.of(TasklensAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	/**
	 * Put the bridge's classes on the bootstrap class path, before anything loads them
	 * from the agent jar: a JDK class sees only that path.
	 */
	private static void injectBridge(Instrumentation instrumentation) throws IOException, URISyntaxException {
		Map<String, byte[]> classes = new LinkedHashMap<>();
		Path jar = agentJar();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : Collections.list(file.entries())) {
				String name = entry.getName();
				if (name.startsWith(BRIDGE_PATH) && name.endsWith(".class") && !name.endsWith("package-info.class")) {
					try (InputStream in = file.getInputStream(entry)) {
						classes.put(name.substring(0, name.length() - 6).replace('/', '.'), in.readAllBytes());
					}
				}
			}
		}
		if (!classes.containsKey(BRIDGE)) {
			throw new IOException(jar + " lacks " + BRIDGE);
		}
		try {
			defineInBootLoader(classes, instrumentation);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			// appending a jar to the bootstrap class path works everywhere, but turns
			// off class data sharing for all but the JDK's boot classes, with a warning
			Path folder = Files.createTempDirectory("tasklens-agent");
			folder.toFile().deleteOnExit();
			ClassInjector.UsingInstrumentation
				.of(folder.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, instrumentation)
				.injectRaw(classes);
		}
	}

	/**
	 * Define the bridge's classes in the boot loader directly, as the JDK defines its own
	 * generated classes, without appending to the bootstrap class path: the JVM keeps
	 * sharing the app's classes from its archive (CDS), and prints no warning.
	 */
	private static void defineInBootLoader(Map<String, byte[]> classes, Instrumentation instrumentation)
			throws ReflectiveOperationException {
		instrumentation.redefineModule(Object.class.getModule(), Set.of(),
				Map.of("jdk.internal.misc", Set.of(TasklensAgent.class.getModule())), Map.of(), Set.of(), Map.of());
		Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
		Object unsafe = type.getMethod("getUnsafe").invoke(null);
		Method define = type.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
				ClassLoader.class, ProtectionDomain.class);
		for (Map.Entry<String, byte[]> each : classes.entrySet()) {
			try {
				Class.forName(each.getKey(), false, null);
				// defined already (a second agent jar, or a nest member loaded first)
			}
			catch (ClassNotFoundException ex) {
				byte[] bytes = each.getValue();
				define.invoke(unsafe, each.getKey(), bytes, 0, bytes.length, null, null);
			}
		}
	}

	// made when first needed: the JDK's logging is not started for a JVM that never logs
	private static System.Logger logger() {
		return System.getLogger("io.github.tasklens.agent");
	}

}
