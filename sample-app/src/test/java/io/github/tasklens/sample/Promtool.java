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

package io.github.tasklens.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Prometheus' {@code promtool}, found on the {@code PATH}. Tests that need it (or
 * the {@code prometheus} server) are skipped where it is absent, except under CI
 * ({@code CI=true}), where its absence fails them.
 */
final class Promtool {

	static final Path OBSERVABILITY = Path.of("..", "observability");

	private Promtool() {
	}

	static void assumeAvailable() {
		assumeCommand("promtool", "prometheus");
	}

	/**
	 * Skip the test unless the command is on the {@code PATH}; under CI, fail it instead.
	 * @param command the command
	 * @param debianPackage the Debian package that has it
	 */
	static void assumeCommand(String command, String debianPackage) {
		boolean available = isAvailable(command);
		if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(
					command + " is not on the PATH, and CI=true: install Debian's '" + debianPackage + "' package");
		}
		Assumptions.assumeTrue(available, command + " is not on the PATH");
	}

	private static boolean isAvailable(String command) {
		try {
			Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static Result run(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add("promtool");
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(OBSERVABILITY.resolve("prometheus").toFile())
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	static String read(String file) throws IOException {
		return Files.readString(OBSERVABILITY.resolve(file));
	}

	record Result(int exitCode, String output) {
	}

}
