package io.custops.segmentation.rfm;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.segmentation.rfm.internal.Ranking;

/**
 * Recency, frequency and monetary values and their scores for every customer of a dataset as
 * of a day, computed in one pass over the orders and one over the customers. Only paid orders
 * before the day count. A customer without such an order is not scored: recency
 * {@link #NONE}, frequency 0, monetary 0, scores 0.
 *
 * <p>The arrays are indexed by the dataset's customer index and shared, not copied: do not
 * modify them.
 */
public final class RfmValues {

	/** Recency of a customer without a paid order. */
	public static final long NONE = -1;

	private final int asOfDay;
	private final RfmScoring scoring;
	private final int scoredCount;
	private final long[] recencyDays;
	private final long[] frequency;
	private final long[] monetaryCents;
	private final byte[] r;
	private final byte[] f;
	private final byte[] m;

	private RfmValues(int asOfDay, RfmScoring scoring, int scoredCount, long[] recencyDays, long[] frequency,
			long[] monetaryCents, byte[] r, byte[] f, byte[] m) {
		this.asOfDay = asOfDay;
		this.scoring = scoring;
		this.scoredCount = scoredCount;
		this.recencyDays = recencyDays;
		this.frequency = frequency;
		this.monetaryCents = monetaryCents;
		this.r = r;
		this.f = f;
		this.m = m;
	}

	public static RfmValues compute(CustomerDataset data, int asOfDay, RfmScoring scoring) {
		return compute(data, asOfDay, scoring, ProgressMonitor.NULL);
	}

	/**
	 * @param asOfDay the local epoch day as of which to compute: orders whose
	 *                {@link CustomerDataset#orderDay()} is below it count
	 */
	public static RfmValues compute(CustomerDataset data, int asOfDay, RfmScoring scoring, ProgressMonitor monitor) {
		int n = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		long[] amount = data.orderAmount();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();

		long[] recency = new long[n];
		long[] frequency = new long[n];
		long[] monetary = new long[n];
		int[] scoredCustomers = new int[n];
		int scored = 0;
		for (int c = 0; c < n; c++) {
			if ((c & 0xFFFF) == 0) {
				monitor.checkCanceled();
			}
			long count = 0;
			long sum = 0;
			int last = 0;
			// a customer's orders are in time order: the first one on or after asOf ends the run
			for (int i = offsets[c], end = offsets[c + 1]; i < end && day[i] < asOfDay; i++) {
				if (status[i] == paid) {
					count++;
					sum += amount[i];
					last = day[i];
				}
			}
			frequency[c] = count;
			monetary[c] = sum;
			if (count > 0) {
				recency[c] = asOfDay - (long) last;
				scoredCustomers[scored++] = c;
			} else {
				recency[c] = NONE;
			}
		}

		byte[] r = new byte[n];
		byte[] f = new byte[n];
		byte[] m = new byte[n];
		// each dimension by quintiles of the scored customers or by its thresholds, as chosen for it
		long[] keys = new long[scored];
		if (scoring.isQuantile(RfmScoring.Dimension.RECENCY)) {
			// a shorter recency is better: rank its negation so that "less" means "worse" throughout
			for (int i = 0; i < scored; i++) {
				keys[i] = -recency[scoredCustomers[i]];
			}
			quintiles(keys, scoredCustomers, scored, r);
		} else {
			for (int i = 0; i < scored; i++) {
				int c = scoredCustomers[i];
				r[c] = (byte) scoring.recencyScore(recency[c]);
			}
		}
		if (scoring.isQuantile(RfmScoring.Dimension.FREQUENCY)) {
			for (int i = 0; i < scored; i++) {
				keys[i] = frequency[scoredCustomers[i]];
			}
			quintiles(keys, scoredCustomers, scored, f);
		} else {
			for (int i = 0; i < scored; i++) {
				int c = scoredCustomers[i];
				f[c] = (byte) scoring.frequencyScore(frequency[c]);
			}
		}
		if (scoring.isQuantile(RfmScoring.Dimension.MONETARY)) {
			for (int i = 0; i < scored; i++) {
				keys[i] = monetary[scoredCustomers[i]];
			}
			quintiles(keys, scoredCustomers, scored, m);
		} else {
			for (int i = 0; i < scored; i++) {
				int c = scoredCustomers[i];
				m[c] = (byte) scoring.monetaryScore(monetary[c]);
			}
		}
		return new RfmValues(asOfDay, scoring, scored, recency, frequency, monetary, r, f, m);
	}

	private static void quintiles(long[] keys, int[] customers, int n, byte[] scores) {
		int[] worse = Ranking.lessCounts(keys, n);
		for (int i = 0; i < n; i++) {
			scores[customers[i]] = Ranking.quintile(worse[i], n);
		}
	}

	public int asOfDay() {
		return asOfDay;
	}

	public RfmScoring scoring() {
		return scoring;
	}

	public int customerCount() {
		return frequency.length;
	}

	/** The number of customers with a paid order before the day. */
	public int scoredCount() {
		return scoredCount;
	}

	public boolean isScored(int customer) {
		return frequency[customer] > 0;
	}

	/** Days from the last paid order's day to the as-of day (at least 1), {@link #NONE} when not scored. */
	public long[] recencyDays() {
		return recencyDays;
	}

	/** Paid orders before the day. */
	public long[] frequency() {
		return frequency;
	}

	/** Sum of the paid orders' amounts before the day, in hundredths. */
	public long[] monetaryCents() {
		return monetaryCents;
	}

	/** R scores 1–5, 0 when not scored. */
	public byte[] rScores() {
		return r;
	}

	/** F scores 1–5, 0 when not scored. */
	public byte[] fScores() {
		return f;
	}

	/** M scores 1–5, 0 when not scored. */
	public byte[] mScores() {
		return m;
	}
}
