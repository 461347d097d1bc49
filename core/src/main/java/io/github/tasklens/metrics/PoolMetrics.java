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

package io.github.tasklens.metrics;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * The pool gauges of a decorated executor, from Micrometer's
 * {@link ExecutorServiceMetrics}, tagged {@code name} with the bean name as Boot tags
 * those of its own executors; bound only when the registry has none for that name yet
 * (Boot binds {@code ThreadPoolTaskExecutor} and {@code ThreadPoolTaskScheduler} beans
 * itself). Executors without a pool Micrometer can read ({@code SimpleAsyncTaskExecutor},
 * the JDK's {@code Executors.newSingleThreadExecutor()} wrappers) get none.
 *
 * @author tasklens authors
 */
final class PoolMetrics {

	private PoolMetrics() {
	}

	static void bindIfUnbound(MeterRegistry registry, String name, Object executor,
			Function<Object, @Nullable ExecutorService> pools) {
		ExecutorService pool = pools.apply(executor);
		if (pool == null || registry.find("executor.pool.size").tag("name", name).gauge() != null) {
			return;
		}
		new ExecutorServiceMetrics(pool, name, List.of()).bindTo(registry);
	}

}
