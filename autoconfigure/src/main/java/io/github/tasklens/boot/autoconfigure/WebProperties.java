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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.tasklens.TaskLabels;

/**
 * Web requests ({@code tasklens.web.*}): each request a server's thread handles is a task
 * of executor {@code http}, whose labels every task it submits inherits.
 *
 * @author tasklens authors
 */
public class WebProperties {

	private final Labels labels = new Labels();

	public Labels getLabels() {
		return this.labels;
	}

	/**
	 * The labels of a request ({@code tasklens.web.labels.*}).
	 */
	public static class Labels {

		/**
		 * Whether each request handled is a task of executor 'http' (listed by
		 * /actuator/tasks while it runs), labelled with its route (the matched pattern,
		 * 'unmatched' until a handler matches) and its method, which every task it
		 * submits inherits.
		 */
		private boolean enabled = true;

		/**
		 * Request headers whose values become labels, by label key, for example
		 * tenant=X-Tenant-Id. A request without the header has no such label. The values
		 * become metric tags only for keys listed in tasklens.metrics.label-tags.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			headers.forEach((key, header) -> {
				try {
					TaskLabels.of(key, "value");
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(
							"Invalid tasklens.web.labels.headers key '" + key
									+ "': a label key is made of lowercase letters, digits and the characters _ . -",
							ex);
				}
				if (header == null || header.isBlank()) {
					throw new IllegalArgumentException(
							"Invalid tasklens.web.labels.headers." + key + ": the name of a request header is needed");
				}
			});
			this.headers = new LinkedHashMap<>(headers);
		}

	}

}
