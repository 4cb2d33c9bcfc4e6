package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.engine.Analyses;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;

/**
 * Cohort retention: the triangle of first-order cohorts as a heat table (the metric's value per
 * cell, shaded against the largest value after period 0), LTV curves of cohorts from the oldest to the latest,
 * and per breakdown group (by default the first order's channel) the share who bought in the
 * period after their first and the cumulative revenue per customer after 3, 6 and 12 periods.
 * Every figure is the engine's {@link CohortAnalysis} result.
 */
@Component(service = ReportTemplate.class)
public class CohortsTemplate implements ReportTemplate {

	/** Periods the heat table has columns for (0 … 12). */
	static final int PERIODS = 13;
	/** LTV curves drawn at most. */
	static final int CURVES = 6;

	@Override
	public String id() {
		return "cohorts";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Cohort retention", "同期群留存");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Customers by first paid order month: who bought again, LTV curves, by acquisition channel",
				"按首次付款月份划分客户：复购留存、LTV 曲线、按获客渠道对比");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(
				ParameterSpec.builder(CohortAnalysis.BY, ParameterType.CHOICE)
						.choices(CohortAnalysis.BY_MONTH, CohortAnalysis.BY_WEEK).defaultValue(CohortAnalysis.BY_MONTH)
						.label("Cohort by", "同期群划分")
						.description("The month or the week of the first paid order", "按首次付款订单所在的月或周").build(),
				ParameterSpec.builder(CohortAnalysis.METRIC, ParameterType.CHOICE).choices("customers", "orders", "revenue")
						.defaultValue("customers").label("Metric", "指标")
						.description("What the cells show: % of the cohort who bought, orders or revenue per cohort customer",
								"每格显示：购买客户占比、每位客户的订单数或收入")
						.build(),
				ParameterSpec.builder(CohortAnalysis.FROM, ParameterType.DATE).label("From", "起始日期")
						.description("Cohorts whose first paid order is on or after this day", "首次付款在此日及之后的同期群")
						.build(),
				ParameterSpec.builder(CohortAnalysis.TO, ParameterType.DATE).label("To", "截止日期")
						.description("Cohorts whose first paid order is before this day", "首次付款在此日之前的同期群").build(),
				Templates.asOfSpec(),
				ParameterSpec.builder(CohortAnalysis.BREAKDOWN, ParameterType.STRING).defaultValue("channel")
						.label("Breakdown", "细分")
						.description("channel (of the first paid order), a customer attribute or an analysis (tier, segment); "
								+ "none for no breakdown", "channel（首单渠道）、客户属性或分析（tier、segment）；none 表示不细分")
						.build(),
				ParameterSpec.builder(CohortAnalysis.MAX_PERIODS, ParameterType.INTEGER).defaultValue("12").min(1)
						.max(PERIODS - 1).label("Periods", "期数")
						.description("Periods after the first shown (at most 12)", "首期之后显示的期数（最多 12）").build());
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/cohorts.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) {
		Locale locale = context.locale();
		Parameters p = context.parameters();
		Map<String, String> params = new LinkedHashMap<>(Templates.given(p, List.of(CohortAnalysis.BY,
				CohortAnalysis.METRIC, CohortAnalysis.FROM, CohortAnalysis.TO, CohortAnalysis.MAX_PERIODS)));
		// as of the report date, like the other templates, unless 'to' or asOf says otherwise
		if (p.has(Templates.AS_OF) || !p.has(CohortAnalysis.TO)) {
			params.put(CohortAnalysis.AS_OF, Templates.asOf(context).toString());
		}
		String breakdown = p.string(CohortAnalysis.BREAKDOWN);
		boolean byGroup = !"none".equalsIgnoreCase(breakdown);
		if (byGroup) {
			params.put(CohortAnalysis.BREAKDOWN, breakdown);
		}
		CohortResult result;
		Map<String, String> texts;
		try (EngineServices engine = new EngineServices()) {
			result = engine.get(CohortAnalysis.class).run(context.dataset(), params, context.monitor());
			texts = byGroup ? Labels.texts(engine.get(Analyses.class), breakdown, locale) : Map.of();
		}
		boolean weeks = CohortAnalysis.BY_WEEK.equals(result.by());
		String metric = result.metric();

		// shading: each value against the largest after period 0 (period 0 is 100 % by definition)
		BigDecimal max = BigDecimal.ZERO;
		for (CohortResult.Cohort c : result.cohorts()) {
			for (CohortResult.Period period : c.periods()) {
				if ((period.period() > 0 || !"customers".equals(metric)) && period.value() != null
						&& period.value().compareTo(max) > 0) {
					max = period.value();
				}
			}
		}
		List<String> heatColumns = new ArrayList<>(List.of("cohort", "size"));
		for (int k = 1; k <= PERIODS; k++) {
			heatColumns.add("c" + k);
		}
		for (int k = 1; k <= PERIODS; k++) {
			heatColumns.add("p" + k);
		}
		List<Object[]> heat = new ArrayList<>();
		for (CohortResult.Cohort c : result.cohorts()) {
			Object[] row = new Object[heatColumns.size()];
			row[0] = c.cohort();
			row[1] = c.size();
			for (int k = 0; k < PERIODS; k++) {
				BigDecimal shade = BigDecimal.ZERO;
				if (k < c.periods().size()) {
					BigDecimal v = c.periods().get(k).value();
					row[2 + k] = v;
					shade = v == null || max.signum() == 0 ? BigDecimal.ZERO
							: v.divide(max, 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
				}
				row[2 + PERIODS + k] = shade;
			}
			heat.add(row);
		}
		int columns = Math.min(PERIODS, result.periodCount());

		// the LTV curves: of the cohorts with two periods or more, six spread from the oldest to the latest
		List<CohortResult.Cohort> candidates = result.cohorts().stream().filter(c -> c.periods().size() >= 2).toList();
		List<CohortResult.Cohort> curves = new ArrayList<>();
		for (int i = 0; i < Math.min(CURVES, candidates.size()); i++) {
			curves.add(candidates.size() <= CURVES ? candidates.get(i)
					: candidates.get((int) Math.round(i * (candidates.size() - 1) / (double) (CURVES - 1))));
		}
		List<Object[]> ltv = new ArrayList<>();
		for (CohortResult.Cohort c : curves) {
			for (CohortResult.Period period : c.periods()) {
				ltv.add(new Object[] { c.cohort(), "+" + period.period(), period.cumulativeRevenuePerCustomer() });
			}
		}

		List<Object[]> groups = new ArrayList<>();
		for (CohortResult.Group g : result.groups()) {
			groups.add(new Object[] { label(texts, g.group(), locale), g.cohorts().stream().mapToLong(CohortResult.Cohort::size).sum(),
					retained(g.cohorts(), 1), ltvAt(g.cohorts(), 3), ltvAt(g.cohorts(), 6), ltvAt(g.cohorts(), 12) });
		}
		long customers = result.cohorts().stream().mapToLong(CohortResult.Cohort::size).sum();
		String unit = weeks ? Templates.t(locale, "week", "周") : Templates.t(locale, "month", "月");
		String groupName = "channel".equals(breakdown) ? Templates.t(locale, "acquisition channel", "获客渠道") : breakdown;

		ReportData data = new ReportData()
				.table("heat", new ReportData.Table(heatColumns, heat))
				.table("ltv", new ReportData.Table(List.of("cohort", "period", "ltv"), ltv))
				.table("groups", new ReportData.Table(List.of("group", "customers", "retained1", "ltv3", "ltv6", "ltv12"),
						groups))
				.value("title", Templates.t(locale, "Cohort retention", "同期群留存分析"))
				.value("subtitle", Templates.t(locale,
						"Report date " + context.today() + " · cohorts by " + unit + " of the first paid order · "
								+ Templates.count(locale, customers) + " customers in " + result.cohorts().size()
								+ " cohorts · orders before " + result.asOf() + range(params, locale),
						"报表日期 " + context.today() + " · 按首次付款所在" + unit + "划分 · " + result.cohorts().size() + " 个同期群共 "
								+ Templates.count(locale, customers) + " 位客户 · 统计 " + result.asOf() + " 之前的订单"
								+ range(params, locale)))
				.value("h_matrix", Templates.t(locale, "Cohorts (rows) and " + unit + "s since the first paid order (columns)",
						"同期群（行）与首次付款后的第几" + unit + "（列）"))
				.value("matrix_note", Templates.t(locale, metricNote(metric, true), metricNote(metric, false)))
				.value("columns", (long) columns)
				.value("col_cohort", Templates.t(locale, "Cohort", "同期群"))
				.value("col_size", Templates.t(locale, "Customers", "客户数"))
				.value("h_ltv", Templates.t(locale, "Cumulative revenue per customer (LTV curves)", "每位客户累计收入（LTV 曲线）"))
				.value("has_ltv", !ltv.isEmpty())
				.value("ltv_note", ltv.isEmpty()
						? Templates.t(locale, "No cohort has two periods yet.", "还没有满两期的同期群。")
						: Templates.t(locale, "One line per cohort (" + curves.size() + ", from the oldest to the latest): revenue of periods 0 … k divided by the cohort's customers.",
								"每条线一个同期群（共 " + curves.size() + " 个，从最早到最近）：第 0 … k 期收入之和除以同期群客户数。"))
				.value("h_groups", Templates.t(locale, "By " + groupName, "按" + groupName + "对比"))
				.value("has_groups", !groups.isEmpty())
				.value("groups_note", !byGroup ? Templates.t(locale, "No breakdown asked for.", "未要求细分。")
						: Templates.t(locale, "Bought in period 1: the share of the customers of cohorts that have a period 1 who paid for an order in it. "
								+ "LTV after k: cumulative revenue per customer at period k, over the cohorts that reached it.",
								"第 1 期复购：有第 1 期的同期群中，在该期付款的客户占比。k 期 LTV：到达第 k 期的同期群的每客累计收入。"))
				.value("col_group", "channel".equals(breakdown) ? Templates.t(locale, "Channel", "渠道") : breakdown)
				.value("col_customers", Templates.t(locale, "Customers", "客户数"))
				.value("col_retained1", Templates.t(locale, "Bought in period 1 %", "第 1 期复购 %"))
				.value("col_ltv3", Templates.t(locale, "LTV after 3", "3 期 LTV"))
				.value("col_ltv6", Templates.t(locale, "LTV after 6", "6 期 LTV"))
				.value("col_ltv12", Templates.t(locale, "LTV after 12", "12 期 LTV"));
		for (int k = 1; k <= PERIODS; k++) {
			data.value("h" + k, "+" + (k - 1));
		}
		return data;
	}

	private static String metricNote(String metric, boolean en) {
		return switch (metric) {
		case "orders" -> en ? "Each cell: paid orders in the period per customer of the cohort. Darker: more."
				: "每格：该期付款订单数 / 同期群客户数。颜色越深越多。";
		case "revenue" -> en ? "Each cell: revenue in the period per customer of the cohort. Darker: more."
				: "每格：该期收入 / 同期群客户数。颜色越深越多。";
		default -> en ? "Each cell: % of the cohort's customers who paid for an order in that period (+0 is the first order's). "
				+ "Darker: more, against the best cell after +0; the last cell of a row may be a period still running."
				: "每格：该期有付款订单的客户占同期群的百分比（+0 为首单所在期）。颜色越深越高（与 +0 之后的最高值相比）；每行最后一格可能是尚未结束的一期。";
		};
	}

	/** 100 × bought in period k / customers, over the cohorts that have a period k; null if none has. */
	static BigDecimal retained(List<CohortResult.Cohort> cohorts, int k) {
		long bought = 0;
		long size = 0;
		for (CohortResult.Cohort c : cohorts) {
			if (c.periods().size() > k) {
				bought += c.periods().get(k).customers();
				size += c.size();
			}
		}
		return size == 0 ? null
				: BigDecimal.valueOf(bought).movePointRight(2).divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
	}

	/** Revenue of periods 0 … k per customer, over the cohorts that have a period k; null if none has. */
	static BigDecimal ltvAt(List<CohortResult.Cohort> cohorts, int k) {
		BigDecimal revenue = BigDecimal.ZERO;
		long size = 0;
		for (CohortResult.Cohort c : cohorts) {
			if (c.periods().size() > k) {
				for (int i = 0; i <= k; i++) {
					revenue = revenue.add(c.periods().get(i).revenue());
				}
				size += c.size();
			}
		}
		return size == 0 ? null : revenue.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
	}

	private static String label(Map<String, String> texts, String group, Locale locale) {
		if ("(none)".equals(group)) {
			return Templates.t(locale, "(none)", "（无）");
		}
		return texts.getOrDefault(group, group);
	}

	private static String range(Map<String, String> params, Locale locale) {
		String from = params.get(CohortAnalysis.FROM);
		String to = params.get(CohortAnalysis.TO);
		if (from == null && to == null) {
			return "";
		}
		return Templates.t(locale, " · first orders from " + (from == null ? "the start" : from) + " to " + (to == null ? "the end" : to),
				" · 首单 " + (from == null ? "起始" : from) + " 至 " + (to == null ? "最后" : to));
	}
}
