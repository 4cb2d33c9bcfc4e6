package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ResultColumn;

/** What the built-in templates share: parameters, money, shares and texts in two languages. */
final class Templates {

	static final String AS_OF = "asOf";

	private Templates() {
	}

	static ParameterSpec asOfSpec() {
		return ParameterSpec.builder(AS_OF, ParameterType.DATE).label("As of", "截至日期")
				.description("Only what happened before this date counts; default: the report date",
						"只统计此日期之前的数据；默认为报表日期")
				.build();
	}

	/** A parameter handed unchanged to the analysis when given (the analysis checks it). */
	static ParameterSpec passThrough(String key, String en, String zh) {
		return ParameterSpec.builder(key, ParameterType.STRING).label(en, zh)
				.description("Passed to the analysis when given", "如给出则传给分析").build();
	}

	static LocalDate asOf(ReportContext context) {
		Parameters p = context.parameters();
		return p.has(AS_OF) ? p.date(AS_OF) : context.today();
	}

	static Map<String, String> given(Parameters parameters, List<String> keys) {
		Map<String, String> result = new LinkedHashMap<>();
		for (String key : keys) {
			String text = parameters.asText().get(key);
			if (text != null) {
				result.put(key, text);
			}
		}
		return result;
	}

	static ResultColumn column(CustomerClassification result, String analysis, String name) {
		return result.column(name).orElseThrow(() -> new IllegalStateException("analysis '" + analysis
				+ "' gives no column '" + name + "'; its columns: "
				+ result.columns().stream().map(ResultColumn::name).toList()));
	}

	/** An amount in hundredths, exactly: cents columns directly, others from their printed value. */
	static long cents(ResultColumn column, int customer) {
		if (column instanceof ResultColumn.LongColumn longs && longs.isCents()) {
			return longs.value(customer);
		}
		String text = column.format(customer);
		return text.isEmpty() ? 0 : new BigDecimal(text).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	static BigDecimal money(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	/** part / whole as a ratio with 6 decimals (rounded once more when printed) (the design prints it as a percentage); 0 when whole is 0. */
	static BigDecimal share(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO.setScale(6)
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
	}

	static boolean zh(Locale locale) {
		return "zh".equals(locale.getLanguage());
	}

	static String t(Locale locale, String en, String zh) {
		return zh(locale) ? zh : en;
	}

	static String count(Locale locale, long n) {
		return NumberFormat.getIntegerInstance(locale).format(n);
	}

	static String amount(BigDecimal amount) {
		java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00",
				java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(amount);
	}

	/** A ratio (0.2500) as a percentage with two decimals ("25.00%"), exactly; "—" for none. */
	static String percent(BigDecimal ratio) {
		return ratio == null ? "—" : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** A duration in seconds as {@link io.custops.core.Durations} words it ("2 h 36 min"); "—" for none. */
	static String duration(BigDecimal seconds, Locale locale) {
		return io.custops.core.Durations.text(seconds, "zh".equals(locale.getLanguage()));
	}
}
