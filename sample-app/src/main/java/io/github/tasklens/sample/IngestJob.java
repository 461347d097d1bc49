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

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A scheduled job whose work goes three levels deep: the job (on the
 * {@code taskScheduler}) hands each batch to the {@code ingestPool}, and that task hands
 * the report to an {@code @Async} method and, on Java 21+, a check to a virtual thread.
 * Every level inherits the job's {@code pipeline} label, which code inside each task
 * reads with {@link TaskContext#current()}.
 *
 * @author tasklens authors
 */
@Component
public class IngestJob {

	private static final Logger logger = LoggerFactory.getLogger(IngestJob.class);

	private final ExecutorService ingestPool;

	private final ReportService reports;

	private final ObjectProvider<SimpleAsyncTaskExecutor> virtualExecutor;

	private final AtomicInteger batches = new AtomicInteger();

	IngestJob(@Qualifier("ingestPool") ExecutorService ingestPool, ReportService reports,
			@Qualifier("virtualExecutor") ObjectProvider<SimpleAsyncTaskExecutor> virtualExecutor) {
		this.ingestPool = ingestPool;
		this.reports = reports;
		this.virtualExecutor = virtualExecutor;
	}

	/**
	 * Ingest one batch every few seconds.
	 */
	@Scheduled(fixedRateString = "${sample.ingest.rate:5s}")
	@TaskLabel(key = "pipeline", value = "ingest")
	public void ingest() {
		int batch = this.batches.incrementAndGet();
		this.ingestPool.execute(() -> {
			logger.info("Ingested batch {} {}", batch, TaskContext.current().labels());
			this.reports.build(batch);
			this.virtualExecutor.ifAvailable((virtual) -> virtual.execute(() -> logger
				.info("Checked batch {} on a virtual thread {}", batch, TaskContext.current().labels())));
		});
	}

}
