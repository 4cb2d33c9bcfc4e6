package io.custops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import io.custops.core.data.EventTypes;

/**
 * The same analyses as SQL, for DuckDB and HSQLDB in-memory tables loaded from the same
 * {@link ShopData} rows (loading is not timed). Written from docs/segmentation.md and
 * docs/analyses.md; each result is one row per customer in a table (what the engine's
 * classification holds), or the small result a command prints.
 *
 * <p>Tables: {@code orders(customer INT, day INT, amount BIGINT, status TINYINT, quantity INT,
 * usage_days INT)} with status 0 = paid, and the day already the local epoch day (the engine's
 * dataset has the same precomputed column); {@code events(customer INT, seq INT, ts BIGINT,
 * type event_type, session INT)} where {@code seq} is the row's position in customer, time and
 * input order (the engine's dataset order) and {@code event_type} an ENUM of the standard types.
 */
public final class Sql {

	/** As of: the day after the history, as a local epoch day. */
	static final int D = ShopData.END_DAY;
	static final int D1 = (int) Engine.CONVERSION_FROM.toEpochDay();

	private Sql() {
	}

	// ---------------------------------------------------------------- DuckDB

	public static Connection duckdb() throws SQLException {
		try {
			Class.forName("org.duckdb.DuckDBDriver");
		} catch (ClassNotFoundException e) {
			throw new SQLException(e);
		}
		return DriverManager.getConnection("jdbc:duckdb:");
	}

	public static void loadDuckOrders(Connection c, ShopData d) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE orders (customer INTEGER, day INTEGER, amount BIGINT, status TINYINT, "
					+ "quantity INTEGER, usage_days INTEGER)");
		}
		try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "orders")) {
			for (int o = 0; o < d.orderCount; o++) {
				a.beginRow().append(d.orderCustomer[o]).append(d.orderDay[o]).append(d.orderAmount[o])
						.append(d.orderStatus[o]).append(d.orderQuantity[o]).append(d.orderUsageDays[o]).endRow();
			}
		}
	}

	public static void loadDuckEvents(Connection c, ShopData d) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TYPE event_type AS ENUM (" + String.join(", ",
					EventTypes.STANDARD.stream().map(t -> "'" + t + "'").toList()) + ")");
			s.execute("CREATE TABLE events (customer INTEGER, seq INTEGER, ts BIGINT, type event_type, session INTEGER)");
		}
		String[] types = EventTypes.STANDARD.toArray(String[]::new);
		try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
			for (int e = 0; e < d.eventCount; e++) {
				a.beginRow().append(d.eventCustomer[e]).append(e).append(d.eventTime[e]).append(types[d.eventType[e]])
						.append(d.eventSession[e]).endRow();
			}
		}
	}

	/**
	 * rfm (quantile scores, the en map), stages and tiers (defaults), one table each. The SQL is
	 * given its best shape: one aggregation pass over the orders per customer, shared by the
	 * three (the engine runs the three services, each with its own pass).
	 */
	public static void duckSegment(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE OR REPLACE TEMP TABLE agg AS SELECT customer, "
					+ "count(*) FILTER (WHERE status = 0) AS paid_orders, max(day) FILTER (WHERE status = 0) AS last_paid, "
					+ "max(day) AS last_seen, coalesce(sum(amount) FILTER (WHERE status = 0), 0) AS monetary, "
					+ "coalesce(sum(amount) FILTER (WHERE status = 0 AND day >= " + (D - 365) + "), 0) AS spend "
					+ "FROM orders WHERE day < " + D + " GROUP BY customer");
			s.execute("CREATE OR REPLACE TEMP TABLE rfm_result AS WITH v AS (SELECT customer, " + D
					+ " - last_paid AS recency_days, paid_orders AS frequency, monetary FROM agg WHERE paid_orders > 0), "
					+ "n AS (SELECT count(*) AS n FROM v), s AS (SELECT v.*, "
					// w = customers strictly worse = rank - 1 (ties share the first rank): score = 1 + floor(5w/n)
					+ "1 + (5 * (rank() OVER (ORDER BY recency_days DESC) - 1)) // n AS r, "
					+ "1 + (5 * (rank() OVER (ORDER BY frequency) - 1)) // n AS f, "
					+ "1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) // n AS m FROM v, n) "
					+ "SELECT customer, recency_days, frequency, monetary, r, f, m, " + SEGMENT_EN + " AS segment FROM s");
			s.execute("CREATE OR REPLACE TEMP TABLE stages_result AS SELECT customer, " + STAGE + " AS stage, " + ACTIVITY
					+ " AS activity, CASE WHEN paid_orders > 0 THEN " + D + " - last_paid END AS recency_days, paid_orders "
					+ "FROM agg");
			s.execute("CREATE OR REPLACE TEMP TABLE tiers_result AS SELECT customer, spend AS value, " + tier("spend")
					+ " AS tier FROM agg WHERE paid_orders > 0");
		}
	}

	/** Funnel visit > view > cart > order > pay: earliest match of each step after the previous one. */
	public static List<long[]> duckFunnel(Connection c) throws SQLException {
		String[] steps = Engine.FUNNEL_STEPS.split(",");
		StringBuilder q = new StringBuilder("WITH s1 AS MATERIALIZED (SELECT customer, min(seq) AS p, arg_min(ts, seq) AS t "
				+ "FROM events WHERE type = '" + steps[0] + "' GROUP BY customer)");
		for (int k = 2; k <= steps.length; k++) {
			q.append(", s").append(k).append(" AS MATERIALIZED (SELECT e.customer, min(e.seq) AS p, arg_min(e.ts, e.seq) AS t, ")
					.append("arg_min(e.ts, e.seq) - any_value(s.t) AS dt FROM events e JOIN s").append(k - 1)
					.append(" s ON e.customer = s.customer AND e.seq > s.p WHERE e.type = '").append(steps[k - 1])
					.append("' GROUP BY e.customer)");
		}
		q.append(" SELECT 1 AS step, count(*) AS customers, NULL::DOUBLE AS median_seconds FROM s1");
		for (int k = 2; k <= steps.length; k++) {
			q.append(" UNION ALL SELECT ").append(k).append(", count(*), median(dt) FROM s").append(k);
		}
		q.append(" ORDER BY step");
		List<long[]> rows = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q.toString())) {
			while (rs.next()) {
				// median × 2 keeps the exact half seconds
				rows.add(new long[] { rs.getLong(2), Math.round(rs.getDouble(3) * 2) });
			}
		}
		return rows;
	}

	/** Top 20 paths by session: consecutive repeats collapsed, at most 10 steps then "...". */
	public static Map<String, Long> duckPaths(Connection c) throws SQLException {
		String q = "WITH d AS (SELECT customer, session, seq, type, lag(type) OVER (PARTITION BY customer, session "
				+ "ORDER BY seq) AS prev FROM events), p AS (SELECT list(type::VARCHAR ORDER BY seq) AS l FROM d "
				+ "WHERE prev IS DISTINCT FROM type GROUP BY customer, session) "
				+ "SELECT array_to_string(l[1:10], ' > ') || CASE WHEN len(l) > 10 THEN ' > ...' ELSE '' END AS path, "
				+ "count(*) AS n FROM p GROUP BY path ORDER BY n DESC, path LIMIT 20";
		Map<String, Long> top = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
			while (rs.next()) {
				top.put(rs.getString(1), rs.getLong(2));
			}
		}
		return top;
	}

	/**
	 * Tier conversion (tiers, defaults) from D1 to D: customers with a paid order before D1 by
	 * (tier at D1, tier at D); entrants (first paid order in [D1, D)) by tier at D, from = -1.
	 */
	public static Map<String, Long> duckConversion(Connection c) throws SQLException {
		String q = "WITH v AS (SELECT customer, min(day) AS first_paid, "
				+ "coalesce(sum(amount) FILTER (WHERE day >= " + (D1 - 365) + " AND day < " + D1 + "), 0) AS v1, "
				+ "coalesce(sum(amount) FILTER (WHERE day >= " + (D - 365) + "), 0) AS v2 "
				+ "FROM orders WHERE status = 0 AND day < " + D + " GROUP BY customer) "
				+ "SELECT CASE WHEN first_paid < " + D1 + " THEN " + tier("v1") + " ELSE '(entrant)' END AS from_tier, "
				+ tier("v2") + " AS to_tier, count(*) AS customers FROM v GROUP BY ALL";
		return pairs(c, q);
	}

	// ---------------------------------------------------------------- HSQLDB

	/**
	 * Monthly cohorts as the engine defines them (docs/analyses.md, "Cohorts"), as of the end of
	 * the history, 36 periods: per (cohort, period) the cohort's size, the customers who paid in
	 * the period, their orders and cents, the percentage and the cumulative revenue per customer.
	 * Keys {@code cohort/period customers|orders|cents} (non-empty cells only).
	 */
	public static Map<String, Long> duckCohorts(Connection c) throws SQLException {
		String month = "(year(DATE '1970-01-01' + day) * 12 + month(DATE '1970-01-01' + day) - 1)";
		String q = "WITH p AS (SELECT customer, " + month + " AS mon, amount FROM orders WHERE status = 0 AND day < " + D
				+ "), f AS (SELECT customer, min(mon) AS cohort FROM p GROUP BY customer), "
				+ "sizes AS (SELECT cohort, count(*) AS size FROM f GROUP BY cohort), "
				+ "cells AS (SELECT f.cohort, p.mon - f.cohort AS period, count(DISTINCT p.customer) AS customers, "
				+ "count(*) AS orders, sum(p.amount) AS cents FROM p JOIN f USING (customer) WHERE p.mon - f.cohort <= 36 "
				+ "GROUP BY ALL) "
				+ "SELECT cells.cohort, period, customers, orders, cents, round(customers * 100.0 / size, 2) AS pct, "
				+ "sum(cents) OVER (PARTITION BY cells.cohort ORDER BY period) / size AS cumulative "
				+ "FROM cells JOIN sizes USING (cohort) ORDER BY 1, 2";
		Map<String, Long> cells = new java.util.TreeMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
			while (rs.next()) {
				int cohort = rs.getInt(1);
				String key = String.format("%04d-%02d/%d ", Math.floorDiv(cohort, 12), Math.floorMod(cohort, 12) + 1, rs.getInt(2));
				cells.put(key + "customers", rs.getLong(3));
				cells.put(key + "orders", rs.getLong(4));
				cells.put(key + "cents", rs.getLong(5));
			}
		}
		return cells;
	}

	public static Connection hsqldb(String name) throws SQLException {
		return DriverManager.getConnection("jdbc:hsqldb:mem:" + name + ";shutdown=true", "SA", "");
	}

	public static void loadHsqlOrders(Connection c, ShopData d) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE orders (customer INTEGER, day INTEGER, amount BIGINT, status TINYINT, "
					+ "quantity INTEGER, usage_days INTEGER)");
		}
		c.setAutoCommit(false);
		try (PreparedStatement p = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?)")) {
			for (int o = 0; o < d.orderCount; o++) {
				p.setInt(1, d.orderCustomer[o]);
				p.setInt(2, d.orderDay[o]);
				p.setLong(3, d.orderAmount[o]);
				p.setByte(4, d.orderStatus[o]);
				p.setInt(5, d.orderQuantity[o]);
				p.setInt(6, d.orderUsageDays[o]);
				p.addBatch();
				if (o % 10_000 == 9_999) {
					p.executeBatch();
				}
			}
			p.executeBatch();
		}
		c.commit();
		c.setAutoCommit(true);
	}

	/**
	 * The same three as {@link #duckSegment}. HSQLDB has no RANK(): the rank of a value's first
	 * occurrence is the smallest ROW_NUMBER() over the values in order, kept per distinct value
	 * in an indexed table.
	 */
	public static void hsqlSegment(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			for (String t : List.of("rfm_result", "stages_result", "tiers_result", "v", "rw", "fw", "mw")) {
				s.execute("DROP TABLE " + t + " IF EXISTS");
			}
			s.execute("CREATE TABLE v AS (SELECT customer, " + D + " - MAX(day) AS recency_days, COUNT(*) AS frequency, "
					+ "SUM(amount) AS monetary FROM orders WHERE day < " + D + " AND status = 0 GROUP BY customer) WITH DATA");
			rankTable(s, "rw", "recency_days", "DESC");
			rankTable(s, "fw", "frequency", "ASC");
			rankTable(s, "mw", "monetary", "ASC");
			s.execute("CREATE TABLE rfm_result AS (SELECT customer, recency_days, frequency, monetary, r, f, m, "
					+ SEGMENT_EN_HSQL + " AS segment FROM (SELECT v.*, "
					+ "1 + 5 * (SELECT w FROM rw WHERE rw.val = v.recency_days) / n AS r, "
					+ "1 + 5 * (SELECT w FROM fw WHERE fw.val = v.frequency) / n AS f, "
					+ "1 + 5 * (SELECT w FROM mw WHERE mw.val = v.monetary) / n AS m "
					+ "FROM v, (SELECT COUNT(*) AS n FROM v) t) s) WITH DATA");
			s.execute("CREATE TABLE stages_result AS (SELECT customer, " + STAGE + " AS stage, " + ACTIVITY
					+ " AS activity, CASE WHEN paid_orders > 0 THEN " + D + " - last_paid END AS recency_days, paid_orders "
					+ "FROM (SELECT customer, COUNT(*) FILTER (WHERE status = 0) AS paid_orders, "
					+ "MAX(day) FILTER (WHERE status = 0) AS last_paid, MAX(day) AS last_seen FROM orders WHERE day < " + D
					+ " GROUP BY customer) v) WITH DATA");
			s.execute("CREATE TABLE tiers_result AS (SELECT customer, value, " + tier("value") + " AS tier FROM "
					+ "(SELECT customer, COALESCE(SUM(amount) FILTER (WHERE day >= " + (D - 365) + "), 0) AS value "
					+ "FROM orders WHERE day < " + D + " AND status = 0 GROUP BY customer) v) WITH DATA");
		}
	}

	private static void rankTable(Statement s, String table, String column, String order) throws SQLException {
		s.execute("CREATE TABLE " + table + " AS (SELECT val, MIN(rn) - 1 AS w FROM (SELECT val, ROW_NUMBER() OVER () AS rn "
				+ "FROM (SELECT " + column + " AS val FROM v ORDER BY " + column + " " + order + ") o) x GROUP BY val) WITH DATA");
		s.execute("CREATE INDEX " + table + "_val ON " + table + " (val)");
	}

	// ---------------------------------------------------------------- shared

	/** Label counts of a result table's column, for the checks. */
	public static Map<String, Long> counts(Connection c, String table, String column) throws SQLException {
		return pairs(c, "SELECT " + column + ", COUNT(*) FROM " + table + " GROUP BY " + column);
	}

	private static Map<String, Long> pairs(Connection c, String q) throws SQLException {
		Map<String, Long> map = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder key = new StringBuilder();
				for (int i = 1; i < columns; i++) {
					key.append(i > 1 ? "→" : "").append(rs.getString(i).strip()); // HSQLDB pads CASE texts
				}
				map.put(key.toString(), rs.getLong(columns));
			}
		}
		return map;
	}

	/** The en map of docs/segmentation.md over r and fm = ceil((f + m) / 2) (DuckDB's integer division is //). */
	private static final String SEGMENT_EN = segmentEn("((f + m + 1) // 2)");
	private static final String SEGMENT_EN_HSQL = segmentEn("((f + m + 1) / 2)");

	private static String segmentEn(String fm) {
		return ("CASE WHEN r >= 4 AND FM >= 4 THEN 'champions' "
			+ "WHEN r = 3 AND FM >= 4 THEN 'loyal' WHEN r >= 4 AND FM >= 2 THEN 'potential_loyalist' "
			+ "WHEN r = 5 THEN 'new' WHEN r = 4 THEN 'promising' WHEN r = 3 AND FM = 3 THEN 'needs_attention' "
			+ "WHEN r = 3 THEN 'about_to_sleep' WHEN FM = 5 THEN 'cannot_lose' WHEN FM >= 3 THEN 'at_risk' "
			+ "WHEN r = 2 THEN 'hibernating' ELSE 'lost' END").replace("FM", fm);
	}

	// stages with the defaults: dormant after 180 days, fan from 5 paid orders; activity 90 / 180 / 365
	private static final String STAGE = "CASE WHEN paid_orders = 0 THEN 'potential' WHEN " + D
			+ " - last_paid > 180 THEN 'dormant' WHEN paid_orders >= 5 THEN 'fan' WHEN paid_orders >= 2 THEN 'returning' "
			+ "ELSE 'new' END";
	private static final String ACTIVITY = "CASE WHEN " + D + " - COALESCE(last_paid, last_seen) <= 90 THEN 'active' "
			+ "WHEN " + D + " - COALESCE(last_paid, last_seen) <= 180 THEN 'silent' WHEN " + D
			+ " - COALESCE(last_paid, last_seen) <= 365 THEN 'sleeping' ELSE 'lost' END";

	/** The default ladder regular:0, senior:100, vip:300, supreme:1000 over cents. */
	private static String tier(String value) {
		return "CASE WHEN " + value + " >= 100000 THEN 'supreme' WHEN " + value + " >= 30000 THEN 'vip' WHEN " + value
				+ " >= 10000 THEN 'senior' ELSE 'regular' END";
	}
}
