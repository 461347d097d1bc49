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

import java.util.concurrent.CompletableFuture;

import io.github.tasklens.TaskContext;
import io.github.tasklens.TaskLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Builds reports in the background.
 *
 * @author tasklens authors
 */
@Service
@TaskLabel(key = "team", value = "reporting")
public class ReportService {

	private static final Logger logger = LoggerFactory.getLogger(ReportService.class);

	/**
	 * Build a report on Boot's {@code applicationTaskExecutor}.
	 * @param batch the batch number
	 * @return the number of lines in the report
	 */
	@Async
	public CompletableFuture<Integer> build(int batch) {
		int lines = 10 + batch % 7;
		logger.info("Built report for batch {} ({} lines) {}", batch, lines, TaskContext.current().labels());
		return CompletableFuture.completedFuture(lines);
	}

}
