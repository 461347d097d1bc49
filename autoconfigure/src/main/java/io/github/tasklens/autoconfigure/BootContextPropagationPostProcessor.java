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

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * While tasklens carries context into tasks, makes Boot's
 * {@code contextPropagatingTaskDecorator}
 * ({@code spring.task.execution.propagate-context}) a pass-through, so that context is
 * not captured twice. The bean keeps its type.
 *
 * @author tasklens authors
 */
final class BootContextPropagationPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ContextPropagatingTaskDecorator && !(bean instanceof PassThrough)) {
			return new PassThrough();
		}
		return bean;
	}

	/**
	 * A {@link ContextPropagatingTaskDecorator} that leaves propagation to tasklens.
	 */
	static final class PassThrough extends ContextPropagatingTaskDecorator {

		@Override
		public Runnable decorate(Runnable runnable) {
			return runnable;
		}

	}

}
