package io.custops.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@link CohortAnalysis}: one {@link Cohort} per month or week in which customers
 * made their first paid order, oldest first, each with its periods 0 … k (period 0 is the cohort's
 * own month or week; the last one is the period that holds the day before "as of", so the matrix
 * is a triangle). Money has two decimals, percentages two decimals, half up.
 */
public final class CohortResult {

	/**
	 * One cell: the cohort's customers who made a paid order in the period, that as a percentage of
	 * the cohort's size, their paid orders and revenue in the period, the revenue of periods 0 … this
	 * one divided by the cohort's size, and the chosen metric's figure ({@link CohortResult#metric()}):
	 * pct for customers, orders per cohort customer for orders, revenue per cohort customer for revenue.
	 */
	public record Period(int period, long customers, BigDecimal pct, long orders, BigDecimal revenue,
			BigDecimal cumulativeRevenuePerCustomer, BigDecimal value) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("period", period);
			json.put("customers", customers);
			json.put("pct", pct);
			json.put("revenue", revenue);
			json.put("cumulative_revenue_per_customer", cumulativeRevenuePerCustomer);
			json.put("orders", orders);
			json.put("value", value);
			return json;
		}
	}

	/** A cohort: its name ({@code 2026-03}, or {@code 2026-W10} by week), first day, size and periods. */
	public record Cohort(String cohort, LocalDate start, long size, List<Period> periods) {
		public Cohort {
			periods = List.copyOf(periods);
		}

		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("cohort", cohort);
			json.put("size", size);
			json.put("periods", periods.stream().map(Period::toJson).toList());
			return json;
		}
	}

	/** The cohorts of one breakdown group. */
	public record Group(String group, List<Cohort> cohorts) {
		public Group {
			cohorts = List.copyOf(cohorts);
		}

		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("group", group);
			json.put("cohorts", cohorts.stream().map(Cohort::toJson).toList());
			return json;
		}
	}

	private final String by;
	private final String metric;
	private final LocalDate asOf;
	private final List<Cohort> cohorts;
	private final String breakdownBy;
	private final List<Group> groups;
	private final Map<String, String> parameters;

	/** @param breakdownBy {@code null} without a breakdown */
	public CohortResult(String by, String metric, LocalDate asOf, List<Cohort> cohorts, String breakdownBy,
			List<Group> groups, Map<String, String> parameters) {
		this.by = by;
		this.metric = metric;
		this.asOf = asOf;
		this.cohorts = List.copyOf(cohorts);
		this.breakdownBy = breakdownBy;
		this.groups = groups == null ? List.of() : List.copyOf(groups);
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/** {@link CohortAnalysis#BY_MONTH} or {@link CohortAnalysis#BY_WEEK}. */
	public String by() {
		return by;
	}

	/** {@code customers}, {@code orders} or {@code revenue}. */
	public String metric() {
		return metric;
	}

	/** Only orders before this day counted. */
	public LocalDate asOf() {
		return asOf;
	}

	public List<Cohort> cohorts() {
		return cohorts;
	}

	/** What the groups break down by ({@code channel}, {@code attribute:province}, {@code tiers}), or null. */
	public String breakdownBy() {
		return breakdownBy;
	}

	public List<Group> groups() {
		return groups;
	}

	/** The parameters as given (with defaults). */
	public Map<String, String> parameters() {
		return parameters;
	}

	/** The number of periods of the longest cohort. */
	public int periodCount() {
		int n = 0;
		for (Cohort c : cohorts) {
			n = Math.max(n, c.periods().size());
		}
		return n;
	}

	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("by", by);
		json.put("metric", metric);
		json.put("as_of", asOf.toString());
		json.put("customers", cohorts.stream().mapToLong(Cohort::size).sum());
		json.put("cohorts", cohorts.stream().map(Cohort::toJson).toList());
		if (breakdownBy != null) {
			json.put("breakdown", breakdownBy);
			json.put("groups", groups.stream().map(Group::toJson).toList());
		}
		json.put("params", parameters);
		return json;
	}
}
