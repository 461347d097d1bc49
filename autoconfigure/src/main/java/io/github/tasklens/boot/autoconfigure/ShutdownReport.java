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

import java.util.concurrent.Executor;

import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.StragglerReport;
import io.github.tasklens.registry.TaskInventory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Logs, once, the tasks still live when the application context closes, after the
 * executors' own graceful shutdown: every executor bean is made a dependent of this bean,
 * and Spring destroys dependents first, so that this bean's {@link #destroy()} runs after
 * theirs (where they wait for their tasks).
 *
 * @author tasklens authors
 */
public final class ShutdownReport implements BeanPostProcessor, BeanFactoryAware, DisposableBean {

	/**
	 * The name of this bean.
	 */
	public static final String BEAN_NAME = "tasklensShutdownReport";

	private static final Logger logger = LoggerFactory.getLogger("io.github.tasklens.ShutdownReport");

	private final ObjectProvider<LiveTaskRegistry> registry;

	private @Nullable ConfigurableBeanFactory beanFactory;

	/**
	 * Create the report.
	 * @param registry the live tasks, resolved when the context closes
	 */
	public ShutdownReport(ObjectProvider<LiveTaskRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ConfigurableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if ((bean instanceof Executor || bean instanceof TaskScheduler) && !beanName.equals(BEAN_NAME)) {
			ConfigurableBeanFactory factory = this.beanFactory;
			if (factory != null) {
				factory.registerDependentBean(BEAN_NAME, beanName);
			}
		}
		return bean;
	}

	@Override
	public void destroy() {
		LiveTaskRegistry tasks;
		try {
			tasks = this.registry.getIfAvailable();
		}
		catch (BeansException ex) {
			// never made: no task was ever tracked
			return;
		}
		if (tasks == null) {
			return;
		}
		String report = StragglerReport.of(new TaskInventory(tasks));
		if (report != null) {
			logger.warn(report);
		}
	}

}
