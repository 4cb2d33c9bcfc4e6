package io.custops.segmentation.rfm;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;

/**
 * How recency, frequency and monetary values become scores 1–5, chosen per dimension: by
 * quintiles of the scored customers ({@link #quantile()}), or by four fixed thresholds
 * ({@link #fixed}); {@link #perDimension} mixes them (e.g. frequency by thresholds, recency and
 * monetary by quintiles). Services that want the same scores as the {@code rfm} strategy declare
 * {@link #parameterSpecs()} among their parameters and read them with {@link #from(Parameters)}.
 */
public final class RfmScoring {

	public static final String SCORING = "scoring";
	/** The scoring of one dimension, {@code quantile} or {@code fixed}; unset: as {@link #SCORING}. */
	public static final String SCORING_R = "scoring.r";
	public static final String SCORING_F = "scoring.f";
	public static final String SCORING_M = "scoring.m";
	public static final String RECENCY_THRESHOLDS = "recencyThresholds";
	public static final String FREQUENCY_THRESHOLDS = "frequencyThresholds";
	public static final String MONETARY_THRESHOLDS = "monetaryThresholds";

	public static final String QUANTILE = "quantile";
	public static final String FIXED = "fixed";
	/** {@link #mode()} when the dimensions are not all scored the same way. */
	public static final String MIXED = "mixed";

	/** The three dimensions, with the parameters that choose their scoring. */
	public enum Dimension {
		RECENCY("r", SCORING_R, RECENCY_THRESHOLDS), FREQUENCY("f", SCORING_F, FREQUENCY_THRESHOLDS),
		MONETARY("m", SCORING_M, MONETARY_THRESHOLDS);

		private final String letter;
		private final String scoringKey;
		private final String thresholdsKey;

		Dimension(String letter, String scoringKey, String thresholdsKey) {
			this.letter = letter;
			this.scoringKey = scoringKey;
			this.thresholdsKey = thresholdsKey;
		}

		/** {@code r}, {@code f} or {@code m}: the score column's name. */
		public String letter() {
			return letter;
		}

		/** The parameter choosing this dimension's scoring, e.g. {@code scoring.f}. */
		public String scoringKey() {
			return scoringKey;
		}

		/** The parameter of its fixed thresholds, e.g. {@code frequencyThresholds}. */
		public String thresholdsKey() {
			return thresholdsKey;
		}
	}

	private static final RfmScoring QUANTILE_SCORING = new RfmScoring(null, null, null);

	/** Per dimension its thresholds, or null for quintiles. */
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
			check(thresholds);
		}
		return perDimension(recencyDays, frequency, monetaryCents);
	}

	/**
	 * Each dimension by its fixed thresholds (as {@link #fixed}), or by quintiles (as
	 * {@link #quantile()}) where its thresholds are {@code null}.
	 */
	public static RfmScoring perDimension(long[] recencyDays, long[] frequency, long[] monetaryCents) {
		if (recencyDays == null && frequency == null && monetaryCents == null) {
			return QUANTILE_SCORING;
		}
		return new RfmScoring(check(recencyDays), check(frequency), check(monetaryCents));
	}

	private static long[] check(long[] thresholds) {
		if (thresholds == null) {
			return null;
		}
		if (thresholds.length != 4 || !strictlyAscending(thresholds)) {
			throw new IllegalArgumentException("four ascending thresholds expected: " + Arrays.toString(thresholds));
		}
		return thresholds.clone();
	}

	/** Whether every dimension is scored by quintiles. */
	public boolean isQuantile() {
		return recencyDays == null && frequency == null && monetaryCents == null;
	}

	/** Whether this dimension is scored by quintiles (else by its fixed thresholds). */
	public boolean isQuantile(Dimension dimension) {
		return thresholds(dimension) == null;
	}

	/** {@link #QUANTILE} or {@link #FIXED} when every dimension is scored so, else {@link #MIXED}. */
	public String mode() {
		if (isQuantile()) {
			return QUANTILE;
		}
		return recencyDays != null && frequency != null && monetaryCents != null ? FIXED : MIXED;
	}

	/** {@link #QUANTILE} or {@link #FIXED}: how this dimension is scored. */
	public String mode(Dimension dimension) {
		return isQuantile(dimension) ? QUANTILE : FIXED;
	}

	private long[] thresholds(Dimension dimension) {
		return switch (dimension) {
		case RECENCY -> recencyDays;
		case FREQUENCY -> frequency;
		case MONETARY -> monetaryCents;
		};
	}

	/** The recency thresholds in days, or {@code null} when recency is scored by quintiles. */
	public long[] recencyThresholds() {
		return recencyDays == null ? null : recencyDays.clone();
	}

	/** The frequency thresholds in paid orders, or {@code null} when frequency is scored by quintiles. */
	public long[] frequencyThresholds() {
		return frequency == null ? null : frequency.clone();
	}

	/** The monetary thresholds in hundredths, or {@code null} when monetary is scored by quintiles. */
	public long[] monetaryThresholdCents() {
		return monetaryCents == null ? null : monetaryCents.clone();
	}

	/** The fixed recency score of a number of days (recency scored by thresholds only). */
	public int recencyScore(long days) {
		for (int i = 0; i < 4; i++) {
			if (days <= recencyDays[i]) {
				return 5 - i;
			}
		}
		return 1;
	}

	/** The fixed frequency score of a number of paid orders (frequency scored by thresholds only). */
	public int frequencyScore(long orders) {
		return ascendingScore(frequency, orders);
	}

	/** The fixed monetary score of a spend in hundredths (monetary scored by thresholds only). */
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

	/**
	 * The scoring parameters: {@code scoring}, {@code scoring.r|f|m} (no default: as
	 * {@code scoring}) and the three threshold lists, with their defaults.
	 */
	public static List<ParameterSpec> parameterSpecs() {
		return List.of(
				ParameterSpec.builder(SCORING, ParameterType.CHOICE).choices(QUANTILE, FIXED).defaultValue(QUANTILE)
						.label("Scoring", "评分方式")
						.description("quantile: quintiles of the scored customers; fixed: the threshold lists",
								"quantile：按已评分客户的五分位；fixed：按固定阈值")
						.build(),
				dimensionSpec(SCORING_R, "Recency scoring", "最近购买评分方式", "recency", "最近购买时间"),
				dimensionSpec(SCORING_F, "Frequency scoring", "购买频次评分方式", "frequency", "购买频次"),
				dimensionSpec(SCORING_M, "Monetary scoring", "消费金额评分方式", "monetary", "消费金额"),
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

	private static ParameterSpec dimensionSpec(String key, String label, String labelZh, String what, String whatZh) {
		return ParameterSpec.builder(key, ParameterType.CHOICE).choices(QUANTILE, FIXED)
				.label(label, labelZh)
				.description("how " + what + " alone is scored (quantile or fixed); unset: as scoring",
						"仅" + whatZh + "的评分方式（quantile 或 fixed）；不填则同“评分方式”")
				.build();
	}

	/**
	 * Reads the scoring from checked parameters: per dimension {@code scoring.r|f|m}, else
	 * {@code scoring}. The threshold lists are checked even under
	 * quantile scoring, so that a mistake is reported rather than silently ignored.
	 *
	 * @throws ParameterException naming the threshold list that is not four ascending numbers
	 */
	public static RfmScoring from(Parameters parameters) {
		long[] recency = wholeThresholds(parameters, RECENCY_THRESHOLDS);
		long[] frequency = wholeThresholds(parameters, FREQUENCY_THRESHOLDS);
		long[] monetary = centThresholds(parameters, MONETARY_THRESHOLDS);
		String all = parameters.string(SCORING);
		return perDimension(fixed(parameters, SCORING_R, all) ? recency : null,
				fixed(parameters, SCORING_F, all) ? frequency : null, fixed(parameters, SCORING_M, all) ? monetary : null);
	}

	private static boolean fixed(Parameters parameters, String key, String all) {
		return FIXED.equals(parameters.has(key) ? parameters.string(key) : all);
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
				: "r=" + text(recencyDays) + " f=" + text(frequency) + " m=" + text(monetaryCents);
	}

	private static String text(long[] thresholds) {
		return thresholds == null ? QUANTILE : FIXED + Arrays.toString(thresholds);
	}
}
