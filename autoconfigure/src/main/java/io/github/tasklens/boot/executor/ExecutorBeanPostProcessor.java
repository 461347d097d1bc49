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
package io.github.tasklens.boot.executor;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Puts the chain on every {@link Executor} bean, whatever defined it.
 *
 * @author tasklens authors
 */
public final class ExecutorBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final ObjectProvider<ExecutorAdopter> adopter;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	public ExecutorBeanPostProcessor(ObjectProvider<ExecutorAdopter> adopter) {
		this.adopter = adopter;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			this.beanFactory = listable;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof Executor)) {
			return bean;
		}
		return this.adopter.getObject().adoptBean(bean, beanName, declaredType(beanName));
	}

	private @Nullable Class<?> declaredType(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null || !factory.containsBeanDefinition(beanName)) {
			return null;
		}
		BeanDefinition definition = factory.getMergedBeanDefinition(beanName);
		if (!(definition instanceof RootBeanDefinition root)) {
			return null;
		}
		Method factoryMethod = root.getResolvedFactoryMethod();
		if (factoryMethod != null) {
			return factoryMethod.getReturnType();
		}
		if (root.hasBeanClass() && !FactoryBean.class.isAssignableFrom(root.getBeanClass())) {
			return root.getBeanClass();
		}
		return null;
	}

}
