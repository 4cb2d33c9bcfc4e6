package io.custops.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** The rounding rules of the shared analyses, in one place (docs/analyses.md). */
final class Numbers {

	/** Decimals of a ratio (0.2500). */
	static final int RATIO_SCALE = 4;
	/** Decimals of a percentage (66.67). */
	static final int PERCENT_SCALE = 2;
	/** Decimals of money. */
	static final int MONEY_SCALE = 2;

	private Numbers() {
	}

	/** {@code part / whole} with four decimals, half up; {@code null} when {@code whole} is 0. */
	static BigDecimal ratio(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATIO_SCALE, RoundingMode.HALF_UP);
	}

	/** {@code 100 × part / whole} with two decimals, half up; {@code null} when {@code whole} is 0. */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), PERCENT_SCALE,
				RoundingMode.HALF_UP);
	}

	static BigDecimal cents(long cents) {
		return BigDecimal.valueOf(cents, MONEY_SCALE);
	}

	/**
	 * The median of {@code values[from, to)}, sorting that range in place: the middle value,
	 * or the mean of the two middle values (exact: at most one decimal, .5); {@code null} when empty.
	 */
	static BigDecimal median(long[] values, int from, int to) {
		int n = to - from;
		if (n == 0) {
			return null;
		}
		Arrays.sort(values, from, to);
		int mid = from + n / 2;
		if (n % 2 == 1) {
			return BigDecimal.valueOf(values[mid]);
		}
		BigDecimal sum = BigDecimal.valueOf(values[mid - 1]).add(BigDecimal.valueOf(values[mid]));
		BigDecimal half = sum.divide(BigDecimal.valueOf(2));
		return half.scale() > 0 ? half.setScale(1) : half;
	}
}
