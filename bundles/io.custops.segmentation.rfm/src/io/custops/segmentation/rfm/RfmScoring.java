package io.custops.segmentation.rfm;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;

/**
 * How recency, frequency and monetary values become scores 1–5: by quintiles of the scored
 * customers ({@link #quantile()}), or by four fixed thresholds per dimension ({@link #fixed}).
 * Services that want the same scores as the {@code rfm} strategy declare
 * {@link #parameterSpecs()} among their parameters and read them with {@link #from(Parameters)}.
 */
public final class RfmScoring {

	public static final String SCORING = "scoring";
	public static final String RECENCY_THRESHOLDS = "recencyThresholds";
	public static final String FREQUENCY_THRESHOLDS = "frequencyThresholds";
	public static final String MONETARY_THRESHOLDS = "monetaryThresholds";

	public static final String QUANTILE = "quantile";
	public static final String FIXED = "fixed";

	private static final RfmScoring QUANTILE_SCORING = new RfmScoring(null, null, null);

	private final long[] recencyDays;
	private final long[] frequency;
	private final long[] monetaryCents;

	private RfmScoring(long[] recencyDays, long[] frequency, long[] monetaryCents) {
		this.recencyDays = recencyDays;
		this.frequency = frequency;
		this.monetaryCents = monetaryCents;
	}

	/**
	 * Quintiles where equal values always get equal scores: a customer's score is
	 * {@code 1 + floor(5 × w / n)}, w being the number of scored customers with a strictly worse
	 * value (a longer recency, fewer orders, less spend) and n the number of scored customers.
	 */
	public static RfmScoring quantile() {
		return QUANTILE_SCORING;
	}

	/**
	 * Fixed thresholds, four ascending values each. Recency: ≤ t1 → 5, ≤ t2 → 4, ≤ t3 → 3,
	 * ≤ t4 → 2, else 1. Frequency and monetary: ≥ t4 → 5, ≥ t3 → 4, ≥ t2 → 3, ≥ t1 → 2, else 1.
	 */
	public static RfmScoring fixed(long[] recencyDays, long[] frequency, long[] monetaryCents) {
		for (long[] thresholds : List.of(recencyDays, frequency, monetaryCents)) {
			if (thresholds.length != 4 || !strictlyAscending(thresholds)) {
				throw new IllegalArgumentException("four ascending thresholds expected: " + Arrays.toString(thresholds));
			}
		}
		return new RfmScoring(recencyDays.clone(), frequency.clone(), monetaryCents.clone());
	}

	public boolean isQuantile() {
		return recencyDays == null;
	}

	/** The recency thresholds in days, or {@code null} for quantile scoring. */
	public long[] recencyThresholds() {
		return recencyDays == null ? null : recencyDays.clone();
	}

	public long[] frequencyThresholds() {
		return frequency == null ? null : frequency.clone();
	}

	/** The monetary thresholds in hundredths. */
	public long[] monetaryThresholdCents() {
		return monetaryCents == null ? null : monetaryCents.clone();
	}

	/** The fixed recency score of a number of days (fixed scoring only). */
	public int recencyScore(long days) {
		for (int i = 0; i < 4; i++) {
			if (days <= recencyDays[i]) {
				return 5 - i;
			}
		}
		return 1;
	}

	/** The fixed frequency score of a number of paid orders (fixed scoring only). */
	public int frequencyScore(long orders) {
		return ascendingScore(frequency, orders);
	}

	/** The fixed monetary score of a spend in hundredths (fixed scoring only). */
	public int monetaryScore(long cents) {
		return ascendingScore(monetaryCents, cents);
	}

	private static int ascendingScore(long[] thresholds, long value) {
		for (int i = 3; i >= 0; i--) {
			if (value >= thresholds[i]) {
				return i + 2;
			}
		}
		return 1;
	}

	/** The scoring parameters: {@code scoring} and the three threshold lists, with their defaults. */
	public static List<ParameterSpec> parameterSpecs() {
		return List.of(
				ParameterSpec.builder(SCORING, ParameterType.CHOICE).choices(QUANTILE, FIXED).defaultValue(QUANTILE)
						.label("Scoring", "评分方式")
						.description("quantile: quintiles of the scored customers; fixed: the threshold lists",
								"quantile：按已评分客户的五分位；fixed：按固定阈值")
						.build(),
				ParameterSpec.builder(RECENCY_THRESHOLDS, ParameterType.LIST).defaultValue("30,90,180,365")
						.label("Recency thresholds (days)", "最近购买阈值（天）")
						.description("fixed scoring: recency ≤ t1 → R5, ≤ t2 → R4, ≤ t3 → R3, ≤ t4 → R2, else R1",
								"固定评分：天数 ≤ t1 得 5 分，≤ t2 得 4 分，≤ t3 得 3 分，≤ t4 得 2 分，否则 1 分")
						.build(),
				ParameterSpec.builder(FREQUENCY_THRESHOLDS, ParameterType.LIST).defaultValue("2,3,5,10")
						.label("Frequency thresholds (orders)", "购买频次阈值（单）")
						.description("fixed scoring: orders ≥ t4 → F5, ≥ t3 → F4, ≥ t2 → F3, ≥ t1 → F2, else F1",
								"固定评分：订单数 ≥ t4 得 5 分，≥ t3 得 4 分，≥ t2 得 3 分，≥ t1 得 2 分，否则 1 分")
						.build(),
				ParameterSpec.builder(MONETARY_THRESHOLDS, ParameterType.LIST).defaultValue("50,100,250,500")
						.label("Monetary thresholds (currency)", "消费金额阈值（元）")
						.description("fixed scoring: spend ≥ t4 → M5, ≥ t3 → M4, ≥ t2 → M3, ≥ t1 → M2, else M1",
								"固定评分：金额 ≥ t4 得 5 分，≥ t3 得 4 分，≥ t2 得 3 分，≥ t1 得 2 分，否则 1 分")
						.build());
	}

	/**
	 * Reads the scoring from checked parameters. The threshold lists are checked even under
	 * quantile scoring, so that a mistake is reported rather than silently ignored.
	 *
	 * @throws ParameterException naming the threshold list that is not four ascending numbers
	 */
	public static RfmScoring from(Parameters parameters) {
		long[] recency = wholeThresholds(parameters, RECENCY_THRESHOLDS);
		long[] frequency = wholeThresholds(parameters, FREQUENCY_THRESHOLDS);
		long[] monetary = centThresholds(parameters, MONETARY_THRESHOLDS);
		return FIXED.equals(parameters.string(SCORING)) ? fixed(recency, frequency, monetary) : QUANTILE_SCORING;
	}

	private static long[] wholeThresholds(Parameters parameters, String key) {
		List<String> texts = parameters.list(key);
		long[] values = new long[texts.size()];
		for (int i = 0; i < values.length; i++) {
			try {
				values[i] = Long.parseLong(texts.get(i));
			} catch (NumberFormatException e) {
				throw new ParameterException(key, "'" + texts.get(i) + "' is not a whole number");
			}
			if (values[i] < 0) {
				throw new ParameterException(key, "'" + texts.get(i) + "' is negative");
			}
		}
		return checked(key, values);
	}

	private static long[] centThresholds(Parameters parameters, String key) {
		List<String> texts = parameters.list(key);
		long[] values = new long[texts.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = cents(key, texts.get(i));
		}
		return checked(key, values);
	}

	/** An amount in currency units as exact hundredths; more than two decimals is an error. */
	public static long cents(String key, String text) {
		try {
			BigDecimal amount = new BigDecimal(text.trim());
			if (amount.signum() < 0) {
				throw new ParameterException(key, "'" + text + "' is negative");
			}
			return amount.movePointRight(2).setScale(0).longValueExact();
		} catch (ArithmeticException e) {
			throw new ParameterException(key, "'" + text + "' is not an amount with at most two decimals");
		} catch (NumberFormatException e) {
			throw new ParameterException(key, "'" + text + "' is not an amount");
		}
	}

	private static long[] checked(String key, long[] values) {
		if (values.length != 4) {
			throw new ParameterException(key, "four thresholds expected, got " + values.length);
		}
		if (!strictlyAscending(values)) {
			throw new ParameterException(key, "thresholds must be strictly ascending");
		}
		return values;
	}

	private static boolean strictlyAscending(long[] values) {
		for (int i = 1; i < values.length; i++) {
			if (values[i] <= values[i - 1]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return isQuantile() ? QUANTILE
				: FIXED + Arrays.toString(recencyDays) + Arrays.toString(frequency) + Arrays.toString(monetaryCents);
	}
}
