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
package io.github.tasklens.task;

import io.github.tasklens.TaskLabels;
import io.github.tasklens.metrics.TaskCounters;

/**
 * What the decorator decided of a new task: its name, its labels, the metric series it
 * counts in and the policy that governs it. Made per submission and copied into the task.
 *
 * @param name the task name
 * @param labels the labels
 * @param counters the series it counts in
 * @param policy its time box and limits
 * @author tasklens authors
 */
record TaskSpec(String name, TaskLabels labels, TaskCounters counters, TaskPolicy policy) {
}
