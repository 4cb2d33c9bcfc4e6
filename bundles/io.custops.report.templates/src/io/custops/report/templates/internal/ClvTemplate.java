package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ResultColumn;

/**
 * Customer lifetime value from a customer-base model (MBG/NBD by default, BG/NBD or Pareto/NBD,
 * with Gamma-Gamma spend): what the fit warns of, customers, expected purchases and CLV per band
 * of the probability of being alive (charts and table), churn-risk groups, the customers of
 * highest CLV, the fitted parameters with their standard errors, the calibration frequency
 * histogram (actual vs model) and, with a holdout period, the weekly cumulative repeat purchases
 * (actual vs expected) and the holdout check by calibration frequency. Runs the model through the
 * analysis runner and prints its own columns and summary.
 */
@Component(service = ReportTemplate.class)
public class ClvTemplate implements ReportTemplate {

	static final String MODEL = "model";
	static final String TOP = "top";
	/** The model of the churn warnings: MBG/NBD lets one-time buyers be gone (BG/NBD keeps them alive). */
	static final String DEFAULT_MODEL = "mbgnbd";
	private static final List<String> PASSED = List.of("calibrationEnd", "holdoutEnd", "horizonWeeks", "discountRate",
			"margin");
	/** Lower bounds of the p_alive bands; the last band includes 1. */
	static final double[] BANDS = { 0, 0.2, 0.4, 0.6, 0.8 };

	@Override
	public String id() {
		return "clv";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Customer lifetime value", "客户终身价值");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("P(alive) bands, expected purchases, CLV, churn risk, the top customers and the fit's checks "
				+ "(MBG/NBD + Gamma-Gamma)", "存活概率分布、预期购买次数、终身价值、流失风险、高价值客户与拟合检验（MBG/NBD + Gamma-Gamma）");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(Templates.asOfSpec(),
				ParameterSpec.builder(MODEL, ParameterType.STRING).defaultValue(DEFAULT_MODEL).label("Model", "模型")
						.description("Id of the customer-base model (mbgnbd, bgnbd, paretonbd)",
								"客户基数模型 id（mbgnbd、bgnbd、paretonbd）")
						.build(),
				ParameterSpec.builder(TOP, ParameterType.INTEGER).defaultValue("20").min(1).max(1000)
						.label("Top customers", "高价值客户数").description("How many customers of highest CLV to list",
								"列出终身价值最高的客户数")
						.build(),
				Templates.passThrough("calibrationEnd", "Calibration end", "校准期结束日"),
				Templates.passThrough("holdoutEnd", "Holdout end", "留出期结束日"),
				Templates.passThrough("horizonWeeks", "Horizon (weeks)", "预测期（周）"),
				Templates.passThrough("discountRate", "Annual discount rate", "年折现率"),
				Templates.passThrough("margin", "Margin", "利润率"));
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/clv.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) {
		Locale locale = context.locale();
		Parameters p = context.parameters();
		LocalDate asOf = Templates.asOf(context);
		String model = p.string(MODEL);
		CustomerClassification result = context.analyses().run(model, asOf, Templates.given(p, PASSED));
		ResultColumn pAlive = Templates.column(result, model, "p_alive");
		ResultColumn expected = Templates.column(result, model, "expected_purchases");
		ResultColumn spend = Templates.column(result, model, "expected_avg_spend");
		ResultColumn clv = Templates.column(result, model, "clv");
		ResultColumn frequency = Templates.column(result, model, "frequency");
		Map<String, Object> summary = result.summary();

		int n = result.customerCount();
		long[] bandCustomers = new long[BANDS.length];
		double[] bandExpected = new double[BANDS.length];
		long[] bandClv = new long[BANDS.length];
		long scored = 0;
		List<Integer> withClv = new ArrayList<>();
		long[] clvCents = new long[n];
		for (int c = 0; c < n; c++) {
			double alive = pAlive.number(c);
			if (Double.isNaN(alive)) {
				continue; // not scored: no paid order in the calibration period
			}
			scored++;
			int band = band(alive);
			bandCustomers[band]++;
			double e = expected.number(c);
			if (!Double.isNaN(e)) {
				bandExpected[band] += e;
			}
			if (!clv.format(c).isEmpty()) {
				clvCents[c] = Templates.cents(clv, c);
				bandClv[band] += clvCents[c];
				withClv.add(c);
			}
		}
		List<Object[]> bands = new ArrayList<>();
		for (int b = 0; b < BANDS.length; b++) {
			bands.add(new Object[] { bandLabel(b), bandCustomers[b], Templates.share(bandCustomers[b], scored),
					BigDecimal.valueOf(bandExpected[b]).setScale(2, RoundingMode.HALF_UP), Templates.money(bandClv[b]) });
		}

		Integer[] order = withClv.toArray(Integer[]::new);
		Arrays.sort(order, (x, y) -> clvCents[x] != clvCents[y] ? Long.compare(clvCents[y], clvCents[x]) : Integer.compare(x, y));
		int top = p.intValue(TOP);
		List<Label> labels = result.labels();
		int[] labelOf = result.labelIndexes();
		List<Object[]> topRows = new ArrayList<>();
		for (int i = 0; i < Math.min(top, order.length); i++) {
			int c = order[i];
			topRows.add(new Object[] { context.dataset().customerId(c), Long.parseLong(frequency.format(c)),
					BigDecimal.valueOf(pAlive.number(c)).setScale(4, RoundingMode.HALF_UP),
					BigDecimal.valueOf(expected.number(c)).setScale(2, RoundingMode.HALF_UP),
					spend.format(c).isEmpty() ? null : Templates.money(Templates.cents(spend, c)), Templates.money(clvCents[c]),
					labelOf[c] < 0 ? "" : labels.get(labelOf[c]).text(locale) });
		}

		List<Object[]> risk = new ArrayList<>();
		Map<String, Long> counts = result.counts();
		long riskTotal = counts.values().stream().mapToLong(Long::longValue).sum();
		for (Label label : labels) {
			long count = counts.getOrDefault(label.id(), 0L);
			risk.add(new Object[] { label.text(locale), count, Templates.share(count, riskTotal) });
		}

		List<Object[]> fitted = new ArrayList<>();
		if (summary.get("params") instanceof Map<?, ?> params) {
			Map<?, ?> se = summary.get("params_se") instanceof Map<?, ?> m ? m : Map.of();
			params.forEach((k, v) -> fitted.add(new Object[] { model.toUpperCase(Locale.ROOT), k.toString(), number(v),
					standardError(se, k) }));
		}
		if (summary.get("log_likelihood") != null) {
			fitted.add(new Object[] { model.toUpperCase(Locale.ROOT), Templates.t(locale, "log-likelihood", "对数似然"),
					number(summary.get("log_likelihood")), "" });
		}
		boolean hasSpend = summary.get("gamma_gamma") instanceof Map<?, ?>;
		if (summary.get("gamma_gamma") instanceof Map<?, ?> gg) {
			Map<?, ?> se = gg.get("params_se") instanceof Map<?, ?> m ? m : Map.of();
			for (String key : List.of("p", "q", "gamma", "log_likelihood", "population_mean_spend")) {
				if (gg.get(key) != null) {
					boolean parameter = List.of("p", "q", "gamma").contains(key);
					fitted.add(new Object[] { "Gamma-Gamma", key.equals("log_likelihood") ? Templates.t(locale, "log-likelihood", "对数似然")
							: key.equals("population_mean_spend") ? Templates.t(locale, "mean spend", "平均客单价") : key,
							number(gg.get(key)), parameter ? standardError(se, key) : "" });
				}
			}
		}

		// what the fit says of itself, in the report's language
		List<Object[]> warnings = new ArrayList<>();
		Object texts = Templates.zh(locale) && summary.get("warnings_zh") instanceof List<?> ? summary.get("warnings_zh")
				: summary.get("warnings");
		if (texts instanceof List<?> list) {
			list.forEach(w -> warnings.add(new Object[] { "⚠ " + w }));
		}
		Diagnostics diagnostics = Diagnostics.of(summary, locale);

		BigDecimal clvTotal = summary.get("clv_total") instanceof BigDecimal total ? total : Templates.money(Arrays.stream(bandClv).sum());
		BigDecimal expectedTotal = summary.get("expected_purchases_total") instanceof Number e
				? BigDecimal.valueOf(e.doubleValue()).setScale(2, RoundingMode.HALF_UP) : null;
		Object horizon = summary.get("horizon_weeks");
		Object calibration = summary.get("calibration") instanceof Map<?, ?> cal ? cal.get("end") : null;
		return new ReportData()
				.table("bands", new ReportData.Table(List.of("band", "customers", "share", "expected_purchases", "clv"), bands))
				.table("top_customers", new ReportData.Table(List.of("customer_id", "frequency", "p_alive",
						"expected_purchases", "expected_avg_spend", "clv", "churn_risk"), topRows))
				.table("churn_risk", new ReportData.Table(List.of("risk", "customers", "share"), risk))
				.table("fitted", new ReportData.Table(List.of("model", "parameter", "value", "se"), fitted))
				.table("warnings", new ReportData.Table(List.of("warning"), warnings))
				.table("histogram", new ReportData.Table(List.of("x", "actual", "expected"), diagnostics.histogram))
				.table("histogram_chart", new ReportData.Table(List.of("x", "series", "customers"), diagnostics.histogramChart))
				.table("tracking_chart", new ReportData.Table(List.of("week", "series", "purchases"), diagnostics.trackingChart))
				.table("holdout_by_x", new ReportData.Table(List.of("x", "customers", "actual", "predicted", "actual_mean",
						"predicted_mean"), diagnostics.holdoutByX))
				.value("title", Templates.t(locale, "Customer lifetime value", "客户终身价值"))
				.value("subtitle", Templates.t(locale,
						"As of " + asOf + " · model " + model + " + Gamma-Gamma · calibration to " + calibration + diagnostics.holdoutEn
								+ " · horizon "
								+ horizon + " weeks · " + Templates.count(locale, scored) + " customers scored",
						"截至 " + asOf + " · 模型 " + model + " + Gamma-Gamma · 校准期至 " + calibration + diagnostics.holdoutZh
								+ " · 预测 " + horizon
								+ " 周 · 已评分客户 " + Templates.count(locale, scored) + " 位"))
				.value("h_bands", Templates.t(locale, "Probability of being alive", "存活概率分布"))
				.value("has_bands", scored > 0)
				.value("totals", Templates.t(locale,
						"Expected purchases in the horizon: " + (expectedTotal == null ? "—" : Templates.amount(expectedTotal))
								+ " · CLV total: " + Templates.amount(clvTotal),
						"预测期内预期购买次数：" + (expectedTotal == null ? "—" : Templates.amount(expectedTotal)) + " · 终身价值合计："
								+ Templates.amount(clvTotal)))
				.value("h_clv_chart", Templates.t(locale, "CLV per band", "各区间终身价值"))
				.value("has_clv_chart", hasSpend && Arrays.stream(bandClv).anyMatch(v -> v != 0))
				.value("h_risk", Templates.t(locale, "Churn risk", "流失风险"))
				.value("h_top", Templates.t(locale, "Top " + Math.min(top, order.length) + " customers by CLV",
						"终身价值最高的 " + Math.min(top, order.length) + " 位客户"))
				.value("h_fitted", Templates.t(locale, "Fitted parameters", "拟合参数"))
				.value("fitted_note", Templates.t(locale,
						"Standard errors from the Hessian of the log-likelihood (delta method); — where the Hessian is singular.",
						"标准误由对数似然的 Hessian 矩阵求得（delta 方法）；Hessian 奇异时为 —。"))
				.value("h_warnings", Templates.t(locale, "What the fit warns of", "拟合警告"))
				.value("has_warnings", !warnings.isEmpty())
				.value("h_histogram", Templates.t(locale, "Calibration period: customers by repeat purchases, actual vs model",
						"校准期：按重复购买次数的客户数，实际与模型"))
				.value("has_histogram", !diagnostics.histogram.isEmpty())
				.value("histogram_note", diagnostics.histogram.isEmpty()
						? Templates.t(locale, "The model gives no frequency histogram.", "该模型未给出购买次数分布。")
						: Templates.t(locale, "Model: the sum over customers of P(X(T) = x) at each one's T; 7+: the rest.",
								"模型：各客户在其 T 时 P(X(T) = x) 之和；7+：其余。"))
				.value("h_holdout", Templates.t(locale, "Holdout check", "留出期检验"))
				.value("has_holdout", diagnostics.hasHoldout)
				.value("holdout_note", diagnostics.holdoutNote)
				.value("tracking_note", diagnostics.trackingNote)
				.value("col_warning", Templates.t(locale, "Warning", "警告"))
				.value("col_se", Templates.t(locale, "Std. error", "标准误"))
				.value("col_x", Templates.t(locale, "Repeat purchases (calibration)", "重复购买次数（校准期）"))
				.value("col_actual", Templates.t(locale, "Customers, actual", "客户数（实际）"))
				.value("col_model_customers", Templates.t(locale, "Customers, model", "客户数（模型）"))
				.value("col_holdout_actual", Templates.t(locale, "Holdout purchases, actual", "留出期购买（实际）"))
				.value("col_holdout_predicted", Templates.t(locale, "Holdout purchases, predicted", "留出期购买（预测）"))
				.value("col_actual_mean", Templates.t(locale, "Per customer, actual", "人均（实际）"))
				.value("col_predicted_mean", Templates.t(locale, "Per customer, predicted", "人均（预测）"))
				.value("col_band", "P(alive)")
				.value("col_customers", Templates.t(locale, "Customers", "客户数"))
				.value("col_share", Templates.t(locale, "Share", "占比"))
				.value("col_expected", Templates.t(locale, "Expected purchases", "预期购买次数"))
				.value("col_clv", Templates.t(locale, "CLV", "终身价值"))
				.value("col_customer", Templates.t(locale, "Customer", "客户"))
				.value("col_frequency", Templates.t(locale, "Repeat purchases", "重复购买次数"))
				.value("col_spend", Templates.t(locale, "Expected spend", "预期客单价"))
				.value("col_risk", Templates.t(locale, "Churn risk", "流失风险"))
				.value("col_model", Templates.t(locale, "Model", "模型"))
				.value("col_parameter", Templates.t(locale, "Parameter", "参数"))
				.value("col_value", Templates.t(locale, "Value", "数值"))
				.value("clv_total", clvTotal)
				.value("scored", scored);
	}

	/** A standard error as printed beside its parameter: 6 significant digits, "—" where there is none. */
	private static String standardError(Map<?, ?> se, Object key) {
		Object v = se.get(key);
		return v instanceof Number ? number(v) : "—";
	}

	/**
	 * The calibration histogram and the holdout check from the model's summary
	 * ({@code calibration.frequency_histogram}, {@code holdout}), as the design's tables: the
	 * charts take them in long form (one row per category and series, the series named in the
	 * report's language).
	 */
	private static final class Diagnostics {
		final List<Object[]> histogram = new ArrayList<>();
		final List<Object[]> histogramChart = new ArrayList<>();
		final List<Object[]> trackingChart = new ArrayList<>();
		final List<Object[]> holdoutByX = new ArrayList<>();
		boolean hasHoldout;
		String holdoutNote = "";
		String trackingNote = "";
		String holdoutEn = "";
		String holdoutZh = "";

		static Diagnostics of(Map<String, Object> summary, Locale locale) {
			Diagnostics d = new Diagnostics();
			String actual = Templates.t(locale, "actual", "实际");
			String expected = Templates.t(locale, "model", "模型");
			if (summary.get("calibration") instanceof Map<?, ?> calibration
					&& calibration.get("frequency_histogram") instanceof List<?> rows) {
				for (Object o : rows) {
					Map<?, ?> row = (Map<?, ?>) o;
					BigDecimal model = decimal(row.get("expected"), 1);
					d.histogram.add(new Object[] { String.valueOf(row.get("x")), row.get("actual"), model });
					d.histogramChart.add(new Object[] { String.valueOf(row.get("x")), actual, decimal(row.get("actual"), 1) });
					d.histogramChart.add(new Object[] { String.valueOf(row.get("x")), expected, model });
				}
			}
			if (summary.get("holdout") instanceof Map<?, ?> holdout) {
				d.hasHoldout = true;
				String start = String.valueOf(holdout.get("start"));
				String end = String.valueOf(holdout.get("end"));
				double weeks = ((Number) holdout.get("weeks")).doubleValue();
				d.holdoutEn = " · holdout " + start + " – " + end;
				d.holdoutZh = " · 留出期 " + start + " – " + end;
				long customers = ((Number) holdout.get("customers")).longValue();
				d.holdoutNote = String.format(Locale.ROOT, Templates.t(locale,
						"Holdout %s – %s (%.1f weeks): the %s calibration customers made %s repeat purchases; the model predicted %s.",
						"留出期 %s – %s（%.1f 周）：%s 位校准期客户实际重复购买 %s 次，模型预测 %s 次。"), start, end, weeks,
						Templates.count(locale, customers), Templates.count(locale, ((Number) holdout.get("actual")).longValue()),
						String.format(Locale.ROOT, "%,.1f", decimal(holdout.get("predicted"), 1)));
				if (holdout.get("by_x") instanceof List<?> rows) {
					for (Object o : rows) {
						Map<?, ?> row = (Map<?, ?>) o;
						d.holdoutByX.add(new Object[] { String.valueOf(row.get("x")), row.get("customers"), row.get("actual"),
								decimal(row.get("predicted"), 1), decimal(row.get("actual_mean"), 3),
								decimal(row.get("predicted_mean"), 3) });
					}
				}
				String lastCalibrationWeek = null;
				if (holdout.get("weekly") instanceof List<?> rows) {
					for (Object o : rows) {
						Map<?, ?> row = (Map<?, ?>) o;
						String week = String.valueOf(row.get("start"));
						if (!"holdout".equals(row.get("period"))) {
							lastCalibrationWeek = week;
						}
						d.trackingChart.add(new Object[] { week, actual, decimal(row.get("cumulative_actual"), 1) });
						d.trackingChart.add(new Object[] { week, expected, decimal(row.get("cumulative_expected"), 1) });
					}
				}
				d.trackingNote = Templates.t(locale,
						"Cumulative repeat purchases of the calibration customers per week (by the week's first day), actual and as the "
								+ "model expects them from each one's first purchase; the calibration period ends in the week from "
								+ lastCalibrationWeek + ", the holdout follows.",
						"校准期客户每周累计重复购买次数（按周首日），实际值与模型自各客户首次购买起的预期值；校准期在 " + lastCalibrationWeek
								+ " 起的那一周结束，其后为留出期。");
			}
			return d;
		}

		private static BigDecimal decimal(Object value, int scale) {
			return value instanceof Number n && Double.isFinite(n.doubleValue())
					? BigDecimal.valueOf(n.doubleValue()).setScale(scale, RoundingMode.HALF_UP) : null;
		}
	}

	static int band(double alive) {
		for (int b = BANDS.length - 1; b > 0; b--) {
			if (alive >= BANDS[b]) {
				return b;
			}
		}
		return 0;
	}

	private static String bandLabel(int b) {
		String lo = BigDecimal.valueOf(BANDS[b]).setScale(1).toPlainString();
		return b == BANDS.length - 1 ? lo + " – 1.0" : lo + " – " + BigDecimal.valueOf(BANDS[b + 1]).setScale(1).toPlainString();
	}

	/** A fitted value as text with 6 significant digits, exactly as printed from the model's double. */
	static String number(Object value) {
		if (value instanceof Number number) {
			double d = number.doubleValue();
			if (!Double.isFinite(d)) {
				return Double.toString(d);
			}
			return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}
}
