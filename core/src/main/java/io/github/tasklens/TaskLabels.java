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
package io.github.tasklens;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Immutable key-value labels of a task, as pprof labels are for a goroutine. Keys are
 * sorted; a key is made of lowercase letters, digits, {@code _ . -}; a value has at most
 * {@value #MAX_VALUE_LENGTH} characters.
 *
 * @author tasklens authors
 */
public final class TaskLabels {

	/**
	 * The longest value a label may have.
	 */
	public static final int MAX_VALUE_LENGTH = 256;

	private static final String[] NONE = new String[0];

	private static final TaskLabels EMPTY = new TaskLabels(NONE, NONE);

	private final String[] keys;

	private final String[] values;

	private TaskLabels(String[] keys, String[] values) {
		this.keys = keys;
		this.values = values;
	}

	/**
	 * Return labels with no entries.
	 * @return the empty labels
	 */
	public static TaskLabels empty() {
		return EMPTY;
	}

	/**
	 * Return labels from alternating keys and values:
	 * {@code TaskLabels.of("team", "payments", "tenant", "acme")}. A key given twice
	 * keeps its last value.
	 * @param keysAndValues keys and values, alternating
	 * @return the labels
	 * @throws IllegalArgumentException on an odd count, a null, an invalid key or an
	 * over-long value
	 */
	public static TaskLabels of(String... keysAndValues) {
		return EMPTY.and(keysAndValues);
	}

	/**
	 * Return labels from a map.
	 * @param labels the labels
	 * @return the labels
	 * @throws IllegalArgumentException on a null, an invalid key or an over-long value
	 */
	public static TaskLabels of(Map<String, String> labels) {
		String[] keysAndValues = new String[labels.size() * 2];
		int i = 0;
		for (Map.Entry<String, String> entry : labels.entrySet()) {
			keysAndValues[i++] = entry.getKey();
			keysAndValues[i++] = entry.getValue();
		}
		return of(keysAndValues);
	}

	/**
	 * Return these labels with more added; an added key replaces the same key here.
	 * @param keysAndValues keys and values, alternating
	 * @return the combined labels
	 * @throws IllegalArgumentException on an odd count, a null, an invalid key or an
	 * over-long value
	 */
	public TaskLabels and(String... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Task labels come in key-value pairs, but " + keysAndValues.length
					+ " strings were given: " + Arrays.toString(keysAndValues));
		}
		if (keysAndValues.length == 0) {
			return this;
		}
		String[] addedKeys = new String[keysAndValues.length / 2];
		String[] addedValues = new String[addedKeys.length];
		for (int i = 0; i < addedKeys.length; i++) {
			addedKeys[i] = checkKey(keysAndValues[2 * i]);
			addedValues[i] = checkValue(addedKeys[i], keysAndValues[2 * i + 1]);
		}
		int distinct = sort(addedKeys, addedValues);
		return merge(new TaskLabels(Arrays.copyOf(addedKeys, distinct), Arrays.copyOf(addedValues, distinct)));
	}

	/**
	 * Return these labels with others added; a key of {@code others} replaces the same
	 * key here.
	 * @param others the labels to add
	 * @return the combined labels
	 */
	public TaskLabels and(TaskLabels others) {
		return merge(others);
	}

	/**
	 * Return the value of a label.
	 * @param key the key
	 * @return the value, or {@code null} if there is no such label
	 */
	public @Nullable String get(String key) {
		int index = Arrays.binarySearch(this.keys, key);
		return (index >= 0) ? this.values[index] : null;
	}

	/**
	 * Return the number of labels.
	 * @return the number of labels
	 */
	public int size() {
		return this.keys.length;
	}

	/**
	 * Return whether there are no labels.
	 * @return whether there are no labels
	 */
	public boolean isEmpty() {
		return this.keys.length == 0;
	}

	/**
	 * Hand each label to an action, in key order, without copying them.
	 * @param action takes the key and the value
	 */
	public void forEach(BiConsumer<String, String> action) {
		for (int i = 0; i < this.keys.length; i++) {
			action.accept(this.keys[i], this.values[i]);
		}
	}

	/**
	 * Return the labels as an unmodifiable map in key order.
	 * @return the labels
	 */
	public Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < this.keys.length; i++) {
			map.put(this.keys[i], this.values[i]);
		}
		return Collections.unmodifiableMap(map);
	}

	private TaskLabels merge(TaskLabels added) {
		if (added.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return added;
		}
		String[] mergedKeys = new String[this.keys.length + added.keys.length];
		String[] mergedValues = new String[mergedKeys.length];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < this.keys.length || j < added.keys.length) {
			int order = (i == this.keys.length) ? 1
					: (j == added.keys.length) ? -1 : this.keys[i].compareTo(added.keys[j]);
			if (order < 0) {
				mergedKeys[n] = this.keys[i];
				mergedValues[n++] = this.values[i++];
			}
			else {
				if (order == 0) {
					i++;
				}
				mergedKeys[n] = added.keys[j];
				mergedValues[n++] = added.values[j++];
			}
		}
		if (n < mergedKeys.length) {
			mergedKeys = Arrays.copyOf(mergedKeys, n);
			mergedValues = Arrays.copyOf(mergedValues, n);
		}
		return new TaskLabels(mergedKeys, mergedValues);
	}

	private static int sort(String[] keys, String[] values) {
		for (int i = 1; i < keys.length; i++) {
			for (int j = i; j > 0 && keys[j - 1].compareTo(keys[j]) > 0; j--) {
				swap(keys, j);
				swap(values, j);
			}
		}
		// a key given twice keeps its last value: insertion sort is stable, so the later
		// one follows; drop the earlier
		int n = 0;
		for (int i = 0; i < keys.length; i++) {
			if (i + 1 < keys.length && keys[i].equals(keys[i + 1])) {
				continue;
			}
			keys[n] = keys[i];
			values[n++] = values[i];
		}
		return n;
	}

	private static void swap(String[] array, int j) {
		String swapped = array[j];
		array[j] = array[j - 1];
		array[j - 1] = swapped;
	}

	private static String checkKey(@Nullable String key) {
		if (key == null || !isKey(key)) {
			throw new IllegalArgumentException("Invalid task label key '" + key
					+ "': a key is made of lowercase letters, digits and the characters _ . -");
		}
		return key;
	}

	// [a-z0-9_.-]+, without a regular expression: labels are made for every request
	private static boolean isKey(String key) {
		int length = key.length();
		if (length == 0) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = key.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static String checkValue(String key, @Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("Task label '" + key + "' has a null value");
		}
		if (value.length() > MAX_VALUE_LENGTH) {
			throw new IllegalArgumentException("Task label '" + key + "' has a value of " + value.length()
					+ " characters; the most allowed is " + MAX_VALUE_LENGTH);
		}
		return value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof TaskLabels labels && Arrays.equals(this.keys, labels.keys)
				&& Arrays.equals(this.values, labels.values));
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.keys) + Arrays.hashCode(this.values);
	}

	/**
	 * Return the labels as {@code {key=value, key=value}} in key order: the same labels
	 * always print the same.
	 */
	@Override
	public String toString() {
		StringBuilder builder = new StringBuilder("{");
		for (int i = 0; i < this.keys.length; i++) {
			builder.append((i > 0) ? ", " : "").append(this.keys[i]).append('=').append(this.values[i]);
		}
		return builder.append('}').toString();
	}

}
