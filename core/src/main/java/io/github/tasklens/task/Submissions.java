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
package io.github.tasklens.task;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.timebox.TaskTimeBox;
import org.jspecify.annotations.Nullable;

/**
 * What the code around a submission knows that the decorator cannot see: the name of an
 * {@code @Async} or {@code @Scheduled} method, or that a periodic task is being submitted
 * again for its next run. Set on the submitting thread just before the executor is
 * called, taken by the first decorator that runs, and always restored afterwards.
 *
 * @author tasklens authors
 */
public final class Submissions {

	private static final ThreadLocal<@Nullable Intent> INTENT = new ThreadLocal<>();

	private static final Token UNCHANGED = new Token(null);

	private Submissions() {
	}

	/**
	 * Announce the next submission on this thread.
	 * @param intent what is known of it
	 * @return a token for {@link #restore(Token)}
	 */
	public static Token push(Intent intent) {
		Intent previous = INTENT.get();
		INTENT.set(intent);
		return new Token(previous);
	}

	/**
	 * Announce the name of the next submission unless something more specific is already
	 * announced.
	 * @param task the task about to be submitted
	 * @return a token for {@link #restore(Token)}
	 */
	public static Token nameIfAbsent(Object task) {
		if (INTENT.get() != null) {
			return UNCHANGED;
		}
		INTENT.set(new Intent(TaskNames.of(task), TaskLabels.empty(), null, null, null));
		return new Token(null);
	}

	public static void restore(Token token) {
		if (token == UNCHANGED) {
			return;
		}
		if (token.previous != null) {
			INTENT.set(token.previous);
		}
		else {
			INTENT.remove();
		}
	}

	/**
	 * Take the announced intent, if any: only the first decorator sees it.
	 * @return the intent or {@code null}
	 */
	static @Nullable Intent take() {
		Intent intent = INTENT.get();
		if (intent != null) {
			INTENT.remove();
		}
		return intent;
	}

	/**
	 * Say that the periodic task now running may be submitted again from this thread for
	 * its next run (Spring's {@code ReschedulingRunnable} does so after each run).
	 * @param task the periodic task
	 */
	static void openResubmission(TrackedTask task) {
		INTENT.set(new Intent(null, TaskLabels.empty(), null, task, null));
	}

	static void closeResubmission(TrackedTask task) {
		Intent intent = INTENT.get();
		if (intent != null && intent.resubmitOf() == task) {
			INTENT.remove();
		}
	}

	/**
	 * What is known of a submission.
	 *
	 * @param name the task's name, or {@code null}
	 * @param labels labels its method declares
	 * @param owner the {@code @Scheduled} method it runs, or {@code null}
	 * @param resubmitOf the periodic task it is the next run of, or {@code null}
	 * @param timeBox the time box its method declares, or {@code null}
	 */
	public record Intent(@Nullable String name, TaskLabels labels, @Nullable ScheduledMethodTask owner,
			@Nullable TrackedTask resubmitOf, @Nullable TaskTimeBox timeBox) {

		public static Intent named(String name, TaskLabels labels, @Nullable TaskTimeBox timeBox) {
			return new Intent(name, labels, null, null, timeBox);
		}

		public static Intent periodic(ScheduledMethodTask owner) {
			return new Intent(owner.name(), owner.labels(), owner, null, owner.timeBox());
		}

	}

	public static final class Token {

		private final @Nullable Intent previous;

		private Token(@Nullable Intent previous) {
			this.previous = previous;
		}

	}

}
