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

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops Awaitility from failing a test for a task failure that the test caused on
 * purpose. While it waits, Awaitility installs a JVM default uncaught-exception handler
 * that fails the wait; tasklens hands each recovered failure to the default handler, as
 * the JVM would have, so that handler would see every task these tests make fail.
 * Registered for every test class through {@code junit-platform.properties}.
 *
 * @author tasklens authors
 */
public class AwaitilityKeepsTaskFailures implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		Awaitility.doNotCatchUncaughtExceptionsByDefault();
	}

}
