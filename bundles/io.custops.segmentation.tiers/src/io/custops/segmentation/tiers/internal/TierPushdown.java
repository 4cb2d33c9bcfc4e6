package io.custops.segmentation.tiers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.param.Parameters;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;

/**
 * The ladder as one query: every customer with a paid order before the day, their spend (or paid
 * orders) in the window, and the highest level whose threshold it reaches (NULL below the ladder:
 * counted as a member, not classified, as in memory).
 */
final class TierPushdown implements SqlPushdown {

	@Override
	public boolean supports(SqlDialect dialect) {
		return true;
	}

	@Override
	public String query(SqlDialect d, SourceTables tables, LocalDate asOf, Parameters parameters) {
		List<TierStrategy.Level> levels = TierStrategy.levels(parameters);
		boolean spend = TierStrategy.SPEND.equals(parameters.string(TierStrategy.BASIS));
		long windowDays = parameters.integer(TierStrategy.WINDOW_DAYS);
		String inWindow = windowDays == 0 ? "1 = 1"
				: "order_time >= " + d.timestamp(asOf.minusDays(windowDays).atStartOfDay());
		String value = spend ? "SUM(CASE WHEN " + inWindow + " THEN amount ELSE 0 END)"
				: "SUM(CASE WHEN " + inWindow + " THEN 1 ELSE 0 END)";
		StringBuilder tier = new StringBuilder("CASE");
		for (int i = levels.size() - 1; i >= 0; i--) {
			TierStrategy.Level level = levels.get(i);
			tier.append(" WHEN value >= ")
					.append(spend ? BigDecimal.valueOf(level.threshold(), 2).toPlainString() : Long.toString(level.threshold()))
					.append(" THEN ").append(d.text(level.label().id()));
		}
		tier.append(" END");
		return """
				WITH o AS (%s),
				v AS (
				  SELECT customer_id, %s AS value
				  FROM o WHERE order_time < %s AND LOWER(status) = 'paid'
				  GROUP BY customer_id),
				t AS (
				  SELECT customer_id, value, %s AS tier FROM v)
				SELECT customer_id, tier AS label, value, tier FROM t"""
				.formatted(tables.select("orders", "customer_id", "order_time", "amount", "status"), value,
						d.timestamp(asOf.atStartOfDay()), tier);
	}

	@Override
	public Map<String, Object> summary(Parameters parameters, LocalDate asOf, RunCounts counts) {
		boolean spend = TierStrategy.SPEND.equals(parameters.string(TierStrategy.BASIS));
		long windowDays = parameters.integer(TierStrategy.WINDOW_DAYS);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("basis", spend ? TierStrategy.SPEND : TierStrategy.ORDERS);
		summary.put("window_start", windowDays == 0 ? null : asOf.minusDays(windowDays).toString());
		summary.put("window_end", asOf.toString());
		summary.put("members", counts.rows());
		summary.put("below_ladder", counts.rows() - counts.classified());
		return summary;
	}
}
