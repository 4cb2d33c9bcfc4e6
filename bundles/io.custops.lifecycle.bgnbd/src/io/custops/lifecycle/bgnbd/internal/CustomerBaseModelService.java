package io.custops.lifecycle.bgnbd.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.ResultColumn;
import io.custops.lifecycle.bgnbd.CustomerBaseModel;
import io.custops.lifecycle.bgnbd.GammaGamma;
import io.custops.lifecycle.bgnbd.ModelFit;
import io.custops.lifecycle.bgnbd.PurchaseSummary;
import io.custops.lifecycle.bgnbd.SpendSummary;

/**
 * What the BG/NBD and Pareto/NBD services share: the calibration summary, the fit, Gamma-Gamma
 * on the repeat customers' spend, the per-customer predictions, the churn-risk bands and the
 * calibration/holdout check.
 */
abstract class CustomerBaseModelService implements LifecycleModel {

	static final String CALIBRATION_END = "calibrationEnd";
	static final String HOLDOUT_END = "holdoutEnd";
	static final String HORIZON_WEEKS = "horizonWeeks";
	static final String DISCOUNT_RATE = "discountRate";
	static final String MARGIN = "margin";

	/** The --out columns, in order (customer_id is added by the caller). */
	static final List<String> COLUMNS = List.of("frequency", "recency", "T", "monetary_value", "p_alive",
			"expected_purchases", "expected_avg_spend", "clv", "churn_risk");

	/** Churn risk = 1 − P(alive): below the first bound low, above the second high, medium between (bounds included). */
	static final double LOW_BELOW = 0.33;
	static final double HIGH_ABOVE = 0.66;

	private static final List<Label> LABELS = List.of(
			Label.of("low", "Low churn risk", "低流失风险"),
			Label.of("medium", "Medium churn risk", "中流失风险"),
			Label.of("high", "High churn risk", "高流失风险"));

	private static final int HOLDOUT_BUCKETS = 8; // x = 0 … 6 and 7+

	private static final long MISSING = Long.MIN_VALUE;

	/** Fits the model to the calibration summary. */
	abstract ModelFit<? extends CustomerBaseModel> fit(PurchaseSummary summary);

	/** The model of these parameters, in the order of {@link CustomerBaseModel#parameters()}. */
	abstract CustomerBaseModel model(double[] parameters);

	/** The model's name in warnings, e.g. "BG/NBD". */
	abstract String title();

	/** True when the model has every customer without a repeat purchase alive (P(alive) = 1), as BG/NBD does. */
	boolean oneTimeBuyersAlive() {
		return false;
	}

	@Override
	public boolean predictive() {
		return true;
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(
				ParameterSpec.builder(CALIBRATION_END, ParameterType.DATE)
						.label("Calibration end", "校准期结束日")
						.description("Last day (inclusive) of the period the model is fitted on; default: the day before "
								+ "the as-of date. Purchases after it, up to the as-of date, are the holdout check.",
								"模型拟合所用时期的最后一天（含）；默认为截止日期的前一天。其后到截止日期之间的购买用于留出期检验。")
						.build(),
				ParameterSpec.builder(HOLDOUT_END, ParameterType.DATE)
						.label("Holdout end", "留出期结束日")
						.description("Last day (inclusive) of the holdout period after the calibration end, whose purchases "
								+ "check the model; default: the day before the as-of date.",
								"校准期结束后留出期的最后一天（含），其间的购买用于检验模型；默认为截止日期的前一天。")
						.build(),
				ParameterSpec.builder(HORIZON_WEEKS, ParameterType.INTEGER).defaultValue("52").min(1).max(520)
						.label("Horizon (weeks)", "预测期（周）")
						.description("Weeks after the calibration end over which purchases and CLV are predicted.",
								"预测购买次数和客户终身价值的周数（自校准期结束起）。")
						.build(),
				ParameterSpec.builder(DISCOUNT_RATE, ParameterType.PERCENT).defaultValue("0.1")
						.range(BigDecimal.ZERO, BigDecimal.ONE)
						.label("Annual discount rate", "年折现率")
						.description("Discounts the purchases of week w by (1 + rate)^(-w/52) in the CLV.",
								"客户终身价值中第 w 周的购买按 (1 + 折现率)^(-w/52) 折现。")
						.build(),
				ParameterSpec.builder(MARGIN, ParameterType.PERCENT).defaultValue("1")
						.range(BigDecimal.ZERO, BigDecimal.ONE)
						.label("Margin", "利润率")
						.description("Share of the spend that is profit; 1 makes the CLV a revenue figure.",
								"消费额中利润所占比例；为 1 时终身价值即为收入。")
						.build());
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return LABELS;
	}

	@Override
	public List<String> columnNames(Parameters parameters) {
		return COLUMNS;
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		ProgressMonitor monitor = input.monitor();
		Parameters parameters = input.parameters();
		LocalDate asOf = input.asOf();
		LocalDate calibrationEnd = parameters.has(CALIBRATION_END) ? parameters.date(CALIBRATION_END)
				: asOf.minusDays(1);
		if (!calibrationEnd.isBefore(asOf)) {
			throw new ParameterException(CALIBRATION_END,
					calibrationEnd + " is not before the as-of date " + asOf + " (only orders before " + asOf + " count)");
		}
		LocalDate holdoutEnd = parameters.has(HOLDOUT_END) ? parameters.date(HOLDOUT_END) : asOf.minusDays(1);
		if (parameters.has(HOLDOUT_END) && !(holdoutEnd.isAfter(calibrationEnd) && holdoutEnd.isBefore(asOf))) {
			throw new ParameterException(HOLDOUT_END, holdoutEnd + " is not after the calibration end " + calibrationEnd
					+ " and before the as-of date " + asOf);
		}
		int horizonWeeks = parameters.intValue(HORIZON_WEEKS);
		double discountRate = parameters.decimal(DISCOUNT_RATE).doubleValue();
		double margin = parameters.decimal(MARGIN).doubleValue();

		monitor.begin(name().en(), 4);
		CustomerDataset data = input.data();
		int calibrationEndDay = CustomerDataset.epochDay(calibrationEnd);
		CalibrationSummary calibration = CalibrationSummary.of(data, calibrationEndDay,
				CustomerDataset.epochDay(holdoutEnd) + 1);
		if (calibration.scored == 0) {
			throw new ParameterException(CALIBRATION_END, "no customer has a paid order on or before " + calibrationEnd
					+ ": there is nothing to fit the " + id() + " model to");
		}
		int customers = data.customerCount();
		int[] scored = new int[calibration.scored];
		for (int c = 0, k = 0; c < customers; c++) {
			if (calibration.isScored(c)) {
				scored[k++] = c;
			}
		}
		int[] x = new int[scored.length];
		int[] recency = new int[scored.length];
		int[] age = new int[scored.length];
		for (int k = 0; k < scored.length; k++) {
			x[k] = calibration.repeats[scored[k]];
			recency[k] = calibration.recencyDays[scored[k]];
			age[k] = calibration.ageDays[scored[k]];
		}
		if (java.util.Arrays.stream(x).allMatch(v -> v == 0)) {
			// the likelihood then keeps rising towards r → 0: there is no maximum to report
			throw new ParameterException(CALIBRATION_END, "no customer bought again on a later day on or before "
					+ calibrationEnd + ": the " + id() + " model needs repeat purchases to be fitted");
		}
		PurchaseSummary summary = PurchaseSummary.ofDays(x, recency, age);
		monitor.worked(1);
		monitor.checkCanceled();

		ModelFit<? extends CustomerBaseModel> fit = fit(summary);
		CustomerBaseModel model = fit.model();
		monitor.worked(1);
		monitor.checkCanceled();

		FitDiagnostics diagnostics = FitDiagnostics.of(model.parameters(), logTheta -> {
			double[] theta = new double[logTheta.length];
			for (int i = 0; i < theta.length; i++) {
				theta[i] = Math.exp(logTheta[i]);
			}
			return model(theta).logLikelihood(summary);
		});
		SpendFit spend = fitSpend(calibration, scored);
		monitor.worked(1);
		monitor.checkCanceled();

		// per group of identical histories: P(alive), and the expectations given alive, which depend on (x, T) only
		int groups = summary.groupCount();
		double[] alive = new double[groups];
		double[] expectedIfAlive = new double[groups];
		double[] discountedIfAlive = new double[groups];
		Map<Long, double[]> byXAndAge = new HashMap<>();
		for (int g = 0; g < groups; g++) {
			int gx = summary.x(g);
			double gAge = summary.age(g);
			alive[g] = model.probabilityAlive(gx, summary.tx(g), gAge);
			long key = (long) gx << 32 | Math.round(gAge * 7);
			double[] expectation = byXAndAge.computeIfAbsent(key,
					k -> new double[] { model.expectedPurchasesIfAlive(horizonWeeks, gx, gAge),
							model.discountedPurchasesIfAlive(horizonWeeks, discountRate, gx, gAge) });
			expectedIfAlive[g] = expectation[0];
			discountedIfAlive[g] = expectation[1];
		}

		long[] frequency = filled(customers, -1);
		double[] recencyWeeks = nan(customers);
		double[] ageWeeks = nan(customers);
		long[] monetary = filled(customers, MISSING);
		double[] pAlive = nan(customers);
		double[] expected = nan(customers);
		long[] expectedSpend = filled(customers, MISSING);
		long[] clv = filled(customers, MISSING);
		String[] risk = new String[customers];
		int[] labelOf = new int[customers];
		java.util.Arrays.fill(labelOf, CustomerClassification.UNCLASSIFIED);
		double expectedTotal = 0;
		long clvTotal = 0;
		int repeatCustomers = 0;
		long[] bandCount = new long[LABELS.size()];
		for (int k = 0; k < scored.length; k++) {
			int c = scored[k];
			int g = summary.groupOf(k);
			frequency[c] = x[k];
			recencyWeeks[c] = recency[k] / 7.0;
			ageWeeks[c] = age[k] / 7.0;
			if (x[k] > 0) {
				monetary[c] = Math.round((double) calibration.repeatCents[c] / x[k]);
				repeatCustomers++;
			}
			pAlive[c] = alive[g];
			expected[c] = expectedIfAlive[g] * alive[g];
			expectedTotal += expected[c];
			double averageSpend = spend.expectedAverage(x[k], calibration.repeatCents[c]);
			if (Double.isFinite(averageSpend)) {
				expectedSpend[c] = Math.round(averageSpend * 100);
				clv[c] = Math.round(margin * averageSpend * discountedIfAlive[g] * alive[g] * 100);
				clvTotal += clv[c];
			}
			int band = band(1 - alive[g]);
			labelOf[c] = band;
			risk[c] = LABELS.get(band).id();
			bandCount[band]++;
		}
		monitor.worked(1);

		List<ResultColumn> columns = List.of(
				ResultColumn.ofLongs("frequency", frequency, -1),
				ResultColumn.ofDoubles("recency", recencyWeeks),
				ResultColumn.ofDoubles("T", ageWeeks),
				ResultColumn.ofCents("monetary_value", monetary, MISSING),
				ResultColumn.ofDoubles("p_alive", pAlive),
				ResultColumn.ofDoubles("expected_purchases", expected),
				ResultColumn.ofCents("expected_avg_spend", expectedSpend, MISSING),
				ResultColumn.ofCents("clv", clv, MISSING),
				ResultColumn.ofTexts("churn_risk", risk));

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("model", id());
		result.put("params", new LinkedHashMap<>(model.parameters()));
		result.put("params_se", new LinkedHashMap<>(diagnostics.standardErrors));
		result.put("degenerate", diagnostics.degenerate());
		result.put("log_likelihood", fit.logLikelihood());
		result.put("optimizer", fit.optimizer().describe());
		Map<String, Object> calibrationInfo = new LinkedHashMap<>();
		calibrationInfo.put("end", calibrationEnd.toString());
		calibrationInfo.put("customers", scored.length);
		calibrationInfo.put("distinct_histories", groups);
		calibrationInfo.put("repeat_customers", repeatCustomers);
		calibrationInfo.put("gamma_gamma_customers", spend.customers);
		calibrationInfo.put("unscored_customers", customers - scored.length);
		result.put("calibration", calibrationInfo);
		result.put("gamma_gamma", spend.describe());
		result.put("horizon_weeks", horizonWeeks);
		result.put("discount_rate", parameters.decimal(DISCOUNT_RATE));
		result.put("margin", parameters.decimal(MARGIN));
		result.put("expected_purchases_total", expectedTotal);
		result.put("clv_total", BigDecimal.valueOf(clvTotal, 2));
		calibrationInfo.put("frequency_histogram", frequencyHistogram(model, summary));
		result.put("holdout", holdout(calibration, calibrationEnd, holdoutEnd, model, summary, scored));
		List<String> warnings = new ArrayList<>();
		List<String> warningsZh = new ArrayList<>();
		warnings(diagnostics, spend, scored.length, repeatCustomers, bandCount, warnings, warningsZh);
		result.put("warnings", warnings);
		result.put("warnings_zh", warningsZh);
		monitor.done();
		return new CustomerClassification(LABELS, labelOf, columns, result);
	}

	/**
	 * What the analyst must know before acting on the figures: degenerate fits, and P(alive) = 1 by
	 * construction; in English and, in the same order, in Chinese (the workbench and the reports
	 * show the one of their language).
	 */
	private void warnings(FitDiagnostics diagnostics, SpendFit spend, int scored, int repeatCustomers, long[] bandCount,
			List<String> en, List<String> zh) {
		if (diagnostics.degenerate()) {
			double low = 100.0 * bandCount[0] / scored;
			en.add(String.format(java.util.Locale.ROOT,
					"The %s fit is degenerate: %s. Its P(alive), expected purchases, CLV and churn-risk bands are not "
							+ "to be trusted (it puts %.1f %% of the customers in the low churn-risk band).",
					title(), String.join("; ", diagnostics.problems), low));
			zh.add(String.format(java.util.Locale.ROOT,
					"%s 拟合退化：%s。其存活概率、预期购买次数、客户终身价值和流失风险分组都不可信（它把 %.1f %% 的客户归入低流失风险）。",
					title(), String.join("；", diagnostics.problemsZh), low));
		}
		if (oneTimeBuyersAlive() && repeatCustomers < scored) {
			en.add(String.format(java.util.Locale.ROOT,
					"%s gives one-time buyers P(alive) = 1 by construction: the %,d customers without a repeat purchase "
							+ "are all low churn risk however long ago they bought. The mbgnbd model lets them be gone.",
					title(), scored - repeatCustomers));
			zh.add(String.format(java.util.Locale.ROOT,
					"%s 按其构造让只买过一次的客户存活概率 = 1：%,d 位没有重复购买的客户无论多久以前购买，都是低流失风险。"
							+ "mbgnbd 模型允许他们已经流失。",
					title(), scored - repeatCustomers));
		}
		if (spend.diagnostics != null && spend.diagnostics.degenerate()) {
			en.add("The Gamma-Gamma fit is degenerate: " + String.join("; ", spend.diagnostics.problems)
					+ ". Its expected spend and the CLV are not to be trusted.");
			zh.add("Gamma-Gamma 拟合退化：" + String.join("；", spend.diagnostics.problemsZh) + "。其预期客单价和客户终身价值不可信。");
		}
	}

	/** 0 low, 1 medium, 2 high, by the probability of not being alive. */
	static int band(double notAlive) {
		if (notAlive < LOW_BELOW) {
			return 0;
		}
		return notAlive > HIGH_ABOVE ? 2 : 1;
	}

	/** Gamma-Gamma on the customers with repeat transactions of positive mean value, when there are any. */
	private static SpendFit fitSpend(CalibrationSummary calibration, int[] scored) {
		int count = 0;
		for (int c : scored) {
			if (calibration.repeats[c] > 0 && calibration.repeatCents[c] > 0) {
				count++;
			}
		}
		if (count == 0) {
			return new SpendFit(null, null, 0);
		}
		int[] x = new int[count];
		double[] mean = new double[count];
		int k = 0;
		for (int c : scored) {
			if (calibration.repeats[c] > 0 && calibration.repeatCents[c] > 0) {
				x[k] = calibration.repeats[c];
				// in currency units: γ is a scale in the unit of the data, the literature's is in dollars
				mean[k] = calibration.repeatCents[c] / 100.0 / x[k];
				k++;
			}
		}
		SpendSummary summary = SpendSummary.of(x, mean);
		ModelFit<GammaGamma> fit = GammaGamma.fit(summary);
		FitDiagnostics diagnostics = FitDiagnostics.of(fit.model().parameters(),
				t -> new GammaGamma(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2])).logLikelihood(summary));
		return new SpendFit(fit, diagnostics, count);
	}

	/**
	 * The spend model, or none when no customer has repeat transactions of positive mean value;
	 * {@code customers} is the number it was fitted to.
	 */
	private record SpendFit(ModelFit<GammaGamma> fit, FitDiagnostics diagnostics, int customers) {

		/**
		 * E[M | x, z̄] in currency units, also when the repeat purchases average 0.00 (the fit leaves
		 * such customers out, as ln z̄ is undefined, but the formula holds); the population mean for
		 * customers without repeat transactions (or with a negative mean, which the model cannot
		 * describe); NaN without a model.
		 */
		double expectedAverage(int x, long repeatCents) {
			if (fit == null) {
				return Double.NaN;
			}
			GammaGamma model = fit.model();
			if (x > 0 && repeatCents >= 0) {
				return model.conditionalExpectedAverage(x, repeatCents / 100.0 / x);
			}
			return model.populationMean();
		}

		Map<String, Object> describe() {
			if (fit == null) {
				return null;
			}
			Map<String, Object> map = new LinkedHashMap<>(fit.model().parameters());
			map.put("log_likelihood", fit.logLikelihood());
			map.put("customers", customers);
			map.put("params_se", new LinkedHashMap<>(diagnostics.standardErrors));
			double mean = fit.model().populationMean();
			map.put("population_mean_spend", Double.isFinite(mean) ? mean : null);
			map.put("optimizer", fit.optimizer().describe());
			return map;
		}
	}

	/**
	 * Predicted against actual repeat purchases in the holdout period (the day after calibrationEnd
	 * up to the day before as-of), by calibration x (0 … 6, 7+): the check of Fader, Hardie and
	 * Lee's figure of conditional expectations. Null when the data holds no order in that period.
	 */
	private Map<String, Object> holdout(CalibrationSummary calibration, LocalDate calibrationEnd, LocalDate holdoutEnd,
			CustomerBaseModel model, PurchaseSummary summary, int[] scored) {
		long days = holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay();
		if (days <= 0 || !calibration.holdoutObserved) {
			return null;
		}
		double weeks = days / 7.0;
		double[] predictedOfGroup = new double[summary.groupCount()];
		for (int g = 0; g < predictedOfGroup.length; g++) {
			predictedOfGroup[g] = model.expectedPurchases(weeks, summary.x(g), summary.tx(g), summary.age(g));
		}
		long[] customers = new long[HOLDOUT_BUCKETS];
		long[] actual = new long[HOLDOUT_BUCKETS];
		double[] predicted = new double[HOLDOUT_BUCKETS];
		for (int k = 0; k < scored.length; k++) {
			int c = scored[k];
			int bucket = Math.min(calibration.repeats[c], HOLDOUT_BUCKETS - 1);
			customers[bucket]++;
			actual[bucket] += calibration.holdoutPurchases[c];
			predicted[bucket] += predictedOfGroup[summary.groupOf(k)];
		}
		List<Object> byX = new ArrayList<>();
		long actualTotal = 0;
		double predictedTotal = 0;
		for (int b = 0; b < HOLDOUT_BUCKETS; b++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("x", b == HOLDOUT_BUCKETS - 1 ? (HOLDOUT_BUCKETS - 1) + "+" : Integer.toString(b));
			row.put("customers", customers[b]);
			row.put("actual", actual[b]);
			row.put("predicted", predicted[b]);
			row.put("actual_mean", customers[b] > 0 ? (double) actual[b] / customers[b] : null);
			row.put("predicted_mean", customers[b] > 0 ? predicted[b] / customers[b] : null);
			byX.add(row);
			actualTotal += actual[b];
			predictedTotal += predicted[b];
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("start", calibrationEnd.plusDays(1).toString());
		map.put("end", holdoutEnd.toString());
		map.put("weeks", weeks);
		map.put("customers", (long) scored.length);
		map.put("actual", actualTotal);
		map.put("predicted", predictedTotal);
		map.put("by_x", byX);
		map.put("weekly", tracking(calibration, calibrationEnd, holdoutEnd, model, scored));
		return map;
	}

	/**
	 * The tracking check of Fader, Hardie and Lee (BTYD's tracking plots): per week from the first
	 * scored customer's first purchase to the holdout end, the repeat purchases of the calibration
	 * customers, actual and expected, incremental and cumulative. The expectation of a customer
	 * whose first purchase was on day f is E[X(t)] of a new customer, t = (D − f)/7 weeks at the last
	 * day D of the week: unconditional, not fitted to her own history.
	 */
	private static List<Object> tracking(CalibrationSummary calibration, LocalDate calibrationEnd, LocalDate holdoutEnd,
			CustomerBaseModel model, int[] scored) {
		Map<Integer, Integer> byFirstDay = new java.util.TreeMap<>();
		int base = Integer.MAX_VALUE;
		for (int c : scored) {
			byFirstDay.merge(calibration.firstDay[c], 1, Integer::sum);
			base = Math.min(base, calibration.firstDay[c]);
		}
		int end = CustomerDataset.epochDay(holdoutEnd);
		int calibrationEndDay = CustomerDataset.epochDay(calibrationEnd);
		List<Object> weeks = new ArrayList<>();
		long cumulativeActual = 0;
		double previousExpected = 0;
		for (int week = 1, from = base; from <= end; week++, from += 7) {
			int to = Math.min(from + 6, end);
			long actual = 0;
			for (int day = from; day <= to; day++) {
				int i = day - calibration.dayBase;
				if (i >= 0 && i < calibration.repeatsByDay.length) {
					actual += calibration.repeatsByDay[i];
				}
			}
			double expected = 0;
			for (Map.Entry<Integer, Integer> e : byFirstDay.entrySet()) {
				if (e.getKey() < to) {
					expected += e.getValue() * model.expectedPurchasesNewCustomer((to - e.getKey()) / 7.0);
				}
			}
			cumulativeActual += actual;
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("week", week);
			row.put("start", LocalDate.ofEpochDay(from).toString());
			row.put("period", to <= calibrationEndDay ? "calibration" : from > calibrationEndDay ? "holdout" : "both");
			row.put("actual", actual);
			row.put("expected", expected - previousExpected);
			row.put("cumulative_actual", cumulativeActual);
			row.put("cumulative_expected", expected);
			weeks.add(row);
			previousExpected = expected;
		}
		return weeks;
	}

	/**
	 * The calibration-period frequency histogram: customers with x = 0 … 6 and 7+ repeat purchases,
	 * actual and as the model expects them, Σ over customers of P(X(T) = x) at each one's T (7+:
	 * the rest). Null when the model gives no P(X(t) = x).
	 */
	private List<Object> frequencyHistogram(CustomerBaseModel model, PurchaseSummary summary) {
		double[] expected = new double[HOLDOUT_BUCKETS];
		long[] actual = new long[HOLDOUT_BUCKETS];
		Map<Double, Double> weightByAge = new HashMap<>();
		for (int g = 0; g < summary.groupCount(); g++) {
			actual[Math.min(summary.x(g), HOLDOUT_BUCKETS - 1)] += Math.round(summary.weight(g));
			weightByAge.merge(summary.age(g), summary.weight(g), Double::sum);
		}
		for (Map.Entry<Double, Double> e : weightByAge.entrySet()) {
			double below = 0;
			for (int n = 0; n < HOLDOUT_BUCKETS - 1; n++) {
				double p = probabilityOfPurchases(model, n, e.getKey());
				if (Double.isNaN(p)) {
					return null;
				}
				expected[n] += e.getValue() * p;
				below += p;
			}
			expected[HOLDOUT_BUCKETS - 1] += e.getValue() * Math.max(0, 1 - below);
		}
		List<Object> rows = new ArrayList<>();
		for (int b = 0; b < HOLDOUT_BUCKETS; b++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("x", b == HOLDOUT_BUCKETS - 1 ? (HOLDOUT_BUCKETS - 1) + "+" : Integer.toString(b));
			row.put("actual", actual[b]);
			row.put("expected", expected[b]);
			rows.add(row);
		}
		return rows;
	}

	/** P(X(t) = n) of a new customer under the model; NaN when the model does not give it. */
	abstract double probabilityOfPurchases(CustomerBaseModel model, int n, double weeks);

	private static long[] filled(int n, long value) {
		long[] a = new long[n];
		java.util.Arrays.fill(a, value);
		return a;
	}

	private static double[] nan(int n) {
		double[] a = new double[n];
		java.util.Arrays.fill(a, Double.NaN);
		return a;
	}

}
