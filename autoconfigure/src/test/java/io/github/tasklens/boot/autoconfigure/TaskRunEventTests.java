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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabels;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code io.github.tasklens.TaskRun} JFR event.
 */
class TaskRunEventTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class))
		.withUserConfiguration(PoolConfiguration.class);

	@Test
	void recordsEachRunWithItsExecutorTaskLabelsAndFailure(@TempDir Path directory) {
		this.runner.run((context) -> {
			ExecutorService pool = context.getBean("recordedPool", ExecutorService.class);
			Path file = directory.resolve("tasks.jfr");
			try (Recording recording = new Recording()) {
				recording.enable("io.github.tasklens.TaskRun");
				recording.start();
				TaskContext.callWithLabels(TaskLabels.of("tenant", "acme"),
						() -> pool.submit(new Recorded()).get(10, TimeUnit.SECONDS));
				pool.execute(new Failing());
				Jobs.awaitRegistryEmpty(context);
				recording.stop();
				recording.dump(file);
			}
			List<RecordedEvent> events = RecordingFile.readAllEvents(file)
				.stream()
				.filter((event) -> event.getEventType().getName().equals("io.github.tasklens.TaskRun"))
				.toList();
			assertThat(events).hasSize(2);
			RecordedEvent recorded = events.stream()
				.filter((event) -> event.getString("task").equals("Recorded"))
				.findFirst()
				.orElseThrow();
			assertThat(recorded.getString("executor")).isEqualTo("recordedPool");
			assertThat(recorded.getString("labels")).isEqualTo("{executor=recordedPool, task=Recorded, tenant=acme}");
			assertThat(recorded.getString("failure")).isNull();
			assertThat(recorded.getDuration().isNegative()).isFalse();
			RecordedEvent failed = events.stream()
				.filter((event) -> event.getString("task").equals("Failing"))
				.findFirst()
				.orElseThrow();
			assertThat(failed.getString("failure")).isEqualTo(IllegalStateException.class.getName());
		});
	}

	static class Recorded implements Runnable {

		@Override
		public void run() {
		}

	}

	static class Failing implements Runnable {

		@Override
		public void run() {
			throw new IllegalStateException("recorded failure");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PoolConfiguration {

		@Bean
		ExecutorService recordedPool() {
			return Executors.newFixedThreadPool(1);
		}

	}

}
