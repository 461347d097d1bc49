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
package io.github.tasklens.boot.scheduling;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Replaces the {@code @Scheduled} processor that {@code @EnableScheduling} registers with
 * one that tracks each schedule, under the same bean name, so Boot's conditions on it
 * still hold. A processor of another class, which the app or a library registered under
 * that name, is kept: tasklens then tracks what reaches the decorated scheduler and says
 * once, at WARN, what it cannot do.
 *
 * @author tasklens authors
 */
public final class ScheduledProcessorRegistrar implements BeanDefinitionRegistryPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ScheduledProcessorRegistrar.class);

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		String name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME;
		if (!registry.containsBeanDefinition(name)) {
			return;
		}
		BeanDefinition existing = registry.getBeanDefinition(name);
		String type = declaredType(existing);
		if (TrackingScheduledAnnotationBeanPostProcessor.class.getName().equals(type)) {
			return;
		}
		if (!ScheduledAnnotationBeanPostProcessor.class.getName().equals(type)) {
			logger
				.warn("The @Scheduled processor '" + name + "' is " + ((type != null) ? type : "of a type not declared")
						+ ", not Spring's own, so tasklens keeps it. Its @Scheduled methods are still tracked on the "
						+ "scheduler tasklens decorates, but named by the method alone (not Class.method), without "
						+ "their @TaskLabel and @TimeBox annotations, and a cron schedule as one task per run.");
			return;
		}
		RootBeanDefinition replacement = new RootBeanDefinition(TrackingScheduledAnnotationBeanPostProcessor.class);
		replacement.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.removeBeanDefinition(name);
		registry.registerBeanDefinition(name, replacement);
	}

	/**
	 * Return the class a definition declares: its bean class, or the return type of its
	 * factory method ({@code @EnableScheduling} declares Spring's processor through a
	 * {@code @Bean} method).
	 */
	private static @Nullable String declaredType(BeanDefinition definition) {
		if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
			return annotated.getFactoryMethodMetadata().getReturnTypeName();
		}
		if (definition.getFactoryMethodName() == null) {
			// a static factory method's definition names its declaring class here
			return definition.getBeanClassName();
		}
		Class<?> resolved = definition.getResolvableType().resolve();
		return (resolved != null) ? resolved.getName() : null;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

}
