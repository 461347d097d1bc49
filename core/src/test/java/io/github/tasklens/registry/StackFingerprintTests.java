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

package io.github.tasklens.registry;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack's fingerprint names its frames, whatever the JVM numbered along the way.
 */
class StackFingerprintTests {

	private static final StackTraceElement PARK = new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2);

	@Test
	void theSameFramesHaveTheSameFingerprintOfTwelveHexDigits() {
		String first = StackFingerprint.of(List.of(PARK, frame("com.example.Orders", "waitFor", 42)));
		assertThat(first).matches("[0-9a-f]{12}")
			.isEqualTo(StackFingerprint.of(List.of(PARK, frame("com.example.Orders", "waitFor", 42))));
	}

	@Test
	void anotherLineOrAnotherOrderIsAnotherFingerprint() {
		String orders = StackFingerprint.of(List.of(PARK, frame("com.example.Orders", "waitFor", 42)));
		assertThat(StackFingerprint.of(List.of(PARK, frame("com.example.Orders", "waitFor", 43)))).isNotEqualTo(orders);
		assertThat(StackFingerprint.of(List.of(frame("com.example.Orders", "waitFor", 42), PARK))).isNotEqualTo(orders);
		assertThat(StackFingerprint.of(List.of(PARK))).isNotEqualTo(orders);
	}

	@Test
	void whatTheJvmNumbersAsItGoesIsLeftOut() {
		String lambda = StackFingerprint.of(List.of(frame("com.example.Orders$$Lambda/0x000071c4a8004200", "run", -1)));
		assertThat(StackFingerprint.of(List.of(frame("com.example.Orders$$Lambda/0x00007f0000a1b2c8", "run", -1))))
			.isEqualTo(lambda);
		assertThat(StackFingerprint.of(List.of(frame("com.example.Orders$$Lambda$17/0x0000000800c0b440", "run", -1))))
			.isEqualTo(lambda);
		assertThat(StackFingerprint.of(List.of(frame("jdk.proxy2.$Proxy45", "find", -1))))
			.isEqualTo(StackFingerprint.of(List.of(frame("jdk.proxy3.$Proxy112", "find", -1))));
		assertThat(StackFingerprint.of(List.of(frame("com.example.Orders$Inner", "run", 7))))
			.as("a nested class keeps its name")
			.isNotEqualTo(StackFingerprint.of(List.of(frame("com.example.Orders$Other", "run", 7))));
	}

	private static StackTraceElement frame(String type, String method, int line) {
		return new StackTraceElement(type, method, (line >= 0) ? "Orders.java" : null, line);
	}

}
