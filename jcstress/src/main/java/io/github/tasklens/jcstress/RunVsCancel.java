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

import java.util.concurrent.Future;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A queued task run by a worker while another thread cancels it: exactly one of them
 * wins, the task runs at most once, and it leaves the registry counted once.
 *
 * @author tasklens authors
 */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = Expect.ACCEPTABLE, desc = "The run won: the cancel found it running or done.")
@Outcome(id = "0, 1, 1", expect = Expect.ACCEPTABLE, desc = "The cancel won: the task never ran.")
@Outcome(expect = Expect.FORBIDDEN,
		desc = "Ran and cancelled, neither, ran twice, left in the registry or counted wrong.")
@State
public class RunVsCancel {

	private final Fixture fixture = new Fixture();

	private int runs;

	private final Runnable task = this.fixture.submit(() -> this.runs++);

	@Actor
	public void worker() {
		this.task.run();
	}

	@Actor
	public void canceller(III_Result result) {
		result.r2 = ((Future<?>) this.task).cancel(false) ? 1 : 0;
	}

	@Arbiter
	public void arbiter(III_Result result) {
		result.r1 = this.runs;
		result.r3 = (this.fixture.live() == 0 && this.fixture.balanced()) ? 1 : 0;
	}

}
