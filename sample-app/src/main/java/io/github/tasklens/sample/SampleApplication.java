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
package io.github.tasklens.sample;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnJava;
import org.springframework.boot.system.JavaVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring Boot app whose tasks tasklens sees without a line of tasklens code: an
 * {@code @Async} method, {@code @Scheduled} jobs, plain {@link ExecutorService} beans
 * and, on Java 21+, a virtual-thread executor.
 *
 * @author tasklens authors
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class SampleApplication {

	/**
	 * A plain JDK pool, as many apps and libraries define one. tasklens wraps it.
	 * @return the pool
	 */
	@Bean
	ExecutorService ingestPool() {
		return Executors.newFixedThreadPool(2);
	}

	/**
	 * A small bounded pool that refuses what it cannot queue (see {@code POST /burst}).
	 * @return the pool
	 */
	@Bean
	ExecutorService burstPool() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
				new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * The pool that {@code POST /leak} fills with tasks that never end.
	 * @return the pool
	 */
	@Bean
	ExecutorService leakPool() {
		return Executors.newFixedThreadPool(4);
	}

	/**
	 * The pool that {@code POST /subscribers} fills with subscribers waiting for events,
	 * a thread each.
	 * @return the pool
	 */
	@Bean
	ExecutorService subscriberPool() {
		return Executors.newFixedThreadPool(64);
	}

	/**
	 * A virtual-thread executor, on Java 21 and later only: tasklens tracks its tasks as
	 * any others ({@code "threads": "virtual"} in {@code /actuator/tasks}).
	 * @return the executor
	 */
	@Bean
	@ConditionalOnJava(JavaVersion.TWENTY_ONE)
	SimpleAsyncTaskExecutor virtualExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("virtual-");
		executor.setVirtualThreads(true);
		return executor;
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
