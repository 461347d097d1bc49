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

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.tasklens.boot.executor.ExecutorAdopter;
import io.github.tasklens.boot.executor.SpringInternals;
import io.github.tasklens.task.Submissions;
import io.github.tasklens.task.TaskNames;
import io.github.tasklens.task.TaskFrames;
import io.github.tasklens.task.TrackedTask;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.interceptor.AsyncExecutionAspectSupport;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringValueResolver;
import org.springframework.util.function.SingletonSupplier;

/**
 * Puts tasklens around Spring's {@code @Async} interceptor on every proxy that has one:
 * on the caller's side it announces the method's name to the decorator that the executor
 * is about to call; on the worker's side, inside the task, it enriches the task that is
 * current. It also decorates the interceptor's default executor when that is not a bean
 * (an {@link AsyncConfigurer}'s, or Spring's fallback {@link SimpleAsyncTaskExecutor}).
 *
 * @author tasklens authors
 */
public final class AsyncMethodTracking implements BeanPostProcessor, SmartInitializingSingleton {

	private final @Nullable Field defaultExecutorField = SpringInternals.field(AsyncExecutionAspectSupport.class,
			"defaultExecutor", null, "the default executor of @Async methods is tracked only if it is a bean");

	private final @Nullable Field exceptionHandlerField = SpringInternals.field(AsyncExecutionAspectSupport.class,
			"exceptionHandler", null, "a failure of an @Async void method is logged by Spring as well as by tasklens");

	private final Supplier<ExecutorAdopter> adopter;

	private final ListableBeanFactory beanFactory;

	private final Set<Object> interceptors = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	private final List<Supplier<@Nullable Executor>> defaultExecutors = new CopyOnWriteArrayList<>();

	private final Map<MethodKey, Submissions.Intent> intents = new ConcurrentHashMap<>();

	private final @Nullable StringValueResolver resolver;

	/**
	 * Create the post-processor.
	 * @param adopter the adopter, resolved on first use
	 * @param beanFactory the bean factory, to tell an {@code AsyncConfigurer}'s executor
	 * from Spring's fallback
	 */
	public AsyncMethodTracking(Supplier<ExecutorAdopter> adopter, ListableBeanFactory beanFactory) {
		this.adopter = adopter;
		this.beanFactory = beanFactory;
		this.resolver = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable::resolveEmbeddedValue : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof Advised advised) || advised.isFrozen()) {
			return bean;
		}
		Advisor[] advisors = advised.getAdvisors();
		for (Advisor advisor : advisors) {
			if (advisor instanceof TrackingAdvisor) {
				return bean;
			}
		}
		for (int i = 0; i < advisors.length; i++) {
			if (advisors[i] instanceof AsyncAnnotationAdvisor async) {
				Pointcut pointcut = async.getPointcut();
				advised.addAdvisor(i + 1, new TrackingAdvisor(pointcut, (MethodInterceptor) this::onWorker));
				advised.addAdvisor(i, new TrackingAdvisor(pointcut, (MethodInterceptor) this::onCaller));
				adoptInterceptor(async.getAdvice());
				checkLabels(bean);
				return bean;
			}
		}
		return bean;
	}

	private @Nullable Object onCaller(MethodInvocation invocation) throws Throwable {
		Submissions.Token token = Submissions.push(intentOf(invocation));
		try {
			return invocation.proceed();
		}
		finally {
			Submissions.restore(token);
		}
	}

	private @Nullable Object onWorker(MethodInvocation invocation) throws Throwable {
		TrackedTask current = TaskFrames.currentTask();
		if (current == null) {
			return invocation.proceed();
		}
		Submissions.Intent intent = intentOf(invocation);
		String name = intent.name();
		if (name != null) {
			current.enrichName(name, intent.timeBox());
		}
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			// Spring's interceptor takes it from here (its handler, or the Future)
			current.recordFailure(ex);
			throw ex;
		}
		if (result instanceof CompletableFuture<?> future && future.isCompletedExceptionally()) {
			Throwable failure = failureOf(future);
			if (failure != null) {
				current.recordFailure(failure);
			}
		}
		return result;
	}

	private static @Nullable Throwable failureOf(CompletableFuture<?> future) {
		try {
			future.getNow(null);
			return null;
		}
		catch (CompletionException ex) {
			return (ex.getCause() != null) ? ex.getCause() : ex;
		}
		catch (CancellationException ex) {
			return null;
		}
	}

	private Submissions.Intent intentOf(MethodInvocation invocation) {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target)
				: invocation.getMethod().getDeclaringClass();
		return this.intents.computeIfAbsent(new MethodKey(targetClass, invocation.getMethod()), this::intentOf);
	}

	private Submissions.Intent intentOf(MethodKey key) {
		return Submissions.Intent.named(TaskNames.ofClassName(key.type().getName()) + "." + key.method().getName(),
				AnnotatedLabels.of(key.type(), key.method()),
				AnnotatedTimeBox.of(key.type(), key.method(), this.resolver));
	}

	/**
	 * Read the {@code @TaskLabel}s and {@code @TimeBox}es of a bean's {@code @Async}
	 * methods now, so that an invalid one fails startup rather than the first call.
	 */
	private void checkLabels(Object bean) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		ReflectionUtils.doWithMethods(targetClass,
				(method) -> this.intents.computeIfAbsent(new MethodKey(targetClass, method), this::intentOf),
				(method) -> AnnotatedElementUtils.hasAnnotation(method, Async.class)
						|| AnnotatedElementUtils.hasAnnotation(targetClass, Async.class));
	}

	private void adoptInterceptor(Advice advice) {
		if (!(advice instanceof AsyncExecutionAspectSupport interceptor) || !this.interceptors.add(interceptor)) {
			return;
		}
		adoptDefaultExecutor(interceptor);
		quietDefaultExceptionHandler(interceptor);
	}

	/**
	 * Replace Spring's default handler of {@code @Async void} failures, which logs them,
	 * when tasklens logs them: one line per failure. A handler the app set stays.
	 */
	@SuppressWarnings("unchecked")
	private void quietDefaultExceptionHandler(AsyncExecutionAspectSupport interceptor) {
		if (this.exceptionHandlerField == null) {
			return;
		}
		SingletonSupplier<AsyncUncaughtExceptionHandler> original = (SingletonSupplier<AsyncUncaughtExceptionHandler>) ReflectionUtils
			.getField(this.exceptionHandlerField, interceptor);
		if (original == null) {
			return;
		}
		ReflectionUtils.setField(this.exceptionHandlerField, interceptor, SingletonSupplier.of(() -> {
			AsyncUncaughtExceptionHandler handler = original.obtain();
			boolean springDefault = handler.getClass() == SimpleAsyncUncaughtExceptionHandler.class;
			return (springDefault && this.adopter.get().chain().logsFailures()) ? new QuietHandler(handler) : handler;
		}));
	}

	@SuppressWarnings("unchecked")
	private void adoptDefaultExecutor(AsyncExecutionAspectSupport interceptor) {
		if (this.defaultExecutorField == null) {
			return;
		}
		SingletonSupplier<Executor> original = (SingletonSupplier<Executor>) ReflectionUtils
			.getField(this.defaultExecutorField, interceptor);
		if (original == null) {
			return;
		}
		SingletonSupplier<Executor> adopted = SingletonSupplier.of(() -> {
			Executor executor = original.get();
			return (executor != null) ? this.adopter.get().adoptExecutor(executor, nameOfDefault(executor)) : null;
		});
		ReflectionUtils.setField(this.defaultExecutorField, interceptor, adopted);
		this.defaultExecutors.add(adopted);
	}

	/**
	 * Resolve the default executors of {@code @Async} now, once every singleton exists,
	 * rather than on the first call: an app that runs {@code @Async} on Spring's fallback
	 * executor learns it at startup.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		for (Supplier<@Nullable Executor> executor : this.defaultExecutors) {
			executor.get();
		}
	}

	private String nameOfDefault(Executor executor) {
		boolean configured = this.beanFactory.getBeanNamesForType(AsyncConfigurer.class, false, false).length > 0;
		if (!configured && executor.getClass() == SimpleAsyncTaskExecutor.class) {
			return ExecutorAdopter.ASYNC_FALLBACK;
		}
		return "asyncConfigurerExecutor";
	}

	private record MethodKey(Class<?> type, Method method) {
	}

	/**
	 * Stands in for Spring's logging handler of {@code @Async void} failures: a failure
	 * of a tracked task is logged by the chain; any other still goes to Spring's handler.
	 */
	private static final class QuietHandler implements AsyncUncaughtExceptionHandler {

		private final AsyncUncaughtExceptionHandler fallback;

		QuietHandler(AsyncUncaughtExceptionHandler fallback) {
			this.fallback = fallback;
		}

		@Override
		public void handleUncaughtException(Throwable ex, Method method, @Nullable Object... params) {
			TrackedTask task = TaskFrames.currentTask();
			if (task == null) {
				this.fallback.handleUncaughtException(ex, method, params);
				return;
			}
			task.recordFailure(ex);
		}

	}

	private static final class TrackingAdvisor extends DefaultPointcutAdvisor {

		TrackingAdvisor(Pointcut pointcut, Advice advice) {
			super(pointcut, advice);
		}

	}

}
