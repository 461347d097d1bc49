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

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Changes the JDK's classes with their {@link MethodPatch patches}, in place: they are
 * loaded already, so they are retransformed, one at a time, and their shape (fields,
 * methods) never changes. A class it cannot change is left as it was, with one WARN. It
 * reads and writes class files with ASM, as relocated in the agent's Byte Buddy, and
 * nothing else: the agent starts in a fraction of the time Byte Buddy's agent builder
 * takes to load.
 *
 * @author tasklens authors
 */
final class Patcher implements ClassFileTransformer {

	private final Map<String, List<MethodPatch>> patches = new LinkedHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Add the patch of a method.
	 * @param type the class's internal name
	 * @param patch the patch
	 * @return this
	 */
	Patcher patch(String type, MethodPatch patch) {
		this.patches.computeIfAbsent(type, (key) -> new ArrayList<>()).add(patch);
		return this;
	}

	/**
	 * Change every class with patches that this JVM has, and any loaded later.
	 * @param instrumentation the JVM's instrumentation
	 */
	void install(Instrumentation instrumentation) {
		// all loaded first: one loaded while another is being changed (the JDK 25
		// VirtualThread loads ForkJoinPool) is changed when it loads, and then again
		Map<String, Class<?>> loaded = new LinkedHashMap<>();
		for (String type : this.patches.keySet()) {
			try {
				loaded.put(type, Class.forName(type.replace('/', '.'), false, null));
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// not in this JDK (VirtualThread before 21)
			}
		}
		instrumentation.addTransformer(this, true);
		loaded.forEach((type, loadedClass) -> {
			try {
				instrumentation.retransformClasses(loadedClass);
			}
			catch (Throwable ex) {
				warn(type, ex);
			}
		});
	}

	@Override
	public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
			ProtectionDomain protectionDomain, byte[] classfileBuffer) {
		if (loader != null || className == null) {
			return null;
		}
		List<MethodPatch> patches = this.patches.get(className);
		if (patches == null) {
			return null;
		}
		try {
			return patch(className, classfileBuffer, patches);
		}
		catch (Throwable ex) {
			warn(className, ex);
			return null;
		}
	}

	private static byte[] patch(String className, byte[] bytes, List<MethodPatch> patches) {
		ClassReader reader = new ClassReader(bytes);
		Map<String, Integer> locals = localsOf(reader, patches);
		ClassWriter writer = new ClassWriter(reader, 0);
		List<MethodPatch> unmatched = new ArrayList<>(patches);
		reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
				MethodPatch patch = find(patches, name, descriptor);
				if (patch == null || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) != 0) {
					return visitor;
				}
				unmatched.remove(patch);
				return new PatchedMethod(visitor, className, patch, descriptor, locals.get(name + descriptor));
			}

		}, ClassReader.EXPAND_FRAMES);
		for (MethodPatch patch : unmatched) {
			logger().log(System.Logger.Level.WARNING, "tasklens agent finds no {0} in {1}: it leaves that part out",
					patch.description, className.replace('/', '.'));
		}
		if (Boolean.getBoolean("tasklens.agent.debug")) {
			logger().log(System.Logger.Level.INFO, "tasklens agent instruments {0}", className.replace('/', '.'));
		}
		return writer.toByteArray();
	}

	/**
	 * The number of locals of each method to patch, read in a first pass: the patch's own
	 * local goes after them.
	 */
	private static Map<String, Integer> localsOf(ClassReader reader, List<MethodPatch> patches) {
		Map<String, Integer> locals = new HashMap<>();
		reader.accept(new ClassVisitor(Opcodes.ASM9) {

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				if (find(patches, name, descriptor) == null) {
					return null;
				}
				return new MethodVisitor(Opcodes.ASM9) {

					@Override
					public void visitMaxs(int maxStack, int maxLocals) {
						locals.put(name + descriptor, maxLocals);
					}

				};
			}

		}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return locals;
	}

	private static MethodPatch find(List<MethodPatch> patches, String name, String descriptor) {
		for (MethodPatch patch : patches) {
			if (patch.matches(name, descriptor)) {
				return patch;
			}
		}
		return null;
	}

	private void warn(String type, Throwable ex) {
		if (this.warned.add(type)) {
			logger().log(System.Logger.Level.WARNING,
					"tasklens agent leaves " + type.replace('/', '.') + " as it was: it cannot instrument it", ex);
		}
	}

	// made when first needed: the JDK's logging is not started for a JVM that never logs
	private static System.Logger logger() {
		return System.getLogger("io.github.tasklens.agent");
	}

}
