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

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.tasklens.registry.InventorySnapshot;
import io.github.tasklens.registry.InventoryText;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MXBean of one runtime, registered while it runs.
 *
 * @author tasklens authors
 */
final class TasksJmx implements TasksMXBean {

	private static final Logger logger = LoggerFactory.getLogger(TasksJmx.class);

	// as the endpoint's defaults: the oldest 1,000 tasks, 32 frames, 500 stacks grouped
	private static final TaskQuery ALL = new TaskQuery(null, null, null, Map.of(), 1000, 32, 500);

	private static final TaskQuery COUNTS = new TaskQuery(null, null, null, Map.of(), 0, 1, 0);

	private final TaskInventory inventory;

	private final boolean showValues;

	private TasksJmx(LiveTaskRegistry registry, boolean showValues) {
		this.inventory = new TaskInventory(registry);
		this.showValues = showValues;
	}

	/**
	 * Register the MXBean of a registry; a name taken already (another runtime's) is said
	 * at WARN and left to it.
	 * @return its name, to unregister, or {@code null} when not registered
	 */
	static @Nullable ObjectName register(LiveTaskRegistry registry, boolean showValues) {
		try {
			ObjectName name = new ObjectName(OBJECT_NAME);
			ManagementFactory.getPlatformMBeanServer().registerMBean(new TasksJmx(registry, showValues), name);
			return name;
		}
		catch (JMException | RuntimeException ex) {
			logger.warn("tasklens cannot register {}: {}", OBJECT_NAME, ex.toString());
			return null;
		}
	}

	static void unregister(@Nullable ObjectName name) {
		if (name == null) {
			return;
		}
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		try {
			server.unregisterMBean(name);
		}
		catch (JMException ex) {
			// unregistered by someone else
		}
	}

	/**
	 * The registration of one runtime's MXBean, at once or on a daemon thread; closed
	 * before it is done, it is undone when it is.
	 */
	static final class Registration {

		private @Nullable ObjectName name;

		private boolean closed;

		Registration(LiveTaskRegistry registry, boolean showValues, boolean inBackground) {
			if (!inBackground) {
				this.name = register(registry, showValues);
				return;
			}
			Thread registering = new Thread(() -> registered(register(registry, showValues)), "tasklens-jmx");
			registering.setDaemon(true);
			registering.start();
		}

		private void registered(@Nullable ObjectName registered) {
			synchronized (this) {
				if (!this.closed) {
					this.name = registered;
					return;
				}
			}
			unregister(registered);
		}

		void close() {
			ObjectName registered;
			synchronized (this) {
				this.closed = true;
				registered = this.name;
				this.name = null;
			}
			unregister(registered);
		}

	}

	@Override
	public long getLiveTasks() {
		InventorySnapshot.Totals totals = this.inventory.read(COUNTS).totals();
		return totals.live() + totals.untracked();
	}

	@Override
	public String dump() {
		InventorySnapshot snapshot = this.inventory.read(ALL);
		return InventoryText.of(snapshot, this.showValues);
	}

}
