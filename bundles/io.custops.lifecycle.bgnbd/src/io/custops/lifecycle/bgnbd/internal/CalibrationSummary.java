package io.custops.lifecycle.bgnbd.internal;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;

/**
 * One pass over the orders: each customer's repeat-buying summary in the calibration period
 * (days up to and including {@code calibrationEnd}) and her purchases in the holdout period
 * after it, up to the day before as-of. Only paid orders count; purchases on the same local day
 * are one transaction, whose value is the sum of the day's orders.
 */
final class CalibrationSummary {

	static final int NONE = Integer.MIN_VALUE;

	/** First paid day in calibration, {@link #NONE} for customers who are not scored. */
	final int[] firstDay;
	/** Repeat transactions (distinct purchase days after the first) in calibration. */
	final int[] repeats;
	/** Days from the first to the last purchase in calibration. */
	final int[] recencyDays;
	/** Days from the first purchase to calibrationEnd. */
	final int[] ageDays;
	/** Value of the repeat transactions in hundredths. */
	final long[] repeatCents;
	/** Distinct purchase days in the holdout period, for customers scored in calibration. */
	final int[] holdoutPurchases;
	/** Whether the data holds any order in the holdout period, paid or not. */
	final boolean holdoutObserved;
	final int scored;
	/** Repeat transactions of scored customers per day, calibration and holdout: index day − {@link #dayBase}. */
	final int[] repeatsByDay;
	final int dayBase;

	private CalibrationSummary(int[] firstDay, int[] repeats, int[] recencyDays, int[] ageDays, long[] repeatCents,
			int[] holdoutPurchases, boolean holdoutObserved, int scored, int[] repeatsByDay, int dayBase) {
		this.repeatsByDay = repeatsByDay;
		this.dayBase = dayBase;
		this.firstDay = firstDay;
		this.repeats = repeats;
		this.recencyDays = recencyDays;
		this.ageDays = ageDays;
		this.repeatCents = repeatCents;
		this.holdoutPurchases = holdoutPurchases;
		this.holdoutObserved = holdoutObserved;
		this.scored = scored;
	}

	/**
	 * @param calibrationEnd last day of calibration (local epoch day), before {@code asOfDay}
	 * @param asOfDay        orders on this day or later are not looked at (the as-of date, or the day
	 *                       after the holdout period)
	 */
	static CalibrationSummary of(CustomerDataset data, int calibrationEnd, int asOfDay) {
		int customers = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] days = data.orderDay();
		byte[] status = data.orderStatus();
		long[] amount = data.orderAmount();
		byte paid = OrderStatus.PAID.code();
		int[] firstDay = new int[customers];
		int[] repeats = new int[customers];
		int[] recencyDays = new int[customers];
		int[] ageDays = new int[customers];
		long[] repeatCents = new long[customers];
		int[] holdoutPurchases = new int[customers];
		boolean holdoutObserved = false;
		int scored = 0;
		int dayBase = Integer.MAX_VALUE;
		for (int o = 0; o < days.length; o++) {
			dayBase = Math.min(dayBase, days[o]);
		}
		int[] repeatsByDay = new int[dayBase == Integer.MAX_VALUE ? 0 : Math.max(0, asOfDay - dayBase)];
		for (int c = 0; c < customers; c++) {
			int first = NONE;
			int last = NONE;
			int x = 0;
			long cents = 0;
			int holdout = 0;
			int lastHoldoutDay = NONE;
			for (int o = offsets[c]; o < offsets[c + 1]; o++) {
				int day = days[o];
				if (day >= asOfDay) {
					break; // orders are in time order: the rest are in the future too
				}
				boolean inCalibration = day <= calibrationEnd;
				holdoutObserved |= !inCalibration;
				if (status[o] != paid) {
					continue;
				}
				if (inCalibration) {
					if (first == NONE) {
						first = day;
						last = day;
					} else if (day > last) {
						x++;
						last = day;
						cents += amount[o];
						repeatsByDay[day - dayBase]++;
					} else if (last != first) {
						cents += amount[o]; // another order on the day of a repeat transaction
					}
				} else if (first != NONE && day != lastHoldoutDay) {
					holdout++;
					lastHoldoutDay = day;
					repeatsByDay[day - dayBase]++;
				}
			}
			firstDay[c] = first;
			if (first != NONE) {
				scored++;
				repeats[c] = x;
				recencyDays[c] = last - first;
				ageDays[c] = calibrationEnd - first;
				repeatCents[c] = cents;
				holdoutPurchases[c] = holdout;
			}
		}
		return new CalibrationSummary(firstDay, repeats, recencyDays, ageDays, repeatCents, holdoutPurchases,
				holdoutObserved, scored, repeatsByDay, dayBase);
	}

	boolean isScored(int customer) {
		return firstDay[customer] != NONE;
	}
}
