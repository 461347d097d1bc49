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
package io.github.tasklens.boot.reactor;

import io.github.tasklens.boot.autoconfigure.TasklensAutoConfiguration;
import io.github.tasklens.task.TaskChain;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Reactor's schedulers tracked, where reactor-core is on the class path.
 *
 * @author tasklens authors
 */
@AutoConfiguration(after = TasklensAutoConfiguration.class)
@ConditionalOnClass(Schedulers.class)
@ConditionalOnBean(TaskChain.class)
@ConditionalOnBooleanProperty(name = "tasklens.reactor.enabled", matchIfMissing = true)
public final class ReactorSchedulersAutoConfiguration {

	@Bean(destroyMethod = "close")
	ReactorSchedulers tasklensReactorSchedulers(TaskChain chain) {
		return new ReactorSchedulers(chain);
	}

}
