package io.custops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code Bench SUITE [SIZE]}: runs one suite and prints one line per comparison — our time, the
 * reference time measured in the same run, the ratio and the goal. Suites: {@code segment}
 * (SIZE = orders, default 10M, customers = orders / 10), {@code analyses} (SIZE = events,
 * default 20M, with 1M customers and 10M orders), {@code import} (SIZE = orders, default 10M).
 * Sizes may be written 10M, 500k or 1000000.
 *
 * <p>System properties: {@code custops.bench.quick=true} runs one short iteration of each
 * benchmark (a smoke test of the harness, not a measurement); {@code custops.bench.check=false}
 * skips the agreement check of the SQL on a small dataset; {@code custops.bench.only=REGEX}
 * runs only the benchmarks whose name matches (e.g. {@code engine|duckdb}).
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		String suite = args.length > 0 ? args[0] : "segment";
		Locale.setDefault(Locale.ROOT);
		System.out.printf("machine: %d cores, max heap of this JVM %,d MB, Java %s, load average %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"), loadAverage());
		switch (suite) {
		case "segment" -> segment(args.length > 1 ? size(args[1]) : 10_000_000L);
		case "analyses" -> analyses(args.length > 1 ? size(args[1]) : 20_000_000L);
		case "cohorts" -> cohorts(args.length > 1 ? size(args[1]) : 10_000_000L);
		case "import" -> ImportBench.run(args.length > 1 ? size(args[1]) : 10_000_000L,
				Path.of(args.length > 2 ? args[2] : "/tmp/custops-bench"));
		case "pushdown" -> PushdownBench.run(args.length > 1 ? size(args[1]) : 1_000_000L,
				Path.of(args.length > 2 ? args[2] : "/tmp/custops-pushdown"));
		default -> {
			System.err.println("usage: run.sh segment|analyses|cohorts|import|pushdown [SIZE]");
			System.exit(2);
		}
		}
		System.out.printf("load average at the end: %s%n", loadAverage());
	}

	static void segment(long orders) throws Exception {
		int customers = (int) Math.max(1, orders / 10);
		if (checking()) {
			Check.segment(20_000, 200_000);
		}
		describe(customers, orders, 0);
		Map<String, Double> ms = run("segment", "(SegmentBenchmark|BgNbdBenchmark)",
				Map.of("customers", Integer.toString(customers), "orders", Long.toString(orders)));
		String sizes = String.format("%,d orders / %,d customers", orders, customers);
		System.out.println();
		System.out.println("== issue 4: segmentation (" + sizes + ")");
		compare("rfm + stages + tiers: engine vs DuckDB SQL", ms, "SegmentBenchmark.engine", "SegmentBenchmark.duckdb",
				0.5, "≤ 0.5 (at most half of DuckDB's time)");
		compare("rfm + stages + tiers: engine vs HSQLDB SQL", ms, "SegmentBenchmark.engine", "SegmentBenchmark.hsqldb",
				Double.NaN, "(reference only)");
		absolute("BG/NBD fit, " + String.format("%,d", customers) + " customers", ms, "BgNbdBenchmark.fit1M", 2000,
				"≤ 2 s");
		absolute("BG/NBD fit, CDNOW sample (2,357 customers)", ms, "BgNbdBenchmark.fitCdnow", Double.NaN, "(reference only)");
		absolute("bgnbd model (summary + fit + Gamma-Gamma + predictions)", ms, "BgNbdBenchmark.model1M", Double.NaN,
				"(reference only)");
	}

	static void analyses(long events) throws Exception {
		int customers = 1_000_000;
		long orders = 10_000_000;
		if (events < 5_000_000) {
			// small runs: keep ~20 events and 10 orders per customer
			customers = (int) Math.max(1, events / 20);
			orders = customers * 10L;
		}
		if (checking()) {
			Check.analyses(20_000, 200_000, 400_000);
		}
		describe(customers, orders, events);
		Map<String, Double> ms = run("analyses", "AnalysesBenchmark", Map.of("customers", Integer.toString(customers),
				"orders", Long.toString(orders), "events", Long.toString(events)));
		System.out.println();
		System.out.printf("== issue 5: analyses (%,d events / %,d customers / %,d orders)%n", events, customers, orders);
		compare("funnel of 5 steps: engine vs DuckDB SQL", ms, "engineFunnel", "duckdbFunnel", 1, "≤ 1 (at most DuckDB's time)");
		compare("top-20 paths by session: engine vs DuckDB SQL", ms, "enginePaths", "duckdbPaths", 1,
				"≤ 1 (at most DuckDB's time)");
		compare("tier conversion (tiers, 1 year): engine vs DuckDB SQL", ms, "engineConversion", "duckdbConversion", 1,
				"≤ 1 (at most DuckDB's time)");
	}

	/** Issue 18: cohort retention (SIZE = orders, default 10M, customers = orders / 10). */
	static void cohorts(long orders) throws Exception {
		int customers = (int) Math.max(1, orders / 10);
		if (checking()) {
			Check.cohorts(20_000, 200_000);
		}
		describe(customers, orders, 0);
		Map<String, Double> ms = run("cohorts", "CohortBenchmark",
				Map.of("customers", Integer.toString(customers), "orders", Long.toString(orders)));
		System.out.println();
		System.out.printf("== issue 18: cohorts (%,d orders / %,d customers)%n", orders, customers);
		compare("monthly cohorts, 36 periods: engine vs DuckDB SQL", ms, "CohortBenchmark.engine", "CohortBenchmark.duckdb",
				0.5, "≤ 0.5 (at most half of DuckDB's time)");
	}

	/** Generates once here to print the exact sizes (every fork makes the same rows from the same seed). */
	private static void describe(int customers, long orders, long events) {
		ShopData d = ShopData.generate(customers, orders, events, 42);
		System.out.println("data: " + d.describe());
	}

	private static Map<String, Double> run(String suite, String include, Map<String, String> params) throws Exception {
		Path results = Path.of("target", "jmh-" + suite + ".json");
		Files.createDirectories(results.getParent());
		String only = System.getProperty("custops.bench.only");
		String pattern = "io\\.custops\\.bench\\." + include + "\\."
				+ (only == null || only.isBlank() ? "" : "(" + only + ")$");
		ChainedOptionsBuilder options = new OptionsBuilder().include(pattern)
				.resultFormat(ResultFormatType.JSON).result(results.toString())
				.jvmArgsPrepend("-Dcustops.bench.data=" + System.getProperty("custops.bench.data", "data"));
		params.forEach(options::param);

		if (Boolean.getBoolean("custops.bench.quick")) {
			options.warmupIterations(0).measurementIterations(1)
					.measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(1));
		}
		Collection<RunResult> runs = new Runner(options.build()).run();
		Map<String, Double> ms = new LinkedHashMap<>();
		for (RunResult r : runs) {
			String name = r.getParams().getBenchmark();
			String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
			double score = r.getPrimaryResult().getScore();
			ms.put(shortName, score);
			ms.put(name.substring(name.lastIndexOf('.') + 1), score);
		}
		System.out.println("JMH results: " + results.toAbsolutePath());
		return ms;
	}

	private static void compare(String what, Map<String, Double> ms, String ours, String reference, double goal,
			String goalText) {
		Double a = ms.get(ours);
		Double b = ms.get(reference);
		if (a == null || b == null) {
			System.out.printf("%-58s missing (%s, %s)%n", what, ours, reference);
			return;
		}
		double ratio = a / b;
		String verdict = Double.isNaN(goal) ? "" : ratio <= goal ? "  met" : "  NOT met";
		System.out.printf("%-58s ours %s  reference %s  ratio %.3f  goal %s%s%n", what, time(a), time(b), ratio, goalText,
				verdict);
	}

	private static void absolute(String what, Map<String, Double> ms, String ours, double goalMs, String goalText) {
		Double a = ms.get(ours);
		if (a == null) {
			System.out.printf("%-58s missing (%s)%n", what, ours);
			return;
		}
		String verdict = Double.isNaN(goalMs) ? "" : a <= goalMs ? "  met" : "  NOT met";
		String ratio = Double.isNaN(goalMs) ? "" : String.format("  ratio to goal %.3f", a / goalMs);
		System.out.printf("%-58s ours %s%s  goal %s%s%n", what, time(a), ratio, goalText, verdict);
	}

	static String time(double ms) {
		return ms >= 1000 ? String.format("%8.2f s ", ms / 1000) : String.format("%8.1f ms", ms);
	}

	private static boolean checking() {
		return !"false".equals(System.getProperty("custops.bench.check"));
	}

	static long size(String text) {
		String t = text.trim().toUpperCase(Locale.ROOT).replace("_", "");
		long factor = 1;
		if (t.endsWith("K")) {
			factor = 1_000;
		} else if (t.endsWith("M")) {
			factor = 1_000_000;
		}
		if (factor > 1) {
			t = t.substring(0, t.length() - 1);
		}
		return Math.round(Double.parseDouble(t) * factor);
	}

	static String loadAverage() {
		try {
			List<String> parts = new ArrayList<>(List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")));
			return String.join(" ", parts.subList(0, 3));
		} catch (Exception e) {
			return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
					.getSystemLoadAverage());
		}
	}
}
