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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jspecify.annotations.Nullable;

/**
 * One stripe of the {@link LiveTaskRegistry}: a linked list of its tasks under a spin
 * lock, and how many of them are listed and not.
 *
 * @author tasklens authors
 */
final class Stripe {

	private static final VarHandle TRACKED;

	private static final VarHandle UNTRACKED;

	private static final VarHandle LOCKED;

	private static final int SPINS_BEFORE_YIELD = 64;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			TRACKED = lookup.findVarHandle(Stripe.class, "tracked", int.class);
			UNTRACKED = lookup.findVarHandle(Stripe.class, "untracked", int.class);
			LOCKED = lookup.findVarHandle(Stripe.class, "locked", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@Nullable RegistryEntry head;

	// written under the stripe's lock, read by other stripes without it: release and
	// acquire, no fence on the task's path
	private int tracked;

	private int untracked;

	// a spin lock, not a monitor: held for a few writes on a task's path, and an
	// uncontended monitor costs two CASes where this costs one and a plain store
	private int locked;

	void lock() {
		int spins = 0;
		while (!LOCKED.compareAndSet(this, 0, 1)) {
			if (++spins < SPINS_BEFORE_YIELD) {
				Thread.onSpinWait();
			}
			else {
				// the holder may be a reader walking the stripe, or descheduled
				Thread.yield();
			}
		}
	}

	void unlock() {
		LOCKED.setRelease(this, 0);
	}

	void count(RegistryEntry task, int delta) {
		if (task.untracked) {
			UNTRACKED.setRelease(this, this.untracked + delta);
		}
		else {
			TRACKED.setRelease(this, this.tracked + delta);
		}
	}

	int tracked() {
		return (int) TRACKED.getAcquire(this);
	}

	int untracked() {
		return (int) UNTRACKED.getAcquire(this);
	}

}
