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
package io.github.tasklens.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The executors tasklens decorates, with how, and those it leaves alone, with why; and
 * whoever wants to be told of each one decorated (the metrics of pools).
 *
 * @author tasklens authors
 */
public final class KnownExecutors {

	private final Map<String, String> decorated = new ConcurrentHashMap<>();

	private final Map<String, Object> executors = new ConcurrentHashMap<>();

	private final List<BiConsumer<String, Object>> watchers = new CopyOnWriteArrayList<>();

	private final Map<String, String> undecorated = new ConcurrentHashMap<>();

	KnownExecutors() {
	}

	/**
	 * Record an executor that tasklens decorates, and tell the watchers.
	 * @param name its name (a bean name in a Spring app)
	 * @param how how it is decorated
	 * @param executor the executor as it was before tasklens decorated it
	 */
	public void decorated(String name, String how, Object executor) {
		this.decorated.put(name, how);
		this.executors.put(name, executor);
		for (BiConsumer<String, Object> watcher : this.watchers) {
			watcher.accept(name, executor);
		}
	}

	/**
	 * Be told of every executor decorated: those so far at once, then each as it is
	 * decorated. One may be told twice when it is decorated while this is called.
	 * @param watcher takes the executor's name and the executor as it was before tasklens
	 * decorated it
	 */
	public void watch(BiConsumer<String, Object> watcher) {
		this.watchers.add(watcher);
		new HashMap<>(this.executors).forEach(watcher);
	}

	/**
	 * Return an executor that tasklens decorates.
	 * @param name its name
	 * @return the executor as it was before tasklens decorated it, or {@code null}
	 */
	public @Nullable Object get(String name) {
		return this.executors.get(name);
	}

	/**
	 * Record an executor bean that tasklens leaves alone.
	 * @param name the bean name
	 * @param reason why
	 */
	public void undecorated(String name, String reason) {
		this.undecorated.put(name, reason);
	}

	/**
	 * Return the executors decorated, by name, with how.
	 * @return a copy, sorted by name
	 */
	public Map<String, String> decorated() {
		return new TreeMap<>(this.decorated);
	}

	/**
	 * Return the executors left alone, by name, with why.
	 * @return a copy, sorted by name
	 */
	public Map<String, String> undecorated() {
		return new TreeMap<>(this.undecorated);
	}

}
