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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A short name for a stack, the same for the same frames across reads and restarts: the
 * first 12 hex digits of the SHA-256 of its frames as text, with the parts the JVM
 * numbers as it goes (a lambda's or a proxy's class) left out, so that a new group of
 * tasks, a new leak path, can be told from the groups seen before.
 *
 * @author tasklens authors
 */
public final class StackFingerprint {

	// Foo$$Lambda/0x000071c4a8004200, Foo$$Lambda$123/0x..., jdk.proxy2.$Proxy45
	private static final Pattern NUMBERED = Pattern
		.compile("(\\$\\$Lambda)[$/][0-9a-fA-Fx/$]*|(\\$Proxy)\\d+|(jdk\\.proxy)\\d+");

	private static final int DIGITS = 12;

	private StackFingerprint() {
	}

	/**
	 * Return the fingerprint of a stack.
	 * @param stack its frames, top first
	 * @return 12 hex digits
	 */
	public static String of(List<StackTraceElement> stack) {
		MessageDigest digest = sha256();
		for (StackTraceElement frame : stack) {
			digest.update(stable(Texts.frame(frame)).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
		}
		return HexFormat.of().formatHex(digest.digest(), 0, DIGITS / 2);
	}

	static String stable(String frame) {
		return (frame.indexOf('$') < 0 && !frame.contains("jdk.proxy")) ? frame
				: NUMBERED.matcher(frame).replaceAll("$1$2$3");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform has SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
