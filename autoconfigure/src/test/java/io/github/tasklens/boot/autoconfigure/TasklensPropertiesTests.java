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

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.tasklens.TaskRegistry;
import io.github.tasklens.task.TaskChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code tasklens.*} properties.
 */
@ExtendWith(OutputCaptureExtension.class)
class TasklensPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, TasklensAutoConfiguration.class))
		.withUserConfiguration(ExecutorsConfiguration.class);

	@Test
	void leavesEveryExecutorExactlyAsItWasWhenDisabled() {
		this.runner.withPropertyValues("tasklens.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TaskRegistry.class);
			ExecutorsConfiguration created = context.getBean(ExecutorsConfiguration.class);
			assertThat(context.getBean("jdkPool")).isSameAs(created.jdkPool);
			assertThat(context.getBean("springPool")).isSameAs(created.springPool);
			assertThat(created.springPool).extracting("taskDecorator").isNull();
		});
	}

	@Test
	void leavesExcludedExecutorsAlone() {
		this.runner.withPropertyValues("tasklens.executors.exclude=jdk*,other").run((context) -> {
			assertThat(context.getBean("jdkPool")).isSameAs(context.getBean(ExecutorsConfiguration.class).jdkPool);
			assertThat(context.getBean(TaskRegistry.class).undecoratedExecutors()).containsOnlyKeys("jdkPool");
			assertThat(context.getBean(TaskRegistry.class).decoratedExecutors()).containsKey("springPool");
		});
	}

	@Test
	void keepsTheRenamedMetricsPropertiesWorkingUnderTheirOldNames() {
		this.runner.withPropertyValues("tasklens.metrics.tags=executor,team", "tasklens.metrics.max-task-names=7")
			.run((context) -> {
				MetricsProperties metrics = context.getBean(TasklensProperties.class).getMetrics();
				assertThat(metrics.getLabelTags()).containsExactly("executor", "team");
				assertThat(metrics.getMaxSeriesPerExecutor()).isEqualTo(7);
				assertThat(context.getBean(TaskChain.class).series().tagKeys()).containsExactly("team");
			});
	}

	@Test
	void marksTheOldMetricsNamesDeprecatedWithTheirReplacementInTheMetadata() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode properties = JsonMapper.builder().build().readTree(metadata).get("properties");
			Map<String, String> replacements = new HashMap<>();
			for (JsonNode property : properties) {
				JsonNode deprecation = property.path("deprecation");
				if (!deprecation.isMissingNode()) {
					replacements.put(property.get("name").asString(), deprecation.path("replacement").asString());
				}
			}
			assertThat(replacements).containsEntry("tasklens.metrics.tags", "tasklens.metrics.label-tags")
				.containsEntry("tasklens.metrics.max-task-names", "tasklens.metrics.max-series-per-executor");
		}
	}

	@Test
	void logsEveryStartWhenLogStartIsInfo(CapturedOutput output) {
		this.runner.withPropertyValues("tasklens.hooks.log-start=info").withBean(RecordingHook.class).run((context) -> {
			Jobs.assertTracked(context, context.getBean("jdkPool", ExecutorService.class), "jdkPool");
			assertThat(output).containsPattern("Task \\d+ 'Job' started on executor 'jdkPool'");
		});
	}

	@Test
	void logsNoStartByDefault(CapturedOutput output) {
		this.runner.withBean(RecordingHook.class).run((context) -> {
			Jobs.assertTracked(context, context.getBean("jdkPool", ExecutorService.class), "jdkPool");
			assertThat(output).doesNotContain("started on executor");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TasklensAutoConfiguration.class)
	static class MinimalApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class ExecutorsConfiguration {

		volatile ExecutorService jdkPool;

		volatile ThreadPoolTaskExecutor springPool;

		@Bean
		ExecutorService jdkPool() {
			this.jdkPool = Executors.newSingleThreadExecutor();
			return this.jdkPool;
		}

		@Bean
		ThreadPoolTaskExecutor springPool() {
			this.springPool = new ThreadPoolTaskExecutor();
			return this.springPool;
		}

	}

}
