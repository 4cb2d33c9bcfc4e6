package io.custops.connector.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo shop's marketing calendar: every year a 3.8 campaign for women, a second-purchase
 * push for new buyers in spring and in summer, 6.18, a win-back of dormant buyers in
 * September, 11.11 and a 12.12 VIP event. Each targets a segment; a fifth of the targeted
 * customers are held out as a control group; treated customers buy somewhat more in the window.
 */
final class CampaignPlan {

	enum Segment {
		/** women who bought at least once. */
		WOMEN_BUYERS("women-buyers"),
		/** exactly one paid order, in the 60 days before the start. */
		NEW_BUYERS("new-buyers"),
		/** paid in the 365 days before the start. */
		ACTIVE_BUYERS("active-buyers"),
		/** last paid 120–720 days before the start. */
		DORMANT("dormant"),
		/** anyone first seen before the start. */
		EVERYONE("all-customers"),
		/** spent 300 or more in the 365 days before the start. */
		VIP("vip");

		final String id;

		Segment(String id) {
			this.id = id;
		}
	}

	/**
	 * One campaign. {@code uplift} is the chance that a treated member places one more order in
	 * the window; {@code costCents} covers SMS and redeemed coupons of the treated group.
	 */
	record Campaign(int index, String id, String name, String description, long startDay, long endDay,
			Segment segment, double share, double uplift, double couponDiscount, long costCents, BigDecimal margin) {
	}

	static final double CONTROL_SHARE = 0.2;

	/** How many customers are generated to size the budgets: the first ones, so that small shops are exact. */
	static final int BUDGET_SAMPLE = 2000;

	List<Campaign> campaigns;

	CampaignPlan(long seed, ShopCalendar calendar, long customers) {
		Rng rng = Rng.of(seed, -1, 7);
		List<Campaign> list = new ArrayList<>();
		List<Double> costs = new ArrayList<>();
		int firstYear = LocalDate.ofEpochDay(calendar.startDay).getYear();
		int lastYear = LocalDate.ofEpochDay(calendar.endDay).getYear();
		for (int y = firstYear; y <= lastYear; y++) {
			add(list, costs, rng, calendar, y + "-0308", y + " 女神节 会员专享券", "3.8: coupon for women who bought before",
					LocalDate.of(y, 3, 1), LocalDate.of(y, 3, 8), Segment.WOMEN_BUYERS, 0.6, 0.02, 0.10, 7.00);
			add(list, costs, rng, calendar, y + "-0415", y + " 新客二次购买 春季", "spring: second purchase of new buyers",
					LocalDate.of(y, 4, 10), LocalDate.of(y, 4, 20), Segment.NEW_BUYERS, 1.0, 0.04, 0.15, 3.00);
			add(list, costs, rng, calendar, y + "-0618", y + " 618 老客预售提醒", "6.18 presale reminder to active buyers",
					LocalDate.of(y, 6, 1), LocalDate.of(y, 6, 18), Segment.ACTIVE_BUYERS, 0.7, 0.03, 0.05, 1.50);
			add(list, costs, rng, calendar, y + "-0815", y + " 新客二次购买 夏季", "summer: second purchase of new buyers",
					LocalDate.of(y, 8, 10), LocalDate.of(y, 8, 20), Segment.NEW_BUYERS, 1.0, 0.04, 0.15, 3.00);
			add(list, costs, rng, calendar, y + "-0901", y + " 沉睡客户召回", "win-back of dormant buyers",
					LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 15), Segment.DORMANT, 0.8, 0.015, 0.20, 2.00);
			add(list, costs, rng, calendar, y + "-1111", y + " 双11 全店会员触达", "11.11 reach to the whole base",
					LocalDate.of(y, 10, 20), LocalDate.of(y, 11, 11), Segment.EVERYONE, 0.6, 0.03, 0.05, 1.80);
			add(list, costs, rng, calendar, y + "-1212", y + " 双12 VIP 专享", "12.12 VIP early access and gift",
					LocalDate.of(y, 12, 1), LocalDate.of(y, 12, 12), Segment.VIP, 1.0, 0.05, 0.10, 6.00);
		}
		this.campaigns = List.copyOf(list);
		// the budget (SMS and redeemed coupons) follows the treated group: count it on the first
		// customers — all of them in a small shop — and scale to the whole base
		int sample = (int) Math.min(customers, BUDGET_SAMPLE);
		long[] treated = new long[list.size()];
		for (int i = 0; i < sample; i++) {
			for (Shopper.Membership m : new Shopper(seed, i, "", calendar, this).memberships) {
				if (!m.control()) {
					treated[m.campaign().index()]++;
				}
			}
		}
		List<Campaign> priced = new ArrayList<>();
		for (Campaign c : list) {
			double expected = treated[c.index()] * (double) customers / Math.max(1, sample);
			long cost = Math.max(10000, Math.round(expected * costs.get(c.index()) * 100));
			priced.add(new Campaign(c.index(), c.id(), c.name(), c.description(), c.startDay(), c.endDay(), c.segment(),
					c.share(), c.uplift(), c.couponDiscount(), cost, c.margin()));
		}
		this.campaigns = List.copyOf(priced);
	}

	private static void add(List<Campaign> list, List<Double> costs, Rng rng, ShopCalendar calendar, String id,
			String name, String description, LocalDate start, LocalDate end, Segment segment, double share,
			double uplift, double coupon, double costPerTreated) {
		double marginDraw = rng.nextDouble(); // drawn for every candidate so that the sequence does not depend on the span
		// only campaigns with some history before them and fully over before the end of the data
		if (start.toEpochDay() < calendar.startDay + 90 || end.toEpochDay() >= calendar.endDay) {
			return;
		}
		BigDecimal margin = BigDecimal.valueOf(55 + (int) (marginDraw * 11), 2); // 0.55–0.65
		costs.add(costPerTreated);
		list.add(new Campaign(list.size(), id, name, description, start.toEpochDay(), end.toEpochDay(), segment,
				share, uplift, coupon, 0, margin));
	}
}
