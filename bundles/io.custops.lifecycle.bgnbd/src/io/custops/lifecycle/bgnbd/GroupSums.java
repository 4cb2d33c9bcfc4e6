package io.custops.lifecycle.bgnbd;

import java.util.stream.IntStream;

/** Sums terms over many groups, in parallel chunks for large inputs, always in the same order. */
final class GroupSums {

	/** The sum of the terms of groups [from, to). */
	@FunctionalInterface
	interface RangeSum {
		double sum(int from, int to);
	}

	/** Adds several sums over groups [from, to) into {@code sums}. */
	@FunctionalInterface
	interface RangeSums {
		void add(int from, int to, double[] sums);
	}

	private static final int CHUNK = 16_384;
	private static final int PARALLEL_FROM = 4 * CHUNK;

	private GroupSums() {
	}

	static double sum(int groups, RangeSum terms) {
		double[] total = sums(groups, 1, (from, to, sums) -> sums[0] += terms.sum(from, to));
		return total[0];
	}

	static double[] sums(int groups, int width, RangeSums terms) {
		double[] total = new double[width];
		if (groups < PARALLEL_FROM) {
			terms.add(0, groups, total);
			return total;
		}
		int chunks = (groups + CHUNK - 1) / CHUNK;
		double[][] partial = new double[chunks][width];
		IntStream.range(0, chunks).parallel()
				.forEach(i -> terms.add(i * CHUNK, Math.min(groups, (i + 1) * CHUNK), partial[i]));
		// adding the partial sums in chunk order keeps the result independent of thread timing
		for (double[] p : partial) {
			for (int k = 0; k < width; k++) {
				total[k] += p[k];
			}
		}
		return total;
	}
}
