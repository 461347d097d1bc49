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

import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's transformer on its own: what it does with a class it cannot change, and
 * with classes that are not its to change.
 */
class PatcherTests {

	private final Logger logger = Logger.getLogger("io.github.tasklens.agent");

	private final List<LogRecord> records = new CopyOnWriteArrayList<>();

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			PatcherTests.this.records.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private Level level;

	@BeforeEach
	void capture() {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.ALL);
		this.logger.addHandler(this.handler);
	}

	@AfterEach
	void release() {
		this.logger.removeHandler(this.handler);
		this.logger.setLevel(this.level);
	}

	@Test
	void aClassItCannotChangeIsLeftAsItWasWithOneWarn() throws Exception {
		ClassFileTransformer patcher = TasklensAgent.patcher();
		byte[] bytes = jdkClass("java/util/concurrent/ThreadPoolExecutor");
		byte[] broken = new byte[bytes.length / 2];
		System.arraycopy(bytes, 0, broken, 0, broken.length);
		for (int i = 0; i < 3; i++) {
			assertThat(patcher.transform(null, null, "java/util/concurrent/ThreadPoolExecutor", null, null, broken))
				.as("left as it was")
				.isNull();
		}
		assertThat(this.records).hasSize(1).first().satisfies((record) -> {
			assertThat(record.getLevel()).isEqualTo(Level.WARNING);
			assertThat(record.getMessage())
				.isEqualTo("tasklens agent leaves java.util.concurrent.ThreadPoolExecutor as it was: it cannot "
						+ "instrument it");
			assertThat(record.getThrown()).isNotNull();
		});
	}

	@Test
	void changesTheJdkClassesItPatchesAndNoOthers() throws Exception {
		ClassFileTransformer patcher = TasklensAgent.patcher();
		byte[] pool = jdkClass("java/util/concurrent/ThreadPoolExecutor");
		byte[] changed = patcher.transform(null, null, "java/util/concurrent/ThreadPoolExecutor", null, null, pool);
		assertThat(changed).isNotNull().isNotEqualTo(pool);
		assertThat(new String(changed, StandardCharsets.ISO_8859_1))
			.contains("io/github/tasklens/bootstrap/TaskBridge");
		byte[] list = jdkClass("java/util/ArrayList");
		assertThat(patcher.transform(null, null, "java/util/ArrayList", null, null, list)).isNull();
		assertThat(patcher.transform(null, getClass().getClassLoader(), "java/util/concurrent/ThreadPoolExecutor", null,
				null, pool))
			.as("a class of that name in an app's loader is not the JDK's")
			.isNull();
		assertThat(this.records).noneMatch((record) -> record.getLevel().intValue() >= Level.WARNING.intValue());
	}

	private static byte[] jdkClass(String name) throws Exception {
		try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
			return in.readAllBytes();
		}
	}

}
