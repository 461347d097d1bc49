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

import io.github.tasklens.boot.actuate.TasksEndpoint;
import io.github.tasklens.boot.actuate.TasksEndpointWebExtension;
import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.task.TaskChain;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code tasks} actuator endpoint, when the actuator is present
 * and the endpoint is available (exposed over HTTP or JMX, and not disabled).
 *
 * @author tasklens authors
 */
@AutoConfiguration(after = TasklensAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(TaskChain.class)
@ConditionalOnAvailableEndpoint(TasksEndpoint.class)
@EnableConfigurationProperties(TasksEndpointProperties.class)
public final class TasksEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TasksEndpoint tasksEndpoint(TaskChain chain, ExecutorAdopter adopter, TasksEndpointProperties properties) {
		return new TasksEndpoint(chain, adopter,
				new TasksEndpoint.Settings(properties.getStackDepth(), properties.getMaxStacks(),
						properties.getShowValues(), properties.getRoles(), properties.getCancelWait()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TasksEndpoint.class)
	TasksEndpointWebExtension tasksEndpointWebExtension(TasksEndpoint endpoint) {
		return new TasksEndpointWebExtension(endpoint);
	}

}
