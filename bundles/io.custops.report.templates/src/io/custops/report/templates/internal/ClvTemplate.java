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
 * Customer lifetime value from a customer-base model (BG/NBD or Pareto/NBD with Gamma-Gamma
 * spend): customers, expected purchases and CLV per band of the probability of being alive
 * (charts and table), churn-risk groups, the customers of highest CLV, and the fitted
 * parameters. Runs the model through the analysis runner and prints its own columns and summary.
 */
@Component(service = ReportTemplate.class)
public class ClvTemplate implements ReportTemplate {

	static final String MODEL = "model";
	static final String TOP = "top";
	private static final List<String> PASSED = List.of("calibrationEnd", "horizonWeeks", "discountRate", "margin");
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
		return LocalizedText.of("P(alive) bands, expected purchases, CLV, churn risk and the top customers (BG/NBD + Gamma-Gamma)",
				"存活概率分布、预期购买次数、终身价值、流失风险与高价值客户（BG/NBD + Gamma-Gamma）");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(Templates.asOfSpec(),
				ParameterSpec.builder(MODEL, ParameterType.STRING).defaultValue("bgnbd").label("Model", "模型")
						.description("Id of the customer-base model (bgnbd, paretonbd)", "客户基数模型 id（bgnbd、paretonbd）")
						.build(),
				ParameterSpec.builder(TOP, ParameterType.INTEGER).defaultValue("20").min(1).max(1000)
						.label("Top customers", "高价值客户数").description("How many customers of highest CLV to list",
								"列出终身价值最高的客户数")
						.build(),
				Templates.passThrough("calibrationEnd", "Calibration end", "校准期结束日"),
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
			params.forEach((k, v) -> fitted.add(new Object[] { model.toUpperCase(Locale.ROOT), k.toString(), number(v) }));
		}
		if (summary.get("log_likelihood") != null) {
			fitted.add(new Object[] { model.toUpperCase(Locale.ROOT), Templates.t(locale, "log-likelihood", "对数似然"),
					number(summary.get("log_likelihood")) });
		}
		boolean hasSpend = summary.get("gamma_gamma") instanceof Map<?, ?>;
		if (summary.get("gamma_gamma") instanceof Map<?, ?> gg) {
			for (String key : List.of("p", "q", "gamma", "log_likelihood", "population_mean_spend")) {
				if (gg.get(key) != null) {
					fitted.add(new Object[] { "Gamma-Gamma", key.equals("log_likelihood") ? Templates.t(locale, "log-likelihood", "对数似然")
							: key.equals("population_mean_spend") ? Templates.t(locale, "mean spend", "平均客单价") : key,
							number(gg.get(key)) });
				}
			}
		}

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
				.table("fitted", new ReportData.Table(List.of("model", "parameter", "value"), fitted))
				.value("title", Templates.t(locale, "Customer lifetime value", "客户终身价值"))
				.value("subtitle", Templates.t(locale,
						"As of " + asOf + " · model " + model + " + Gamma-Gamma · calibration to " + calibration + " · horizon "
								+ horizon + " weeks · " + Templates.count(locale, scored) + " customers scored",
						"截至 " + asOf + " · 模型 " + model + " + Gamma-Gamma · 校准期至 " + calibration + " · 预测 " + horizon
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
