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

import java.util.concurrent.CountDownLatch;

import io.github.tasklens.TimeBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A job that hangs on purpose: it waits for a partner system that never answers. Its
 * {@code @TimeBox} has tasklens report it overdue while it hangs, then interrupt it.
 *
 * @author tasklens authors
 */
@Component
public class ReconcileJob {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileJob.class);

	private final CountDownLatch partnerReply = new CountDownLatch(1);

	/**
	 * Start a reconciliation now and then; each one runs on Boot's
	 * {@code applicationTaskExecutor}, not on the scheduler's only thread.
	 */
	@Scheduled(initialDelayString = "${sample.reconcile.initial-delay:1s}",
			fixedDelayString = "${sample.reconcile.delay:60s}")
	@Async
	@TimeBox(warnAfter = "${sample.reconcile.warn-after:2s}", interruptAfter = "20s")
	public void reconcile() {
		try {
			this.partnerReply.await();
		}
		catch (InterruptedException ex) {
			logger.warn("Reconciliation gave up: the partner never answered");
			Thread.currentThread().interrupt();
		}
	}

}
