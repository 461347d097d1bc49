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

package io.github.tasklens.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.StackDrift;
import io.github.tasklens.registry.TaskInventory;
import io.github.tasklens.registry.TaskQuery;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stack drift in a context: a group of running tasks first seen after the warm-up that
 * reaches the minimum size is logged once and counted; one seen within the warm-up is
 * not. The thread's interval is an hour, so each test looks itself, when it has set the
 * scene.
 */
@ExtendWith(OutputCaptureExtension.class)
class StackDriftTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withBean("driftPool", ExecutorService.class, () -> Executors.newFixedThreadPool(30))
		.withPropertyValues("tasklens.drift.interval=1h", "tasklens.drift.min-group-size=20");

	@Test
	void aNewGroupAtTheMinimumSizeIsLoggedOnceAndCounted(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.drift.warm-up=0s").run((context) -> {
			StackDrift drift = context.getBean(StackDrift.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Blocked blocked = new Blocked(context.getBean("driftPool", ExecutorService.class),
					context.getBean(LiveTaskRegistry.class));
			try {
				blocked.start(19);
				assertThat(drift.check()).as("19 tasks: below the minimum").isZero();
				blocked.start(6);
				assertThat(drift.check()).isOne();
				assertThat(drift.check()).as("reported once").isZero();
				assertThat(meters.get("tasks.stack.new").functionCounter().count()).isEqualTo(1.0);
				assertThat(meters.get("tasks.stack.group.max").gauge().value()).isEqualTo(25.0);
				assertThat(meters.get("tasks.stack.groups").gauge().value()).isEqualTo(1.0);
				assertThat(output).containsPattern("WARN .*io\\.github\\.tasklens\\.StackDrift.* New stack group "
						+ "[0-9a-f]{12}: 25 running tasks \\(executors: driftPool; tasks: [^)]+\\), first seen \\S+ after start")
					.contains("at " + Blocked.class.getName() + ".waitAtOneLine(");
			}
			finally {
				blocked.release();
			}
		});
	}

	@Test
	void aGroupFirstSeenWithinTheWarmUpIsNeverNew() {
		this.runner.withPropertyValues("tasklens.drift.warm-up=1h").run((context) -> {
			StackDrift drift = context.getBean(StackDrift.class);
			Blocked blocked = new Blocked(context.getBean("driftPool", ExecutorService.class),
					context.getBean(LiveTaskRegistry.class));
			try {
				blocked.start(25);
				assertThat(drift.check()).isZero();
				assertThat(drift.largestGroup()).isEqualTo(25);
				assertThat(drift.newGroups()).isZero();
			}
			finally {
				blocked.release();
			}
		});
	}

	@Test
	void turnedOffThereIsNoWatcherAndNoMeter() {
		this.runner.withPropertyValues("tasklens.drift.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StackDrift.class)
				.getBean(MeterRegistry.class)
				.satisfies((meters) -> assertThat(meters.find("tasks.stack.new").meter()).isNull()));
	}

	/**
	 * Tasks that wait at one line until released.
	 */
	static final class Blocked {

		private final ExecutorService pool;

		private final TaskInventory inventory;

		private final CountDownLatch release = new CountDownLatch(1);

		private int blocked;

		Blocked(ExecutorService pool, LiveTaskRegistry registry) {
			this.pool = pool;
			this.inventory = new TaskInventory(registry);
		}

		/**
		 * Start more tasks, and return once all are waiting at the one line.
		 */
		void start(int tasks) {
			for (int i = 0; i < tasks; i++) {
				this.pool.execute(this::waitAtOneLine);
			}
			this.blocked += tasks;
			TaskQuery running = new TaskQuery(null, null, null, Map.of(), 0, 32, 100);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.inventory.read(running)
					.groups()
					.stream()
					.anyMatch((group) -> group.count() == this.blocked));
		}

		private void waitAtOneLine() {
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void release() {
			this.release.countDown();
			this.pool.shutdown();
		}

	}

}
