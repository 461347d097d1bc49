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

package io.github.tasklens.boot.actuate;

import java.time.Duration;

import io.github.tasklens.boot.actuate.EndpointTestApp.Blocker;
import io.github.tasklens.boot.actuate.EndpointTestApp.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.tasklens.boot.actuate.EndpointTestApp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every web test of the endpoint shares: a client on the app's port, and tasks that
 * block until the test ends, after which no task is live.
 */
abstract class EndpointWebTest {

	@LocalServerPort
	private int port;

	@Autowired
	protected Blocker blocker;

	protected Http http;

	@BeforeEach
	void startBlocking() {
		this.http = new Http(this.port);
		this.blocker.reset();
	}

	@AfterEach
	void releaseAndAwaitNoLiveTask() {
		this.blocker.releaseAll();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(map(this.http.json("/actuator/tasks"), "totals")).containsEntry("live", 0)
				.containsEntry("untracked", 0));
	}

}
