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

package io.github.tasklens.boot.web;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.tasklens.task.InlineTask;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.HandlerMapping;

/**
 * A reactive request's attributes, which rename its task the moment a handler mapping
 * puts the matched pattern in them: WebFlux has no interceptor between matching and the
 * handler, and the pattern is known only then. Everything else goes to the exchange's own
 * map, atomic operations included.
 *
 * @author tasklens authors
 */
final class RouteAttributes implements Map<String, Object> {

	private static final String PATTERN = HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE;

	private final Map<String, Object> attributes;

	private final InlineTask task;

	private final String method;

	RouteAttributes(Map<String, Object> attributes, InlineTask task, String method) {
		this.attributes = attributes;
		this.task = task;
		this.method = method;
	}

	@Override
	public @Nullable Object put(String key, Object value) {
		Object previous = this.attributes.put(key, value);
		matched(key, value);
		return previous;
	}

	@Override
	public @Nullable Object putIfAbsent(String key, Object value) {
		Object previous = this.attributes.putIfAbsent(key, value);
		if (previous == null) {
			matched(key, value);
		}
		return previous;
	}

	@Override
	public void putAll(Map<? extends String, ? extends Object> map) {
		map.forEach(this::put);
	}

	private void matched(String key, Object pattern) {
		if (PATTERN.equals(key)) {
			Requests.matched(this.task, this.method, pattern);
		}
	}

	@Override
	public int size() {
		return this.attributes.size();
	}

	@Override
	public boolean isEmpty() {
		return this.attributes.isEmpty();
	}

	@Override
	public boolean containsKey(Object key) {
		return this.attributes.containsKey(key);
	}

	@Override
	public boolean containsValue(Object value) {
		return this.attributes.containsValue(value);
	}

	@Override
	public @Nullable Object get(Object key) {
		return this.attributes.get(key);
	}

	@Override
	public @Nullable Object remove(Object key) {
		return this.attributes.remove(key);
	}

	@Override
	public void clear() {
		this.attributes.clear();
	}

	@Override
	public Set<String> keySet() {
		return this.attributes.keySet();
	}

	@Override
	public Collection<Object> values() {
		return this.attributes.values();
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return this.attributes.entrySet();
	}

	@Override
	public @Nullable Object computeIfAbsent(String key, Function<? super String, ? extends Object> mapping) {
		return this.attributes.computeIfAbsent(key, mapping);
	}

	@Override
	public @Nullable Object computeIfPresent(String key,
			BiFunction<? super String, ? super Object, ? extends @Nullable Object> remapping) {
		return this.attributes.computeIfPresent(key, remapping);
	}

	@Override
	public @Nullable Object compute(String key,
			BiFunction<? super String, ? super @Nullable Object, ? extends @Nullable Object> remapping) {
		return this.attributes.compute(key, remapping);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this.attributes.equals(other);
	}

	@Override
	public int hashCode() {
		return this.attributes.hashCode();
	}

	@Override
	public String toString() {
		return this.attributes.toString();
	}

}
