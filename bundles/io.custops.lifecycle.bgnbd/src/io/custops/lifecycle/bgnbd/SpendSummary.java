package io.custops.lifecycle.bgnbd;

import java.util.Arrays;

/**
 * The spend of repeat customers for the Gamma-Gamma model: each customer's number x &gt; 0 of
 * repeat transactions and their mean value z̄ (in currency units, not hundredths: the scale
 * parameter γ is in the same unit), with identical (x, z̄) pairs grouped.
 */
public final class SpendSummary {

	private final int[] x;
	private final double[] mean;
	private final double[] weight;
	private final double totalWeight;
	private final int[] distinctX;
	private final int[] xIndex;
	private final double[] weightPerX;
	private final double[] logMean;

	private SpendSummary(int[] x, double[] mean, double[] weight) {
		this.x = x;
		this.mean = mean;
		this.weight = weight;
		this.logMean = new double[mean.length];
		for (int g = 0; g < mean.length; g++) {
			logMean[g] = Math.log(mean[g]);
		}
		double total = 0;
		for (double w : weight) {
			total += w;
		}
		this.totalWeight = total;
		int[] sorted = x.clone();
		Arrays.sort(sorted);
		int n = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				sorted[n++] = sorted[i];
			}
		}
		this.distinctX = Arrays.copyOf(sorted, n);
		this.xIndex = new int[x.length];
		this.weightPerX = new double[n];
		for (int g = 0; g < x.length; g++) {
			xIndex[g] = Arrays.binarySearch(distinctX, x[g]);
			weightPerX[xIndex[g]] += weight[g];
		}
	}

	/**
	 * Groups per-customer values of repeat customers.
	 *
	 * @param x    repeat transactions, &gt; 0
	 * @param mean mean value of the repeat transactions, &gt; 0
	 * @throws IllegalArgumentException for other values
	 */
	public static SpendSummary of(int[] x, double[] mean) {
		int n = x.length;
		if (mean.length != n) {
			throw new IllegalArgumentException("x and mean differ in length: " + n + ", " + mean.length);
		}
		int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
		int mask = capacity - 1;
		int[] slot = new int[capacity];
		Arrays.fill(slot, -1);
		int[] gx = new int[Math.max(16, n / 4)];
		double[] gmean = new double[gx.length];
		double[] gweight = new double[gx.length];
		int groups = 0;
		for (int c = 0; c < n; c++) {
			if (x[c] <= 0 || !(mean[c] > 0) || Double.isInfinite(mean[c])) {
				throw new IllegalArgumentException("customer " + c + ": x=" + x[c] + ", mean=" + mean[c]
						+ " is not a repeat customer's spend (need x > 0 and a positive mean)");
			}
			long h = x[c] * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(mean[c]) * 0xC2B2AE3D27D4EB4FL;
			int i = (int) (h ^ h >>> 29 ^ h >>> 41) & mask;
			while (true) {
				int g = slot[i];
				if (g < 0) {
					if (groups == gx.length) {
						gx = Arrays.copyOf(gx, groups * 2);
						gmean = Arrays.copyOf(gmean, groups * 2);
						gweight = Arrays.copyOf(gweight, groups * 2);
					}
					gx[groups] = x[c];
					gmean[groups] = mean[c];
					slot[i] = groups;
					g = groups++;
				} else if (gx[g] != x[c] || gmean[g] != mean[c]) {
					i = (i + 1) & mask;
					continue;
				}
				gweight[g]++;
				break;
			}
		}
		return new SpendSummary(Arrays.copyOf(gx, groups), Arrays.copyOf(gmean, groups), Arrays.copyOf(gweight, groups));
	}

	/** About {@code maxGroups} of the groups, every k-th, reweighted to all customers (see {@link PurchaseSummary#sample}). */
	public SpendSummary sample(int maxGroups) {
		int groups = groupCount();
		if (groups <= maxGroups) {
			return this;
		}
		int stride = (groups + maxGroups - 1) / maxGroups;
		int size = (groups + stride - 1) / stride;
		int[] sx = new int[size];
		double[] smean = new double[size];
		double[] sweight = new double[size];
		double sampled = 0;
		for (int i = 0; i < size; i++) {
			sx[i] = x[i * stride];
			smean[i] = mean[i * stride];
			sweight[i] = weight[i * stride];
			sampled += sweight[i];
		}
		for (int i = 0; i < size; i++) {
			sweight[i] *= totalWeight / sampled;
		}
		return new SpendSummary(sx, smean, sweight);
	}

	/** A sample of about 5,000 groups, one of about 50,000, then all: the stages of a fit (see {@link PurchaseSummary}). */
	java.util.List<SpendSummary> fitStages() {
		java.util.List<SpendSummary> stages = new java.util.ArrayList<>();
		for (int size : new int[] { 5_000, 50_000 }) {
			if (groupCount() > 2 * size) {
				stages.add(sample(size));
			}
		}
		stages.add(this);
		return stages;
	}

	public int groupCount() {
		return x.length;
	}

	/** Repeat customers summarised. */
	public double customers() {
		return totalWeight;
	}

	public int x(int group) {
		return x[group];
	}

	/** z̄ of a group. */
	public double mean(int group) {
		return mean[group];
	}

	public double weight(int group) {
		return weight[group];
	}

	/** The customer-weighted mean of z̄: a scale for starting points. */
	public double averageMean() {
		double sum = 0;
		for (int g = 0; g < x.length; g++) {
			sum += weight[g] * mean[g];
		}
		return totalWeight > 0 ? sum / totalWeight : 1;
	}

	int[] xs() {
		return x;
	}

	double[] means() {
		return mean;
	}

	double[] logMeans() {
		return logMean;
	}

	double[] weights() {
		return weight;
	}

	int[] distinctX() {
		return distinctX;
	}

	int[] xIndex() {
		return xIndex;
	}

	double[] weightPerX() {
		return weightPerX;
	}
}
