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

import java.lang.reflect.Method;

import io.github.tasklens.task.ScheduledMethodTask;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.util.StringValueResolver;

/**
 * Spring's {@code @Scheduled} processor, with each method wrapped where Spring creates
 * its runnable, so that tasklens knows the method's name and keeps one tracked task per
 * schedule.
 *
 * @author tasklens authors
 */
public class TrackingScheduledAnnotationBeanPostProcessor extends ScheduledAnnotationBeanPostProcessor {

	/**
	 * Create the processor with a registrar that tracks each schedule.
	 */
	public TrackingScheduledAnnotationBeanPostProcessor() {
		super(new TrackingScheduledTaskRegistrar());
	}

	private @Nullable StringValueResolver resolver;

	@Override
	public void setEmbeddedValueResolver(StringValueResolver resolver) {
		super.setEmbeddedValueResolver(resolver);
		this.resolver = resolver;
	}

	@Override
	protected Runnable createRunnable(Object target, Method method, @Nullable String qualifier) {
		Runnable runnable = super.createRunnable(target, method, qualifier);
		return new ScheduledMethodTask(runnable, MethodNames.of(target, method),
				AnnotatedLabels.of(target.getClass(), method),
				AnnotatedTimeBox.of(target.getClass(), method, this.resolver));
	}

}
