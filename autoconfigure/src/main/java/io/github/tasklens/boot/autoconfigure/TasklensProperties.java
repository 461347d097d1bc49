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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.tasklens.TaskLabels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.PatternMatchUtils;

/**
 * Configuration properties for tasklens.
 *
 * @author tasklens authors
 */
@ConfigurationProperties("tasklens")
public class TasklensProperties {

	/**
	 * Whether tasklens decorates executors. When false, every executor bean is left
	 * exactly as it was.
	 */
	private boolean enabled = true;

	@NestedConfigurationProperty
	private final ExecutorsProperties executors = new ExecutorsProperties();

	private final Hooks hooks = new Hooks();

	private final Labels labels = new Labels();

	private final Propagation propagation = new Propagation();

	private final Failures failures = new Failures();

	@NestedConfigurationProperty
	private final MetricsProperties metrics = new MetricsProperties();

	private final Inventory inventory = new Inventory();

	@NestedConfigurationProperty
	private final TimeboxProperties timebox = new TimeboxProperties();

	@NestedConfigurationProperty
	private final LimitsProperties limits = new LimitsProperties();

	private final Shutdown shutdown = new Shutdown();

	@NestedConfigurationProperty
	private final WebProperties web = new WebProperties();

	@NestedConfigurationProperty
	private final ReactorProperties reactor = new ReactorProperties();

	@NestedConfigurationProperty
	private final DriftProperties drift = new DriftProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ExecutorsProperties getExecutors() {
		return this.executors;
	}

	public Hooks getHooks() {
		return this.hooks;
	}

	public Labels getLabels() {
		return this.labels;
	}

	public Propagation getPropagation() {
		return this.propagation;
	}

	public Failures getFailures() {
		return this.failures;
	}

	public MetricsProperties getMetrics() {
		return this.metrics;
	}

	public Inventory getInventory() {
		return this.inventory;
	}

	public TimeboxProperties getTimebox() {
		return this.timebox;
	}

	public LimitsProperties getLimits() {
		return this.limits;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public WebProperties getWeb() {
		return this.web;
	}

	public ReactorProperties getReactor() {
		return this.reactor;
	}

	public DriftProperties getDrift() {
		return this.drift;
	}

	/**
	 * What happens when the application context closes.
	 */
	public static class Shutdown {

		/**
		 * Whether the tasks still live once the executors have shut down are logged at
		 * WARN, in one report grouped by stack.
		 */
		private boolean report = true;

		public boolean isReport() {
			return this.report;
		}

		public void setReport(boolean report) {
			this.report = report;
		}

	}

	/**
	 * Built-in hooks.
	 */
	public static class Hooks {

		/**
		 * Level at which the start of every task run is logged, with its executor and
		 * name.
		 */
		private LogStart logStart = LogStart.OFF;

		public LogStart getLogStart() {
			return this.logStart;
		}

		public void setLogStart(LogStart logStart) {
			this.logStart = logStart;
		}

	}

	/**
	 * Task labels.
	 */
	public static class Labels {

		/**
		 * Labels added to every task, by key. A key is made of lowercase letters, digits
		 * and the characters _ . -; a value has at most 256 characters.
		 */
		@Name("static")
		private Map<String, String> staticLabels = new LinkedHashMap<>();

		/**
		 * Whether the labels of a task are put into the MDC while it runs.
		 */
		private boolean mdc = true;

		/**
		 * Prefix of the MDC keys under which the labels of a task are put.
		 */
		private String mdcPrefix = "task.";

		public Map<String, String> getStatic() {
			return this.staticLabels;
		}

		public void setStatic(Map<String, String> staticLabels) {
			for (Map.Entry<String, String> label : staticLabels.entrySet()) {
				try {
					TaskLabels.of(label.getKey(), label.getValue());
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(
							"Invalid tasklens.labels.static." + label.getKey() + ": " + ex.getMessage(), ex);
				}
			}
			this.staticLabels = new LinkedHashMap<>(staticLabels);
		}

		public boolean isMdc() {
			return this.mdc;
		}

		public void setMdc(boolean mdc) {
			this.mdc = mdc;
		}

		public String getMdcPrefix() {
			return this.mdcPrefix;
		}

		public void setMdcPrefix(String mdcPrefix) {
			this.mdcPrefix = mdcPrefix;
		}

	}

	/**
	 * Failures of tasks.
	 */
	public static class Failures {

		/**
		 * Whether an exception thrown by a task given to 'execute' stops at tasklens once
		 * logged and counted, so that it does not end the pool's worker thread. An
		 * uncaught-exception handler the app installed (on the thread or as the JVM's
		 * default) still receives it, once; where there is none, tasklens's log line
		 * replaces the JVM's print to System.err. Errors are always rethrown.
		 */
		private boolean recover = true;

		/**
		 * Whether each failure is logged at ERROR, once, with the task's executor, name,
		 * labels and id. Spring's default handlers that would log it again are then
		 * silenced. When false, failures are only counted.
		 */
		private boolean log = true;

		public boolean isRecover() {
			return this.recover;
		}

		public void setRecover(boolean recover) {
			this.recover = recover;
		}

		public boolean isLog() {
			return this.log;
		}

		public void setLog(boolean log) {
			this.log = log;
		}

	}

	/**
	 * The inventory of live tasks.
	 */
	public static class Inventory {

		/**
		 * Maximum number of live tasks listed, 0 or more. Tasks submitted while that many
		 * are listed run, are decorated and counted, but are never listed;
		 * '/actuator/tasks' shows how many as 'untracked'.
		 */
		private int maxTracked = 100_000;

		/**
		 * Whether to capture the top frames of the code that submits each task (its
		 * "created by"), shown by '/actuator/tasks'. Costs a stack walk per task, about 5
		 * µs and 2.7 KB.
		 */
		private boolean submitSite;

		public int getMaxTracked() {
			return this.maxTracked;
		}

		public void setMaxTracked(int maxTracked) {
			if (maxTracked < 0) {
				throw new IllegalArgumentException("Invalid tasklens.inventory.max-tracked " + maxTracked
						+ ": it must be 0 (list no task) or more");
			}
			this.maxTracked = maxTracked;
		}

		public boolean isSubmitSite() {
			return this.submitSite;
		}

		public void setSubmitSite(boolean submitSite) {
			this.submitSite = submitSite;
		}

	}

	/**
	 * Context propagation into tasks.
	 */
	public static class Propagation {

		/**
		 * Whether the submitter's context is carried into each task: its MDC and every
		 * ThreadLocalAccessor registered with Micrometer's ContextRegistry (tracing,
		 * security, the app's own).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Whether and how task starts are logged.
	 */
	public enum LogStart {

		/**
		 * Do not log task starts.
		 */
		OFF,

		/**
		 * Log task starts at DEBUG.
		 */
		DEBUG,

		/**
		 * Log task starts at INFO.
		 */
		INFO

	}

}
