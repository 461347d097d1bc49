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
import io.github.tasklens.TaskLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Builds a report on request: the request's id (in the MDC) and the tenant (a label)
 * follow the work into the {@code @Async} task.
 *
 * @author tasklens authors
 */
@RestController
class ReportController {

	private static final Logger logger = LoggerFactory.getLogger(ReportController.class);

	private final ReportService reports;

	ReportController(ReportService reports) {
		this.reports = reports;
	}

	@GetMapping("/reports")
	CompletableFuture<String> report(@RequestParam(defaultValue = "1") int batch,
			@RequestParam(defaultValue = "acme") String tenant) throws Exception {
		MDC.put("request.id", Integer.toHexString(System.identityHashCode(this) ^ batch));
		try {
			logger.info("Report requested");
			return TaskContext.withLabels(TaskLabels.of("tenant", tenant),
					() -> this.reports.build(batch).thenApply((lines) -> lines + " lines"));
		}
		finally {
			MDC.remove("request.id");
		}
	}

}
