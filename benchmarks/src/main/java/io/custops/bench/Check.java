package io.custops.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.CustomerClassification;
import io.custops.engine.ConversionResult;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathResult;

/**
 * Before timing, checks on a small dataset that the SQL computes what the engine computes
 * (label counts, funnel counts and medians, the top paths, the conversion matrix), so that the
 * ratios compare the same work. Prints one line per comparison; throws when they differ.
 */
public final class Check {

	private Check() {
	}

	public static void segment(int customers, long orders) throws Exception {
		ShopData d = ShopData.generate(customers, orders, 0, 7);
		CustomerDataset data = d.dataset();
		CustomerClassification[] engine = new Engine().segment(data);
		try (Connection duck = Sql.duckdb(); Connection hsql = Sql.hsqldb("check")) {
			Sql.loadDuckOrders(duck, d);
			Sql.loadHsqlOrders(hsql, d);
			Sql.duckSegment(duck);
			Sql.hsqlSegment(hsql);
			String[][] what = { { "rfm_result", "segment" }, { "stages_result", "stage" }, { "tiers_result", "tier" } };
			for (int i = 0; i < 3; i++) {
				Map<String, Long> expected = nonZero(engine[i].counts());
				same("segment " + what[i][1] + " (DuckDB)", expected, Sql.counts(duck, what[i][0], what[i][1]));
				same("segment " + what[i][1] + " (HSQLDB)", expected, Sql.counts(hsql, what[i][0], what[i][1]));
			}
		}
	}

	public static void analyses(int customers, long orders, long events) throws Exception {
		ShopData d = ShopData.generate(customers, orders, events, 7);
		CustomerDataset data = d.dataset();
		Engine engine = new Engine();
		try (Connection duck = Sql.duckdb()) {
			Sql.loadDuckOrders(duck, d);
			Sql.loadDuckEvents(duck, d);

			FunnelResult funnel = engine.funnel(data);
			List<long[]> rows = Sql.duckFunnel(duck);
			Map<String, Long> expected = new TreeMap<>();
			Map<String, Long> actual = new TreeMap<>();
			for (int k = 0; k < funnel.steps().size(); k++) {
				FunnelResult.Step step = funnel.steps().get(k);
				expected.put((k + 1) + " customers", step.customers());
				actual.put((k + 1) + " customers", rows.get(k)[0]);
				if (k > 0) {
					expected.put((k + 1) + " median×2", step.medianSecondsFromPrevious().multiply(java.math.BigDecimal.TWO)
							.longValueExact());
					actual.put((k + 1) + " median×2", rows.get(k)[1]);
				}
			}
			same("funnel steps and medians (DuckDB)", expected, actual);

			PathResult paths = engine.paths(data);
			Map<String, Long> top = new TreeMap<>();
			for (PathResult.Path p : paths.paths()) {
				top.put(p.text(), p.count());
			}
			same("top 20 paths (DuckDB)", top, new TreeMap<>(Sql.duckPaths(duck)));

			ConversionResult conversion = engine.conversion(data);
			Map<String, Long> moves = new TreeMap<>();
			for (ConversionResult.Move m : conversion.matrix()) {
				if (m.customers() > 0) {
					moves.put(m.from() + "→" + m.to(), m.customers());
				}
			}
			for (ConversionResult.Move m : conversion.entrants()) {
				if (m.customers() > 0) {
					moves.put(ConversionResult.ENTRANT + "→" + m.to(), m.customers());
				}
			}
			same("tier conversion matrix and entrants (DuckDB)", moves, new TreeMap<>(Sql.duckConversion(duck)));
		}
	}

	public static void cohorts(int customers, long orders) throws Exception {
		ShopData d = ShopData.generate(customers, orders, 0, 7);
		io.custops.engine.CohortResult r = new Engine().cohorts(d.dataset());
		Map<String, Long> engine = new TreeMap<>();
		for (io.custops.engine.CohortResult.Cohort c : r.cohorts()) {
			for (io.custops.engine.CohortResult.Period p : c.periods()) {
				if (p.customers() > 0) {
					String key = c.cohort() + "/" + p.period() + " ";
					engine.put(key + "customers", p.customers());
					engine.put(key + "orders", p.orders());
					engine.put(key + "cents", p.revenue().movePointRight(2).longValueExact());
				}
			}
		}
		try (Connection duck = Sql.duckdb()) {
			Sql.loadDuckOrders(duck, d);
			same("monthly cohorts: customers, orders and revenue per cell (DuckDB)", engine, Sql.duckCohorts(duck));
		}
	}

	private static Map<String, Long> nonZero(Map<String, Long> counts) {
		Map<String, Long> map = new TreeMap<>();
		counts.forEach((k, v) -> {
			if (v > 0) {
				map.put(k, v);
			}
		});
		return map;
	}

	private static void same(String what, Map<String, Long> engine, Map<String, Long> sql) {
		Map<String, Long> s = new TreeMap<>(sql);
		if (!new TreeMap<>(engine).equals(s)) {
			List<String> diff = new ArrayList<>();
			diff.add("engine " + new TreeMap<>(engine));
			diff.add("sql    " + s);
			throw new IllegalStateException("check failed: " + what + " differ:\n  " + String.join("\n  ", diff));
		}
		System.out.printf("check: %s agree (%d values)%n", what, engine.size());
	}
}
