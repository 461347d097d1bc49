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

import java.util.List;
import java.util.stream.Stream;

import io.github.tasklens.TaskLabel;
import io.github.tasklens.TimeBox;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property and annotation of tasklens with a value it cannot use: startup fails
 * with Boot's failure report, which names the property (or the method) and what is
 * allowed.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationTests {

	static Stream<Arguments> invalidProperties() {
		return Stream.of(
				invalid("tasklens.executors.exclude=good,bad pattern", "tasklens.executors.exclude", "'bad pattern'",
						"'*' matches any characters"),
				invalid("tasklens.executors.max-agent-names=0", "tasklens.executors.max-agent-names", "at least 1"),
				invalid("tasklens.executors.names.Dispatcher=", "tasklens.executors.names.Dispatcher",
						"1 to 256 characters"),
				invalid("tasklens.web.labels.headers.[Tenant]=X-Tenant-Id", "tasklens.web.labels.headers", "'Tenant'",
						"lowercase letters, digits and the characters _ . -"),
				invalid("tasklens.web.labels.headers.tenant=", "tasklens.web.labels.headers",
						"the name of a request header is needed"),
				invalid("tasklens.drift.min-group-size=0", "tasklens.drift.min-group-size", "1 or more"),
				invalid("tasklens.drift.interval=0s", "tasklens.drift.interval", "more than 0"),
				invalid("tasklens.drift.warm-up=-1s", "tasklens.drift.warm-up", "0 or more"),
				invalid("tasklens.hooks.log-start=verbose", "tasklens.hooks.log-start", "DEBUG", "INFO", "OFF"),
				invalid("tasklens.labels.static.Team=x", "tasklens.labels.static.Team",
						"lowercase letters, digits and the characters _ . -"),
				invalid("tasklens.metrics.tags=executor,Team Name", "tasklens.metrics.tags", "'Team Name'",
						"lowercase letters, digits and the characters _ . -"),
				invalid("tasklens.metrics.max-task-names=0", "tasklens.metrics.max-task-names", "at least 1"),
				invalid("tasklens.metrics.label-tags=executor,Team Name", "tasklens.metrics.label-tags", "'Team Name'",
						"lowercase letters, digits and the characters _ . -"),
				invalid("tasklens.metrics.max-series-per-executor=0", "tasklens.metrics.max-series-per-executor",
						"at least 1"),
				invalid("tasklens.inventory.max-tracked=-1", "tasklens.inventory.max-tracked",
						"0 (list no task) or more"),
				invalid("tasklens.timebox.warn-after=0s", "tasklens.timebox.warn-after", "positive duration"),
				invalid("tasklens.timebox.interrupt-after=-1s", "tasklens.timebox.interrupt-after",
						"positive duration"),
				invalid("tasklens.timebox.warn-after=-5s", "tasklens.timebox.warn-after", "positive duration"),
				invalid("tasklens.timebox.tasks.[Jobs.sync].queue-warn-after=0s",
						"tasklens.timebox.tasks.[Jobs.sync].queue-warn-after",
						"it must be a positive duration, for example 500ms, 30s, 5m or 1h"),
				invalid(List.of("tasklens.timebox.executors.[orderPool].warn-after=5m",
						"tasklens.timebox.executors.[orderPool].interrupt-after=1m"),
						"tasklens.timebox.executors.[orderPool].interrupt-after",
						"interrupt-after (PT1M) must not be shorter than warn-after (PT5M)"),
				invalid("tasklens.timebox.queue-warn-after=soon", "tasklens.timebox.queue-warn-after", "soon"),
				invalid("tasklens.timebox.check-interval=0ms", "tasklens.timebox.check-interval", "positive duration"),
				invalid("tasklens.timebox.tasks.[Jobs.sync].warn-after=-2m",
						"tasklens.timebox.tasks.[Jobs.sync].warn-after", "positive duration"),
				invalid(List.of("tasklens.timebox.warn-after=5m", "tasklens.timebox.interrupt-after=1m"),
						"tasklens.timebox.interrupt-after", "must not be shorter than warn-after"),
				invalid("tasklens.limits.executors.[pool].max-in-flight=0",
						"tasklens.limits.executors.[pool].max-in-flight", "at least 1"),
				invalid(List.of("tasklens.limits.executors.[orderPool].max-in-flight=2",
						"tasklens.limits.executors.[orderPool].on-limit=queue"),
						"tasklens.limits.executors[orderPool].on-limit", "\"queue\"", "BLOCK", "REJECT"),
				invalid("tasklens.limits.tasks.[Jobs.sync].on-limit=queue", "tasklens.limits.tasks[Jobs.sync].on-limit",
						"BLOCK", "REJECT"),
				invalid("tasklens.limits.tasks.[Jobs.sync].on-limit=block",
						"tasklens.limits.tasks.[Jobs.sync].max-in-flight", "needs a max-in-flight of at least 1"),
				invalid(List.of("tasklens.limits.executors.[pool].max-in-flight=1",
						"tasklens.limits.executors.[pool].block-timeout=0s"),
						"tasklens.limits.executors.[pool].block-timeout", "positive duration"),
				invalid("tasklens.shutdown.report=sometimes", "tasklens.shutdown.report", "sometimes"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidProperties")
	void failsStartupNamingThePropertyAndWhatIsAllowed(List<String> properties, String property, List<String> allowed,
			CapturedOutput output) {
		String report = StartupFailures.report(output, TasklensPropertiesTests.MinimalApplication.class,
				properties.stream().map((value) -> "--" + value).toArray(String[]::new));
		assertThat(report).contains(property);
		assertThat(report).contains(allowed);
	}

	static Stream<Arguments> invalidAnnotations() {
		return Stream.of(
				Arguments.of(BadTimeBoxApplication.class, "Invalid @TimeBox on " + BadTimeBox.class.getName() + ".run",
						"warnAfter 'soon' is not a duration",
						"Update @TimeBox on " + BadTimeBox.class.getName() + ".run", "500ms, 30s, 5m"),
				Arguments.of(ShortInterruptApplication.class,
						"Invalid @TimeBox on " + ShortInterrupt.class.getName() + ".run",
						"must not be shorter than warn-after", "Update @TimeBox",
						"interruptAfter not shorter than warnAfter"),
				Arguments.of(BadLabelApplication.class, "Invalid @TaskLabel on " + BadLabel.class.getName() + ".run",
						"Team", "Update @TaskLabel", "keys of lowercase letters"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidAnnotations")
	void failsStartupNamingTheMethodAndWhatIsAllowed(Class<?> application, String what, String reason, String action,
			String allowed, CapturedOutput output) {
		String report = StartupFailures.report(output, application);
		assertThat(report).contains(what).contains(reason);
		assertThat(report.substring(report.indexOf("Action:"))).contains(action).contains(allowed);
	}

	private static Arguments invalid(String property, String named, String... allowed) {
		return invalid(List.of(property), named, allowed);
	}

	private static Arguments invalid(List<String> properties, String named, String... allowed) {
		return Arguments.of(properties, named, List.of(allowed));
	}

	static class BadTimeBox {

		@Async
		@TimeBox(warnAfter = "soon")
		public void run() {
		}

	}

	static class ShortInterrupt {

		@Async
		@TimeBox(warnAfter = "5m", interruptAfter = "1m")
		public void run() {
		}

	}

	static class BadLabel {

		@Async
		@TaskLabel(key = "Team", value = "payments")
		public void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TasklensAutoConfiguration.class)
	@EnableAsync
	static class BadTimeBoxApplication {

		@Bean
		BadTimeBox badTimeBox() {
			return new BadTimeBox();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TasklensAutoConfiguration.class)
	@EnableAsync
	static class ShortInterruptApplication {

		@Bean
		ShortInterrupt shortInterrupt() {
			return new ShortInterrupt();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TasklensAutoConfiguration.class)
	@EnableAsync
	static class BadLabelApplication {

		@Bean
		BadLabel badLabel() {
			return new BadLabel();
		}

	}

}
