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
package io.github.tasklens.autoconfigure;

import io.github.tasklens.decorate.TrackingScheduledAnnotationBeanPostProcessor;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Replaces the {@code @Scheduled} processor that {@code @EnableScheduling} registers with
 * one that tracks each schedule, under the same bean name, so Boot's conditions on it
 * still hold.
 *
 * @author tasklens authors
 */
final class ScheduledProcessorRegistrar implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		String name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME;
		if (!registry.containsBeanDefinition(name)) {
			return;
		}
		BeanDefinition existing = registry.getBeanDefinition(name);
		if (TrackingScheduledAnnotationBeanPostProcessor.class.getName().equals(existing.getBeanClassName())) {
			return;
		}
		RootBeanDefinition replacement = new RootBeanDefinition(TrackingScheduledAnnotationBeanPostProcessor.class);
		replacement.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.removeBeanDefinition(name);
		registry.registerBeanDefinition(name, replacement);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

}
