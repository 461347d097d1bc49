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

import java.util.ArrayList;
import java.util.List;

import io.github.tasklens.TaskHook;
import io.github.tasklens.TaskLabels;
import io.github.tasklens.TaskRegistry;
import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.boot.executor.ExecutorBeanPostProcessor;
import io.github.tasklens.boot.executor.ExecutorPools;
import io.github.tasklens.boot.executor.SpringTaskWrappers;
import io.github.tasklens.boot.scheduling.AsyncMethodTracking;
import io.github.tasklens.boot.scheduling.ScheduledProcessorRegistrar;
import io.github.tasklens.limit.InFlightLimits;
import io.github.tasklens.metrics.StackDriftMeters;
import io.github.tasklens.metrics.TaskMeterBinder;
import io.github.tasklens.metrics.TaskSeries;
import io.github.tasklens.propagation.ContextAccessors;
import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.propagation.LabelMdc;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.registry.StackDrift;
import io.github.tasklens.task.LogStartHook;
import io.github.tasklens.task.TaskChain;
import io.github.tasklens.timebox.TimeBoxPolicy;
import io.github.tasklens.timebox.Watchdog;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.contextpropagation.ObservationAwareSpanThreadLocalAccessor;
import org.slf4j.event.Level;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Auto-configuration that puts one decorator chain on every executor bean, on
 * {@code @Async} methods and on {@code @Scheduled} methods.
 *
 * @author tasklens authors
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tasklens.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TasklensProperties.class)
public final class TasklensAutoConfiguration {

	// as the endpoint's defaults: groups by the top 32 frames, from up to 10,000 stacks
	private static final int DRIFT_STACK_DEPTH = 32;

	private static final int DRIFT_MAX_STACKS = 10_000;

	@Bean
	@ConditionalOnMissingBean(TaskRegistry.class)
	LiveTaskRegistry tasklensTaskRegistry(TasklensProperties properties) {
		return new LiveTaskRegistry(properties.getInventory().getMaxTracked());
	}

	@Bean
	@ConditionalOnMissingBean
	TimeBoxPolicy tasklensTimeBoxPolicy(TasklensProperties properties) {
		return TaskPolicies.timeBoxes(properties.getTimebox());
	}

	@Bean
	@ConditionalOnMissingBean
	InFlightLimits tasklensInFlightLimits(TasklensProperties properties) {
		return TaskPolicies.limits(properties.getLimits());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Watchdog tasklensWatchdog(TaskChain chain, TasklensProperties properties) {
		Watchdog watchdog = new Watchdog(chain.registry(), chain.timeBoxes(),
				properties.getTimebox().getCheckInterval(), chain::overdue);
		watchdog.start();
		return watchdog;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "tasklens.drift.enabled", matchIfMissing = true)
	StackDrift tasklensStackDrift(TaskChain chain, TasklensProperties properties) {
		DriftProperties drift = properties.getDrift();
		StackDrift watcher = new StackDrift(chain.registry(), new StackDrift.Settings(drift.getMinGroupSize(),
				drift.getWarmUp(), drift.getInterval(), DRIFT_STACK_DEPTH, DRIFT_MAX_STACKS));
		watcher.start();
		return watcher;
	}

	@Bean(ShutdownReport.BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnBooleanProperty(name = "tasklens.shutdown.report", matchIfMissing = true)
	static ShutdownReport tasklensShutdownReport(ObjectProvider<LiveTaskRegistry> registry) {
		return new ShutdownReport(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	TaskChain tasklensTaskChain(LiveTaskRegistry registry, ObjectProvider<TaskHook> hooks,
			TasklensProperties properties, ObjectProvider<ContextAccessors> contextAccessors, TimeBoxPolicy timeBoxes,
			InFlightLimits limits) {
		return TaskChain.builder(registry).hooks(() -> {
			List<TaskHook> all = new ArrayList<>();
			Level logStart = switch (properties.getHooks().getLogStart()) {
				case OFF -> null;
				case DEBUG -> Level.DEBUG;
				case INFO -> Level.INFO;
			};
			if (logStart != null) {
				all.add(new LogStartHook(logStart));
			}
			hooks.orderedStream().forEach(all::add);
			return all;
		})
			.staticLabels(TaskLabels.of(properties.getLabels().getStatic()))
			.labelMdc(properties.getLabels().isMdc() ? new LabelMdc(properties.getLabels().getMdcPrefix()) : null)
			.capture(properties.getPropagation().isEnabled() ? new ContextCapture(
					contextAccessors.orderedStream().flatMap((accessors) -> accessors.accessors().stream()).toList())
					: null)
			.series(new TaskSeries(properties.getMetrics().getLabelTags(),
					properties.getMetrics().getMaxSeriesPerExecutor()))
			.recover(properties.getFailures().isRecover())
			.wrappers(SpringTaskWrappers.INSTANCE)
			.logFailures(properties.getFailures().isLog())
			.submitSite(properties.getInventory().isSubmitSite())
			.timeBoxes(timeBoxes)
			.limits(limits)
			.build();
	}

	@Bean(destroyMethod = "close")
	AgentTracking tasklensAgentTracking(TaskChain chain, TasklensProperties properties) {
		return new AgentTracking(chain, properties.getExecutors());
	}

	@Bean
	@ConditionalOnMissingBean
	ExecutorAdopter tasklensExecutorAdopter(TaskChain chain, TasklensProperties properties) {
		return new ExecutorAdopter(chain, properties.getExecutors()::isExcluded);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ExecutorBeanPostProcessor tasklensExecutorBeanPostProcessor(ObjectProvider<ExecutorAdopter> adopter) {
		return new ExecutorBeanPostProcessor(adopter);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static AsyncMethodTracking tasklensAsyncMethodTracking(ObjectProvider<ExecutorAdopter> adopter,
			ListableBeanFactory beanFactory) {
		return new AsyncMethodTracking(adopter::getObject, beanFactory);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ScheduledProcessorRegistrar tasklensScheduledProcessorRegistrar() {
		return new ScheduledProcessorRegistrar();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationAwareSpanThreadLocalAccessor.class)
	static class TracingPropagationConfiguration {

		@Bean
		ContextAccessors tasklensTracingContextAccessors(ObjectProvider<Tracer> tracer,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			return () -> {
				Tracer current = tracer.getIfUnique();
				if (current == null) {
					return List.of();
				}
				ObservationRegistry observations = observationRegistry.getIfUnique();
				return List
					.of((observations != null) ? new ObservationAwareSpanThreadLocalAccessor(observations, current)
							: new ObservationAwareSpanThreadLocalAccessor(current));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TaskMeterBinder tasklensTaskMeterBinder(TaskChain chain) {
			return new TaskMeterBinder(chain.series(), chain.registry(), ExecutorPools::poolOf);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "tasklens.drift.enabled", matchIfMissing = true)
		StackDriftMeters tasklensStackDriftMeters(StackDrift drift) {
			return new StackDriftMeters(drift);
		}

	}

}
