package io.custops.campaign.internal;

import java.time.LocalDate;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.engine.AnalysisInputException;

/**
 * The lifecycle playbook's own targets, each one pass over the orders (and events) of every
 * customer, counting only what happened before the as-of date's midnight (docs/analyses.md,
 * "Behaviour targets"):
 * <ul>
 * <li>{@code unpaid:48h}: an unpaid order in the 48 hours before, and no paid order at or after
 * its time (催付);</li>
 * <li>{@code cart-abandoned:24h}: a cart event in the 24 hours before, and no order (of any status)
 * nor {@code order}/{@code pay} event at or after its time;</li>
 * <li>{@code second-purchase:7-30d}: exactly one paid order, placed 7 to 30 days before (days
 * counted between local dates, both ends included).</li>
 * </ul>
 */
public final class BehaviourTargets {

	public static final String UNPAID = "unpaid";
	public static final String CART_ABANDONED = "cart-abandoned";
	public static final String SECOND_PURCHASE = "second-purchase";

	/** What a behaviour target selected: {@code selected[c]} for every customer index. */
	public record Selection(boolean[] selected, String description) {
	}

	private BehaviourTargets() {
	}

	/** Whether a target's kind (before the first ':') is one of these. */
	public static boolean isBehaviour(String kind) {
		return kind.equals(UNPAID) || kind.equals(CART_ABANDONED) || kind.equals(SECOND_PURCHASE);
	}

	/**
	 * @param kind     one of {@link #UNPAID}, {@link #CART_ABANDONED}, {@link #SECOND_PURCHASE}
	 * @param argument what follows the ':' (null when none: the default window)
	 * @param where    names the target in messages
	 */
	public static Selection resolve(String kind, String argument, CustomerDataset data, LocalDate asOf, String where) {
		long end = CustomerDataset.localSeconds(asOf.atStartOfDay());
		return switch (kind) {
		case UNPAID -> {
			long hours = hours(argument == null ? "48h" : argument, where);
			yield new Selection(unpaid(data, end - hours * 3600, end), "unpaid orders in the " + hours
					+ " hours before, not paid since");
		}
		case CART_ABANDONED -> {
			long hours = hours(argument == null ? "24h" : argument, where);
			yield new Selection(cartAbandoned(data, end - hours * 3600, end), "cart events in the " + hours
					+ " hours before, no order since");
		}
		case SECOND_PURCHASE -> {
			int[] days = days(argument == null ? "7-30d" : argument, where);
			yield new Selection(secondPurchase(data, CustomerDataset.epochDay(asOf), days[0], days[1]),
					"one paid order, " + days[0] + " to " + days[1] + " days before");
		}
		default -> throw new IllegalArgumentException(kind);
		};
	}

	/** {@code 48h} or {@code 2d}, as hours. */
	private static long hours(String text, String where) {
		String t = text.strip().toLowerCase(java.util.Locale.ROOT);
		long factor = t.endsWith("h") ? 1 : t.endsWith("d") ? 24 : 0;
		long n = factor == 0 ? -1 : number(t.substring(0, t.length() - 1));
		if (n <= 0 || n > 24 * 3660) {
			throw new AnalysisInputException(where + ": '" + text + "' is not a window of hours or days (48h, 2d)");
		}
		return n * factor;
	}

	/** {@code 7-30d}: the first and last day, both at least 0. */
	private static int[] days(String text, String where) {
		String t = text.strip().toLowerCase(java.util.Locale.ROOT);
		int dash = t.indexOf('-');
		if (t.endsWith("d") && dash > 0) {
			long from = number(t.substring(0, dash));
			long to = number(t.substring(dash + 1, t.length() - 1));
			if (from >= 0 && to >= from && to <= 36600) {
				return new int[] { (int) from, (int) to };
			}
		}
		throw new AnalysisInputException(where + ": '" + text + "' is not a range of days such as 7-30d (from ≤ to)");
	}

	private static long number(String digits) {
		String d = digits.strip();
		if (d.isEmpty() || d.length() > 9 || !d.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		return Long.parseLong(d);
	}

	private static boolean[] unpaid(CustomerDataset data, long from, long end) {
		int[] offsets = data.orderOffsets();
		long[] time = data.orderTime();
		byte[] status = data.orderStatus();
		byte unpaid = OrderStatus.UNPAID.code();
		byte paid = OrderStatus.PAID.code();
		boolean[] selected = new boolean[data.customerCount()];
		for (int c = 0; c < selected.length; c++) {
			// orders are in time order: the latest unpaid one in the window decides
			long lastUnpaid = Long.MIN_VALUE;
			long lastPaid = Long.MIN_VALUE;
			for (int o = offsets[c]; o < offsets[c + 1] && time[o] < end; o++) {
				if (status[o] == unpaid && time[o] >= from) {
					lastUnpaid = time[o];
				} else if (status[o] == paid) {
					lastPaid = time[o];
				}
			}
			selected[c] = lastUnpaid != Long.MIN_VALUE && lastPaid < lastUnpaid;
		}
		return selected;
	}

	private static boolean[] cartAbandoned(CustomerDataset data, long from, long end) {
		int cart = data.eventTypeNames().indexOf("cart");
		int orderEvent = data.eventTypeNames().indexOf("order");
		int payEvent = data.eventTypeNames().indexOf("pay");
		int[] eventOffsets = data.eventOffsets();
		long[] eventTime = data.eventTime();
		int[] type = data.eventType();
		int[] orderOffsets = data.orderOffsets();
		long[] orderTime = data.orderTime();
		boolean[] selected = new boolean[data.customerCount()];
		if (cart < 0) {
			return selected;
		}
		for (int c = 0; c < selected.length; c++) {
			long lastCart = Long.MIN_VALUE;
			long lastOrder = Long.MIN_VALUE;
			for (int e = eventOffsets[c]; e < eventOffsets[c + 1] && eventTime[e] < end; e++) {
				if (type[e] == cart && eventTime[e] >= from) {
					lastCart = eventTime[e];
				} else if (type[e] == orderEvent || type[e] == payEvent) {
					lastOrder = Math.max(lastOrder, eventTime[e]);
				}
			}
			if (lastCart == Long.MIN_VALUE) {
				continue;
			}
			for (int o = orderOffsets[c]; o < orderOffsets[c + 1] && orderTime[o] < end; o++) {
				lastOrder = Math.max(lastOrder, orderTime[o]);
			}
			selected[c] = lastOrder < lastCart;
		}
		return selected;
	}

	private static boolean[] secondPurchase(CustomerDataset data, int asOfDay, int fromDays, int toDays) {
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();
		boolean[] selected = new boolean[data.customerCount()];
		for (int c = 0; c < selected.length; c++) {
			int count = 0;
			int first = 0;
			for (int o = offsets[c]; o < offsets[c + 1] && day[o] < asOfDay && count < 2; o++) {
				if (status[o] == paid) {
					count++;
					first = day[o];
				}
			}
			int ago = asOfDay - first;
			selected[c] = count == 1 && ago >= fromDays && ago <= toDays;
		}
		return selected;
	}
}
