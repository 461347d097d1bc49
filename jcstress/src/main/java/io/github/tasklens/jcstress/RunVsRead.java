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

import java.util.List;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.TaskState;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A queued task run to its end while the endpoint reads the registry: the reader sees it
 * queued, running, or gone, never in any other state, and afterwards it is gone.
 *
 * @author tasklens authors
 */
@JCStressTest
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE, desc = "Read after the task ended.")
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "Read the task queued.")
@Outcome(id = "2, 0", expect = Expect.ACCEPTABLE, desc = "Read the task running.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Read it in another state, or it stayed in the registry.")
@State
public class RunVsRead {

	private final Fixture fixture = new Fixture();

	private final Runnable task = this.fixture.submit(() -> {
	});

	@Actor
	public void worker() {
		this.task.run();
	}

	@Actor
	public void reader(II_Result result) {
		List<TaskInfo> listed = this.fixture.registry.liveTasks();
		if (listed.isEmpty()) {
			result.r1 = 0;
		}
		else {
			TaskState state = listed.get(0).state();
			result.r1 = (listed.size() > 1) ? -1
					: (state == TaskState.QUEUED) ? 1 : (state == TaskState.RUNNING) ? 2 : -2;
		}
	}

	@Arbiter
	public void arbiter(II_Result result) {
		result.r2 = this.fixture.balanced() ? this.fixture.live() : -1;
	}

}
