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

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import io.github.tasklens.bootstrap.TaskBridge;
import io.github.tasklens.executor.JdkExecutorTracking;
import io.github.tasklens.executor.TrackedExecutors;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.TaskChain;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.core.task.TaskExecutor;

/**
 * Puts the chain on an executor, the one way that keeps it what it was: Spring's
 * executors take it as their {@link TaskDecorator}; {@code ThreadPoolExecutor} and
 * {@code ScheduledThreadPoolExecutor} get a forwarding subclass; executors known only by
 * their {@code java.util.concurrent} interfaces get a wrapper of exactly those
 * interfaces. Anything else is left as it was, with one WARN. Adopting an executor twice
 * changes nothing.
 *
 * @author tasklens authors
 */
public final class ExecutorAdopter {

	/**
	 * The name under which Spring's fallback executor for {@code @Async} is shown.
	 */
	public static final String ASYNC_FALLBACK = "asyncFallbackExecutor";

	private static final Logger logger = LoggerFactory.getLogger(ExecutorAdopter.class);

	private static final Set<Class<?>> WRAPPABLE_INTERFACES = Set.of(Executor.class, ExecutorService.class,
			ScheduledExecutorService.class, AutoCloseable.class);

	private final TaskChain chain;

	private final Predicate<String> excluded;

	private final Set<Object> adopted = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	private final Map<String, Object> byName = new ConcurrentHashMap<>();

	private final Set<Object> leftAlone = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	/**
	 * Create an adopter.
	 * @param chain the chain to put on executors
	 * @param excluded which bean names to leave alone
	 */
	public ExecutorAdopter(TaskChain chain, Predicate<String> excluded) {
		this.chain = chain;
		this.excluded = excluded;
	}

	public TaskChain chain() {
		return this.chain;
	}

	/**
	 * Be told of every executor this adopter decorates: those decorated so far at once,
	 * then each as it is decorated.
	 * @param listener takes the executor's name and the executor as it was before
	 * tasklens decorated it (the bean, not the wrapper that replaces it)
	 */
	public void watch(BiConsumer<String, Object> listener) {
		registry().executors().watch(listener);
	}

	/**
	 * Return an executor this adopter decorated.
	 * @param name its bean name (or the name it is shown under)
	 * @return the executor as it was before tasklens decorated it, or {@code null}
	 */
	public @Nullable Object executor(String name) {
		return this.byName.get(name);
	}

	/**
	 * Put the chain on an executor bean.
	 * @param bean the bean
	 * @param beanName its name
	 * @param declaredType the type its definition declares, when known
	 * @return the bean itself, or the wrapper that replaces it
	 */
	public Object adoptBean(Object bean, String beanName, @Nullable Class<?> declaredType) {
		if (isKnown(bean)) {
			return bean;
		}
		if (this.excluded.test(beanName)) {
			this.leftAlone.add(bean);
			registry().executors().undecorated(beanName, "excluded by tasklens.executors.exclude");
			return bean;
		}
		return adopt(bean, beanName, declaredType);
	}

	/**
	 * Put the chain on an executor that is not a bean (an {@code AsyncConfigurer}'s, or
	 * Spring's fallback for {@code @Async}), unless it is already a decorated or excluded
	 * bean.
	 * @param executor the executor
	 * @param name the name to show for it
	 * @return the executor, or its wrapper
	 */
	public Executor adoptExecutor(Executor executor, String name) {
		if (isKnown(executor)) {
			return executor;
		}
		return (Executor) adopt(executor, name, null);
	}

	/**
	 * Return whether the executor is a bean or executor this adopter already decorated or
	 * left alone.
	 * @param executor an executor
	 * @return whether it was seen before
	 */
	public boolean isKnown(Object executor) {
		return executor instanceof TrackedExecutors.Wrapper || this.adopted.contains(executor)
				|| this.leftAlone.contains(executor)
				|| SpringExecutors.decoratorOf(executor) instanceof SpringTaskDecorator;
	}

	private Object adopt(Object bean, String name, @Nullable Class<?> declaredType) {
		if (SpringExecutors.isDecoratable(bean)) {
			if (!SpringExecutors.decoratorReadable(bean)) {
				return leaveAlone(bean, name, "the TaskDecorator of its class " + bean.getClass().getName()
						+ " cannot be read in this Spring version, and replacing it could drop the app's");
			}
			TaskDecorator existing = SpringExecutors.decoratorOf(bean);
			String after = (existing != null) ? " (after the app's " + existing.getClass().getSimpleName() + ")" : "";
			if (existing instanceof ContextPropagatingTaskDecorator && this.chain.propagates()) {
				// Boot's spring.task.execution.propagate-context: the chain carries the
				// same
				// context, so it is captured once; executors left alone keep Boot's
				existing = null;
				after = " (in place of Boot's ContextPropagatingTaskDecorator)";
			}
			TaskDecorator first = existing;
			SpringExecutors.setDecorator(bean, new SpringTaskDecorator(this.chain.decorator(name,
					(first != null) ? first::decorate : null, SpringExecutors.terminated(bean))));
			TrackingErrorHandler.install(bean, this.chain);
			if (ExecutorPools.poolOf(bean) instanceof ThreadPoolExecutor pool) {
				// its TaskDecorator tracks its tasks: the agent, if attached, passes the
				// pool over (a scheduler's decorator sees its tasks after the pool did)
				TaskBridge.passOver(pool);
			}
			return adopted(bean, bean, name, SpringExecutors.kind(bean) + after);
		}
		if (JdkExecutorTracking.forwards(bean)) {
			JdkExecutorTracking.Tracked tracked = JdkExecutorTracking.track((Executor) bean, name, this.chain);
			return adopted(bean, tracked.executor(), name, tracked.how());
		}
		String reason = whyNotWrappable(bean, declaredType);
		if (reason != null && TaskBridge.attached()
				&& (bean instanceof ThreadPoolExecutor || bean instanceof ForkJoinPool)) {
			// the agent tracks its tasks in place, under the bean's name
			TaskBridge.nameBean((ExecutorService) bean, name);
			return adopted(bean, bean, name, "tracked in place by the tasklens agent");
		}
		if (reason != null) {
			return leaveAlone(bean, name, reason);
		}
		JdkExecutorTracking.Tracked tracked = JdkExecutorTracking.track((Executor) bean, name, this.chain);
		if (declaredType != null && !declaredType.isInstance(tracked.executor())) {
			return leaveAlone(bean, name,
					"it is declared as " + declaredType.getName() + ", which a wrapper of its interfaces cannot be");
		}
		return adopted(bean, tracked.executor(), name, tracked.how());
	}

	private @Nullable String whyNotWrappable(Object bean, @Nullable Class<?> declaredType) {
		if (!(bean instanceof Executor)) {
			return "it is not an Executor";
		}
		if (bean instanceof TaskExecutor && !(bean instanceof ExecutorService)) {
			return "it is a " + bean.getClass().getName() + ", a TaskExecutor without a TaskDecorator setter";
		}
		if (declaredType != null && !declaredType.isInterface()) {
			return "it is declared as the class " + declaredType.getName()
					+ ", which neither a TaskDecorator nor a forwarding subclass can serve";
		}
		Set<Class<?>> others = new LinkedHashSet<>();
		collectInterfaces(bean.getClass(), others);
		others.removeAll(WRAPPABLE_INTERFACES);
		if (!others.isEmpty()) {
			return "its class " + bean.getClass().getName() + " also implements " + others.iterator().next().getName()
					+ ", which a wrapper would hide";
		}
		return null;
	}

	private static void collectInterfaces(@Nullable Class<?> type, Set<Class<?>> into) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			for (Class<?> each : current.getInterfaces()) {
				if (into.add(each)) {
					collectInterfaces(each, into);
				}
			}
		}
	}

	private Object adopted(Object bean, Object result, String name, String how) {
		this.adopted.add(bean);
		if (result != bean) {
			this.adopted.add(result);
		}
		this.byName.put(name, bean);
		registry().executors().decorated(name, how, bean);
		if (bean.getClass() == SimpleAsyncTaskExecutor.class && name.equals(ASYNC_FALLBACK)) {
			logger.warn("@Async methods run on Spring's fallback SimpleAsyncTaskExecutor, which starts a new "
					+ "thread for every task: no TaskExecutor bean qualifies for @Async. Define one (or let Boot "
					+ "define 'applicationTaskExecutor'); tasklens decorates the fallback meanwhile");
		}
		logger.debug("tasklens decorates executor '{}' ({})", name, how);
		return result;
	}

	private Object leaveAlone(Object bean, String name, String reason) {
		this.leftAlone.add(bean);
		registry().executors().undecorated(name, reason);
		logger.warn("tasklens leaves executor '{}' undecorated: {}. Its tasks are not tracked", name, reason);
		return bean;
	}

	private LiveTaskRegistry registry() {
		return this.chain.registry();
	}

}
