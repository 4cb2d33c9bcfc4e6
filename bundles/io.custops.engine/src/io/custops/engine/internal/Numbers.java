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
	 * The median of {@code values[from, to)}, reordering that range: the middle value, or the
	 * mean of the two middle values (exact: at most one decimal, .5); {@code null} when empty.
	 */
	static BigDecimal median(long[] values, int from, int to) {
		int n = to - from;
		if (n == 0) {
			return null;
		}
		int upper = from + n / 2;
		select(values, from, to, upper);
		long high = values[upper];
		if (n % 2 == 1) {
			return BigDecimal.valueOf(high);
		}
		// everything left of the selected position is not greater: the lower middle is their maximum
		long low = Long.MIN_VALUE;
		for (int i = from; i < upper; i++) {
			low = Math.max(low, values[i]);
		}
		BigDecimal half = BigDecimal.valueOf(low).add(BigDecimal.valueOf(high)).divide(BigDecimal.valueOf(2));
		return half.scale() > 0 ? half.setScale(1) : half;
	}

	/**
	 * Puts the value of rank {@code k} at {@code k}, smaller or equal ones before it and greater
	 * or equal ones after (quickselect, three-way partition for the many equal values of
	 * durations; falls back to sorting if the partitions keep coming out lopsided).
	 */
	static void select(long[] a, int from, int to, int k) {
		int lo = from;
		int hi = to - 1;
		int budget = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8;
		while (hi > lo) {
			if (budget-- == 0) {
				Arrays.sort(a, lo, hi + 1);
				return;
			}
			int mid = (lo + hi) >>> 1;
			long pivot = medianOfThree(a[lo], a[mid], a[hi]);
			int lt = lo;
			int gt = hi;
			int i = lo;
			while (i <= gt) {
				long v = a[i];
				if (v < pivot) {
					a[i++] = a[lt];
					a[lt++] = v;
				} else if (v > pivot) {
					a[i] = a[gt];
					a[gt--] = v;
				} else {
					i++;
				}
			}
			if (k < lt) {
				hi = lt - 1;
			} else if (k > gt) {
				lo = gt + 1;
			} else {
				return;
			}
		}
	}

	private static long medianOfThree(long a, long b, long c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}
}
