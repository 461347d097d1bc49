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

package io.github.tasklens.boot.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The page {@code /actuator/tasks} answers a browser: one self-contained HTML document
 * (styles and script inline, nothing fetched from elsewhere) that reads the endpoint's
 * JSON, as any client does, and shows it.
 *
 * @author tasklens authors
 */
final class TasksPage {

	static final String RESOURCE = "tasks-page.html";

	private static final String HTML = load();

	private TasksPage() {
	}

	static String html() {
		return HTML;
	}

	private static String load() {
		try {
			return new ClassPathResource(RESOURCE, TasksPage.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("tasklens's page " + RESOURCE + " could not be read from its jar", ex);
		}
	}

}
