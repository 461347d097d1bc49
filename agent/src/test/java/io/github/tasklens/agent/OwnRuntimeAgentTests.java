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
package io.github.tasklens.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskHook;
import io.github.tasklens.agent.plainmain.LabelledMain;
import io.github.tasklens.agent.plainmain.PlainMain;
import io.github.tasklens.agent.plainmain.PrintingHook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent alone serves a plain {@code main}: each test starts a JVM with the built
 * agent and a class path of its own.
 */
class OwnRuntimeAgentTests {

	// the jar this JVM runs with
	private static final String AGENT = ManagementFactory.getRuntimeMXBean()
		.getInputArguments()
		.stream()
		.filter((argument) -> argument.startsWith("-javaagent:"))
		.findFirst()
		.orElseThrow();

	@TempDir
	Path folder;

	@Test
	void aMainWithoutTasklensOnItsClassPathIsServedWithSettingsFromSystemPropertiesAndJmx() throws Exception {
		Run run = java(List.of(location(PlainMain.class)), PlainMain.class, "-Dtasklens.hooks.log-start=info",
				"-Dtasklens.labels.static.region=eu");
		assertThat(run.exit).as(run.err).isZero();
		assertThat(run.out).contains("LiveTasks=2")
			.contains("live 2: queued 0, running 2")
			.contains("1 RUNNING with this stack (executors: PlainMain)")
			.contains("#1 PlainMain PlainMain RUNNING")
			.contains(", on pool-1-thread-1\n")
			.contains(", on plain\n")
			.contains("labels {executor=PlainMain, region=******, task=")
			.contains("at io.github.tasklens.agent.plainmain.PlainMain.lambda$main$0(PlainMain.java:");
		assertThat(run.err).as("the JVM keeps sharing classes (CDS) and nothing calls sun.misc.Unsafe")
			.doesNotContain("Sharing is only supported")
			.doesNotContain("sun.misc.Unsafe");
		assertThat(run.err).as("every JDK class and method it changes is found and changed")
			.doesNotContain("tasklens agent leaves")
			.doesNotContain("tasklens agent finds no");
		assertThat(run.err).as("log-start at INFO, through java.util.logging")
			.contains("INFO: Task ")
			.contains("started on executor 'PlainMain'");
	}

	@Test
	void aBadPropertyIsNamedAndTheMainRunsOnUntracked() throws Exception {
		Run run = java(List.of(location(PlainMain.class)), PlainMain.class, "-Dtasklens.hooks.log-start=loud");
		assertThat(run.exit).as(run.err).isZero();
		assertThat(run.err).contains("tasklens agent starts no runtime of its own: Invalid value 'loud' for "
				+ "tasklens.hooks.log-start: off, debug or info is allowed");
		assertThat(run.out).as("no runtime, no MXBean").contains("no tasklens MXBean");
	}

	@Test
	void aMainWithTasklensOnItsClassPathGetsItsHooksFromServiceFilesAndLabelsReachItsThreads() throws Exception {
		Path services = this.folder.resolve("hooks");
		Files.createDirectories(services.resolve("META-INF/services"));
		Files.writeString(services.resolve("META-INF/services/" + TaskHook.class.getName()),
				PrintingHook.class.getName() + "\n");
		Run run = java(List.of(location(LabelledMain.class), location(TaskHook.class), location(org.slf4j.Logger.class),
				services), LabelledMain.class);
		assertThat(run.exit).as(run.err).isZero();
		assertThat(run.out).contains("hook saw LabelledMain acme").contains("thread saw tenant=acme");
	}

	private Run java(List<Path> classPath, Class<?> main, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add(AGENT);
		command.addAll(List.of(options));
		command.add("-cp");
		command.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
		command.add(main.getName());
		Path out = this.folder.resolve("out.txt");
		Path err = this.folder.resolve("err.txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the JVM did not end: " + Files.readString(err));
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private static Path location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

	private record Run(int exit, String out, String err) {

	}

}
