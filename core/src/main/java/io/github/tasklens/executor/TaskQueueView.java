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
package io.github.tasklens.executor;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tasklens.task.PeriodicRun;
import io.github.tasklens.task.TrackedTask;
import io.github.tasklens.task.TrackingTaskDecorator;

import org.jspecify.annotations.Nullable;

/**
 * The queue of a forwarding pool as the app would see it without tasklens: it holds the
 * app's tasks, not tasklens's wrappers. A task taken out of it ({@code remove},
 * {@code poll}, {@code take}, {@code drainTo}, {@code clear}, an iterator's
 * {@code remove}) will never run, and ends as cancelled; a task put into it is tracked
 * like one given to {@code execute}, except the app's task that its rejection handler
 * puts back, which keeps its tracked task.
 * <p>
 * A {@code ScheduledThreadPoolExecutor}'s queue already holds what the app holds, the
 * pool's own futures: there the view only ends the tracked task behind each future taken
 * out.
 *
 * @author tasklens authors
 */
final class TaskQueueView extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

	private final BlockingQueue<Runnable> queue;

	private final TrackingTaskDecorator decorator;

	private final boolean scheduled;

	TaskQueueView(BlockingQueue<Runnable> queue, TrackingTaskDecorator decorator, boolean scheduled) {
		this.queue = queue;
		this.decorator = decorator;
		this.scheduled = scheduled;
	}

	/**
	 * Return the app's task that a queued element stands for.
	 * @param element what the pool queued
	 * @return the app's task
	 */
	static Runnable appTask(Runnable element) {
		if (element instanceof TrackedTask tracked && tracked.source() instanceof Runnable source) {
			return source;
		}
		if (element instanceof PeriodicRun run && run.source() instanceof Runnable source) {
			return source;
		}
		return element;
	}

	/**
	 * Return the pool's queue this view shows.
	 * @return the queue
	 */
	BlockingQueue<Runnable> queue() {
		return this.queue;
	}

	/**
	 * End the tracked task of an element taken out of the pool's queue: it never runs.
	 * @param element the element
	 */
	void takenOut(Runnable element) {
		if (element instanceof TrackedTask tracked) {
			tracked.drop();
		}
		else if (this.scheduled && element instanceof Future<?> future) {
			if (this.decorator.chain()
				.registry()
				.findEntry((entry) -> entry instanceof TrackedTask tracked
						&& tracked.probes(future)) instanceof TrackedTask tracked) {
				tracked.drop();
			}
		}
	}

	/**
	 * Find the element that stands for an app's task.
	 * @param task the app's task
	 * @return the element, or {@code null}
	 */
	@Nullable Runnable elementOf(@Nullable Object task) {
		if (task == null) {
			return null;
		}
		for (Runnable element : this.queue) {
			if (element == task || Objects.equals(task, appTask(element))) {
				return element;
			}
		}
		return null;
	}

	private Runnable admitted(Runnable task) {
		Objects.requireNonNull(task);
		if (this.scheduled) {
			return task;
		}
		TrackedTask requeued = TrackingRejectedExecutionHandler.requeued(task);
		return (requeued != null) ? requeued : this.decorator.decorate(task);
	}

	private boolean offered(Runnable admitted, boolean accepted) {
		if (!accepted) {
			TrackingTaskDecorator.rejected(admitted);
		}
		return accepted;
	}

	@Override
	public boolean offer(Runnable task) {
		Runnable admitted = admitted(task);
		return offered(admitted, this.queue.offer(admitted));
	}

	@Override
	public boolean offer(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
		Runnable admitted = admitted(task);
		boolean accepted = false;
		try {
			accepted = this.queue.offer(admitted, timeout, unit);
		}
		finally {
			offered(admitted, accepted);
		}
		return accepted;
	}

	@Override
	public void put(Runnable task) throws InterruptedException {
		Runnable admitted = admitted(task);
		boolean accepted = false;
		try {
			this.queue.put(admitted);
			accepted = true;
		}
		finally {
			offered(admitted, accepted);
		}
	}

	@Override
	public @Nullable Runnable poll() {
		Runnable element = this.queue.poll();
		return (element != null) ? out(element) : null;
	}

	@Override
	public @Nullable Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
		Runnable element = this.queue.poll(timeout, unit);
		return (element != null) ? out(element) : null;
	}

	@Override
	public Runnable take() throws InterruptedException {
		return out(this.queue.take());
	}

	private Runnable out(Runnable element) {
		takenOut(element);
		return appTask(element);
	}

	@Override
	public @Nullable Runnable peek() {
		Runnable element = this.queue.peek();
		return (element != null) ? appTask(element) : null;
	}

	@Override
	public int size() {
		return this.queue.size();
	}

	@Override
	public int remainingCapacity() {
		return this.queue.remainingCapacity();
	}

	@Override
	public boolean contains(@Nullable Object task) {
		return elementOf(task) != null;
	}

	@Override
	public boolean remove(@Nullable Object task) {
		Runnable element = elementOf(task);
		if (element != null && this.queue.remove(element)) {
			takenOut(element);
			return true;
		}
		return false;
	}

	@Override
	public int drainTo(Collection<? super Runnable> into) {
		return drainTo(into, Integer.MAX_VALUE);
	}

	@Override
	public int drainTo(Collection<? super Runnable> into, int maxElements) {
		Objects.requireNonNull(into);
		if (into == this) {
			throw new IllegalArgumentException("A queue cannot be drained into itself");
		}
		List<Runnable> drained = new ArrayList<>();
		int count = this.queue.drainTo(drained, maxElements);
		for (Runnable element : drained) {
			into.add(out(element));
		}
		return count;
	}

	@Override
	public Iterator<Runnable> iterator() {
		Iterator<Runnable> elements = this.queue.iterator();
		return new Iterator<>() {

			private @Nullable Runnable last;

			@Override
			public boolean hasNext() {
				return elements.hasNext();
			}

			@Override
			public Runnable next() {
				Runnable element = elements.next();
				this.last = element;
				return appTask(element);
			}

			@Override
			public void remove() {
				elements.remove();
				Runnable removed = this.last;
				this.last = null;
				if (removed != null) {
					takenOut(removed);
				}
			}

		};
	}

	@Override
	public String toString() {
		List<Runnable> tasks = new ArrayList<>();
		this.queue.forEach((element) -> tasks.add(appTask(element)));
		return tasks.toString();
	}

}
