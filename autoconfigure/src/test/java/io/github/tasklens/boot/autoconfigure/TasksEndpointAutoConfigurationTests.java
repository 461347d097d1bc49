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

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.actuate.TasksDescriptor;
import io.github.tasklens.boot.actuate.TasksDescriptor.ExecutorDescriptor;
import io.github.tasklens.boot.actuate.TasksEndpoint;
import io.github.tasklens.boot.actuate.TasksEndpointWebExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TasksEndpointAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TasksEndpointAutoConfigurationTests {

	private static final String EXPOSED = "management.endpoints.web.exposure.include=tasks";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasklensAutoConfiguration.class, TasksEndpointAutoConfiguration.class))
		.withBean("jdkPool", ExecutorService.class, Executors::newSingleThreadExecutor)
		.withBean(RecordingHook.class);

	@Test
	void definesTheEndpointWhenItIsExposed() {
		this.runner.withPropertyValues(EXPOSED).run((context) -> {
			assertThat(context).hasSingleBean(TasksEndpoint.class).hasSingleBean(TasksEndpointWebExtension.class);
			assertThat(context.getBean(TasksEndpointProperties.class).getCancelWait()).hasSeconds(5);
			assertThat(context.getBean(TasksEndpointProperties.class).getStackDepth()).isEqualTo(32);
			assertThat(context.getBean(TasksEndpointProperties.class).getMaxStacks()).isEqualTo(10_000);
		});
	}

	/**
	 * A lazy JDK pool: Spring itself creates lazy {@code ThreadPoolTaskExecutor}s at
	 * refresh, since they take part in the context's lifecycle.
	 */
	@Test
	void neverStartsALazyExecutorWhenRead() {
		this.runner.withPropertyValues(EXPOSED)
			.withBean("lazyPool", ExecutorService.class, () -> Executors.newFixedThreadPool(1),
					(definition) -> definition.setLazyInit(true))
			.run((context) -> {
				assertThat(context.getBeanFactory().containsSingleton("lazyPool")).as("before the read").isFalse();
				TasksDescriptor answer = context.getBean(TasksEndpoint.class)
					.tasks(SecurityContext.NONE, null, null, null, null, null);
				assertThat(answer.executors()).extracting(ExecutorDescriptor::name).containsExactly("jdkPool");
				assertThat(context.getBeanFactory().containsSingleton("lazyPool")).isFalse();
			});
	}

	@Test
	void definesNoEndpointWhenItIsNotExposed() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(TasksEndpoint.class);
			assertThat(context).doesNotHaveBean(TasksEndpointProperties.class);
		});
	}

	@Test
	void startsAndTracksTasksWithoutTheActuatorOnTheClasspath() {
		this.runner.withPropertyValues(EXPOSED)
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(TasksEndpoint.class);
				Jobs.assertTracked(context, context.getBean("jdkPool", ExecutorService.class), "jdkPool");
				assertThat(context.getBean(TaskRegistry.class).decoratedExecutors()).containsKey("jdkPool");
			});
	}

	@Test
	void failsStartupOnAStackDepthOutOfRange(CapturedOutput output) {
		String report = StartupFailures.report(output, MinimalApplication.class, "--" + EXPOSED,
				"--tasklens.endpoint.stack-depth=0");
		assertThat(report).contains("tasklens.endpoint.stack-depth").contains("between 1 and 1024");
	}

	@Test
	void failsStartupOnANegativeMaxStacks(CapturedOutput output) {
		String report = StartupFailures.report(output, MinimalApplication.class, "--" + EXPOSED,
				"--tasklens.endpoint.max-stacks=-1");
		assertThat(report).contains("tasklens.endpoint.max-stacks").contains("0 (no groups) or more");
	}

	@Test
	void failsStartupOnACancelWaitOutOfRange(CapturedOutput output) {
		String report = StartupFailures.report(output, MinimalApplication.class, "--" + EXPOSED,
				"--tasklens.endpoint.cancel-wait=2m");
		assertThat(report).contains("tasklens.endpoint.cancel-wait").contains("between 0 and 1m");
	}

	@Test
	void failsStartupOnANegativeMaxTracked(CapturedOutput output) {
		String report = StartupFailures.report(output, MinimalApplication.class, "--tasklens.inventory.max-tracked=-5");
		assertThat(report).contains("tasklens.inventory.max-tracked").contains("0 (list no task) or more");
	}

	@Test
	void failsStartupOnAnUnknownShowValuesNamingTheAllowedValues(CapturedOutput output) {
		String report = StartupFailures.report(output, MinimalApplication.class, "--" + EXPOSED,
				"--tasklens.endpoint.show-values=sometimes");
		assertThat(report).contains("tasklens.endpoint.show-values").contains("sometimes");
		assertThat(report.substring(report.indexOf("Action:"))).contains("NEVER")
			.contains("WHEN_AUTHORIZED")
			.contains("ALWAYS");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TasklensAutoConfiguration.class, TasksEndpointAutoConfiguration.class })
	static class MinimalApplication {

	}

}
