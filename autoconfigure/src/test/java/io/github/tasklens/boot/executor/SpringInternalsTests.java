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
package io.github.tasklens.boot.executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.DelegatingErrorHandlingRunnable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringInternals}: a Spring member that a version no longer has
 * degrades one feature with one WARN, and fails nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringInternalsTests {

	@Test
	void aMissingFieldIsNullWithOneWarnNamingItAndWhatDegrades(CapturedOutput output) {
		assertThat(SpringInternals.field(DelegatingErrorHandlingRunnable.class, "renamedDelegate", null,
				"tasks are named after the wrapper"))
			.isNull();
		assertThat(SpringInternals.field(DelegatingErrorHandlingRunnable.class, "renamedDelegate", null,
				"tasks are named after the wrapper"))
			.isNull();
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN"))).singleElement()
			.asString()
			.contains(DelegatingErrorHandlingRunnable.class.getName() + ".renamedDelegate")
			.contains("tasks are named after the wrapper");
		assertThat(SpringInternals.get(null, new Object())).isNull();
	}

	@Test
	void aMissingMethodIsNullToo(CapturedOutput output) {
		assertThat(SpringInternals.method(DelegatingErrorHandlingRunnable.class, "renamedRun", "runs are not seen"))
			.isNull();
		assertThat(output.getOut()).contains(DelegatingErrorHandlingRunnable.class.getName() + ".renamedRun");
	}

	@Test
	void aPresentFieldIsReadable() throws Exception {
		Runnable inner = () -> {
		};
		DelegatingErrorHandlingRunnable outer = new DelegatingErrorHandlingRunnable(inner, (ex) -> {
		});
		assertThat(SpringInternals.get(
				SpringInternals.field(DelegatingErrorHandlingRunnable.class, "delegate", Runnable.class, "unused"),
				outer))
			.isSameAs(inner);
		assertThat(SpringTaskWrappers.INSTANCE.unwrap(outer)).isSameAs(inner);
	}

	@Test
	void withoutTheErrorHandlingWrappersFieldATaskIsNamedAfterTheWrapper(CapturedOutput output) {
		Runnable inner = () -> {
		};
		DelegatingErrorHandlingRunnable outer = new DelegatingErrorHandlingRunnable(inner, (ex) -> {
		});
		try (HiddenSpringMember hidden = HiddenSpringMember.hide(DelegatingErrorHandlingRunnable.class, "delegate")) {
			assertThat(new SpringTaskWrappers().unwrap(outer)).isSameAs(outer);
		}
		assertThat(new SpringTaskWrappers().unwrap(outer)).as("shown again").isSameAs(inner);
		assertThat(output.getOut()).containsOnlyOnce(DelegatingErrorHandlingRunnable.class.getName() + ".delegate")
			.contains("tasks that Spring wraps in it are named after the wrapper");
	}

	@Test
	void withoutTheOutcomeTrackingWrapperATaskIsNamedAfterTheWrapperAndNothingFails(CapturedOutput output) {
		String wrapper = "org.springframework.scheduling.config.Task$OutcomeTrackingRunnable";
		Runnable task = () -> {
		};
		Runnable wrapped = new Task(task).getRunnable();
		assertThat(wrapped.getClass().getName()).isEqualTo(wrapper);
		try (HiddenSpringMember hidden = HiddenSpringMember.hideClass(wrapper)) {
			assertThat(new SpringTaskWrappers().unwrap(wrapped)).isSameAs(wrapped);
		}
		assertThat(new SpringTaskWrappers().unwrap(wrapped)).as("shown again").isSameAs(task);
		assertThat(output.getOut()).containsOnlyOnce(wrapper)
			.contains("tasks that Spring wraps in it are named after the wrapper");
	}

}
