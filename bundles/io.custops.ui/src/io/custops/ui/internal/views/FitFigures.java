package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fitted customer-base model says of its own fit, read from the summary of its run (the
 * keys of {@code ./custops lifecycle --json}, docs/analyses.md "Customer-base models"): the
 * warnings in the view's language, the parameters with their standard errors, the calibration
 * frequency histogram (actual vs model) and, where a holdout period was set, the weekly
 * cumulative repeat purchases (actual vs expected) with the week the calibration ends. SWT-free,
 * so it is tested without a display; a model that gives none of these gives empty figures.
 */
public record FitFigures(List<String> warnings, List<String[]> parameters, List<String> histogramX,
		double[] histogramActual, double[] histogramExpected, List<String> weeks, double[] cumulativeActual,
		double[] cumulativeExpected, int calibrationEndWeek, Holdout holdout) {

	/** The holdout period's totals: the calibration customers' repeat purchases in it, actual and predicted. */
	public record Holdout(String start, String end, double weeks, long customers, long actual, double predicted) {
	}

	static final FitFigures NONE = new FitFigures(List.of(), List.of(), List.of(), new double[0], new double[0], List.of(),
			new double[0], new double[0], -1, null);

	public boolean hasHistogram() {
		return !histogramX.isEmpty();
	}

	public boolean hasTracking() {
		return !weeks.isEmpty();
	}

	/**
	 * @param summary the run's summary
	 * @param model   the model's id, shown beside its parameters
	 * @param zh      whether the warnings are wanted in Chinese ({@code warnings_zh}; {@code warnings} when a
	 *                model gives no Chinese ones)
	 */
	public static FitFigures of(Map<String, Object> summary, String model, boolean zh) {
		if (summary == null) {
			return NONE;
		}
		List<String> warnings = texts(zh && summary.get("warnings_zh") instanceof List<?> ? summary.get("warnings_zh")
				: summary.get("warnings"));

		List<String[]> parameters = new ArrayList<>();
		String title = model == null ? "" : model.toUpperCase(Locale.ROOT);
		if (summary.get("params") instanceof Map<?, ?> params) {
			Map<?, ?> se = summary.get("params_se") instanceof Map<?, ?> m ? m : Map.of();
			params.forEach((k, v) -> parameters.add(new String[] { title, k.toString(), number(v), number(se.get(k)) }));
			if (summary.get("log_likelihood") instanceof Number ll) {
				parameters.add(new String[] { title, zh ? "对数似然" : "log-likelihood", number(ll), "" });
			}
		}
		if (summary.get("gamma_gamma") instanceof Map<?, ?> gg) {
			Map<?, ?> se = gg.get("params_se") instanceof Map<?, ?> m ? m : Map.of();
			for (String key : List.of("p", "q", "gamma")) {
				if (gg.get(key) != null) {
					parameters.add(new String[] { "Gamma-Gamma", key, number(gg.get(key)), number(se.get(key)) });
				}
			}
		}

		List<String> histogramX = new ArrayList<>();
		List<Double> actual = new ArrayList<>();
		List<Double> expected = new ArrayList<>();
		if (summary.get("calibration") instanceof Map<?, ?> calibration
				&& calibration.get("frequency_histogram") instanceof List<?> rows) {
			for (Object row : rows) {
				if (row instanceof Map<?, ?> r) {
					histogramX.add(String.valueOf(r.get("x")));
					actual.add(value(r.get("actual")));
					expected.add(value(r.get("expected")));
				}
			}
		}

		List<String> weeks = new ArrayList<>();
		List<Double> cumulativeActual = new ArrayList<>();
		List<Double> cumulativeExpected = new ArrayList<>();
		int calibrationEndWeek = -1;
		Holdout holdout = null;
		if (summary.get("holdout") instanceof Map<?, ?> h) {
			holdout = new Holdout(String.valueOf(h.get("start")), String.valueOf(h.get("end")), value(h.get("weeks")),
					(long) value(h.get("customers")), (long) value(h.get("actual")), value(h.get("predicted")));
			if (h.get("weekly") instanceof List<?> rows) {
				for (Object row : rows) {
					if (row instanceof Map<?, ?> r) {
						// the last week with days of the calibration period ("calibration" or "both")
						if (!"holdout".equals(r.get("period"))) {
							calibrationEndWeek = weeks.size();
						}
						weeks.add(String.valueOf(r.get("start")));
						cumulativeActual.add(value(r.get("cumulative_actual")));
						cumulativeExpected.add(value(r.get("cumulative_expected")));
					}
				}
			}
		}
		return new FitFigures(warnings, parameters, histogramX, array(actual), array(expected), weeks, array(cumulativeActual),
				array(cumulativeExpected), calibrationEndWeek, holdout);
	}

	/** A fitted value with 4 significant digits (plain below 1e6, else in powers of ten); "—" for none. */
	static String number(Object value) {
		if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
			return value == null ? "—" : String.valueOf(value);
		}
		double d = n.doubleValue();
		if (d != 0 && (Math.abs(d) >= 1e6 || Math.abs(d) < 1e-4)) {
			return String.format(Locale.ROOT, "%.3e", d);
		}
		return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

	private static List<String> texts(Object list) {
		List<String> out = new ArrayList<>();
		if (list instanceof List<?> l) {
			l.forEach(o -> out.add(String.valueOf(o)));
		}
		return List.copyOf(out);
	}

	private static double value(Object o) {
		return o instanceof Number n ? n.doubleValue() : Double.NaN;
	}

	private static double[] array(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
