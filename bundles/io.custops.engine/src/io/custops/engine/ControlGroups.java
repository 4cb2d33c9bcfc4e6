package io.custops.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;

/**
 * Holds out a random control group from a campaign's target customers, reproducibly: the same
 * customers, size and seed always give the same split, whatever the order of the targets
 * (they are sorted first, then shuffled with {@link Random}, whose algorithm Java specifies).
 */
public final class ControlGroups {

	/** A split: both groups as ascending customer indexes, and what produced it. */
	public record Split(int[] treatment, int[] control, long seed, BigDecimal fraction) {
	}

	private ControlGroups() {
	}

	/** A fresh seed, to be recorded with the campaign. */
	public static long newSeed() {
		return new SecureRandom().nextLong();
	}

	/**
	 * Holds out {@code round(targets × fraction)} customers (half up, at least one when the
	 * fraction is above zero).
	 *
	 * @param fraction the control share as a ratio: 0.2 for 20 %
	 * @throws AnalysisInputException for an empty segment, a negative fraction, a control group
	 *                                larger than the segment or leaving no treatment group, a
	 *                                customer listed twice
	 */
	public static Split split(int[] targets, BigDecimal fraction, long seed) {
		if (targets.length == 0) {
			throw new AnalysisInputException("the target segment is empty: there is nobody to hold out or to treat");
		}
		if (fraction.signum() < 0) {
			throw new AnalysisInputException("the control share " + fraction.stripTrailingZeros().toPlainString()
					+ " is negative");
		}
		int size = fraction.multiply(BigDecimal.valueOf(targets.length)).setScale(0, RoundingMode.HALF_UP).intValueExact();
		if (size == 0 && fraction.signum() > 0) {
			size = 1;
		}
		return split(targets, size, seed, fraction);
	}

	/**
	 * Holds out exactly {@code controlSize} customers.
	 *
	 * @throws AnalysisInputException when the control group is larger than the segment or leaves no treatment group
	 */
	public static Split split(int[] targets, int controlSize, long seed) {
		BigDecimal fraction = targets.length == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(controlSize).divide(BigDecimal.valueOf(targets.length), 4, RoundingMode.HALF_UP);
		return split(targets, controlSize, seed, fraction);
	}

	private static Split split(int[] targets, int controlSize, long seed, BigDecimal fraction) {
		int n = targets.length;
		if (n == 0) {
			throw new AnalysisInputException("the target segment is empty: there is nobody to hold out or to treat");
		}
		if (controlSize < 0) {
			throw new AnalysisInputException("a control group of " + controlSize + " customers is not a size");
		}
		if (controlSize > n) {
			throw new AnalysisInputException("the control group of " + controlSize
					+ " customers is larger than the target segment of " + n);
		}
		if (controlSize == n) {
			throw new AnalysisInputException("the control group of " + controlSize
					+ " customers takes the whole target segment: no one would be treated");
		}
		int[] pool = targets.clone();
		Arrays.sort(pool);
		for (int i = 1; i < n; i++) {
			if (pool[i] == pool[i - 1]) {
				throw new AnalysisInputException("customer index " + pool[i] + " is listed twice in the target segment");
			}
		}
		// partial Fisher-Yates: the last controlSize slots receive a uniform random sample
		Random random = new Random(seed);
		for (int i = n - 1; i >= n - controlSize; i--) {
			int j = random.nextInt(i + 1);
			int swap = pool[i];
			pool[i] = pool[j];
			pool[j] = swap;
		}
		int[] treatment = Arrays.copyOfRange(pool, 0, n - controlSize);
		int[] control = Arrays.copyOfRange(pool, n - controlSize, n);
		Arrays.sort(treatment);
		Arrays.sort(control);
		return new Split(treatment, control, seed, fraction);
	}
}
