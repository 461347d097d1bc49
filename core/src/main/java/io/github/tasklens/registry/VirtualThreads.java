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

package io.github.tasklens.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jspecify.annotations.Nullable;

/**
 * Tells virtual threads from platform threads on any JDK from 17:
 * {@code Thread.isVirtual} exists from 21 and is looked up once.
 *
 * @author tasklens authors
 */
public final class VirtualThreads {

	private static final @Nullable MethodHandle IS_VIRTUAL = isVirtualHandle();

	private VirtualThreads() {
	}

	/**
	 * Return whether the thread is virtual.
	 * @param thread a thread
	 * @return whether it is virtual; always {@code false} before Java 21
	 */
	public static boolean isVirtual(Thread thread) {
		MethodHandle handle = IS_VIRTUAL;
		if (handle == null) {
			return false;
		}
		try {
			return (boolean) handle.invokeExact(thread);
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private static @Nullable MethodHandle isVirtualHandle() {
		try {
			return MethodHandles.publicLookup()
				.findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
