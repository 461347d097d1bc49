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
package io.github.tasklens.runtime;

/**
 * The live tasks of a runtime over JMX, as {@code io.github.tasklens:type=Tasks}: what
 * JConsole or JMC shows of the inventory in a JVM without Spring.
 *
 * @author tasklens authors
 */
public interface TasksMXBean {

	/**
	 * The object name the runtime registers under.
	 */
	String OBJECT_NAME = "io.github.tasklens:type=Tasks";

	/**
	 * Return how many tasks are live: queued, running, or periodic between runs.
	 * @return the live tasks, those listed and those counted only
	 */
	long getLiveTasks();

	/**
	 * Return the live tasks as text: the totals, running tasks grouped by identical
	 * stacks, then each task with its labels, oldest first.
	 * @return the dump
	 */
	String dump();

}
