package io.custops.engine.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.custops.core.data.EventTypes;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.PathResult;
import io.custops.engine.internal.PathService;

/**
 * The behaviour paths inside a source: one query that builds each unit's path (session or
 * customer) by the in-memory rules (docs/analyses.md, "Paths") and returns aggregates only:
 * the paths as frequent as the top-th one with their counts, the number of units and of
 * distinct paths, the flows between positions, and which of the named event types exist. The
 * order of the top paths, their percentages and the flows' order are then made by the
 * in-memory code ({@link PathService#assemble}). Obtained from
 * {@link io.custops.engine.PathAnalysis#pushdown}.
 *
 * <p>How the rules are kept: a unit's events are numbered in time order, events of one second
 * in the standard types' order (then other types by name), as the in-memory run orders them;
 * excluded types are left out before consecutive repeats are collapsed ({@code LAG}); the
 * anchors cut at the first occurrence ({@code MIN … OVER} the unit); a path longer than the
 * maximum length keeps the row just past the cut as the marker {@value PathResult#CUT}. The
 * path's text is an ordered string aggregate; the flows come from the same rows with
 * {@code LEAD}, both in one {@code GROUPING SETS} pass: every CTE but the events is read once, so
 * that Trino and Spark SQL, which inline a CTE at each reference, evaluate each step once.
 */
public final class PathQuery {

	/** The result columns, in order. */
	public static final List<String> COLUMNS = List.of("part", "k", "a", "b", "n", "d", "units");

	private static final String SEPARATOR = " > ";

	private final int top;
	private final String by;
	/** The event types the parameters name, as (parameter key, type), in the order the in-memory run checks them. */
	private final List<Map.Entry<String, String>> named = new ArrayList<>();
	private final Map<String, String> parameters;
	private final String sql;

	private long units;
	private long distinct;
	private boolean sessions;
	private final List<Map.Entry<List<String>, Long>> candidates = new ArrayList<>();
	private final List<PathResult.Flow> flows = new ArrayList<>();
	private final Set<String> types = new TreeSet<>();

	/**
	 * @param top        how many paths to list
	 * @param maxLength  the longest path kept, in steps
	 * @param start      the start anchor's event type, or null
	 * @param end        the end anchor's event type, or null
	 * @param notReached only units that do not reach this type, or null
	 * @param excluded   event types left out
	 * @param from       only events at or after this day's 00:00, or null
	 * @param to         only events before this day's 00:00, or null
	 * @param by         {@code session}, {@code customer} or {@code auto} (sessions when the events have any)
	 * @param parameters the resolved parameters, as the result reports them
	 * @throws NoPushdownException naming the paths and the dialect when it cannot be written for it
	 */
	public PathQuery(int top, int maxLength, String start, String end, String notReached, List<String> excluded,
			LocalDate from, LocalDate to, String by, Map<String, String> parameters, SqlDialect dialect,
			SourceTables tables) {
		if (dialect == SqlDialect.HSQLDB) {
			throw new NoPushdownException("paths", dialect,
					"its SQL numbers each unit's events and collapses repeats with window functions (ROW_NUMBER, LAG)"
							+ " that HSQLDB lacks");
		}
		this.top = top;
		this.by = by;
		this.parameters = new LinkedHashMap<>(parameters);
		excluded.forEach(x -> named.add(Map.entry("exclude", x.strip())));
		String[] keys = { "start", "end", "notReached" };
		String[] anchors = { start, end, notReached };
		for (int i = 0; i < keys.length; i++) {
			if (anchors[i] != null) {
				named.add(Map.entry(keys[i], anchors[i].strip()));
			}
		}
		this.sql = build(maxLength, strip(start), strip(end), strip(notReached), excluded, from, to, dialect, tables);
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}

	/** The SQL to send (read-only; it reads the mapped events table only). */
	public String sql() {
		return sql;
	}

	private String build(int maxLength, String start, String end, String notReached, List<String> excluded,
			LocalDate from, LocalDate to, SqlDialect d, SourceTables tables) {
		boolean session = !by.equals("customer");
		boolean auto = by.equals("auto");
		StringBuilder q = new StringBuilder();
		List<String> fields = new ArrayList<>(List.of("customer_id", "event_time", "event_type"));
		if (session) {
			fields.add("session_id");
		}
		q.append("WITH ev0 AS (").append(tables.select("events", fields.toArray(String[]::new))).append("),\n");
		if (auto) {
			// by=auto: sessions when any event of the source has one (as the in-memory dataset decides)
			q.append("hs AS (SELECT COUNT(*) AS n FROM ev0 WHERE session_id <> ''),\n");
		}
		String unit = !session ? "CAST(NULL AS VARCHAR(200))"
				: auto ? "CASE WHEN hs.n > 0 THEN NULLIF(session_id, '') END" : "NULLIF(session_id, '')";
		// events of one second: the standard types in their order, then other types by name
		StringBuilder rank = new StringBuilder("CASE event_type");
		for (int i = 0; i < EventTypes.STANDARD.size(); i++) {
			rank.append(" WHEN ").append(SqlDialect.literal(EventTypes.STANDARD.get(i))).append(" THEN ").append(i);
		}
		rank.append(" ELSE ").append(EventTypes.STANDARD.size()).append(" END");
		String byName = d == SqlDialect.POSTGRESQL ? "event_type COLLATE \"C\"" : "event_type";
		String range = (from == null ? "" : " AND event_time >= " + d.timestamp(from.atStartOfDay()))
				+ (to == null ? "" : " AND event_time < " + d.timestamp(to.atStartOfDay()));
		String out = excluded.isEmpty() ? ""
				: " AND event_type NOT IN (" + String.join(", ", excluded.stream().map(x -> SqlDialect.literal(x.strip())).toList())
						+ ")";
		String unitOf = "PARTITION BY customer_id, u";
		q.append("e AS (\n  SELECT customer_id, u, event_type AS ty,\n    ROW_NUMBER() OVER (").append(unitOf)
				.append(" ORDER BY event_time, r, ").append(byName).append(") AS p\n")
				.append("  FROM (SELECT customer_id, event_time, event_type, ").append(unit).append(" AS u, ").append(rank)
				.append(" AS r FROM ev0").append(auto ? " CROSS JOIN hs" : "")
				.append("\n    WHERE customer_id IS NOT NULL AND event_time IS NOT NULL AND event_type IS NOT NULL").append(out).append(range)
				.append(") q),\n");
		// consecutive repeats collapsed (after the exclusions)
		q.append("c AS (\n  SELECT customer_id, u, ty, p, LAG(ty) OVER (").append(unitOf)
				.append(" ORDER BY p) AS prev FROM e),\n");
		String prevLevel = "c";
		String keep = "prev IS NULL OR prev <> ty";
		if (start != null) {
			q.append("k0 AS (\n  SELECT customer_id, u, ty, p, MIN(CASE WHEN ty = ").append(SqlDialect.literal(start))
					.append(" THEN p END) OVER (").append(unitOf).append(") AS p0 FROM ").append(prevLevel).append(" WHERE ")
					.append(keep).append("),\n");
			prevLevel = "k0";
			keep = "p >= p0";
		}
		// the steps numbered from 1, from the start anchor on
		q.append("k1 AS (\n  SELECT customer_id, u, ty, ROW_NUMBER() OVER (").append(unitOf).append(" ORDER BY p) AS q")
				.append(end == null ? "" : ", MIN(CASE WHEN ty = " + SqlDialect.literal(end) + " THEN p END) OVER (" + unitOf
						+ ") AS pe")
				.append(", p FROM ").append(prevLevel).append(" WHERE ").append(keep).append("),\n");
		// up to the end anchor; units without one are left out, and units reaching notReached
		q.append("k2 AS (\n  SELECT customer_id, u, ty, q, COUNT(*) OVER (").append(unitOf).append(") AS len");
		if (notReached != null) {
			q.append(", MAX(CASE WHEN ty = ").append(SqlDialect.literal(notReached)).append(" THEN 1 ELSE 0 END) OVER (")
					.append(unitOf).append(") AS nr");
		}
		q.append(" FROM k1").append(end == null ? "" : " WHERE p <= pe").append("),\n");
		// at most maxLength steps: the row just past the cut becomes the marker
		String m = Integer.toString(maxLength);
		String cut = SqlDialect.literal(PathResult.CUT);
		q.append("pp AS (\n  SELECT customer_id, u, ");
		if (end == null) {
			q.append("q AS pos, CASE WHEN q > ").append(m).append(" THEN ").append(cut).append(" ELSE ty END AS ty FROM k2")
					.append("\n  WHERE q <= ").append(maxLength + 1);
		} else {
			q.append("CASE WHEN len > ").append(m).append(" THEN q - (len - ").append(m).append(") + 1 ELSE q END AS pos, ")
					.append("CASE WHEN q = len - ").append(m).append(" THEN ").append(cut).append(" ELSE ty END AS ty FROM k2")
					.append("\n  WHERE q >= len - ").append(m);
		}
		q.append(notReached == null ? "" : " AND nr = 0").append("),\n");
		// each unit's path and each step's next one (or the end) from one reading of pp (an engine
		// that inlines a CTE would evaluate it once per reference): grouping sets per unit and per flow
		q.append("pf AS (\n  SELECT customer_id, u, pos, ty, LEAD(ty) OVER (").append(unitOf)
				.append(" ORDER BY pos) AS nxt FROM pp),\n");
		q.append("gs AS (\n  SELECT CASE WHEN customer_id IS NULL THEN 'f' ELSE 'p' END AS part,\n")
				.append("    CASE WHEN customer_id IS NULL THEN NULL ELSE ").append(d.orderedJoin("ty", "pos", SEPARATOR))
				.append(" END AS path, pos, ty, nxt, COUNT(*) AS n\n")
				.append("  FROM pf GROUP BY GROUPING SETS ((customer_id, u), (pos, ty, nxt))),\n");
		q.append("pc AS (\n  SELECT part, path, pos, ty, nxt, SUM(CASE WHEN part = 'f' THEN n ELSE 1 END) AS n FROM gs")
				.append(" GROUP BY part, path, pos, ty, nxt),\n");
		q.append("pr AS (\n  SELECT part, path, pos, ty, nxt, n, RANK() OVER (PARTITION BY part ORDER BY n DESC) AS rk,\n")
				.append("    COUNT(*) OVER (PARTITION BY part) AS paths, SUM(n) OVER (PARTITION BY part) AS units FROM pc)\n");
		String none = "CAST(NULL AS VARCHAR(200))";
		String zero = "CAST(0 AS BIGINT)";
		// the paths as frequent as the top-th one (ties at the cut too), each with the totals; the flows
		q.append("SELECT part, pos AS k, CASE WHEN part = 'p' THEN path ELSE ty END AS a, COALESCE(nxt, ")
				.append(SqlDialect.literal(PathResult.END)).append(") AS b, CAST(n AS BIGINT) AS n, CAST(paths AS BIGINT) AS d,")
				.append(" CAST(units AS BIGINT) AS units\nFROM pr WHERE part = 'f' OR rk <= ").append(top);
		if (auto) {
			q.append("\nUNION ALL\nSELECT 's', n, ").append(none).append(", ").append(none).append(", ").append(zero)
					.append(", ").append(zero).append(", ").append(zero).append(" FROM hs");
		}
		if (!named.isEmpty()) {
			// the event types the source has: a named type it lacks is an error, as in memory
			q.append("\nUNION ALL\nSELECT 'x', ").append(zero).append(", event_type, ").append(none)
					.append(", COUNT(*), ").append(zero).append(", ").append(zero)
					.append(" FROM ev0 WHERE event_type IS NOT NULL GROUP BY event_type");
		}
		return q.toString();
	}

	private static long whole(String text) {
		return text == null || text.isBlank() ? 0 : new BigDecimal(text.strip()).longValueExact();
	}

	/** One row of the query's result, as text in {@link #COLUMNS} order (NULL as null or ""). */
	public void accept(String[] row) {
		switch (row[0].strip()) {
		case "p" -> {
			candidates.add(Map.entry(List.of(row[2].split(SEPARATOR, -1)), whole(row[4])));
			distinct = whole(row[5]);
			units = whole(row[6]);
		}
		case "f" -> flows.add(new PathResult.Flow((int) whole(row[1]), row[2], row[3], whole(row[4])));
		case "s" -> sessions = whole(row[1]) > 0;
		case "x" -> types.add(row[2]);
		default -> throw new IllegalStateException("unexpected row part '" + row[0] + "'");
		}
	}

	/**
	 * The paths from the rows accepted so far, with the in-memory run's order, percentages and flows.
	 *
	 * @throws ParameterException naming the key of an event type the source does not have, as the in-memory run
	 */
	public PathResult result() {
		for (Map.Entry<String, String> type : named) {
			if (!types.contains(type.getValue())) {
				throw new ParameterException(type.getKey(), "unknown event type '" + type.getValue() + "'; known types: "
						+ String.join(", ", types));
			}
		}
		String unit = by.equals("auto") ? (sessions ? "session" : "customer") : by;
		return PathService.assemble(unit, units, distinct, candidates, top, flows, parameters);
	}
}
