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
package io.github.tasklens.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks with the GC profiler and prints one table: each case with its
 * baseline from the same run, the difference in ns per task, the ratio and the bytes
 * allocated per task. {@code --full} runs longer, for figures worth publishing.
 *
 * @author tasklens authors
 */
public final class BenchmarkReport {

	private static final String BASELINE = "Baseline";

	private static final List<Class<?>> BENCHMARKS = List.of(ChainBenchmark.class, PropagationBenchmark.class,
			InventoryBenchmark.class, WatchdogBenchmark.class, DriftBenchmark.class, PeerBenchmark.class,
			ThroughputBenchmark.class, AgentBenchmark.class, WebBenchmark.class, ReactiveWebBenchmark.class,
			ReactorBenchmark.class);

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws RunnerException {
		boolean full = Arrays.asList(args).contains("--full");
		// --only=<regexp>: the benchmarks whose names match, for one question
		String only = Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--only="))
			.map((arg) -> arg.substring("--only=".length()))
			.findFirst()
			.orElse(null);
		OptionsBuilder builder = new OptionsBuilder();
		if (only != null) {
			builder.include(only);
		}
		else {
			for (Class<?> benchmark : BENCHMARKS) {
				builder.include(benchmark.getName());
			}
		}
		Options options = builder.addProfiler(GCProfiler.class)
			// full: two forks, so that a JIT decision of one fork shows as spread, in
			// about 17 minutes per JDK on 2 cores; short: about 8
			.forks(full ? 2 : 1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(full ? 6 : 5)
			.measurementTime(TimeValue.seconds(1))
			.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, RunResult> byName = new LinkedHashMap<>();
		for (RunResult result : results) {
			String label = result.getParams().getBenchmark();
			byName.put(label.substring(label.lastIndexOf('.') + 1) + params(result), result);
		}
		System.out.printf("%nJava %s (%s), %d cores%n", System.getProperty("java.version"),
				System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
		System.out.printf("%-44s %18s %18s %12s %7s %14s %10s%n", "case", "baseline ns", "measured ns", "diff ns",
				"ratio", "baseline B/op", "B/op");
		byName.forEach((name, baseline) -> {
			String params = params(baseline);
			String method = name.substring(0, name.length() - params.length());
			if (!method.endsWith(BASELINE)) {
				return;
			}
			String task = method.substring(0, method.length() - BASELINE.length());
			byName.forEach((other, result) -> {
				if (other.startsWith(task) && other.endsWith(params) && !other.equals(name)
						&& params(result).equals(params)) {
					print(task + " " + other.substring(task.length()), baseline, result);
				}
			});
		});
	}

	/**
	 * Return a benchmark's parameters as a suffix of its case, or nothing.
	 */
	private static String params(RunResult result) {
		StringBuilder params = new StringBuilder();
		for (String key : result.getParams().getParamsKeys()) {
			params.append(' ').append(key).append('=').append(result.getParams().getParam(key));
		}
		return params.toString();
	}

	private static void print(String label, RunResult baseline, RunResult measured) {
		double base = baseline.getPrimaryResult().getScore();
		double score = measured.getPrimaryResult().getScore();
		System.out.printf("%-44s %10.1f ± %5.1f %10.1f ± %5.1f %12.1f %7.2f %14.1f %10.1f%n", label, base,
				baseline.getPrimaryResult().getScoreError(), score, measured.getPrimaryResult().getScoreError(),
				score - base, score / base, allocation(baseline), allocation(measured));
	}

	private static double allocation(RunResult result) {
		Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
		return (norm != null) ? norm.getScore() : Double.NaN;
	}

}
