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
	// built on first use (only Pareto/NBD needs them); a benign race at worst computes them twice
	private volatile Pairs xTxPairs;
	private volatile Pairs xAgePairs;

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
		int n = x.length;
		if (txDays.length != n || ageDays.length != n) {
			throw new IllegalArgumentException(
					"x, t_x and T differ in length: " + n + ", " + txDays.length + ", " + ageDays.length);
		}
		long[] keys = new long[n];
		for (int c = 0; c < n; c++) {
			if (x[c] < 0 || txDays[c] < 0 || ageDays[c] < txDays[c] || (x[c] == 0 && txDays[c] != 0)
					|| x[c] >= DAY_KEY_LIMIT || ageDays[c] >= DAY_KEY_LIMIT) {
				throw new IllegalArgumentException("customer " + c + ": x=" + x[c] + ", t_x=" + txDays[c] + " days, T="
						+ ageDays[c] + " days is not a purchase summary (need x ≥ 0, 0 ≤ t_x ≤ T < " + DAY_KEY_LIMIT
						+ " days, t_x = 0 when x = 0)");
			}
			keys[c] = (long) x[c] << 42 | (long) txDays[c] << 21 | ageDays[c];
		}
		// whole days pack into one long per customer: one probe of a compact table per customer
		LongGrouping grouping = LongGrouping.of(keys);
		int groups = grouping.keys.length;
		int[] gx = new int[groups];
		double[] gtx = new double[groups];
		double[] gage = new double[groups];
		for (int g = 0; g < groups; g++) {
			long key = grouping.keys[g];
			gx[g] = (int) (key >>> 42);
			gtx[g] = (int) (key >>> 21 & DAY_KEY_LIMIT - 1) / 7.0;
			gage[g] = (int) (key & DAY_KEY_LIMIT - 1) / 7.0;
		}
		return new PurchaseSummary(gx, gtx, gage, grouping.counts, grouping.groupOf);
	}

	/** Days and purchase counts below 2^21 (5,700 years) pack into 21 bits each. */
	private static final int DAY_KEY_LIMIT = 1 << 21;

	/** Distinct long keys in order of first appearance, their counts and each input's group. */
	private record LongGrouping(long[] keys, double[] counts, int[] groupOf) {

		static LongGrouping of(long[] input) {
			int capacity = 1 << 12;
			long[] table = new long[capacity];
			int[] ids = new int[capacity];
			java.util.Arrays.fill(ids, -1);
			long[] keys = new long[1 << 10];
			double[] counts = new double[keys.length];
			int[] groupOf = new int[input.length];
			int groups = 0;
			for (int c = 0; c < input.length; c++) {
				long key = input[c];
				int i = slot(key, capacity);
				int g;
				while (true) {
					g = ids[i];
					if (g < 0) {
						if (groups == keys.length) {
							keys = java.util.Arrays.copyOf(keys, groups * 2);
							counts = java.util.Arrays.copyOf(counts, groups * 2);
						}
						keys[groups] = key;
						g = groups++;
						table[i] = key;
						ids[i] = g;
						if (groups * 2 > capacity) {
							// grow with the groups, not the customers: the table stays small enough to be cached
							capacity *= 2;
							table = new long[capacity];
							ids = new int[capacity];
							java.util.Arrays.fill(ids, -1);
							for (int k = 0; k < groups; k++) {
								int j = slot(keys[k], capacity);
								while (ids[j] >= 0) {
									j = (j + 1) & (capacity - 1);
								}
								table[j] = keys[k];
								ids[j] = k;
							}
						}
						break;
					}
					if (table[i] == key) {
						break;
					}
					i = (i + 1) & (capacity - 1);
				}
				counts[g]++;
				groupOf[c] = g;
			}
			return new LongGrouping(java.util.Arrays.copyOf(keys, groups), java.util.Arrays.copyOf(counts, groups),
					groupOf);
		}

		private static int slot(long key, int capacity) {
			long h = key * 0x9E3779B97F4A7C15L;
			return (int) (h >>> 40) & (capacity - 1);
		}
	}

	/**
	 * A sample of about {@code maxGroups} groups that stands for all customers: systematic
	 * sampling of customers with a fixed step k through the groups, so that a group of w
	 * customers is kept with weight k times the number of steps landing in it — groups of k or
	 * more customers (the common histories, such as one purchase long ago) are always kept with
	 * nearly their true weight, rarer histories in proportion to their frequency. Sums over the
	 * sample estimate sums over all customers. Used to explore the likelihood cheaply before the
	 * fit is finished on all groups.
	 */
	public PurchaseSummary sample(int maxGroups) {
		int groups = groupCount();
		if (groups <= maxGroups) {
			return this;
		}
		double step = totalWeight / maxGroups;
		int[] sx = new int[maxGroups + 1];
		double[] stx = new double[sx.length];
		double[] sage = new double[sx.length];
		double[] sweight = new double[sx.length];
		int size = 0;
		double next = step / 2; // the first sampling point, then every step customers
		double cumulative = 0;
		for (int g = 0; g < groups; g++) {
			cumulative += weight[g];
			int hits = 0;
			while (next < cumulative) {
				hits++;
				next += step;
			}
			if (hits > 0) {
				sx[size] = x[g];
				stx[size] = tx[g];
				sage[size] = age[g];
				sweight[size] = hits * step;
				size++;
			}
		}
		return new PurchaseSummary(Arrays.copyOf(sx, size), Arrays.copyOf(stx, size), Arrays.copyOf(sage, size),
				Arrays.copyOf(sweight, size), new int[0]);
	}

	/**
	 * The summaries a fit runs on in turn: a sample of about 5,000 groups to explore, one of
	 * about 50,000 to polish, then all groups; only those smaller than the whole.
	 */
	java.util.List<PurchaseSummary> fitStages() {
		java.util.List<PurchaseSummary> stages = new java.util.ArrayList<>();
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

	/**
	 * The distinct pairs of two of a group's indexes, so that terms depending on (x, t_x) or on
	 * (x, T) only are computed once per pair: pair k is ({@code first[k]}, {@code second[k]}) and
	 * group g has pair {@code ofGroup[g]}.
	 */
	record Pairs(int[] ofGroup, int[] first, int[] second) {

		static Pairs of(int[] first, int[] second, int secondCount) {
			long[] keys = new long[first.length];
			for (int g = 0; g < keys.length; g++) {
				keys[g] = (long) first[g] * secondCount + second[g];
			}
			long[] distinct = keys.clone();
			Arrays.sort(distinct);
			int n = 0;
			for (int i = 0; i < distinct.length; i++) {
				if (i == 0 || distinct[i] != distinct[i - 1]) {
					distinct[n++] = distinct[i];
				}
			}
			int[] ofGroup = new int[keys.length];
			int[] a = new int[n];
			int[] b = new int[n];
			for (int g = 0; g < keys.length; g++) {
				int k = Arrays.binarySearch(distinct, 0, n, keys[g]);
				ofGroup[g] = k;
				a[k] = first[g];
				b[k] = second[g];
			}
			return new Pairs(ofGroup, a, b);
		}

		int count() {
			return first.length;
		}
	}

	/** The distinct (x, t_x) pairs, as indexes into {@link #distinctX()} and {@link #distinctTx()}. */
	Pairs xTxPairs() {
		Pairs pairs = xTxPairs;
		if (pairs == null) {
			pairs = Pairs.of(xIndex, txIndex, distinctTx.length);
			xTxPairs = pairs;
		}
		return pairs;
	}

	/** The distinct (x, T) pairs, as indexes into {@link #distinctX()} and {@link #distinctAge()}. */
	Pairs xAgePairs() {
		Pairs pairs = xAgePairs;
		if (pairs == null) {
			pairs = Pairs.of(xIndex, ageIndex, distinctAge.length);
			xAgePairs = pairs;
		}
		return pairs;
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
