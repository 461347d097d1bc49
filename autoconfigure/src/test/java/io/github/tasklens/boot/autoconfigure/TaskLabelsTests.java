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
package io.github.tasklens.boot.autoconfigure;

import java.util.Map;

import io.github.tasklens.TaskLabels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TaskLabels}.
 */
class TaskLabelsTests {

	@Test
	void keepsKeysSortedAndPrintsThemStably() {
		TaskLabels labels = TaskLabels.of("tenant", "acme", "region", "eu", "app", "shop");
		assertThat(labels.asMap()).containsExactly(Map.entry("app", "shop"), Map.entry("region", "eu"),
				Map.entry("tenant", "acme"));
		assertThat(labels).hasToString("{app=shop, region=eu, tenant=acme}");
		assertThat(TaskLabels.of("region", "eu", "tenant", "acme", "app", "shop")).isEqualTo(labels)
			.hasSameHashCodeAs(labels);
	}

	@Test
	void addedLabelsReplaceTheSameKey() {
		TaskLabels labels = TaskLabels.of("tenant", "acme", "team", "a").and("team", "b", "zone", "1");
		assertThat(labels.asMap()).containsExactly(Map.entry("team", "b"), Map.entry("tenant", "acme"),
				Map.entry("zone", "1"));
		assertThat(labels.and(TaskLabels.of("tenant", "other")).get("tenant")).isEqualTo("other");
		assertThat(TaskLabels.of("k", "first", "k", "second").get("k")).isEqualTo("second");
		assertThat(labels.get("missing")).isNull();
	}

	@Test
	void rejectsAnOddCountANullAnInvalidKeyAndAnOverlongValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLabels.of("tenant"))
			.withMessageContaining("key-value pairs");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLabels.of("tenant", null))
			.withMessageContaining("null value");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLabels.of(null, "x"))
			.withMessageContaining("Invalid task label key 'null'");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLabels.of("Tenant", "x"))
			.withMessageContaining("lowercase letters, digits");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLabels.of("tenant", "x".repeat(257)))
			.withMessageContaining("257 characters");
		assertThat(TaskLabels.of("tenant", "x".repeat(256)).get("tenant")).hasSize(256);
	}

	@Test
	void isEmptyWithoutLabels() {
		assertThat(TaskLabels.empty().isEmpty()).isTrue();
		assertThat(TaskLabels.of()).isSameAs(TaskLabels.empty());
		assertThat(TaskLabels.empty()).hasToString("{}");
	}

}
