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

package io.github.tasklens.boot.web;

import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.reactive.DispatcherHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a Spring WebFlux app's requests are tasks.
 */
class WebFluxRequestsAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(TasklensAutoConfiguration.class,
			WebMvcRequestsAutoConfiguration.class, WebFluxRequestsAutoConfiguration.class);

	@Test
	void aReactiveWebAppsRequestsAreTasksByDefault() {
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveRequestTaskFilter.class).doesNotHaveBean(RequestTaskFilter.class);
			assertThat(context.getBean(ReactiveRequestTaskFilter.class).getOrder()).isEqualTo(RequestTaskFilter.ORDER);
		});
	}

	@Test
	void turnedOffTheyAreNot() {
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("tasklens.web.labels.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveRequestTaskFilter.class));
	}

	@Test
	void withoutWebFluxTheyAreNot() {
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configurations)
			.withClassLoader(new FilteredClassLoader(DispatcherHandler.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveRequestTaskFilter.class));
	}

	@Test
	void aServletWebAppHasTheServletFilterOnly() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.run((context) -> assertThat(context).hasSingleBean(RequestTaskFilter.class)
				.doesNotHaveBean(ReactiveRequestTaskFilter.class));
	}

}
