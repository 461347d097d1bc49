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

package io.github.tasklens.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribers nobody removes: {@code POST /subscribers?count=50} starts subscribers that
 * wait for events nobody publishes, each on a thread of {@code subscriberPool}, as
 * listeners registered on every request and never unregistered. They pile up at one line,
 * one stack group that grows with every call. {@code DELETE /subscribers} cancels them.
 *
 * @author tasklens authors
 */
@RestController
class SubscriberController {

	private final ExecutorService subscriberPool;

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	private final List<Future<?>> subscribers = new CopyOnWriteArrayList<>();

	SubscriberController(@Qualifier("subscriberPool") ExecutorService subscriberPool) {
		this.subscriberPool = subscriberPool;
	}

	@PostMapping("/subscribers")
	Map<String, Integer> subscribe(@RequestParam(defaultValue = "10") int count) {
		for (int i = 0; i < count; i++) {
			this.subscribers.add(this.subscriberPool.submit(this::awaitEvents));
		}
		return Map.of("subscribed", count);
	}

	@DeleteMapping("/subscribers")
	Map<String, Integer> unsubscribe() {
		int cancelled = 0;
		for (Future<?> subscriber : this.subscribers) {
			subscriber.cancel(true);
			this.subscribers.remove(subscriber);
			cancelled++;
		}
		return Map.of("unsubscribed", cancelled);
	}

	private void awaitEvents() {
		try {
			this.events.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
