package io.custops.example.repurchase.internal;

import java.util.Arrays;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;

/**
 * The repurchase arithmetic of one customer, shared by the strategy and the report template:
 * the distinct days with a paid order before "as of" (several orders on one day are one
 * purchase), the median of the gaps between them, and how long ago the last one was.
 */
record RepurchaseCycle(int paidOrders, int purchaseDays, int lastDay, double medianInterval) {

	/** Epoch day meaning "no purchase". */
	static final int NONE = Integer.MIN_VALUE;

	static RepurchaseCycle of(CustomerDataset data, int customer, int asOfDay) {
		int[] offsets = data.orderOffsets();
		int[] days = data.orderDay();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();
		int from = offsets[customer];
		int to = offsets[customer + 1];
		int[] distinct = new int[to - from];
		int n = 0;
		int orders = 0;
		for (int i = from; i < to; i++) { // orders are in time order within a customer
			if (status[i] != paid || days[i] >= asOfDay) {
				continue;
			}
			orders++;
			if (n == 0 || distinct[n - 1] != days[i]) {
				distinct[n++] = days[i];
			}
		}
		if (n == 0) {
			return new RepurchaseCycle(0, 0, NONE, Double.NaN);
		}
		if (n == 1) {
			return new RepurchaseCycle(orders, 1, distinct[0], Double.NaN);
		}
		int[] gaps = new int[n - 1];
		for (int i = 1; i < n; i++) {
			gaps[i - 1] = distinct[i] - distinct[i - 1];
		}
		Arrays.sort(gaps);
		int m = gaps.length;
		double median = m % 2 == 1 ? gaps[m / 2] : (gaps[m / 2 - 1] + gaps[m / 2]) / 2.0;
		return new RepurchaseCycle(orders, n, distinct[n - 1], median);
	}

	boolean hasInterval() {
		return purchaseDays >= 2;
	}

	/** Days from the last purchase to "as of". */
	int daysSinceLast(int asOfDay) {
		return asOfDay - lastDay;
	}

	/** The first day on which the next purchase is due: last purchase + median gap, rounded up. */
	int dueDay() {
		return lastDay + (int) Math.ceil(medianInterval);
	}
}
