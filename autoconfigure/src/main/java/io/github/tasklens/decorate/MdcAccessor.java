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
package io.github.tasklens.decorate;

import java.util.Map;

import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The whole MDC as a context value, like context-propagation's
 * {@link Slf4jThreadLocalAccessor}, except that an empty MDC counts as no value. A pooled
 * thread's MDC is an empty map after its first task, and capturing that empty map would
 * make every later task copy and restore it for nothing.
 *
 * @author tasklens authors
 */
final class MdcAccessor implements ThreadLocalAccessor<Map<String, String>> {

	@Override
	public Object key() {
		return Slf4jThreadLocalAccessor.KEY;
	}

	@Override
	public @Nullable Map<String, String> getValue() {
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		return (mdc == null || mdc.isEmpty()) ? null : mdc;
	}

	@Override
	public void setValue(Map<String, String> value) {
		MDC.setContextMap(value);
	}

	@Override
	public void setValue() {
		MDC.clear();
	}

}
