package io.custops.lifecycle.bgnbd;

import java.util.Arrays;

/**
 * The per-customer summary the customer-base models are fitted on — x repeat purchases, the
 * time t_x of the last purchase and the age T, both in weeks since the first purchase — with
 * identical (x, t_x, T) triples grouped: a million customers observed in days have only some
 * tens of thousands of distinct triples, and a likelihood evaluation costs one term per group.
 *
 * <p>Besides the groups it keeps the distinct values of x, t_x and T with each group's index
 * into them, so that a likelihood can compute the terms depending on one of them once per
 * distinct value.
 */
public final class PurchaseSummary {

	private final int[] x;
	private final double[] tx;
	private final double[] age;
	private final double[] weight;
	private final int[] groupOfCustomer;
	private final double totalWeight;

	private final int[] distinctX;
	private final int[] xIndex;
	private final double[] distinctTx;
	private final int[] txIndex;
	private final double[] distinctAge;
	private final int[] ageIndex;
	private final double[] weightPerX;

	private PurchaseSummary(int[] x, double[] tx, double[] age, double[] weight, int[] groupOfCustomer) {
		this.x = x;
		this.tx = tx;
		this.age = age;
		this.weight = weight;
		this.groupOfCustomer = groupOfCustomer;
		double total = 0;
		for (double w : weight) {
			total += w;
		}
		this.totalWeight = total;
		double[] xs = new double[x.length];
		for (int g = 0; g < x.length; g++) {
			xs[g] = x[g];
		}
		double[] dx = distinct(xs);
		this.distinctX = new int[dx.length];
		for (int i = 0; i < dx.length; i++) {
			distinctX[i] = (int) dx[i];
		}
		this.xIndex = indexes(xs, dx);
		this.distinctTx = distinct(tx);
		this.txIndex = indexes(tx, distinctTx);
		this.distinctAge = distinct(age);
		this.ageIndex = indexes(age, distinctAge);
		this.weightPerX = new double[distinctX.length];
		for (int g = 0; g < x.length; g++) {
			weightPerX[xIndex[g]] += weight[g];
		}
	}

	/**
	 * Groups per-customer values.
	 *
	 * @param x   repeat purchases, ≥ 0
	 * @param tx  weeks from the first to the last purchase, 0 ≤ t_x ≤ T (0 when x = 0)
	 * @param age T, weeks from the first purchase to the end of calibration
	 * @throws IllegalArgumentException for values outside these ranges
	 */
	public static PurchaseSummary of(int[] x, double[] tx, double[] age) {
		int n = x.length;
		if (tx.length != n || age.length != n) {
			throw new IllegalArgumentException("x, t_x and T differ in length: " + n + ", " + tx.length + ", " + age.length);
		}
		for (int c = 0; c < n; c++) {
			if (x[c] < 0 || !(tx[c] >= 0) || !(age[c] >= tx[c]) || Double.isInfinite(age[c])
					|| (x[c] == 0 && tx[c] != 0)) {
				throw new IllegalArgumentException("customer " + c + ": x=" + x[c] + ", t_x=" + tx[c] + ", T=" + age[c]
						+ " is not a purchase summary (need x ≥ 0, 0 ≤ t_x ≤ T, t_x = 0 when x = 0)");
			}
		}
		// open addressing on (x, t_x, T): a hash map of boxed keys would dominate the fit time
		int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
		int mask = capacity - 1;
		int[] slot = new int[capacity];
		Arrays.fill(slot, -1);
		int[] gx = new int[Math.max(16, n / 8)];
		double[] gtx = new double[gx.length];
		double[] gage = new double[gx.length];
		double[] gweight = new double[gx.length];
		int[] groupOf = new int[n];
		int groups = 0;
		for (int c = 0; c < n; c++) {
			long h = x[c] * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(tx[c]) * 0xC2B2AE3D27D4EB4FL
					^ Double.doubleToLongBits(age[c]) * 0x165667B19E3779F9L;
			int i = (int) (h ^ h >>> 29 ^ h >>> 41) & mask;
			while (true) {
				int g = slot[i];
				if (g < 0) {
					if (groups == gx.length) {
						int size = groups * 2;
						gx = Arrays.copyOf(gx, size);
						gtx = Arrays.copyOf(gtx, size);
						gage = Arrays.copyOf(gage, size);
						gweight = Arrays.copyOf(gweight, size);
					}
					gx[groups] = x[c];
					gtx[groups] = tx[c];
					gage[groups] = age[c];
					slot[i] = groups;
					g = groups++;
				} else if (gx[g] != x[c] || gtx[g] != tx[c] || gage[g] != age[c]) {
					i = (i + 1) & mask;
					continue;
				}
				gweight[g]++;
				groupOf[c] = g;
				break;
			}
		}
		return new PurchaseSummary(Arrays.copyOf(gx, groups), Arrays.copyOf(gtx, groups), Arrays.copyOf(gage, groups),
				Arrays.copyOf(gweight, groups), groupOf);
	}

	/** Per-customer values observed in whole days; weeks are days / 7. */
	public static PurchaseSummary ofDays(int[] x, int[] txDays, int[] ageDays) {
		double[] tx = new double[txDays.length];
		double[] age = new double[ageDays.length];
		for (int c = 0; c < tx.length; c++) {
			tx[c] = txDays[c] / 7.0;
		}
		for (int c = 0; c < age.length; c++) {
			age[c] = ageDays[c] / 7.0;
		}
		return of(x, tx, age);
	}

	/**
	 * About {@code maxGroups} of the groups, every k-th, each weighted k times its customers so
	 * that sums over the sample estimate sums over all customers. Used to explore the
	 * likelihood cheaply before the fit is finished on all groups.
	 */
	public PurchaseSummary sample(int maxGroups) {
		int groups = groupCount();
		if (groups <= maxGroups) {
			return this;
		}
		int stride = (groups + maxGroups - 1) / maxGroups;
		int size = (groups + stride - 1) / stride;
		int[] sx = new int[size];
		double[] stx = new double[size];
		double[] sage = new double[size];
		double[] sweight = new double[size];
		double sampled = 0;
		for (int i = 0; i < size; i++) {
			int g = i * stride;
			sx[i] = x[g];
			stx[i] = tx[g];
			sage[i] = age[g];
			sweight[i] = weight[g];
			sampled += weight[g];
		}
		double scale = totalWeight / sampled;
		for (int i = 0; i < size; i++) {
			sweight[i] *= scale;
		}
		return new PurchaseSummary(sx, stx, sage, sweight, new int[0]);
	}

	public int groupCount() {
		return x.length;
	}

	/** Customers summarised (the sum of the group weights). */
	public double customers() {
		return totalWeight;
	}

	public int x(int group) {
		return x[group];
	}

	public double tx(int group) {
		return tx[group];
	}

	/** T of a group, in weeks. */
	public double age(int group) {
		return age[group];
	}

	/** Customers in a group. */
	public double weight(int group) {
		return weight[group];
	}

	/** The group of each customer given to {@link #of}; empty for a {@link #sample}. */
	public int groupOf(int customer) {
		return groupOfCustomer[customer];
	}

	/** Mean repeat purchases per week of age over all customers: a scale for starting points. */
	public double repeatRate() {
		double purchases = 0;
		double weeks = 0;
		for (int g = 0; g < x.length; g++) {
			purchases += weight[g] * x[g];
			weeks += weight[g] * age[g];
		}
		return weeks > 0 ? Math.max(purchases / weeks, 1e-6) : 1;
	}

	/** Mean age T in weeks. */
	public double meanAge() {
		double weeks = 0;
		for (int g = 0; g < x.length; g++) {
			weeks += weight[g] * age[g];
		}
		return totalWeight > 0 ? Math.max(weeks / totalWeight, 1e-6) : 1;
	}

	int[] distinctX() {
		return distinctX;
	}

	int[] xIndex() {
		return xIndex;
	}

	double[] distinctTx() {
		return distinctTx;
	}

	int[] txIndex() {
		return txIndex;
	}

	double[] distinctAge() {
		return distinctAge;
	}

	int[] ageIndex() {
		return ageIndex;
	}

	int[] xs() {
		return x;
	}

	double[] weights() {
		return weight;
	}

	/** Customers per distinct x, aligned with {@link #distinctX()}. */
	double[] weightPerX() {
		return weightPerX;
	}

	private static double[] distinct(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				sorted[n++] = sorted[i];
			}
		}
		return Arrays.copyOf(sorted, n);
	}

	private static int[] indexes(double[] values, double[] distinct) {
		int[] index = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			index[i] = Arrays.binarySearch(distinct, values[i]);
		}
		return index;
	}
}
