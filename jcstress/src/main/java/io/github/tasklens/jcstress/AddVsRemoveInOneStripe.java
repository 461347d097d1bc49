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
import org.openjdk.jcstress.infra.results.Z_Result;

/**
 * One task ends while another is submitted into the same stripe of the registry, next to
 * it in the stripe's list: afterwards exactly the new one and the untouched neighbour are
 * listed.
 *
 * @author tasklens authors
 */
@JCStressTest
@Outcome(id = "true", expect = Expect.ACCEPTABLE, desc = "The ended task left, the new one is listed.")
@Outcome(id = "false", expect = Expect.FORBIDDEN, desc = "A task was lost, kept, or listed twice.")
@State
public class AddVsRemoveInOneStripe {

	private final Fixture fixture = new Fixture();

	private final Runnable ending;

	private final Runnable staying;

	private long added;

	public AddVsRemoveInOneStripe() {
		// ids 1 and 1 + STRIPES share a stripe, and so does the next one submitted
		this.ending = this.fixture.submit(() -> {
		});
		this.fixture.skipToSameStripe();
		this.staying = this.fixture.submit(() -> {
		});
		this.fixture.skipToSameStripe();
	}

	@Actor
	public void worker() {
		this.ending.run();
	}

	@Actor
	public void submitter() {
		this.added = Fixture.id(this.fixture.submit(() -> {
		}));
	}

	@Arbiter
	public void arbiter(Z_Result result) {
		Set<Long> ids = this.fixture.listedIds();
		result.r1 = this.added == 1 + 2 * Fixture.STRIPES && ids != null
				&& ids.equals(Set.of(Fixture.id(this.staying), this.added)) && this.fixture.balanced();
	}

}
