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

package io.github.tasklens.test;

import java.time.Duration;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Java snippets of {@code docs/leak-checks.md}, each between a {@code tag::} and an
 * {@code end::} comment: they compile with these tests, and {@code DocumentationTests}
 * fails when the page shows anything else. Not run: their names do not end in Tests.
 *
 * @author tasklens authors
 */
@SuppressWarnings("unused")
class LeakCheckSnippets {

	// tag::annotation[]
	@SpringBootTest
	@VerifyNoTaskLeaks
	class OrderServiceTests {

	}
	// end::annotation[]

	static class WithOptions {

		// tag::options[]
		@RegisterExtension
		static TaskLeakExtension leaks = TaskLeakExtension.withOptions(TaskLeaks.ignoreExecutor("metricsPool"),
				TaskLeaks.ignoreTaskName("CacheWarmer"), TaskLeaks.ignoreLabel("owner", "platform"),
				TaskLeaks.ignoreThreadName("kafka-.*"), TaskLeaks.ignoreTopFrame("com.example.Poller.poll"),
				TaskLeaks.ignoreAnyFrame("com.example.Poller.loop"), TaskLeaks.maxWait(Duration.ofSeconds(3)));

		// end::options[]

	}

}
