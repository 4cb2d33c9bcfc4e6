package io.custops.lifecycle.stages.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.custops.core.param.Parameters;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;

/**
 * The stages as one query, without window functions (so HSQLDB runs it too): paid orders per
 * customer and the dormancy window of the last one (usage cycle: usage_days × quantity), and for
 * potential customers the last order or event. A source has no input order: of several paid
 * orders at the same last moment, the longest window counts.
 */
final class StagesPushdown implements SqlPushdown {

	@Override
	public boolean supports(SqlDialect dialect) {
		return true;
	}

	/** The weekly dormant series walks every week's end: it is not pushed down. */
	@Override
	public boolean supports(SqlDialect dialect, Parameters parameters) {
		return !"weekly".equals(parameters.string(StagesModel.SERIES));
	}

	@Override
	public String query(SqlDialect d, SourceTables tables, LocalDate asOf, Parameters p) {
		long dormantDays = p.integer(StagesModel.DORMANT_DAYS);
		long fanOrders = p.integer(StagesModel.FAN_ORDERS);
		long silent = p.integer(StagesModel.SILENT_DAYS);
		long sleeping = p.integer(StagesModel.SLEEPING_DAYS);
		long lost = p.integer(StagesModel.LOST_DAYS);
		StagesModel.checkGrades(silent, sleeping, lost);
		String asOfTime = d.timestamp(asOf.atStartOfDay());
		String window = p.bool(StagesModel.USAGE_CYCLE)
				? "CASE WHEN usage_days > 0 THEN usage_days * (CASE WHEN quantity > 1 THEN quantity ELSE 1 END) ELSE "
						+ dormantDays + " END"
				: Long.toString(dormantDays);
		boolean events = tables.has("events");
		// its own read of the orders, not a second use of o: HSQLDB 2.7 then mixes the two uses' filters
		String seen = "SELECT customer_id, order_time AS t FROM (" + tables.select("orders", "customer_id", "order_time")
				+ ") o2 WHERE order_time < " + asOfTime
				+ (events ? " UNION ALL SELECT customer_id, event_time AS t FROM e WHERE event_time < " + asOfTime : "");
		String orders = p.bool(StagesModel.USAGE_CYCLE)
				? tables.select("orders", "customer_id", "order_time", "status", "quantity", "usage_days")
				: tables.select("orders", "customer_id", "order_time", "status");
		return """
				WITH o AS (%s),%s
				p AS (
				  SELECT customer_id, order_time, %s AS dormant_window
				  FROM o WHERE order_time < %s AND LOWER(status) = 'paid'),
				pl AS (
				  SELECT customer_id, COUNT(*) AS paid_orders, MAX(order_time) AS last_paid FROM p GROUP BY customer_id),
				pw AS (
				  SELECT p.customer_id, MAX(p.dormant_window) AS dormant_window
				  FROM p JOIN pl ON p.customer_id = pl.customer_id AND p.order_time = pl.last_paid
				  GROUP BY p.customer_id),
				seen AS (
				  SELECT customer_id, MAX(t) AS last_seen FROM (%s) x GROUP BY customer_id),
				r AS (
				  SELECT s.customer_id, pl.paid_orders, pw.dormant_window,
				    %s AS recency_days,
				    %s AS seen_days
				  FROM seen s LEFT JOIN pl ON pl.customer_id = s.customer_id LEFT JOIN pw ON pw.customer_id = s.customer_id),
				st AS (
				  SELECT customer_id, recency_days, paid_orders,
				    CASE WHEN paid_orders IS NULL THEN %s WHEN recency_days > dormant_window THEN %s
				      WHEN paid_orders >= %d THEN %s WHEN paid_orders >= 2 THEN %s ELSE %s END AS stage,
				    CASE WHEN COALESCE(recency_days, seen_days) <= %d THEN %s WHEN COALESCE(recency_days, seen_days) <= %d
				      THEN %s WHEN COALESCE(recency_days, seen_days) <= %d THEN %s ELSE %s END AS activity
				  FROM r)
				SELECT customer_id, stage AS label, stage, activity, recency_days, COALESCE(paid_orders, 0) AS paid_orders FROM st"""
				.formatted(orders,
						events ? "\ne AS (" + tables.select("events", "customer_id", "event_time") + ")," : "", window,
						asOfTime, seen, d.daysBetween(d.dayOf("pl.last_paid"), d.date(asOf)),
						d.daysBetween(d.dayOf("s.last_seen"), d.date(asOf)), d.text("potential"), d.text("dormant"),
						fanOrders, d.text("fan"), d.text("returning"), d.text("new"), silent, d.text("active"), sleeping,
						d.text("silent"), lost, d.text("sleeping"), d.text("lost"));
	}

	@Override
	public Map<String, Object> summary(Parameters p, LocalDate asOf, RunCounts counts) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("dormant_days", p.integer(StagesModel.DORMANT_DAYS));
		summary.put("usage_cycle", p.bool(StagesModel.USAGE_CYCLE));
		return summary;
	}
}
