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

package io.github.tasklens.metrics;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WindowMax}: the max of a window, read for its window and the next,
 * across the wrap of the window number and of {@link System#nanoTime()}'s sign.
 */
class WindowMaxTests {

	private static final long WINDOW = 1L << WindowMax.WINDOW_SHIFT;

	@Test
	void keepsTheLargestTimeOfAWindowAndForgetsItTwoWindowsLater() {
		long start = 5 * WINDOW + 10;
		long held = WindowMax.seen(0, 300, start);
		held = WindowMax.seen(held, 200, start + 1);
		held = WindowMax.seen(held, 700, start + 2);
		held = WindowMax.seen(held, 100, start + 3);
		assertThat(WindowMax.read(held, start + 4)).isEqualTo(700);
		assertThat(WindowMax.read(held, start + WINDOW)).as("the next window still shows it").isEqualTo(700);
		assertThat(WindowMax.read(held, start + 2 * WINDOW)).as("two windows on").isZero();
		long next = WindowMax.seen(held, 50, start + WINDOW);
		assertThat(WindowMax.read(next, start + WINDOW)).as("a new window starts over").isEqualTo(50);
	}

	@Test
	void aTimeFromAnEarlierWindowDoesNotReplaceALaterOne() {
		long later = WindowMax.seen(0, 40, 9 * WINDOW);
		assertThat(WindowMax.seen(later, 900, 8 * WINDOW + 5)).isEqualTo(later);
	}

	@Test
	void windowsFollowTheClockAcrossTheWrapOfTheirNumberAndOfTheClocksSign() {
		long beforeWrap = (0xFFFFL << WindowMax.WINDOW_SHIFT) + 3;
		long held = WindowMax.seen(0, 800, beforeWrap);
		assertThat(WindowMax.read(held, beforeWrap + WINDOW)).isEqualTo(800);
		assertThat(WindowMax.seen(held, 10, beforeWrap + WINDOW)).as("window 0 is after window 0xFFFF")
			.isNotEqualTo(held);
		long negative = -3;
		long held2 = WindowMax.seen(0, 600, negative);
		assertThat(WindowMax.read(held2, negative + WINDOW)).isEqualTo(600);
		assertThat(WindowMax.read(held2, negative + 2 * WINDOW)).isZero();
	}

	@Test
	void aTimeLongerThanSeventyEightHoursIsHeldAsTheLongestItCanHold() {
		long held = WindowMax.seen(0, Long.MAX_VALUE, WINDOW);
		assertThat(WindowMax.read(held, WINDOW)).isEqualTo((1L << 48) - 1);
	}

	@Test
	void foldKeepsTheNewerWindowOrTheLargerTimeOfOne() {
		long old = WindowMax.seen(0, 900, 3 * WINDOW);
		long recent = WindowMax.seen(0, 20, 4 * WINDOW);
		assertThat(WindowMax.fold(old, recent)).isEqualTo(recent);
		assertThat(WindowMax.fold(recent, old)).isEqualTo(recent);
		long recentLarger = WindowMax.seen(0, 70, 4 * WINDOW + 9);
		assertThat(WindowMax.read(WindowMax.fold(recent, recentLarger), 4 * WINDOW)).isEqualTo(70);
		assertThat(WindowMax.fold(0, old)).isEqualTo(old);
	}

	@Test
	void threadsSharingACellLoseNoLargerTime() throws InterruptedException {
		AtomicLong cell = new AtomicLong();
		long now = System.nanoTime();
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			int offset = t;
			Thread thread = new Thread(() -> {
				try {
					start.await();
					for (int i = 0; i < 10_000; i++) {
						WindowMax.seen(cell, i * threads + offset, now);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				done.countDown();
			});
			thread.start();
		}
		start.countDown();
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(WindowMax.read(cell.get(), now)).isEqualTo(9_999L * threads + threads - 1);
	}

}
