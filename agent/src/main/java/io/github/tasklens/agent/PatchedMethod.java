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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes one method with its patch: the enter code first, the exit code before each
 * return, and, where the patch has code for a throw, a handler around the whole body that
 * runs it and throws on. The class is read with its frames expanded, and the local the
 * patch keeps a value in is added to each of them, so no frame is computed (which would
 * load classes while the JDK's are being changed).
 *
 * @author tasklens authors
 */
final class PatchedMethod extends MethodVisitor {

	/** What the patch's code may push onto the stack above what is there. */
	private static final int EXTRA_STACK = 4;

	private final String owner;

	private final MethodPatch patch;

	private final MethodPatch.Site site;

	private final Label start = new Label();

	private final Label end = new Label();

	private final Label handler = new Label();

	/**
	 * Write a method with its patch.
	 * @param writer where it goes
	 * @param owner the class's internal name
	 * @param patch the patch
	 * @param descriptor the method's descriptor
	 * @param firstFreeLocal the method's own number of locals: the patch's local goes
	 * there
	 */
	PatchedMethod(MethodVisitor writer, String owner, MethodPatch patch, String descriptor, int firstFreeLocal) {
		super(Opcodes.ASM9, writer);
		this.owner = owner;
		this.patch = patch;
		this.site = new MethodPatch.Site(descriptor, (patch.kept != null) ? firstFreeLocal : -1);
	}

	@Override
	public void visitCode() {
		super.visitCode();
		this.patch.enter.emit(this.mv, this.site);
		if (this.patch.kept != null) {
			super.visitVarInsn(Opcodes.ASTORE, this.site.local());
		}
		if (this.patch.thrown != null) {
			super.visitLabel(this.start);
		}
	}

	@Override
	public void visitInsn(int opcode) {
		if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
			this.patch.exit.emit(this.mv, this.site);
		}
		super.visitInsn(opcode);
	}

	@Override
	public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
		if (this.patch.kept == null || type != Opcodes.F_NEW) {
			super.visitFrame(type, numLocal, local, numStack, stack);
			return;
		}
		List<Object> locals = new ArrayList<>(Arrays.asList(local).subList(0, numLocal));
		Object[] extended = withKept(locals);
		super.visitFrame(type, extended.length, extended, numStack, stack);
	}

	@Override
	public void visitMaxs(int maxStack, int maxLocals) {
		if (this.patch.thrown != null) {
			super.visitLabel(this.end);
			super.visitLabel(this.handler);
			List<Object> locals = new ArrayList<>();
			locals.add(this.owner);
			for (Type type : Type.getArgumentTypes(this.site.descriptor())) {
				locals.add(frameType(type));
			}
			Object[] frame = (this.patch.kept != null) ? withKept(locals) : locals.toArray();
			super.visitFrame(Opcodes.F_NEW, frame.length, frame, 1, new Object[] { "java/lang/Throwable" });
			this.patch.thrown.emit(this.mv, this.site);
			super.visitInsn(Opcodes.ATHROW);
			super.visitTryCatchBlock(this.start, this.end, this.handler, null);
		}
		int locals = (this.patch.kept != null) ? Math.max(maxLocals, this.site.local() + 1) : maxLocals;
		super.visitMaxs(maxStack + EXTRA_STACK, locals);
	}

	/**
	 * A frame's locals with the patch's local added after them.
	 */
	private Object[] withKept(List<Object> locals) {
		int slots = 0;
		for (Object each : locals) {
			slots += (each == Opcodes.LONG || each == Opcodes.DOUBLE) ? 2 : 1;
		}
		for (; slots < this.site.local(); slots++) {
			locals.add(Opcodes.TOP);
		}
		locals.add(this.patch.kept);
		return locals.toArray();
	}

	private static Object frameType(Type type) {
		return switch (type.getSort()) {
			case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
			case Type.LONG -> Opcodes.LONG;
			case Type.DOUBLE -> Opcodes.DOUBLE;
			case Type.FLOAT -> Opcodes.FLOAT;
			default -> type.getInternalName();
		};
	}

}
