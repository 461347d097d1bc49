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

package io.github.tasklens.boot.web;

import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.tasklens.propagation.ContextCapture;
import io.github.tasklens.task.InlineTask;
import io.github.tasklens.task.TrackingTaskDecorator;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes each request a reactive server (WebFlux on Netty, or on a servlet container)
 * handles a task of executor {@value RequestTaskFilter#EXECUTOR}, running from the
 * subscription to this filter's chain to its end: bound to no thread, since its work hops
 * between event-loop threads, so the inventory lists it RUNNING without a stack. Its
 * labels are those of {@link RequestTaskFilter}; the route is read the moment a handler
 * mapping records the matched pattern.
 * <p>
 * Where the request's labels are in force: on the thread that subscribes to the chain,
 * while it does (an annotated handler's body, and what it schedules then, such as a
 * {@code subscribeOn}), and, with Reactor's automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}), in every operator after, through the
 * Reactor {@code Context} entry {@value ContextCapture#LABELS_KEY}.
 * <p>
 * A request refused by the in-flight limit of {@code http} is answered 503. An error
 * signal counts as the task's failure unless it is an {@link ErrorResponse} (a
 * {@code ResponseStatusException}, for one), which is an answer, as in Spring MVC; a
 * cancelled request (the client went away) ends without a failure. Cancelling its task
 * ({@code DELETE /actuator/tasks/{id}}, {@code TaskRegistry.cancel}) cancels the chain's
 * subscription, which ends the task, and answers 503 when nothing was written yet
 * (otherwise the connection is closed).
 *
 * @author tasklens authors
 */
public final class ReactiveRequestTaskFilter implements WebFilter, Ordered {

	private final TrackingTaskDecorator executor;

	private final Requests requests;

	/**
	 * Create the filter.
	 * @param executor the decorator of executor {@value RequestTaskFilter#EXECUTOR}
	 * @param headers the headers whose values become labels, by label key
	 * @param actuatorPath the base path of the actuator's endpoints, whose requests are
	 * no tasks; {@code null} when none
	 */
	public ReactiveRequestTaskFilter(TrackingTaskDecorator executor, Map<String, String> headers,
			@Nullable String actuatorPath) {
		this.executor = executor;
		this.requests = new Requests(headers, actuatorPath);
	}

	@Override
	public int getOrder() {
		return RequestTaskFilter.ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.requests.isActuator(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return new Handled(exchange, chain);
	}

	/**
	 * Whether an error signal is the request's failure.
	 */
	static boolean isFailure(Throwable error) {
		return !(error instanceof ErrorResponse);
	}

	/**
	 * The request's handling: its task begins when it is subscribed to.
	 */
	private final class Handled extends Mono<Void> {

		private final ServerWebExchange exchange;

		private final WebFilterChain chain;

		Handled(ServerWebExchange exchange, WebFilterChain chain) {
			this.exchange = exchange;
			this.chain = chain;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			Requests requests = ReactiveRequestTaskFilter.this.requests;
			String method = Requests.method(this.exchange.getRequest().getMethod().name());
			InlineTask task;
			try {
				task = InlineTask.beginUnbound(ReactiveRequestTaskFilter.this.executor,
						Requests.name(method, RequestTaskFilter.UNMATCHED),
						requests.labels(method, this.exchange.getRequest().getHeaders()::getFirst));
			}
			catch (RejectedExecutionException ex) {
				this.exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
				this.exchange.getResponse().setComplete().subscribe(actual);
				return;
			}
			catch (RuntimeException | LinkageError ex) {
				// a failure inside tasklens: the request is handled as without it
				requests.failed(ex);
				task = null;
			}
			if (task == null) {
				this.chain.filter(this.exchange).subscribe(actual);
				return;
			}
			InlineTask running = task;
			Mono<Void> handled = this.chain.filter(new Exchange(this.exchange, running, method))
				.doOnError((error) -> failed(running, error))
				.doFinally((signal) -> end(running))
				.contextWrite((context) -> context.put(ContextCapture.LABELS_KEY, running));
			Object previous = running.enter();
			try {
				handled.subscribe(new Cancellable(actual, running));
			}
			finally {
				InlineTask.exit(previous);
			}
		}

		private void failed(InlineTask task, Throwable error) {
			if (isFailure(error)) {
				try {
					task.recordFailure(error);
				}
				catch (RuntimeException ex) {
					ReactiveRequestTaskFilter.this.requests.failed(ex);
				}
			}
		}

		private void end(InlineTask task) {
			try {
				task.end(null);
			}
			catch (RuntimeException | LinkageError ex) {
				ReactiveRequestTaskFilter.this.requests.failed(ex);
			}
		}

	}

	/**
	 * Between the chain and the server: passes every signal on, and lets a cancel of the
	 * task cancel the chain and answer the server with an error in place of its end.
	 */
	private static final class Cancellable implements CoreSubscriber<Void>, Subscription, Runnable {

		private static final String CANCELLED = "The request's task was cancelled through tasklens";

		private final CoreSubscriber<? super Void> actual;

		private final InlineTask task;

		private static final AtomicIntegerFieldUpdater<Cancellable> DONE = AtomicIntegerFieldUpdater
			.newUpdater(Cancellable.class, "done");

		/**
		 * 1 once the server has had its last signal: the chain's end, or the cancel's.
		 */
		private volatile int done;

		private volatile @Nullable Subscription upstream;

		Cancellable(CoreSubscriber<? super Void> actual, InlineTask task) {
			this.actual = actual;
			this.task = task;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
			// only now: a cancel may signal the server once it has subscribed
			this.task.onCancel(this);
		}

		@Override
		public void onNext(Void value) {
			this.actual.onNext(value);
		}

		@Override
		public void onError(Throwable error) {
			if (DONE.compareAndSet(this, 0, 1)) {
				this.actual.onError(error);
			}
		}

		@Override
		public void onComplete() {
			if (DONE.compareAndSet(this, 0, 1)) {
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.request(n);
			}
		}

		@Override
		public void cancel() {
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.cancel();
			}
		}

		/**
		 * The task's cancel: cancel the chain, and answer the server with an error in
		 * place of the chain's end, unless that came first.
		 */
		@Override
		public void run() {
			if (DONE.compareAndSet(this, 0, 1)) {
				cancel();
				this.actual.onError(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, CANCELLED));
			}
		}

	}

	/**
	 * The exchange as the chain sees it: its attributes tell the task its route when a
	 * handler mapping records the matched pattern.
	 */
	private static final class Exchange extends ServerWebExchangeDecorator {

		private final Map<String, Object> attributes;

		Exchange(ServerWebExchange delegate, InlineTask task, String method) {
			super(delegate);
			this.attributes = new RouteAttributes(delegate.getAttributes(), task, method);
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

	}

}
