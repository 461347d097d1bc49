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
package io.github.tasklens.agent.plainmain;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;

/**
 * A plain {@code main} that knows nothing of tasklens: a pool of its own and a raw
 * thread, each blocked while it prints what JMX says of the live tasks.
 */
public final class PlainMain {

	private PlainMain() {
	}

	public static void main(String[] args) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch started = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		Runnable block = () -> {
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		pool.execute(block);
		Thread thread = new Thread(block, "plain");
		thread.start();
		if (!started.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the tasks did not start");
		}
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		ObjectName name = new ObjectName("io.github.tasklens:type=Tasks");
		if (registered(server, name)) {
			System.out.println("LiveTasks=" + server.getAttribute(name, "LiveTasks"));
			System.out.println(server.invoke(name, "dump", new Object[0], new String[0]));
		}
		else {
			System.out.println("no tasklens MXBean");
		}
		release.countDown();
		thread.join();
		pool.shutdown();
		if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the pool did not end");
		}
	}

	/**
	 * Whether the MXBean is there, waiting for it while a runtime is installed: the
	 * agent's registers it on a thread of its own.
	 */
	private static boolean registered(MBeanServer server, ObjectName name) throws Exception {
		CountDownLatch registered = new CountDownLatch(1);
		NotificationListener listener = (notification, handback) -> {
			if (notification instanceof MBeanServerNotification added && name.equals(added.getMBeanName())
					&& MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(added.getType())) {
				registered.countDown();
			}
		};
		server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
		try {
			return server.isRegistered(name) || (runtimeInstalled() && registered.await(30, TimeUnit.SECONDS));
		}
		finally {
			server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener);
		}
	}

	// the agent's bridge, in the boot loader: no tasklens class on this class path
	private static boolean runtimeInstalled() throws ReflectiveOperationException {
		Class<?> bridge = Class.forName("io.github.tasklens.bootstrap.TaskBridge", true, null);
		return bridge.getMethod("tracker").invoke(null) != null;
	}

}
