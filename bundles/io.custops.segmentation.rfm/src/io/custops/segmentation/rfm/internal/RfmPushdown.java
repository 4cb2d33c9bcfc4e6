package io.custops.segmentation.rfm.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.param.Parameters;
import io.custops.core.spi.Label;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.segmentation.rfm.RfmScoring;
import io.custops.segmentation.rfm.RfmScoring.Dimension;

/**
 * RFM as one query. Quintiles use the in-memory rule, {@code 1 + floor(5 × w / n)} with w the
 * customers strictly worse: {@code RANK() - 1} over the worse-first order is exactly w, so equal
 * values get equal scores (NTILE would split ties). The segment is the 125-cell map written as a
 * CASE over the cell number.
 */
final class RfmPushdown implements SqlPushdown {

	@Override
	public boolean supports(SqlDialect dialect) {
		return true;
	}

	/** HSQLDB has no RANK() window: a dimension scored by quintiles needs it, fixed thresholds do not. */
	@Override
	public boolean supports(SqlDialect dialect, Parameters parameters) {
		if (dialect != SqlDialect.HSQLDB) {
			return true;
		}
		RfmScoring scoring = RfmScoring.from(parameters);
		for (Dimension d : Dimension.values()) {
			if (scoring.isQuantile(d)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String query(SqlDialect d, SourceTables tables, LocalDate asOf, Parameters parameters) {
		RfmScoring scoring = RfmScoring.from(parameters);
		SegmentMap map = RfmStrategy.segmentMap(parameters);
		String asOfTime = d.timestamp(asOf.atStartOfDay());
		String r;
		if (scoring.isQuantile(Dimension.RECENCY)) {
			r = quintile(d, "recency_days DESC");
		} else {
			long[] rt = scoring.recencyThresholds();
			r = "CASE WHEN recency_days <= " + rt[0] + " THEN 5 WHEN recency_days <= " + rt[1] + " THEN 4 WHEN recency_days <= "
					+ rt[2] + " THEN 3 WHEN recency_days <= " + rt[3] + " THEN 2 ELSE 1 END";
		}
		String f = scoring.isQuantile(Dimension.FREQUENCY) ? quintile(d, "frequency")
				: ascending("frequency", scoring.frequencyThresholds(), false);
		String m = scoring.isQuantile(Dimension.MONETARY) ? quintile(d, "monetary")
				: ascending("monetary", scoring.monetaryThresholdCents(), true);
		return """
				WITH o AS (%s),
				v AS (
				  SELECT customer_id, COUNT(*) AS frequency, SUM(amount) AS monetary, MAX(order_time) AS last_time
				  FROM o WHERE order_time < %s AND LOWER(status) = 'paid'
				  GROUP BY customer_id),
				w AS (
				  SELECT customer_id, %s AS recency_days, frequency, monetary FROM v),
				s AS (
				  SELECT customer_id, recency_days, frequency, monetary,
				    %s AS r,
				    %s AS f,
				    %s AS m
				  FROM w),
				c AS (
				  SELECT customer_id, recency_days, frequency, monetary, r, f, m,
				    %s AS segment
				  FROM s)
				SELECT customer_id, segment AS label, recency_days, frequency, monetary, r, f, m, segment FROM c"""
				.formatted(tables.select("orders", "customer_id", "order_time", "amount", "status"), asOfTime,
						d.daysBetween(d.dayOf("last_time"), d.date(asOf)), r, f, m, segmentCase(d, map));
	}

	private static String quintile(SqlDialect d, String worseFirst) {
		return "1 + " + d.intDiv("5 * (RANK() OVER (ORDER BY " + worseFirst + ") - 1)", "COUNT(*) OVER ()");
	}

	private static String ascending(String column, long[] t, boolean cents) {
		StringBuilder sql = new StringBuilder("CASE");
		for (int i = 3; i >= 0; i--) {
			sql.append(" WHEN ").append(column).append(" >= ").append(cents ? java.math.BigDecimal.valueOf(t[i], 2).toPlainString() : Long.toString(t[i]))
					.append(" THEN ").append(i + 2);
		}
		return sql.append(" ELSE 1 END").toString();
	}

	/** The segment of each cell {@code 25(r-1) + 5(f-1) + (m-1)}, label by label. */
	private static String segmentCase(SqlDialect d, SegmentMap map) {
		List<Label> labels = map.labels();
		Map<Integer, List<Integer>> cells = new LinkedHashMap<>();
		for (int r = 1; r <= 5; r++) {
			for (int f = 1; f <= 5; f++) {
				for (int m = 1; m <= 5; m++) {
					cells.computeIfAbsent(map.labelOf(r, f, m), k -> new ArrayList<>()).add(SegmentMap.cell(r, f, m));
				}
			}
		}
		StringBuilder sql = new StringBuilder("CASE 25 * (r - 1) + 5 * (f - 1) + (m - 1)");
		cells.forEach((label, list) -> {
			for (int cell : list) {
				sql.append(" WHEN ").append(cell).append(" THEN ").append(d.text(labels.get(label).id()));
			}
		});
		return sql.append(" END").toString();
	}

	/** The scores: their per-level counts make the summary's score levels and warnings. */
	@Override
	public List<String> talliedColumns(Parameters parameters) {
		return List.of("r", "f", "m");
	}

	@Override
	public Map<String, Object> summary(Parameters parameters, LocalDate asOf, RunCounts counts) {
		RfmScoring scoring = RfmScoring.from(parameters);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("scoring", scoring.mode());
		summary.put("segment_map", RfmStrategy.segmentMap(parameters).name());
		summary.put("scored", counts.rows());
		summary.put("not_scored", counts.customers() - counts.rows());
		long[][] levels = new long[3][5];
		for (Dimension dimension : Dimension.values()) {
			counts.perValue(dimension.letter()).forEach((score, n) -> {
				int k = score.isBlank() ? 0 : new java.math.BigDecimal(score.trim()).intValue();
				if (k >= 1 && k <= 5) {
					levels[dimension.ordinal()][k - 1] += n;
				}
			});
		}
		summary.putAll(ScoreLevels.summary(scoring, parameters, counts.rows(), levels));
		return summary;
	}
}
