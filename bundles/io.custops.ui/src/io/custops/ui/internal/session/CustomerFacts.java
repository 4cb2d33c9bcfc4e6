package io.custops.ui.internal.session;

import java.time.LocalDate;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;

/**
 * What the workbench shows of every customer without running an analysis: paid orders, paid
 * revenue (cents), first and last paid day, events. One pass over the orders of the dataset.
 */
public final class CustomerFacts {

	public static final int NONE = Integer.MIN_VALUE;

	private final CustomerDataset dataset;
	private final int[] paidOrders;
	private final long[] revenue;
	private final int[] firstPaidDay;
	private final int[] lastPaidDay;
	private final int lastDay;

	public CustomerFacts(CustomerDataset dataset) {
		this.dataset = dataset;
		int n = dataset.customerCount();
		paidOrders = new int[n];
		revenue = new long[n];
		firstPaidDay = new int[n];
		lastPaidDay = new int[n];
		int[] offsets = dataset.orderOffsets();
		int[] day = dataset.orderDay();
		long[] amount = dataset.orderAmount();
		byte[] status = dataset.orderStatus();
		byte paid = OrderStatus.PAID.code();
		int last = NONE;
		for (int c = 0; c < n; c++) {
			firstPaidDay[c] = NONE;
			lastPaidDay[c] = NONE;
			for (int i = offsets[c]; i < offsets[c + 1]; i++) {
				last = Math.max(last, day[i]);
				if (status[i] == paid) {
					paidOrders[c]++;
					revenue[c] += amount[i];
					if (firstPaidDay[c] == NONE) {
						firstPaidDay[c] = day[i];
					}
					lastPaidDay[c] = day[i];
				}
			}
		}
		long[] eventTime = dataset.eventTime();
		for (long t : eventTime) {
			last = Math.max(last, (int) Math.floorDiv(t, CustomerDataset.SECONDS_PER_DAY));
		}
		lastDay = last;
	}

	public CustomerDataset dataset() {
		return dataset;
	}

	public int paidOrders(int customer) {
		return paidOrders[customer];
	}

	public long revenueCents(int customer) {
		return revenue[customer];
	}

	public int firstPaidDay(int customer) {
		return firstPaidDay[customer];
	}

	public int lastPaidDay(int customer) {
		return lastPaidDay[customer];
	}

	public int[] paidOrders() {
		return paidOrders;
	}

	public long[] revenue() {
		return revenue;
	}

	public int[] lastPaidDays() {
		return lastPaidDay;
	}

	public int events(int customer) {
		int[] offsets = dataset.eventOffsets();
		return offsets[customer + 1] - offsets[customer];
	}

	/** The day after the last order or event; today when there is none. */
	public LocalDate defaultAsOf() {
		return lastDay == NONE ? LocalDate.now() : LocalDate.ofEpochDay(lastDay + 1L);
	}

	/** The first and the last day with an order or event (epoch days), or null. */
	public LocalDate lastDay() {
		return lastDay == NONE ? null : LocalDate.ofEpochDay(lastDay);
	}
}
