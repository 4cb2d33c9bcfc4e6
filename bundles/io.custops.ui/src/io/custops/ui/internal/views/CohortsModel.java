package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;

/**
 * What the Cohorts part shows, without SWT (tested without a display): the parameters the
 * analyst chose, and from the engine's {@link CohortResult} the triangle for the heat map (one row
 * per cohort, one column per period, blank beyond "as of"), and the LTV curves of the latest
 * cohorts. The part only copies these into its widgets.
 */
public final class CohortsModel {

	/** LTV curves drawn at most. */
	static final int CURVES = 6;
	/** Breakdowns offered in the chooser; any other text is passed to the analysis as it is. */
	static final List<String> BREAKDOWNS = List.of("", "channel", "province", "tier", "segment", "stage");

	private String by = CohortAnalysis.BY_MONTH;
	private String metric = "customers";
	private String breakdown = "";
	private int maxPeriods = 12;
	private CohortResult result;
	/** -1: the whole shop; else the index of a breakdown group. */
	private int group = -1;
	private final Locale locale;

	public CohortsModel(Locale locale) {
		this.locale = locale;
	}

	public String by() {
		return by;
	}

	public void setBy(String by) {
		this.by = by;
	}

	public String metric() {
		return metric;
	}

	public void setMetric(String metric) {
		this.metric = metric;
	}

	public String breakdown() {
		return breakdown;
	}

	public void setBreakdown(String breakdown) {
		this.breakdown = breakdown == null ? "" : breakdown.trim();
	}

	public void setMaxPeriods(int maxPeriods) {
		this.maxPeriods = maxPeriods;
	}

	/** The parameters of the analysis for the choices made. */
	public Map<String, String> parameters() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put(CohortAnalysis.BY, by);
		p.put(CohortAnalysis.METRIC, metric);
		p.put(CohortAnalysis.MAX_PERIODS, Integer.toString(maxPeriods));
		if (!breakdown.isEmpty()) {
			p.put(CohortAnalysis.BREAKDOWN, breakdown);
		}
		return p;
	}

	public void setResult(CohortResult result) {
		this.result = result;
		group = -1;
	}

	public CohortResult result() {
		return result;
	}

	/** "All customers", then the breakdown's groups. */
	public List<String> groupChoices() {
		List<String> names = new ArrayList<>();
		names.add(t("All customers", "全部客户"));
		if (result != null) {
			result.groups().forEach(g -> names.add(g.group()));
		}
		return names;
	}

	/** @param choice an index into {@link #groupChoices()} */
	public void selectGroup(int choice) {
		group = choice - 1;
	}

	public List<CohortResult.Cohort> cohorts() {
		if (result == null) {
			return List.of();
		}
		return group < 0 || group >= result.groups().size() ? result.cohorts() : result.groups().get(group).cohorts();
	}

	public String summary() {
		if (result == null) {
			return "";
		}
		List<CohortResult.Cohort> cohorts = cohorts();
		long customers = cohorts.stream().mapToLong(CohortResult.Cohort::size).sum();
		String unit = CohortAnalysis.BY_WEEK.equals(result.by()) ? t("week", "周") : t("month", "月");
		return t(String.format(Locale.ROOT, "%,d customers in %d cohorts by %s of the first paid order; orders before %s. "
				+ "Cells: %s.", customers, cohorts.size(), unit, result.asOf(), metricText()),
				String.format(Locale.ROOT, "%d 个同期群（按首次付款所在%s）共 %,d 位客户；统计 %s 之前的订单。每格：%s。", cohorts.size(), unit,
						customers, result.asOf(), metricText()));
	}

	private String metricText() {
		return switch (metric) {
		case "orders" -> t("paid orders per cohort customer", "每位客户的付款订单数");
		case "revenue" -> t("revenue per cohort customer", "每位客户的收入");
		default -> t("% of the cohort who paid for an order in the period", "该期有付款订单的客户占比");
		};
	}

	/** Heat map rows: "2026-03 · 1,234". */
	public List<String> rows() {
		return cohorts().stream().map(c -> c.cohort() + " · " + String.format(Locale.ROOT, "%,d", c.size())).toList();
	}

	/** Heat map and LTV columns: +0, +1, … */
	public List<String> columns() {
		int n = 0;
		for (CohortResult.Cohort c : cohorts()) {
			n = Math.max(n, c.periods().size());
		}
		List<String> columns = new ArrayList<>(n);
		for (int p = 0; p < n; p++) {
			columns.add("+" + p);
		}
		return columns;
	}

	/**
	 * The colour of each cell: the metric's value; NaN beyond a cohort's last period (the triangle).
	 * Period 0 of the customers metric (100 % by definition) takes the largest later value, so that
	 * the later cells are not all pale beside it.
	 */
	public double[][] values() {
		List<CohortResult.Cohort> cohorts = cohorts();
		int width = columns().size();
		double[][] values = new double[cohorts.size()][width];
		double later = 0;
		for (int r = 0; r < cohorts.size(); r++) {
			List<CohortResult.Period> periods = cohorts.get(r).periods();
			for (int p = 0; p < width; p++) {
				values[r][p] = p < periods.size() ? number(periods.get(p).value()) : Double.NaN;
				if (p > 0 && p < periods.size()) {
					later = Math.max(later, values[r][p]);
				}
			}
		}
		if ("customers".equals(metric) && later > 0) {
			for (double[] row : values) {
				if (row.length > 0) {
					row[0] = later;
				}
			}
		}
		return values;
	}

	/** The text of each cell: "12.5%", or orders or money per customer; null beyond the triangle. */
	public String[][] texts() {
		List<CohortResult.Cohort> cohorts = cohorts();
		int width = columns().size();
		String[][] texts = new String[cohorts.size()][width];
		for (int r = 0; r < cohorts.size(); r++) {
			List<CohortResult.Period> periods = cohorts.get(r).periods();
			for (int p = 0; p < periods.size() && p < width; p++) {
				BigDecimal v = periods.get(p).value();
				texts[r][p] = v == null ? "" : "customers".equals(metric) ? v.stripTrailingZeros().toPlainString() + "%"
						: v.toPlainString();
			}
		}
		return texts;
	}

	/**
	 * The cohorts whose LTV curves are drawn: of those with two periods or more, at most
	 * {@value #CURVES} spread evenly from the oldest (the longest curve) to the latest, oldest first.
	 */
	public List<CohortResult.Cohort> curveCohorts() {
		List<CohortResult.Cohort> candidates = cohorts().stream().filter(c -> c.periods().size() >= 2).toList();
		int n = candidates.size();
		if (n <= CURVES) {
			return candidates;
		}
		List<CohortResult.Cohort> chosen = new ArrayList<>();
		for (int i = 0; i < CURVES; i++) {
			chosen.add(candidates.get((int) Math.round(i * (n - 1) / (double) (CURVES - 1))));
		}
		return chosen;
	}

	/** Cumulative revenue per cohort customer of each curve cohort, one value per column; NaN after its last period. */
	public List<double[]> curves() {
		int width = columns().size();
		List<double[]> curves = new ArrayList<>();
		for (CohortResult.Cohort c : curveCohorts()) {
			double[] v = new double[width];
			for (int p = 0; p < width; p++) {
				v[p] = p < c.periods().size() ? number(c.periods().get(p).cumulativeRevenuePerCustomer()) : Double.NaN;
			}
			curves.add(v);
		}
		return curves;
	}

	private static double number(BigDecimal v) {
		return v == null ? Double.NaN : v.doubleValue();
	}

	private String t(String en, String zh) {
		return "zh".equals(locale.getLanguage()) ? zh : en;
	}
}
