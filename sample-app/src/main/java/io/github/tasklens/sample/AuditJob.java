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

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A scheduled job that fails every third run, as a flaky integration does: tasklens logs
 * each failure once with the task's labels and counts it in {@code tasks.failures}, and
 * the job keeps its schedule.
 *
 * @author tasklens authors
 */
@Component
public class AuditJob {

	private static final Logger logger = LoggerFactory.getLogger(AuditJob.class);

	private final AtomicInteger runs = new AtomicInteger();

	@Scheduled(fixedRateString = "${sample.audit.rate:7s}", initialDelayString = "${sample.audit.initial-delay:2s}")
	public void audit() {
		int run = this.runs.incrementAndGet();
		if (run % 3 == 0) {
			throw new IllegalStateException("audit store unreachable (run " + run + ")");
		}
		logger.info("Audit run {} passed", run);
	}

}
