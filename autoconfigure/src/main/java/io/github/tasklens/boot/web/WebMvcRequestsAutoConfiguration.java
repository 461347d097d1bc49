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
import io.github.tasklens.boot.autoconfigure.TasklensProperties;
import io.github.tasklens.task.TaskChain;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requests as tasks in a Spring MVC app: the filter that makes each request a task of
 * executor {@code http}, and the interceptor that gives it its route.
 *
 * @author tasklens authors
 */
@AutoConfiguration(after = TasklensAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(TaskChain.class)
@ConditionalOnBooleanProperty(name = "tasklens.web.labels.enabled", matchIfMissing = true)
public final class WebMvcRequestsAutoConfiguration {

	@Bean
	RequestTaskFilter tasklensRequestTaskFilter(TaskChain chain, TasklensProperties properties,
			Environment environment) {
		return new RequestTaskFilter(chain.decorator(RequestTaskFilter.EXECUTOR, null, () -> false),
				properties.getWeb().getLabels().getHeaders(), Requests.actuatorPath(environment));
	}

	@Bean
	WebMvcConfigurer tasklensRouteLabels() {
		RouteInterceptor interceptor = new RouteInterceptor();
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

}
