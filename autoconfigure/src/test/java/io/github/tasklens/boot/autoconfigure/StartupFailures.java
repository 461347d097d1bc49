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

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts an application that must fail, and returns Boot's failure report.
 */
final class StartupFailures {

	private StartupFailures() {
	}

	static String report(CapturedOutput output, Class<?> application, String... args) {
		SpringApplication failing = new SpringApplication(application);
		failing.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> failing.run(args).close());
		String all = output.toString();
		assertThat(all).contains("APPLICATION FAILED TO START");
		return all.substring(all.indexOf("APPLICATION FAILED TO START"));
	}

}
