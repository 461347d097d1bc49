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
package io.github.tasklens.naming;

import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.TaskInfo;
import io.github.tasklens.bootstrap.TaskBridge;
import io.github.tasklens.executor.InPlaceTracking;
import io.github.tasklens.registry.LiveTaskRegistry;
import io.github.tasklens.task.TaskChain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The names of pools the agent reaches: their creator's simple name, renamed by
 * configuration, and bounded. (In a package of its own: tasklens's packages are passed
 * over when the creator is looked for.)
 */
class AgentPoolNamesTests {

	private final TaskChain chain = TaskChain.builder(new LiveTaskRegistry()).build();

	@Test
	void aPoolIsNamedAfterItsCreatorOrWhatTheNamesSay() {
		InPlaceTracking tracking = new InPlaceTracking(this.chain, Map.of("Billing", "billing-pool"), 10);
		assertThat(executorOf(tracking, Orders.pool(tracking))).isEqualTo("Orders");
		assertThat(executorOf(tracking, Billing.pool(tracking))).isEqualTo("billing-pool");
	}

	@Test
	void aKotlinCompanionObjectsPoolIsNamedAfterItsClass() {
		InPlaceTracking tracking = new InPlaceTracking(this.chain, Map.of(), 10);
		assertThat(executorOf(tracking, Timeouts.Companion.pool(tracking))).isEqualTo("Timeouts");
	}

	@Test
	void aBeansNameWinsOverItsCreatorsOnFirstUse() {
		InPlaceTracking tracking = new InPlaceTracking(this.chain, Map.of(), 10);
		ThreadPoolExecutor pool = Orders.pool(tracking);
		TaskBridge.nameBean(pool, "orderPool");
		assertThat(executorOf(tracking, pool)).isEqualTo("orderPool");
	}

	@Test
	void namesBeyondTheMostShareOther() {
		InPlaceTracking tracking = new InPlaceTracking(this.chain, Map.of(), 2);
		assertThat(executorOf(tracking, Orders.pool(tracking))).isEqualTo("Orders");
		assertThat(executorOf(tracking, Billing.pool(tracking))).isEqualTo("Billing");
		assertThat(executorOf(tracking, Shipping.pool(tracking))).isEqualTo(InPlaceTracking.OTHER);
		assertThat(executorOf(tracking, Orders.pool(tracking))).as("a name already given stays").isEqualTo("Orders");
	}

	@Test
	void aBadMostIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InPlaceTracking(this.chain, Map.of(), 0))
			.withMessageContaining("maxNames 0");
	}

	private static String executorOf(InPlaceTracking tracking, ThreadPoolExecutor pool) {
		try {
			Runnable tracked = tracking.execute(pool, () -> {
			});
			return ((TaskInfo) tracked).executor();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static ThreadPoolExecutor newPool() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
	}

	static final class Orders {

		static ThreadPoolExecutor pool(InPlaceTracking tracking) {
			ThreadPoolExecutor pool = newPool();
			// what the agent's advice on the constructor does, with this class's code on
			// the stack
			tracking.created(pool);
			return pool;
		}

	}

	static final class Billing {

		static ThreadPoolExecutor pool(InPlaceTracking tracking) {
			ThreadPoolExecutor pool = newPool();
			// what the agent's advice on the constructor does, with this class's code on
			// the stack
			tracking.created(pool);
			return pool;
		}

	}

	static final class Timeouts {

		// what Kotlin compiles a companion object to
		static final class Companion {

			static ThreadPoolExecutor pool(InPlaceTracking tracking) {
				ThreadPoolExecutor pool = newPool();
				tracking.created(pool);
				return pool;
			}

		}

	}

	static final class Shipping {

		static ThreadPoolExecutor pool(InPlaceTracking tracking) {
			ThreadPoolExecutor pool = newPool();
			// what the agent's advice on the constructor does, with this class's code on
			// the stack
			tracking.created(pool);
			return pool;
		}

	}

}
