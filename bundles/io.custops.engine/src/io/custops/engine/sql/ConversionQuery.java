package io.custops.engine.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.param.Parameters;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.ConversionResult;
import io.custops.engine.internal.TierConversionService;

/**
 * A tier conversion inside a source: one query that classifies the customers at each bound with
 * the analysis's own {@link SqlPushdown} and counts, per pair of bounds, the customers by
 * (member or entrant, level at the start, level at the end). Only those counts come back; the
 * matrix, the rates and the series are then made by the in-memory code. Obtained from
 * {@link io.custops.engine.TierConversion#pushdown}.
 *
 * <p>Rules kept equal to the in-memory run: a member is a customer whose first paid order is
 * before the start (00:00, the source's wall clock), an entrant one whose first paid order is
 * in [start, end); a customer the analysis leaves out or gives a NULL label is unclassified.
 */
public final class ConversionQuery {

	/** The result columns, in order. */
	public static final List<String> COLUMNS = List.of("pair", "kind", "from_label", "to_label", "customers");

	private final String analysis;
	private final LocalDate from;
	private final LocalDate to;
	private final Map<String, String> parameters;
	private final List<String> levels;
	private final String period;
	private final List<LocalDate> bounds;
	private final String sql;
	private final Map<String, Integer> rank = new HashMap<>();
	private final long[] matrix;
	private final long[] entrants;
	private final long[][] pairMatrices;
	private final long[][] pairEntrants;

	/**
	 * @param bounds the start, the period ends of the series (if any) and the end, ascending
	 */
	public ConversionQuery(String analysis, SqlPushdown pushdown, SqlDialect dialect, SourceTables tables,
			Parameters parameters, List<String> levels, String period, List<LocalDate> bounds) {
		this.analysis = analysis;
		this.from = bounds.get(0);
		this.to = bounds.get(bounds.size() - 1);
		this.parameters = parameters.asText();
		this.levels = List.copyOf(levels);
		this.period = period;
		this.bounds = List.copyOf(bounds);
		for (int i = 0; i < levels.size(); i++) {
			rank.put(levels.get(i), i);
		}
		int width = levels.size() + 1;
		this.matrix = new long[width * width];
		this.entrants = new long[width];
		int pairs = period == null ? 0 : bounds.size() - 1;
		this.pairMatrices = new long[pairs][width * width];
		this.pairEntrants = new long[pairs][width];
		this.sql = build(pushdown, dialect, tables, parameters);
	}

	/** The SQL to send (read-only; it reads the mapped tables only). */
	public String sql() {
		return sql;
	}

	/** Pair 0 is the whole span; pair k ≥ 1 the k-th period of the series. */
	private List<int[]> pairs() {
		List<int[]> pairs = new ArrayList<>();
		pairs.add(new int[] { 0, bounds.size() - 1 });
		if (period != null) {
			for (int b = 0; b + 1 < bounds.size(); b++) {
				pairs.add(new int[] { b, b + 1 });
			}
		}
		return pairs;
	}

	private String build(SqlPushdown pushdown, SqlDialect d, SourceTables tables, Parameters parameters) {
		StringBuilder q = new StringBuilder("WITH o AS (")
				.append(tables.select("orders", "customer_id", "order_time", "status")).append("),\n");
		// the first paid order of each customer who had one before the end
		q.append("p AS (\n  SELECT customer_id, MIN(order_time) AS first_paid FROM o\n  WHERE LOWER(status) = 'paid' AND order_time < ")
				.append(d.timestamp(to.atStartOfDay())).append("\n  GROUP BY customer_id)");
		for (int b = 0; b < bounds.size(); b++) {
			String classify = pushdown.query(d, tables, bounds.get(b), parameters).strip();
			q.append(",\nl").append(b).append(" AS (\n  SELECT customer_id, label FROM (\n")
					.append(classify.indent(4).stripTrailing()).append("\n  ) q").append(b).append(')');
		}
		q.append("\nSELECT pair, kind, from_label, to_label, COUNT(*) AS customers FROM (");
		List<int[]> pairs = pairs();
		for (int k = 0; k < pairs.size(); k++) {
			int a = pairs.get(k)[0];
			int b = pairs.get(k)[1];
			String start = d.timestamp(bounds.get(a).atStartOfDay());
			q.append(k == 0 ? "\n" : "\n  UNION ALL\n").append("  SELECT ").append(k).append(" AS pair, CASE WHEN p.first_paid < ")
					.append(start).append(" THEN 'm' ELSE 'e' END AS kind, CASE WHEN p.first_paid < ").append(start)
					.append(" THEN a.label END AS from_label, b.label AS to_label\n  FROM p LEFT JOIN l").append(a)
					.append(" a ON a.customer_id = p.customer_id LEFT JOIN l").append(b)
					.append(" b ON b.customer_id = p.customer_id\n  WHERE p.first_paid < ")
					.append(d.timestamp(bounds.get(b).atStartOfDay()));
		}
		q.append("\n) x\nGROUP BY pair, kind, from_label, to_label");
		return q.toString();
	}

	/** One row of the query's result, as text in {@link #COLUMNS} order (NULL as null or ""). */
	public void accept(String[] row) {
		int pair = Integer.parseInt(row[0].strip());
		boolean member = "m".equals(row[1].strip());
		int a = rank(row[2]);
		int b = rank(row[3]);
		long n = Long.parseLong(row[4].strip());
		int width = levels.size() + 1;
		long[] m = pair == 0 ? matrix : pairMatrices[pair - 1];
		long[] e = pair == 0 ? entrants : pairEntrants[pair - 1];
		if (member) {
			m[a * width + b] += n;
		} else {
			e[b] += n;
		}
	}

	private int rank(String label) {
		if (label == null || label.isEmpty()) {
			return levels.size();
		}
		Integer r = rank.get(label);
		if (r == null) {
			throw new IllegalStateException("'" + analysis + "' gave the label '" + label + "' that it does not declare ("
					+ levels + ")");
		}
		return r;
	}

	/** The conversion from the rows accepted so far, with the in-memory run's figures and rounding. */
	public ConversionResult result() {
		return TierConversionService.assemble(analysis, from, to, parameters, levels, period, bounds, matrix, entrants,
				period == null ? null : pairMatrices, period == null ? null : pairEntrants);
	}
}
