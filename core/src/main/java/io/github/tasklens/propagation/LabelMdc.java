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
package io.github.tasklens.propagation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.github.tasklens.TaskLabels;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts a task's labels into the MDC while it runs, under a prefix ({@code task.executor},
 * {@code task.task}, …), and puts back what the MDC held under those keys before.
 *
 * @author tasklens authors
 */
public final class LabelMdc {

	private final String prefix;

	private final Map<String, String> mdcKeys = new ConcurrentHashMap<>();

	/**
	 * Create the MDC bridge.
	 * @param prefix the prefix of the MDC keys
	 */
	public LabelMdc(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * Put the labels into the MDC.
	 * @param labels the labels
	 * @return what to restore afterwards
	 */
	public @Nullable String[] put(TaskLabels labels) {
		Put put = new Put(new String[labels.size()]);
		labels.forEach(put);
		return put.previous;
	}

	/**
	 * Restore what the MDC held before {@link #put}.
	 * @param labels the labels that were put
	 * @param previous what {@link #put} returned
	 */
	public void restore(TaskLabels labels, @Nullable String[] previous) {
		labels.forEach(new Restore(previous));
	}

	/**
	 * Put the values that changed, when the labels put before and now have the same keys:
	 * what {@link #put} returned still restores them.
	 * @param put the labels put
	 * @param now the labels to have in the MDC
	 * @return whether it did; else the caller restores and puts anew
	 */
	public boolean update(TaskLabels put, TaskLabels now) {
		if (put.size() != now.size()) {
			return false;
		}
		boolean[] sameKeys = { true };
		now.forEach((labelKey, value) -> sameKeys[0] &= put.get(labelKey) != null);
		if (!sameKeys[0]) {
			return false;
		}
		now.forEach((labelKey, value) -> {
			if (!value.equals(put.get(labelKey))) {
				MDC.put(mdcKey(labelKey), value);
			}
		});
		return true;
	}

	private String mdcKey(String labelKey) {
		String key = this.mdcKeys.get(labelKey);
		if (key == null) {
			key = this.prefix + labelKey;
			if (this.mdcKeys.size() < 1024) {
				this.mdcKeys.put(labelKey, key);
			}
		}
		return key;
	}

	private final class Put implements BiConsumer<String, String> {

		private final @Nullable String[] previous;

		private int next;

		Put(@Nullable String[] previous) {
			this.previous = previous;
		}

		@Override
		public void accept(String labelKey, String value) {
			String key = mdcKey(labelKey);
			this.previous[this.next++] = MDC.get(key);
			MDC.put(key, value);
		}

	}

	private final class Restore implements BiConsumer<String, String> {

		private final @Nullable String[] previous;

		private int next;

		Restore(@Nullable String[] previous) {
			this.previous = previous;
		}

		@Override
		public void accept(String labelKey, String ignored) {
			String key = mdcKey(labelKey);
			String value = this.previous[this.next++];
			if (value != null) {
				MDC.put(key, value);
			}
			else {
				MDC.remove(key);
			}
		}

	}

}
