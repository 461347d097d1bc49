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
package io.github.tasklens;

import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The task that code runs in, readable from anywhere inside it, with no parameter
 * threaded through: what {@code gctx.Get()} gives a goroutine.
 *
 * <pre class="code">
 * TaskContext.current().labels().get("tenant");
 * TaskContext.withLabels(TaskLabels.of("tenant", "acme"), () -&gt; executor.execute(job));
 * </pre>
 *
 * Tasks submitted inside a task, or inside {@link #withLabels}, start with the
 * submitter's labels plus their own {@code executor} and {@code task} labels.
 *
 * @author tasklens authors
 */
public final class TaskContext {

	private static final String RUNTIME_SOURCE = "io.github.tasklens.task.FrameSource";

	private static final CurrentTaskSource SOURCE = source();

	private final @Nullable TaskInfo task;

	private final TaskLabels labels;

	private TaskContext(@Nullable TaskInfo task, TaskLabels labels) {
		this.task = task;
		this.labels = labels;
	}

	/**
	 * Return the context of the current thread: inside a task, the task and its labels;
	 * outside, the labels set with {@link #withLabels} on this thread, or none.
	 * @return the current context
	 */
	public static TaskContext current() {
		return new TaskContext(SOURCE.currentTask(), SOURCE.currentLabels());
	}

	/**
	 * Run code with extra labels (as {@code pprof.Do}); the previous labels are restored
	 * afterwards, also when the code throws.
	 * @param labels the labels to add
	 * @param action the code
	 */
	public static void withLabels(TaskLabels labels, Runnable action) {
		try {
			SOURCE.withLabels(labels, () -> {
				action.run();
				return null;
			});
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Run code that returns a value with extra labels (as {@code pprof.Do}); the previous
	 * labels are restored afterwards, also when the code throws. A lambda that returns a
	 * value, such as {@code () -> executor.submit(job)}, picks this overload and needs no
	 * {@code throws} clause; for code that throws checked exceptions, use
	 * {@link #callWithLabels(TaskLabels, Callable)}.
	 * @param <T> the result type
	 * @param labels the labels to add
	 * @param action the code
	 * @return what the code returned
	 */
	public static <T> T withLabels(TaskLabels labels, Supplier<T> action) {
		try {
			return SOURCE.withLabels(labels, action::get);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			// a Supplier throws no checked exception
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Call code that may throw checked exceptions with extra labels; the previous labels
	 * are restored afterwards, also when the code throws.
	 * @param <T> the result type
	 * @param labels the labels to add
	 * @param action the code
	 * @return what the code returned
	 * @throws Exception what the code threw
	 */
	public static <T> T callWithLabels(TaskLabels labels, Callable<T> action) throws Exception {
		return SOURCE.withLabels(labels, action);
	}

	/**
	 * Return the task the current code runs in.
	 * @return the task, or {@code null} outside a decorated task
	 */
	public @Nullable TaskInfo task() {
		return this.task;
	}

	/**
	 * Return the labels in force.
	 * @return the labels
	 */
	public TaskLabels labels() {
		return this.labels;
	}

	private static CurrentTaskSource source() {
		Iterator<CurrentTaskSource> found = ServiceLoader
			.load(CurrentTaskSource.class, TaskContext.class.getClassLoader())
			.iterator();
		if (found.hasNext()) {
			return found.next();
		}
		// a jar repackaged without its service files still holds the runtime's source
		try {
			return (CurrentTaskSource) Class.forName(RUNTIME_SOURCE, true, TaskContext.class.getClassLoader())
				.getConstructor()
				.newInstance();
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalStateException(
					"No " + CurrentTaskSource.class.getName() + " found: tasklens-core is incomplete on the class path",
					ex);
		}
	}

}
