package io.custops.engine.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.FunnelResult;
import io.custops.engine.internal.FunnelService;

/**
 * A behaviour funnel inside a source: one query that matches each customer's events to the
 * steps by the in-memory rules (docs/analyses.md, "Funnels") and returns aggregates only: the
 * customers per depth reached, per step the count, the exact sum and the two middle values of
 * the seconds from the previous step, and the time-to-convert histogram, overall and per
 * breakdown group. The percentages, medians and means are then made by the in-memory code
 * ({@link FunnelService#assemble}). Obtained from {@link io.custops.engine.FunnelAnalysis#pushdown}.
 *
 * <p>How the rules are kept: the events of a customer are numbered in the order the in-memory
 * matcher reads them (time, then within one second an event of an earlier step first). For
 * {@code ordered}, the attempt reaching step k at an event is the one that reached step k−1
 * at the latest earlier event (a later first-step event restarts it); its event times never
 * decrease along the events, so a running {@code MAX} over the step-(k−1) rows finds it. For
 * {@code strict}, the attempt reaching step k−1 must be at the event just before. For
 * {@code any}, each step event starts an attempt taking the first later event of each step
 * (a running {@code MIN} in reverse order), in time order, until a window fails; the deepest,
 * then the earliest completed, then the latest started counts. A customer's result is the
 * first attempt to reach the deepest step; an exclusion event between its steps leaves the
 * customer out. Repeated rows of one event (same customer, time, type and session, which a
 * workspace keeps once) are read once when a type is two steps; otherwise they cannot change
 * the result.
 *
 * <p>Every CTE but the events {@code e} is read once, so that Trino and Spark SQL, which inline
 * a CTE at each reference, evaluate each step once: the levels carry the lower levels' rows
 * along, the exclusions are window functions over the results and the exclusion events, and the
 * figures' rows come from one reading of the results crossed with a {@code VALUES} list.
 */
public final class FunnelQuery {

	/** The result columns, in order. */
	public static final List<String> COLUMNS = List.of("part", "g", "grp", "k", "customers", "total", "low", "high");

	/** An exclusion: an event of {@code type} between the events of steps {@code from} and {@code to} (0-based). */
	public record Exclusion(String type, int from, int to) {
	}

	/** The breakdown by the channel of the event matched at the first step. */
	public static final String CHANNEL = "channel";

	private static final String NONE = "(none)";
	private static final long NO_WINDOW = Long.MAX_VALUE;
	private static final long[] BOUNDS = { 0, 60, 300, 900, 3600, 21_600, 86_400, 259_200, 604_800, 1_209_600,
			2_592_000 };

	private final List<String> stepNames;
	private final int n;
	private final long window;
	private final long[] stepWindow;
	private final String order;
	private final String breakdownBy;
	private final Integer dropAt;
	private final Map<String, String> parameters;
	private final SqlDialect d;
	private final String with;
	private final String sql;

	private final long[] depthCounts;
	private final long[] histogram = new long[BOUNDS.length];
	private final Stats overall;
	private final Map<String, long[]> groupDepths = new LinkedHashMap<>();
	private final Map<String, Stats> groupStats = new LinkedHashMap<>();
	private long[] noneDepths;
	private Stats noneStats;

	/** Per step k ≥ 1: customers, sum of seconds, lower and upper middle value. */
	private static final class Stats {
		final long[] count;
		final long[] sum;
		final long[] low;
		final long[] high;

		Stats(int n) {
			count = new long[n];
			sum = new long[n];
			low = new long[n];
			high = new long[n];
		}
	}

	/**
	 * @param steps       the event types of the steps, in order
	 * @param window      seconds from the first step's event, or {@link Long#MAX_VALUE} for none
	 * @param stepWindow  per step, seconds from the previous step's event ({@link Long#MAX_VALUE}: none; index 0 unused)
	 * @param order       {@code ordered}, {@code strict} or {@code any}
	 * @param from        only events at or after this day's 00:00, or null
	 * @param to          only events before this day's 00:00, or null
	 * @param breakdownBy null, {@value #CHANNEL} or {@code attribute:NAME} (a column of the customers table)
	 * @param parameters  the resolved parameters, as the result reports them
	 * @throws NoPushdownException naming the funnel and the dialect when it cannot be written for it
	 */
	public FunnelQuery(List<String> steps, long window, long[] stepWindow, String order, List<Exclusion> exclusions,
			LocalDate from, LocalDate to, String breakdownBy, Integer dropAt, Map<String, String> parameters,
			SqlDialect dialect, SourceTables tables) {
		this.stepNames = List.copyOf(steps);
		this.n = steps.size();
		this.window = window;
		this.stepWindow = stepWindow.clone();
		this.order = order;
		this.breakdownBy = breakdownBy;
		this.dropAt = dropAt;
		this.parameters = new LinkedHashMap<>(parameters);
		this.d = dialect;
		this.depthCounts = new long[n + 1];
		this.overall = new Stats(n);
		String name = "funnel " + String.join(">", steps);
		if (dialect == SqlDialect.HSQLDB) {
			throw new NoPushdownException(name, dialect,
					"its SQL numbers each customer's events with window functions (ROW_NUMBER, running MAX) that HSQLDB lacks");
		}
		if ("any".equals(order) && new HashSet<>(steps.stream().map(String::strip).toList()).size() < n) {
			throw new NoPushdownException(name, dialect,
					"order=any with a step type repeated (" + steps + ") is matched in memory only");
		}
		if (breakdownBy != null && !breakdownBy.equals(CHANNEL) && !breakdownBy.startsWith("attribute:")) {
			throw new NoPushdownException(name + " broken down by " + breakdownBy, dialect,
					"a breakdown by an analysis runs in memory only; break down by channel or a customer attribute");
		}
		StringBuilder q = new StringBuilder();
		build(q, exclusions, from, to, tables);
		this.with = q.toString();
		this.sql = with + aggregates();
	}

	/** The SQL to send (read-only; it reads the mapped tables only). */
	public String sql() {
		return sql;
	}

	/**
	 * The SQL listing the customers who reached step {@code dropAt − 1} but not step
	 * {@code dropAt} (one column, customer_id, ascending), or null without dropAt.
	 */
	public String droppedSql() {
		return dropAt == null ? null
				: with + "SELECT customer_id FROM f WHERE depth = " + (dropAt - 1) + "\nORDER BY customer_id";
	}

	private String secs(String from, String to) {
		return d.secondsBetween(from, to);
	}

	private String step(int k) {
		return SqlDialect.literal(stepNames.get(k).strip());
	}

	private static String a(int k) {
		return "a" + k;
	}

	private void build(StringBuilder q, List<Exclusion> exclusions, LocalDate from, LocalDate to, SourceTables tables) {
		boolean strict = "strict".equals(order);
		boolean channel = CHANNEL.equals(breakdownBy);
		List<String> fields = new ArrayList<>(List.of("customer_id", "event_time", "event_type"));
		if (channel) {
			fields.add("channel");
		}
		// a workspace keeps one event per identity (customer, time, type, session): repeated rows are one
		// event. That matters only when a type is two steps (two rows of one second would be two views).
		boolean repeated = new HashSet<>(stepNames.stream().map(String::strip).toList()).size() < n;
		if (repeated) {
			fields.add("session_id");
		}
		q.append("WITH ev0 AS (").append(repeated ? "SELECT DISTINCT * FROM (" : "")
				.append(tables.select("events", fields.toArray(String[]::new))).append(repeated ? ") d" : "")
				.append("),\n");
		String range = (from == null ? "" : " AND event_time >= " + d.timestamp(from.atStartOfDay()))
				+ (to == null ? "" : " AND event_time < " + d.timestamp(to.atStartOfDay()));
		Set<String> types = new java.util.LinkedHashSet<>();
		for (int k = 0; k < n; k++) {
			types.add(step(k));
		}
		// the customer's events in the matcher's order: time, then an earlier step's event first, other events last
		StringBuilder rank = new StringBuilder("CASE event_type");
		Set<String> ranked = new HashSet<>();
		for (int k = 0; k < n; k++) {
			if (ranked.add(step(k))) {
				rank.append(" WHEN ").append(step(k)).append(" THEN ").append(k);
			}
		}
		rank.append(" ELSE ").append(n).append(" END");
		q.append("e AS (\n  SELECT customer_id, event_time AS t, event_type AS ty").append(channel ? ", ch" : "")
				.append(",\n    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY event_time, r) AS p\n")
				.append("  FROM (SELECT customer_id, event_time, event_type").append(channel ? ", NULLIF(channel, '') AS ch" : "")
				.append(", ").append(rank).append(" AS r FROM ev0\n    WHERE event_time IS NOT NULL")
				.append(strict ? "" : " AND event_type IN (" + String.join(", ", types) + ")").append(range)
				.append(") q),\n");
		if (!exclusions.isEmpty()) {
			Set<String> x = new java.util.LinkedHashSet<>();
			exclusions.forEach(e -> x.add(SqlDialect.literal(e.type().strip())));
			q.append("xe AS (\n  SELECT customer_id, event_time AS t, event_type AS ty FROM ev0\n  WHERE event_type IN (")
					.append(String.join(", ", x)).append(")").append(range).append("),\n");
		}
		if ("any".equals(order)) {
			anyOrder(q);
		} else {
			sequential(q, strict);
		}
		String results = "b";
		if (!exclusions.isEmpty()) {
			excluded(q, exclusions);
			results = "bx";
		}
		// the customers left after the exclusions, with their group
		q.append("f AS (\n  SELECT b.customer_id, b.depth");
		for (int k = 0; k < n; k++) {
			q.append(", b.").append(a(k));
		}
		if (breakdownBy == null) {
			q.append(", CAST(NULL AS VARCHAR(200)) AS grp\n  FROM ").append(results).append(" b");
		} else if (channel) {
			q.append(", g.ch AS grp\n  FROM ").append(results)
					.append(" b JOIN e g ON g.customer_id = b.customer_id AND g.p = b.p0");
		} else {
			String attribute = SourceTables.checkName("attribute", breakdownBy.substring("attribute:".length()));
			q.append(", NULLIF(CAST(c.").append(attribute).append(" AS VARCHAR(200)), '') AS grp\n  FROM ").append(results)
					.append(" b LEFT JOIN (").append(tables.select("customers", "customer_id", attribute))
					.append(") c ON c.customer_id = b.customer_id");
		}
		q.append("),\n");
		// the figures' rows from one reading of f (an engine that inlines a CTE evaluates it once per
		// reference): per (part, g) of the VALUES list, 'd' the customer's depth, 'm' the seconds
		// from step k to k+1 of those who reached it, 'h' the time-to-convert bin of those who converted
		List<String> kinds = new ArrayList<>();
		for (int g = 0; g <= (breakdownBy == null ? 0 : 1); g++) {
			kinds.add("('d', " + g + ", 0)");
			for (int k = 1; k < n; k++) {
				kinds.add("('m', " + g + ", " + k + ")");
			}
		}
		if (n > 1) {
			kinds.add("('h', 0, 0)");
		}
		StringBuilder delta = new StringBuilder("CASE x.k");
		for (int k = 1; k < n; k++) {
			delta.append(" WHEN ").append(k).append(" THEN ").append(secs("f." + a(k - 1), "f." + a(k)));
		}
		delta.append(" END");
		StringBuilder bucket = new StringBuilder("CASE");
		for (int i = BOUNDS.length - 1; i >= 1; i--) {
			bucket.append(" WHEN ").append(secs("f.a0", "f." + a(n - 1))).append(" >= ").append(BOUNDS[i]).append(" THEN ")
					.append(i);
		}
		bucket.append(" ELSE 0 END");
		q.append("fx AS (\n  SELECT x.part, x.g, CASE WHEN x.g = 1 THEN f.grp END AS grp,\n")
				.append("    CASE x.part WHEN 'd' THEN f.depth WHEN 'h' THEN ").append(n > 1 ? bucket : "0")
				.append(" ELSE x.k END AS k,\n    ").append(n > 1 ? "CASE WHEN x.part = 'm' THEN " + delta + " END" : "CAST(NULL AS BIGINT)")
				.append(" AS delta\n  FROM f CROSS JOIN (VALUES ").append(String.join(", ", kinds))
				.append(") AS x (part, g, k)\n  WHERE x.part = 'd' OR (x.part = 'm' AND f.depth > x.k) OR (x.part = 'h' AND f.depth = ")
				.append(n).append(")),\n");
		q.append("mr AS (\n  SELECT part, g, grp, k, delta, ROW_NUMBER() OVER (PARTITION BY part, g, grp, k ORDER BY delta) AS rn,\n")
				.append("    COUNT(*) OVER (PARTITION BY part, g, grp, k) AS cnt FROM fx)\n");
	}

	/**
	 * {@code bx}: the results of {@code b} without an exclusion event between their steps. Window
	 * functions only, no join: each customer's result row and exclusion events in one list, the
	 * result's step times spread over the customer's rows by {@code MAX … OVER}, then a flag per
	 * customer. (A NOT EXISTS or a join of b with the exclusion events ran as a nested loop on
	 * PostgreSQL, which cannot estimate b's size: minutes on 20k customers.)
	 */
	private void excluded(StringBuilder q, List<Exclusion> exclusions) {
		String all = " OVER (PARTITION BY customer_id)";
		q.append("xu AS (\n  SELECT customer_id, 1 AS isb, depth, p0");
		for (int k = 0; k < n; k++) {
			q.append(", ").append(a(k));
		}
		q.append(", CAST(NULL AS TIMESTAMP) AS xt, CAST(NULL AS VARCHAR(200)) AS xty FROM b\n  UNION ALL\n")
				.append("  SELECT customer_id, 0 AS isb, NULL AS depth, NULL AS p0");
		for (int k = 0; k < n; k++) {
			q.append(", CAST(NULL AS TIMESTAMP) AS ").append(a(k));
		}
		q.append(", t AS xt, ty AS xty FROM xe),\n");
		q.append("xw AS (\n  SELECT customer_id, isb, xt, xty, MAX(depth)").append(all).append(" AS depth, MAX(p0)").append(all)
				.append(" AS p0");
		for (int k = 0; k < n; k++) {
			q.append(",\n    MAX(").append(a(k)).append(")").append(all).append(" AS ").append(a(k));
		}
		q.append("\n  FROM xu),\n");
		q.append("xf AS (\n  SELECT customer_id, isb, depth, p0");
		for (int k = 0; k < n; k++) {
			q.append(", ").append(a(k));
		}
		q.append(",\n    MAX(CASE WHEN isb = 0 AND (");
		for (int i = 0; i < exclusions.size(); i++) {
			Exclusion x = exclusions.get(i);
			q.append(i == 0 ? "\n      " : "\n      OR ").append("(xty = ").append(SqlDialect.literal(x.type().strip()))
					.append(" AND depth > ").append(x.from()).append(" AND xt >= ").append(a(x.from()))
					.append(" AND ((depth > ").append(x.to()).append(" AND xt <= ").append(a(x.to()))
					.append(") OR (depth <= ").append(x.to())
					.append(window == NO_WINDOW ? "" : " AND " + secs("a0", "xt") + " <= " + window).append(")))");
		}
		q.append(") THEN 1 ELSE 0 END)").append(all).append(" AS x\n  FROM xw),\n");
		q.append("bx AS (SELECT customer_id, depth, p0");
		for (int k = 0; k < n; k++) {
			q.append(", ").append(a(k));
		}
		q.append(" FROM xf WHERE isb = 1 AND x = 0),\n");
	}

	/**
	 * {@code ordered} and {@code strict}: level {@code L<k>} holds every event at which an attempt
	 * reaches step k+1 ({@code depth} k+1), and carries the lower levels' rows along ("done", in
	 * their own window partition), so that each level is read once: an engine that inlines CTEs
	 * (Trino, Spark) would otherwise evaluate the lower levels again for every reference.
	 */
	private void sequential(StringBuilder q, boolean strict) {
		String nullTime = "CAST(NULL AS TIMESTAMP)";
		q.append("L0 AS (SELECT customer_id, p, p AS p0, t AS a0");
		for (int j = 1; j < n; j++) {
			q.append(", ").append(nullTime).append(" AS ").append(a(j));
		}
		q.append(", 1 AS depth FROM e WHERE ty = ").append(step(0)).append("),\n");
		for (int k = 1; k < n; k++) {
			StringBuilder conditions = new StringBuilder();
			if (window != NO_WINDOW) {
				conditions.append(" AND ").append(secs("a0", "t")).append(" <= ").append(window);
			}
			if (stepWindow[k] != NO_WINDOW) {
				conditions.append(" AND ").append(secs(a(k - 1), "t")).append(" <= ").append(stepWindow[k]);
			}
			// the step k rows (side 1), the step k+1 candidates (side 0, before a row of the same event),
			// and the rows done before (side 2, partition dn = 1)
			q.append("u").append(k).append(" AS (\n  SELECT customer_id, p, CASE WHEN depth = ").append(k)
					.append(" THEN 1 ELSE 2 END AS side, CASE WHEN depth = ").append(k).append(" THEN 0 ELSE 1 END AS dn, ")
					.append(nullTime).append(" AS t, p0");
			for (int j = 0; j < n; j++) {
				q.append(", ").append(a(j));
			}
			q.append(", depth FROM L").append(k - 1).append("\n  UNION ALL\n  SELECT customer_id, p, 0, 0, t, CAST(NULL AS BIGINT)");
			for (int j = 0; j < n; j++) {
				q.append(", ").append(nullTime);
			}
			q.append(", CAST(NULL AS INTEGER) FROM e WHERE ty = ").append(step(k)).append("),\n");
			String w = " OVER (PARTITION BY customer_id, dn ORDER BY p, side"
					+ (strict ? ")" : " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
			q.append("v").append(k).append(" AS (\n  SELECT customer_id, p, side, depth, t");
			// a candidate takes the attempt of the latest earlier step-k row (ordered: running MAX,
			// since an attempt's times never decrease along the events), or of the event just before (strict)
			String adjacent = "LAG(side)" + w + " = 1 AND LAG(p)" + w + " = p - 1";
			for (String column : columns(k)) {
				String taken = strict ? "CASE WHEN " + adjacent + " THEN LAG(" + column + ")" + w + " END"
						: "MAX(" + column + ")" + w;
				q.append(",\n    CASE WHEN side = 0 THEN ").append(taken).append(" ELSE ").append(column).append(" END AS ")
						.append(column);
			}
			for (int j = k; j < n; j++) {
				q.append(", ").append(a(j));
			}
			q.append("\n  FROM u").append(k).append("),\n");
			q.append("L").append(k).append(" AS (\n  SELECT customer_id, p, p0");
			for (int j = 0; j < n; j++) {
				q.append(", ").append(j == k ? "CASE WHEN side = 0 THEN t ELSE " + a(j) + " END AS " + a(j) : a(j));
			}
			q.append(", CASE WHEN side = 0 THEN ").append(k + 1).append(" ELSE depth END AS depth FROM v").append(k)
					.append("\n  WHERE side > 0 OR (a0 IS NOT NULL").append(conditions).append(")),\n");
		}
		// the first attempt to reach the deepest step
		q.append("b AS (\n  SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY depth DESC, p)")
				.append(" AS rn FROM L").append(n - 1).append(" r) q WHERE rn = 1),\n");
	}

	/** p0 and the step times a0 … a(k−1): what a candidate for step k+1 takes from the attempt. */
	private static List<String> columns(int k) {
		List<String> columns = new ArrayList<>(List.of("p0"));
		for (int j = 0; j < k; j++) {
			columns.add(a(j));
		}
		return columns;
	}

	/** {@code any}: an attempt from each step event, taking the first later event of each step in time order. */
	private void anyOrder(StringBuilder q) {
		String over = " OVER (PARTITION BY customer_id ORDER BY p DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
		q.append("nx AS (\n  SELECT customer_id, p, t");
		for (int k = 0; k < n; k++) {
			q.append(",\n    MIN(CASE WHEN ty = ").append(step(k)).append(" THEN t END)").append(over).append(" AS n")
					.append(k);
		}
		q.append("\n  FROM e),\n");
		// one row per step from each event (a VALUES list: nx is read once)
		StringBuilder pick = new StringBuilder("CASE x.k");
		List<String> ks = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			pick.append(" WHEN ").append(k).append(" THEN n").append(k);
			ks.add("(" + k + ")");
		}
		pick.append(" END");
		q.append("un AS (\n  SELECT customer_id, p, t0, u FROM (SELECT customer_id, p, t AS t0, ").append(pick)
				.append(" AS u FROM nx CROSS JOIN (VALUES ").append(String.join(", ", ks))
				.append(") AS x (k)) y WHERE u IS NOT NULL),\n");
		String part = " OVER (PARTITION BY customer_id, p ORDER BY u)";
		q.append("od AS (\n  SELECT customer_id, p, t0, u, ROW_NUMBER()").append(part).append(" AS o, LAG(u)").append(part)
				.append(" AS prev FROM un),\n");
		// the first event taken outside a window ends the attempt
		List<String> fails = new ArrayList<>();
		if (window != NO_WINDOW) {
			fails.add(secs("t0", "u") + " > " + window);
		}
		for (int k = 1; k < n; k++) {
			if (stepWindow[k] != NO_WINDOW) {
				fails.add("(o = " + (k + 1) + " AND " + secs("prev", "u") + " > " + stepWindow[k] + ")");
			}
		}
		String attempt = " OVER (PARTITION BY customer_id, p)";
		q.append("dp AS (\n  SELECT customer_id, p, u, o, ")
				.append(fails.isEmpty() ? "COUNT(*)" + attempt
						: "COALESCE(MIN(CASE WHEN " + String.join(" OR ", fails) + " THEN o END)" + attempt + " - 1, COUNT(*)"
								+ attempt + ")")
				.append(" AS depth FROM od),\n");
		q.append("ac AS (\n  SELECT customer_id, p, MIN(depth) AS depth, MAX(u) AS fin");
		for (int k = 0; k < n; k++) {
			q.append(", MAX(CASE WHEN o = ").append(k + 1).append(" THEN u END) AS ").append(a(k));
		}
		q.append("\n  FROM dp WHERE o <= depth GROUP BY customer_id, p),\n");
		q.append("b AS (\n  SELECT * FROM (SELECT ac.*, ac.p AS p0, ROW_NUMBER() OVER (PARTITION BY customer_id")
				.append(" ORDER BY depth DESC, fin, p DESC) AS rn FROM ac) q WHERE rn = 1),\n");
	}

	private String aggregates() {
		return "SELECT part, g, grp, k, COUNT(*) AS customers, CAST(COALESCE(SUM(delta), 0) AS BIGINT) AS total,\n"
				+ "  MIN(CASE WHEN rn = " + d.intDiv("cnt + 1", "2") + " THEN delta END) AS low, MIN(CASE WHEN rn = "
				+ d.intDiv("cnt", "2") + " + 1 THEN delta END) AS high\nFROM mr GROUP BY part, g, grp, k";
	}

	private static long whole(String text) {
		return text == null || text.isBlank() ? 0 : new BigDecimal(text.strip()).longValueExact();
	}

	/** One row of the query's result, as text in {@link #COLUMNS} order (NULL as null or ""). */
	public void accept(String[] row) {
		String part = row[0].strip();
		boolean group = whole(row[1]) == 1;
		String grp = row[2] == null || row[2].isEmpty() ? null : row[2];
		int k = (int) whole(row[3]);
		long customers = whole(row[4]);
		switch (part) {
		case "d" -> {
			long[] depths = !group ? depthCounts
					: grp == null ? (noneDepths == null ? noneDepths = new long[n + 1] : noneDepths)
							: groupDepths.computeIfAbsent(grp, x -> new long[n + 1]);
			depths[k] += customers;
		}
		case "m" -> {
			Stats s = !group ? overall
					: grp == null ? (noneStats == null ? noneStats = new Stats(n) : noneStats)
							: groupStats.computeIfAbsent(grp, x -> new Stats(n));
			s.count[k] = customers;
			s.sum[k] = whole(row[5]);
			s.low[k] = whole(row[6]);
			s.high[k] = whole(row[7]);
		}
		case "h" -> histogram[k] += customers;
		default -> throw new IllegalStateException("unexpected row part '" + part + "'");
		}
	}

	private long[] reached(long[] depths) {
		long[] reached = new long[n];
		long at = 0;
		for (int k = n - 1; k >= 0; k--) {
			at += depths[k + 1];
			reached[k] = at;
		}
		return reached;
	}

	private FunnelService.GroupFigures figures(String name, long[] depths, Stats s) {
		long[] reached = reached(depths == null ? new long[n + 1] : depths);
		BigDecimal[] medians = new BigDecimal[n];
		BigDecimal[] means = new BigDecimal[n];
		for (int k = 1; k < n; k++) {
			long count = s == null ? 0 : s.count[k];
			if (count != reached[k]) {
				throw new IllegalStateException("step " + (k + 1) + " of " + name + ": " + count + " times for "
						+ reached[k] + " customers");
			}
			if (count > 0) {
				medians[k] = FunnelService.median(s.low[k], s.high[k]);
				means[k] = FunnelService.mean(s.sum[k], count);
			}
		}
		return new FunnelService.GroupFigures(name, reached, medians, means);
	}

	/** The funnel from the rows accepted so far, with the in-memory run's figures, rounding and group order. */
	public FunnelResult result() {
		FunnelService.GroupFigures all = figures("the funnel", depthCounts, overall);
		List<FunnelResult.Group> groups = null;
		if (breakdownBy != null) {
			List<FunnelService.GroupFigures> named = new ArrayList<>();
			Set<String> names = new java.util.TreeSet<>(groupDepths.keySet());
			names.addAll(groupStats.keySet());
			for (String name : names) {
				named.add(figures(name, groupDepths.get(name), groupStats.get(name)));
			}
			groups = FunnelService.groups(stepNames, false, named, figures(NONE, noneDepths, noneStats));
		}
		return FunnelService.assemble(stepNames, all.reached(), all.medians(), all.means(), breakdownBy, groups,
				histogram, parameters, null, dropAt, parameters.get("window"), order);
	}
}
