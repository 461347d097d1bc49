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
 * Two neighbours in one stripe of the registry end at once, one run to its end and one
 * cancelled: afterwards only the third task of that stripe is listed.
 *
 * @author tasklens authors
 */
@JCStressTest
@Outcome(id = "true", expect = Expect.ACCEPTABLE, desc = "Both left; the third stayed.")
@Outcome(id = "false", expect = Expect.FORBIDDEN, desc = "A task was lost, kept, or listed twice.")
@State
public class RemoveVsRemoveInOneStripe {

	private final Fixture fixture = new Fixture();

	private final Runnable staying;

	private final Runnable ran;

	private final Runnable cancelled;

	public RemoveVsRemoveInOneStripe() {
		// ids 1, 1 + STRIPES and 1 + 2 * STRIPES share a stripe
		this.staying = this.fixture.submit(() -> {
		});
		this.fixture.skipToSameStripe();
		this.ran = this.fixture.submit(() -> {
		});
		this.fixture.skipToSameStripe();
		this.cancelled = this.fixture.submit(() -> {
		});
	}

	@Actor
	public void worker() {
		this.ran.run();
	}

	@Actor
	public void canceller() {
		((java.util.concurrent.Future<?>) this.cancelled).cancel(false);
	}

	@Arbiter
	public void arbiter(Z_Result result) {
		Set<Long> ids = this.fixture.listedIds();
		result.r1 = ids != null && ids.equals(Set.of(Fixture.id(this.staying))) && this.fixture.balanced();
	}

}
