package io.custops.segmentation.rfm.internal;

/**
 * Ranks of primitive keys without comparison sorting: a counting pass when the keys span a
 * small range (days, order counts), an LSD radix sort on 11-bit digits otherwise (amounts).
 */
public final class Ranking {

	private static final int DIGIT_BITS = 11;
	private static final int BUCKETS = 1 << DIGIT_BITS;

	private Ranking() {
	}

	/**
	 * For each {@code i < n}, the number of {@code j < n} with {@code keys[j] < keys[i]}: equal
	 * keys get equal counts.
	 */
	public static int[] lessCounts(long[] keys, int n) {
		int[] less = new int[n];
		if (n == 0) {
			return less;
		}
		long min = keys[0];
		long max = keys[0];
		for (int i = 1; i < n; i++) {
			long k = keys[i];
			if (k < min) {
				min = k;
			} else if (k > max) {
				max = k;
			}
		}
		// max - min read as unsigned is exact even when the signed subtraction overflows
		long span = max - min;
		if (Long.compareUnsigned(span, Math.max(1 << 16, 2L * n)) <= 0) {
			byCounting(keys, n, min, (int) span, less);
		} else {
			byRadix(keys, n, min, span, less);
		}
		return less;
	}

	private static void byCounting(long[] keys, int n, long min, int span, int[] less) {
		int[] below = new int[span + 1];
		for (int i = 0; i < n; i++) {
			below[(int) (keys[i] - min)]++;
		}
		int run = 0;
		for (int v = 0; v <= span; v++) {
			int count = below[v];
			below[v] = run;
			run += count;
		}
		for (int i = 0; i < n; i++) {
			less[i] = below[(int) (keys[i] - min)];
		}
	}

	private static void byRadix(long[] keys, int n, long min, long span, int[] less) {
		long[] key = new long[n];
		int[] index = new int[n];
		for (int i = 0; i < n; i++) {
			key[i] = keys[i] - min;
			index[i] = i;
		}
		long[] keyTmp = new long[n];
		int[] indexTmp = new int[n];
		int bits = 64 - Long.numberOfLeadingZeros(span);
		int[] start = new int[BUCKETS + 1];
		for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
			java.util.Arrays.fill(start, 0);
			for (int i = 0; i < n; i++) {
				start[(int) ((key[i] >>> shift) & (BUCKETS - 1)) + 1]++;
			}
			for (int d = 0; d < BUCKETS; d++) {
				start[d + 1] += start[d];
			}
			for (int i = 0; i < n; i++) {
				int to = start[(int) ((key[i] >>> shift) & (BUCKETS - 1))]++;
				keyTmp[to] = key[i];
				indexTmp[to] = index[i];
			}
			long[] k = key;
			key = keyTmp;
			keyTmp = k;
			int[] x = index;
			index = indexTmp;
			indexTmp = x;
		}
		int first = 0;
		for (int p = 0; p < n; p++) {
			if (p > 0 && key[p] != key[p - 1]) {
				first = p;
			}
			less[index[p]] = first;
		}
	}

	/** The quantile score of a customer: {@code 1 + floor(5 × worse / n)}, in 1…5. */
	public static byte quintile(int worse, int n) {
		return (byte) (1 + 5L * worse / n);
	}
}
