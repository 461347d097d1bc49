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

package io.github.tasklens.jcstress;

import java.util.Set;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A task submitted while the endpoint reads the registry: the reader sees it whole or not
 * at all, and afterwards it is listed once.
 *
 * @author tasklens authors
 */
@JCStressTest
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "Read before the task was registered.")
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "Read the registered task, whole.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Read a task half made or twice, or lost it.")
@State
public class SubmitVsRead {

	private final Fixture fixture = new Fixture();

	@Actor
	public void submitter() {
		this.fixture.submit(() -> {
		});
	}

	@Actor
	public void reader(II_Result result) {
		Set<Long> ids = this.fixture.listedIds();
		result.r1 = (ids != null) ? ids.size() : -1;
	}

	@Arbiter
	public void arbiter(II_Result result) {
		Set<Long> ids = this.fixture.listedIds();
		result.r2 = (ids != null && this.fixture.balanced()) ? ids.size() : -1;
	}

}
