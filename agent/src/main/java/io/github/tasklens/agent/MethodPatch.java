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

import java.util.function.Predicate;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * What the agent puts into one method of a JDK class, as the advice of a hand-written
 * aspect: code at the method's start, before each of its returns, and where it throws.
 * The code only calls the bridge, whose methods catch whatever tasklens throws, so the
 * method goes on as it would without tasklens.
 *
 * @author tasklens authors
 */
final class MethodPatch {

	static final String TASK_BRIDGE = "io/github/tasklens/bootstrap/TaskBridge";

	static final String SCHEDULED_BRIDGE = "io/github/tasklens/bootstrap/ScheduledBridge";

	static final String FORK_JOIN_BRIDGE = "io/github/tasklens/bootstrap/ForkJoinBridge";

	static final String THREAD_BRIDGE = "io/github/tasklens/bootstrap/ThreadBridge";

	static final String RUNNABLE = "Ljava/lang/Runnable;";

	private static final Code NONE = (mv, site) -> {
	};

	final String name;

	private final Predicate<String> descriptor;

	final String description;

	Code enter = NONE;

	/**
	 * The type of what {@link #enter} leaves on the stack, kept in a local of its own for
	 * {@link #exit} and {@link #thrown}; {@code null} when it leaves nothing.
	 */
	String kept;

	Code exit = NONE;

	/** Where it throws, with the throwable on the stack, which it must leave there. */
	Code thrown;

	private MethodPatch(String name, Predicate<String> descriptor, String description) {
		this.name = name;
		this.descriptor = descriptor;
		this.description = description;
	}

	/**
	 * A method, by name and descriptor.
	 * @param name its name
	 * @param descriptor its descriptor
	 * @return its patch, with nothing in it yet
	 */
	static MethodPatch method(String name, String descriptor) {
		return new MethodPatch(name, descriptor::equals, name + descriptor);
	}

	/**
	 * Every overload of a method that the descriptor test accepts.
	 * @param name its name ({@code <init>} for constructors)
	 * @param descriptor which of its descriptors
	 * @param description what it matches, for messages
	 * @return its patch, with nothing in it yet
	 */
	static MethodPatch methods(String name, Predicate<String> descriptor, String description) {
		return new MethodPatch(name, descriptor, description);
	}

	boolean matches(String name, String descriptor) {
		return this.name.equals(name) && this.descriptor.test(descriptor);
	}

	MethodPatch enter(Code code) {
		this.enter = code;
		return this;
	}

	MethodPatch enterKeeping(String type, Code code) {
		this.kept = type;
		this.enter = code;
		return this;
	}

	MethodPatch exit(Code code) {
		this.exit = code;
		return this;
	}

	MethodPatch thrown(Code code) {
		this.thrown = code;
		return this;
	}

	/**
	 * Replace an argument with what a bridge method returns for the instance and it.
	 * @param index the argument's index
	 * @param owner the bridge class
	 * @param method the bridge method
	 * @param descriptor its descriptor: the instance's type, the argument's type, then
	 * any flags
	 * @param flags constant {@code boolean} arguments after the two, 0 or 1
	 * @return the code
	 */
	static Code replaceArgument(int index, String owner, String method, String descriptor, int... flags) {
		return (mv, site) -> {
			int slot = site.argument(index);
			mv.visitVarInsn(Opcodes.ALOAD, 0);
			mv.visitVarInsn(Opcodes.ALOAD, slot);
			for (int flag : flags) {
				mv.visitInsn(Opcodes.ICONST_0 + flag);
			}
			call(mv, owner, method, descriptor);
			if (site.local() >= 0) {
				// the patch keeps it too
				mv.visitInsn(Opcodes.DUP);
			}
			mv.visitVarInsn(Opcodes.ASTORE, slot);
		};
	}

	static void call(MethodVisitor mv, String owner, String method, String descriptor) {
		mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, method, descriptor, false);
	}

	static void thisThen(MethodVisitor mv, String owner, String method, String descriptor) {
		mv.visitVarInsn(Opcodes.ALOAD, 0);
		call(mv, owner, method, descriptor);
	}

	/**
	 * Code to emit.
	 */
	@FunctionalInterface
	interface Code {

		void emit(MethodVisitor mv, Site site);

	}

	/**
	 * Where code goes: the method and the local that holds what {@link #enter} kept.
	 *
	 * @param descriptor the method's descriptor
	 * @param local the local's slot, or {@code -1}
	 */
	record Site(String descriptor, int local) {

		/**
		 * The slot of an argument of an instance method.
		 * @param index the argument's index
		 * @return its slot
		 */
		int argument(int index) {
			Type[] types = Type.getArgumentTypes(this.descriptor);
			int slot = 1;
			for (int i = 0; i < index; i++) {
				slot += types[i].getSize();
			}
			return slot;
		}

	}

}
