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

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests of {@link TracingAndSecurityPropagationTests}, with the tasks on virtual
 * threads (Java 21+).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadTracingAndSecurityTests extends TracingAndSecurityPropagationTests {

	@Override
	protected ExecutorService newPool() {
		return Executors.newVirtualThreadPerTaskExecutor();
	}

	@Override
	protected void assertTaskThread() {
		assertThat(Thread.currentThread().isVirtual()).isTrue();
	}

}
