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

import java.time.Instant;
import java.util.List;

import io.github.tasklens.boot.actuate.TasksDescriptor.TaskDescriptor;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code DELETE /actuator/tasks} answers: which cancelled tasks ended within
 * {@code tasklens.endpoint.cancel-wait}, and which still live after it, with their
 * stacks.
 *
 * @param at when the wait was over
 * @param cancelled what was cancelled: {@code task 42} or {@code label tenant:acme}
 * @param ended the tasks that ended (state {@code ENDED})
 * @param stillLive the tasks still live, with their stacks if they run
 * @author tasklens authors
 */
public record CancelDescriptor(Instant at, String cancelled, List<TaskDescriptor> ended,
		List<TaskDescriptor> stillLive) implements OperationResponseBody {

}
