package io.custops.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of an {@link OverviewAnalysis}. Money has two decimals, ratios four (0.2500 is
 * 25 %), half up; a ratio whose denominator is 0 is {@code null}.
 */
public final class OverviewResult {

	/**
	 * The figures of a span of days: paid orders and their amount (GMV), the customers who paid
	 * (buying customers), GMV per order (AOV), the buying customers with two or more paid orders in
	 * the span as a share of the buying customers (repurchase rate), and the buying customers whose
	 * first paid order ever is in the span (new) or before it (returning) with their revenue.
	 */
	public record Figures(BigDecimal gmv, long paidOrders, long buyingCustomers, BigDecimal aov, BigDecimal repurchaseRate,
			long newCustomers, long returningCustomers, BigDecimal newRevenue, BigDecimal returningRevenue) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("gmv", gmv);
			json.put("paid_orders", paidOrders);
			json.put("buying_customers", buyingCustomers);
			json.put("aov", aov);
			json.put("repurchase_rate", repurchaseRate);
			json.put("new_customers", newCustomers);
			json.put("returning_customers", returningCustomers);
			json.put("new_revenue", newRevenue);
			json.put("returning_revenue", returningRevenue);
			return json;
		}
	}

	/**
	 * One period ({@code 2026-03}, {@code 2026-W10} or {@code 2026-03-05}) from {@code start} to
	 * {@code end} (exclusive), with the period before it and the same period a year earlier, and
	 * the peak it holds ({@code 6.18}, {@code 11.11}) or null.
	 */
	public record Period(String period, LocalDate start, LocalDate end, Figures figures, Figures previous, Figures yearAgo,
			String peak) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("period", period);
			json.put("start", start.toString());
			json.put("end", end.toString());
			json.putAll(figures.toJson());
			json.put("peak", peak);
			json.put("previous", previous.toJson());
			json.put("year_ago", yearAgo.toJson());
			json.put("vs_previous", changes(figures, previous));
			json.put("vs_year_ago", changes(figures, yearAgo));
			return json;
		}
	}

	/** A 6.18 or 11.11 day inside the range, with its own figures. */
	public record Peak(String name, LocalDate day, Figures figures) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", name);
			json.put("day", day.toString());
			json.putAll(figures.toJson());
			return json;
		}
	}

	/** A label of an analysis with its customers. */
	public record Count(String label, long customers) {
	}

	private final String periodUnit;
	private final LocalDate from;
	private final LocalDate to;
	private final Figures totals;
	private final List<Period> periods;
	private final List<Peak> peaks;
	private final String stagesModel;
	private final List<Count> stages;
	private final String segmentsStrategy;
	private final List<Count> segments;
	private final Map<String, String> parameters;

	/** @param stages null when no stage model is installed; likewise segments */
	public OverviewResult(String periodUnit, LocalDate from, LocalDate to, Figures totals, List<Period> periods,
			List<Peak> peaks, String stagesModel, List<Count> stages, String segmentsStrategy, List<Count> segments,
			Map<String, String> parameters) {
		this.periodUnit = periodUnit;
		this.from = from;
		this.to = to;
		this.totals = totals;
		this.periods = List.copyOf(periods);
		this.peaks = List.copyOf(peaks);
		this.stagesModel = stagesModel;
		this.stages = stages == null ? null : List.copyOf(stages);
		this.segmentsStrategy = segmentsStrategy;
		this.segments = segments == null ? null : List.copyOf(segments);
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	public String periodUnit() {
		return periodUnit;
	}

	public LocalDate from() {
		return from;
	}

	public LocalDate to() {
		return to;
	}

	public Figures totals() {
		return totals;
	}

	public List<Period> periods() {
		return periods;
	}

	public List<Peak> peaks() {
		return peaks;
	}

	/** Customers per lifecycle stage as of {@link #to()}, or null when no stage model is installed. */
	public List<Count> stages() {
		return stages;
	}

	/** The largest segments as of {@link #to()}, or null when no segmentation is installed. */
	public List<Count> segments() {
		return segments;
	}

	/** (a − b) / b, four decimals; null when b is 0. */
	static BigDecimal change(BigDecimal a, BigDecimal b) {
		if (a == null || b == null || b.signum() == 0) {
			return null;
		}
		return a.subtract(b).divide(b, 4, RoundingMode.HALF_UP);
	}

	static Map<String, Object> changes(Figures now, Figures before) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("gmv", change(now.gmv(), before.gmv()));
		json.put("paid_orders", change(BigDecimal.valueOf(now.paidOrders()), BigDecimal.valueOf(before.paidOrders())));
		json.put("buying_customers",
				change(BigDecimal.valueOf(now.buyingCustomers()), BigDecimal.valueOf(before.buyingCustomers())));
		json.put("aov", change(now.aov(), before.aov()));
		return json;
	}

	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("from", from.toString());
		json.put("to", to.toString());
		json.put("period", periodUnit);
		json.put("totals", totals.toJson());
		json.put("periods", periods.stream().map(Period::toJson).toList());
		json.put("peaks", peaks.stream().map(Peak::toJson).toList());
		json.put("stages_model", stagesModel);
		json.put("stages", stages == null ? null : counts(stages));
		json.put("segments_strategy", segmentsStrategy);
		json.put("top_segments", segments == null ? null : counts(segments));
		json.put("params", parameters);
		return json;
	}

	private static Map<String, Object> counts(List<Count> counts) {
		Map<String, Object> json = new LinkedHashMap<>();
		counts.forEach(c -> json.put(c.label(), c.customers()));
		return json;
	}
}
