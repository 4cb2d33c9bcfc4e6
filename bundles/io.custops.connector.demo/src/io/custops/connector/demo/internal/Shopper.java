package io.custops.connector.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.custops.connector.demo.internal.CampaignPlan.Campaign;
import io.custops.connector.demo.internal.ShopModel.Product;

/**
 * One customer of the demo shop, generated whole from (seed, index): profile, orders, campaign
 * memberships and — on request — behaviour events. Separate random streams for the profile,
 * the orders and the events keep each kind the same whichever kinds are read, so that the
 * customers, orders, events and campaign members of one seed always agree.
 */
final class Shopper {

	enum Archetype {
		/** never pays: browses, maybe leaves an order unpaid. */
		POTENTIAL(0.20),
		/** one paid order. */
		ONE_TIME(0.415),
		/** a few orders at irregular intervals. */
		OCCASIONAL(0.22),
		/** buys again when the product runs out. */
		LOYAL(0.13),
		/** loyal, buys more, reviews and shares. */
		FAN(0.035);

		final double share;

		Archetype(double share) {
			this.share = share;
		}

		static final double[] CUMULATIVE;

		static {
			double[] w = new double[values().length];
			for (Archetype a : values()) {
				w[a.ordinal()] = a.share;
			}
			CUMULATIVE = Rng.cumulative(w);
		}
	}

	enum Status {
		PAID("paid"), UNPAID("unpaid"), CANCELLED("cancelled"), REFUNDED("refunded");

		final String id;

		Status(String id) {
			this.id = id;
		}
	}

	/** Times are local epoch seconds (wall time of the workspace's zone); payTime -1 when not paid. */
	record Order(long time, long payTime, Product product, int quantity, long unitPriceCents, long amountCents,
			Status status, String channel, int campaign) {

		boolean counts() {
			return status == Status.PAID;
		}
	}

	record Membership(Campaign campaign, boolean control) {
	}

	/** One event; {@code session} is the index of its session within the customer. */
	record Event(long time, String type, String itemId, int session, String channel, String query) {
	}

	private static final long DAY = 86_400L;

	final int index;
	final String id;
	final Archetype archetype;
	final String name;
	final String phone;
	final String gender;
	final LocalDate birthday;
	final ShopModel.Province province;
	final String city;
	final String channel;
	final int favouriteCategory;
	final long firstSeenDay;
	private final boolean joinedMembership;
	final List<Order> orders = new ArrayList<>(4);
	final List<Membership> memberships = new ArrayList<>(2);

	private final long seed;
	private final ShopCalendar calendar;

	Shopper(long seed, int index, String id, ShopCalendar calendar, CampaignPlan plan) {
		this.seed = seed;
		this.index = index;
		this.id = id;
		this.calendar = calendar;
		Rng p = Rng.of(seed, index, 1);
		archetype = Archetype.values()[p.pick(Archetype.CUMULATIVE)];
		double femaleShare = archetype == Archetype.FAN ? 0.9 : 0.78;
		double g = p.nextDouble();
		gender = g < femaleShare ? "female" : g < 0.96 ? "male" : "";
		String given = "male".equals(gender) ? ShopModel.MALE_GIVEN : ShopModel.FEMALE_GIVEN;
		StringBuilder n = new StringBuilder(4).append(ShopModel.SURNAMES[p.pick(ShopModel.SURNAME_WEIGHTS)]);
		n.append(given.charAt(p.nextInt(given.length())));
		if (p.chance(0.7)) {
			n.append(given.charAt(p.nextInt(given.length())));
		}
		name = n.toString();
		phone = ShopModel.MOBILE_PREFIXES[p.nextInt(ShopModel.MOBILE_PREFIXES.length)] + "****"
				+ (char) ('0' + p.nextInt(10)) + (char) ('0' + p.nextInt(10)) + (char) ('0' + p.nextInt(10))
				+ (char) ('0' + p.nextInt(10));
		if (p.chance(0.85)) {
			int[] band = ShopModel.AGE_BANDS[p.pick(ShopModel.AGE_WEIGHTS)];
			int age = p.between(band[0], band[1]);
			birthday = LocalDate.ofEpochDay(calendar.endDay).minusYears(age).minusDays(p.nextInt(365));
		} else {
			birthday = null;
		}
		province = ShopModel.PROVINCES[p.pick(ShopModel.PROVINCE_WEIGHTS)];
		city = province.cities()[p.pick(province.cityWeights())];
		channel = ShopModel.CHANNELS[p.pick(ShopModel.CHANNEL_WEIGHTS)];
		favouriteCategory = p.pick(ShopModel.CATEGORY_WEIGHTS);
		firstSeenDay = calendar.drawDay(p);
		joinedMembership = p.chance(0.25);
		generateOrders(plan);
	}

	// ---- orders ---------------------------------------------------------------------------

	private void generateOrders(CampaignPlan plan) {
		Rng o = Rng.of(seed, index, 2);
		long end = calendar.endDay;
		if (archetype == Archetype.POTENTIAL) {
			if (o.chance(0.35)) { // put something in an order and never paid
				long day = firstSeenDay + o.geometric(0.5);
				if (day < end) {
					Product product = pickProduct(o);
					int qty = 1 + o.geometric(0.75);
					long time = day * DAY + ShopCalendar.drawSecondOfDay(o, day);
					Status status = day >= end - 3 ? Status.UNPAID : Status.CANCELLED;
					orders.add(order(o, time, -1, product, qty, ShopCalendar.festivalDiscount(day), status, -1));
				}
			}
		} else {
			long day = firstSeenDay + (o.chance(0.6) ? 0 : 1 + o.geometric(0.25));
			int count = 0;
			while (day < end) {
				addPurchase(o, day, 0.0, -1);
				count++;
				double interval = nextInterval(o, count);
				if (interval < 0) {
					break;
				}
				long next = day + Math.max(7, Math.round(interval));
				long peak = ShopCalendar.nearbyPeak(next);
				boolean pull = o.chance(0.35); // drawn always: the stream must not depend on where the peaks fall
				if (peak > day && pull) {
					next = peak;
				}
				day = next;
			}
		}
		applyCampaigns(plan, o);
	}

	/** Days until the next purchase, or -1 when the customer stops buying. */
	private double nextInterval(Rng o, int count) {
		Order last = orders.get(orders.size() - 1);
		return switch (archetype) {
		case OCCASIONAL -> count >= 4 || !o.chance(0.5) ? -1 : o.between(40, 240);
		// buys again when the product runs out, a little late or early
		case LOYAL -> !o.chance(0.86) ? -1
				: last.product().usageDays() * last.quantity() * (0.8 + 0.7 * o.nextDouble());
		case FAN -> !o.chance(0.93) ? -1
				: last.product().usageDays() * Math.min(2, last.quantity()) * (0.7 + 0.6 * o.nextDouble());
		default -> -1;
		};
	}

	/** Second pass: the campaigns, in order, each seeing the orders placed before it. */
	private void applyCampaigns(CampaignPlan plan, Rng o) {
		for (Campaign c : plan.campaigns) {
			boolean eligible = firstSeenDay < c.startDay() && eligible(c);
			double draw = o.nextDouble();
			double groupDraw = o.nextDouble();
			double upliftDraw = o.nextDouble();
			if (!eligible || draw >= c.share()) {
				continue;
			}
			boolean control = groupDraw < CampaignPlan.CONTROL_SHARE;
			memberships.add(new Membership(c, control));
			if (!control && upliftDraw < c.uplift()) {
				long day;
				if (c.id().endsWith("-1111") && o.chance(0.6)) {
					day = c.endDay();
				} else {
					day = calendar.drawDay(o, c.startDay(), c.endDay() + 1);
				}
				addPurchase(o, day, c.couponDiscount(), c.index());
			}
		}
		orders.sort(Comparator.comparingLong(Order::time));
	}

	private boolean eligible(Campaign c) {
		long startSec = c.startDay() * DAY;
		int paid = 0;
		long lastPaid = Long.MIN_VALUE;
		long spend365 = 0;
		long firstPaid = Long.MAX_VALUE;
		for (Order order : orders) {
			if (order.counts() && order.time() < startSec) {
				paid++;
				lastPaid = Math.max(lastPaid, order.time());
				firstPaid = Math.min(firstPaid, order.time());
				if (order.time() >= startSec - 365 * DAY) {
					spend365 += order.amountCents();
				}
			}
		}
		return switch (c.segment()) {
		case WOMEN_BUYERS -> paid > 0 && "female".equals(gender);
		case NEW_BUYERS -> paid == 1 && firstPaid >= startSec - 60 * DAY;
		case ACTIVE_BUYERS -> paid > 0 && lastPaid >= startSec - 365 * DAY;
		case DORMANT -> paid > 0 && lastPaid < startSec - 120 * DAY && lastPaid >= startSec - 720 * DAY;
		case EVERYONE -> true;
		case VIP -> spend365 >= 30000;
		};
	}

	/** A paid order on a day (sometimes after an abandoned one, sometimes refunded later). */
	private void addPurchase(Rng o, long day, double extraDiscount, int campaign) {
		long endSec = calendar.endDay * DAY;
		Product product = pickProduct(o);
		int qty = archetype == Archetype.FAN ? 1 + o.geometric(0.5) : 1 + o.geometric(0.72);
		qty = Math.min(qty, 6);
		double discount = Math.min(0.4, ShopCalendar.festivalDiscount(day) + extraDiscount + (o.chance(0.3) ? 0.05 : 0));
		long time = day * DAY + ShopCalendar.drawSecondOfDay(o, day);
		boolean abandonedFirst = o.chance(0.03);
		boolean refunded = o.chance(0.04);
		boolean leftUnpaid = o.chance(0.25);
		String orderChannel = o.chance(0.8) ? channel : ShopModel.CHANNELS[o.pick(ShopModel.CHANNEL_WEIGHTS)];
		long payDelay = 10 + Math.round(o.exponential(120));
		if (abandonedFirst) {
			// the abandoned order comes first, on the same day
			long before = Math.max(day * DAY, time - 300 - o.nextInt(2100));
			if (time < before + 60) {
				time = before + 300;
			}
			orders.add(new Order(before, -1, product, qty, product.priceCents(),
					amount(product.priceCents(), qty, discount), Status.CANCELLED, orderChannel, campaign));
		}
		long pay = time + payDelay;
		Status status;
		if (pay >= endSec || (day >= calendar.endDay - 2 && leftUnpaid)) {
			status = Status.UNPAID; // placed in the last hours of the data and not paid yet
			pay = -1;
		} else {
			status = refunded ? Status.REFUNDED : Status.PAID;
		}
		orders.add(new Order(time, pay, product, qty, product.priceCents(), amount(product.priceCents(), qty, discount),
				status, orderChannel, campaign));
	}

	private Order order(Rng o, long time, long pay, Product product, int qty, double discount, Status status,
			int campaign) {
		return new Order(time, pay, product, qty, product.priceCents(), amount(product.priceCents(), qty, discount),
				status, o.chance(0.8) ? channel : ShopModel.CHANNELS[o.pick(ShopModel.CHANNEL_WEIGHTS)], campaign);
	}

	private static long amount(long unitCents, int qty, double discount) {
		// whole cents; discounts are round percentages, so the product is exact before rounding
		return Math.round(unitCents * qty * (1.0 - discount));
	}

	private Product pickProduct(Rng o) {
		int category = o.chance(0.75) ? favouriteCategory : o.pick(ShopModel.CATEGORY_WEIGHTS);
		Product[] products = ShopModel.PRODUCTS[category];
		return products[o.nextInt(products.length)];
	}

	/** Paid spend over the whole history, in cents. */
	long lifetimeSpend() {
		long sum = 0;
		for (Order order : orders) {
			if (order.counts()) {
				sum += order.amountCents();
			}
		}
		return sum;
	}

	/** The shop's own membership level, by lifetime spend (those who never bought may still have joined). */
	String memberLevel() {
		long spend = lifetimeSpend();
		if (spend == 0) {
			return joinedMembership ? "member" : "";
		}
		if (spend >= 500_000) {
			return "diamond";
		}
		if (spend >= 150_000) {
			return "gold";
		}
		if (spend >= 50_000) {
			return "silver";
		}
		return "member";
	}

	// ---- events ---------------------------------------------------------------------------

	/**
	 * The customer's behaviour events in time order: a purchase session before every order
	 * (visit → search → view → favourite/cart → order → pay), review sessions after some of the
	 * paid orders, and browsing sessions that stop somewhere along the path.
	 */
	List<Event> events() {
		Rng e = Rng.of(seed, index, 3);
		long endSec = calendar.endDay * DAY;
		List<List<Event>> sessions = new ArrayList<>();
		double reviewRate = switch (archetype) {
		case FAN -> 0.7;
		case LOYAL -> 0.35;
		case OCCASIONAL -> 0.25;
		default -> 0.12;
		};
		double shareRate = archetype == Archetype.FAN ? 0.35 : 0.04;

		long firstOrderDay = orders.isEmpty() ? Long.MAX_VALUE : Math.floorDiv(orders.get(0).time(), DAY);
		if (firstOrderDay > firstSeenDay) { // the visit that brought them: browsing only
			sessions.add(browse(e, firstSeenDay * DAY + ShopCalendar.drawSecondOfDay(e, firstSeenDay), channel));
		}
		long lastActivity = firstSeenDay * DAY;
		for (Order order : orders) {
			int research = e.geometric(0.55);
			for (int i = 0; i < research; i++) {
				long start = order.time() - (1 + e.nextInt(20)) * DAY + e.nextInt((int) DAY);
				if (start > firstSeenDay * DAY) {
					sessions.add(browse(e, start, order.channel()));
				}
			}
			sessions.add(purchase(e, order));
			lastActivity = Math.max(lastActivity, order.time());
			if (order.status() == Status.PAID && e.chance(reviewRate)) {
				long at = order.payTime() + (3 + e.nextInt(13)) * DAY + e.nextInt((int) DAY);
				List<Event> s = new ArrayList<>(3);
				s.add(new Event(at, "visit", null, 0, order.channel(), null));
				s.add(new Event(at + 20 + e.nextInt(120), "review", order.product().id(), 0, order.channel(), null));
				if (e.chance(shareRate)) {
					s.add(new Event(at + 180 + e.nextInt(300), "share", order.product().id(), 0, order.channel(), null));
				}
				sessions.add(s);
			}
		}
		// later browsing: more of it for those who never bought, now and then for the lapsed
		int later = archetype == Archetype.POTENTIAL ? 1 + e.geometric(0.45) : e.geometric(0.6);
		long from = orders.isEmpty() ? firstSeenDay * DAY : lastActivity;
		for (int i = 0; i < later; i++) {
			long start = from + Math.round(e.exponential(35) * DAY) + e.nextInt((int) DAY);
			sessions.add(browse(e, start, channel));
		}
		sessions.removeIf(s -> s.get(0).time() >= endSec);
		sessions.sort(Comparator.comparingLong(s -> s.get(0).time()));
		List<Event> all = new ArrayList<>();
		for (int si = 0; si < sessions.size(); si++) {
			for (Event ev : sessions.get(si)) {
				if (ev.time() < endSec) {
					all.add(new Event(ev.time(), ev.type(), ev.itemId(), si + 1, ev.channel(), ev.query()));
				}
			}
		}
		all.sort(Comparator.comparingLong(Event::time)); // stable: a session's order is kept
		return all;
	}

	private List<Event> purchase(Rng e, Order order) {
		// built backwards from the order, each step a few seconds to minutes before the next
		List<Event> before = new ArrayList<>(8);
		String item = order.product().id();
		String ch = order.channel();
		long t = order.time();
		if (order.status() != Status.CANCELLED && e.chance(0.75)) {
			t -= 5 + e.nextInt(120);
			before.add(new Event(t, "cart", item, 0, ch, null));
		}
		if (e.chance(0.2)) {
			t -= 5 + e.nextInt(90);
			before.add(new Event(t, "favorite", item, 0, ch, null));
		}
		t -= 20 + e.nextInt(240);
		before.add(new Event(t, "view", item, 0, ch, null));
		Product[] sameCategory = ShopModel.PRODUCTS[ShopModel.CATEGORIES.indexOf(order.product().category())];
		int otherViews = e.geometric(0.55);
		for (int i = 0; i < otherViews; i++) {
			t -= 15 + e.nextInt(200);
			before.add(new Event(t, "view", sameCategory[e.nextInt(sameCategory.length)].id(), 0, ch, null));
		}
		if (e.chance(0.6)) {
			t -= 5 + e.nextInt(40);
			before.add(new Event(t, "search", null, 0, ch, order.product().query()));
		}
		t -= 2 + e.nextInt(30);
		before.add(new Event(t, "visit", null, 0, ch, null));
		List<Event> session = new ArrayList<>(before.size() + 2);
		// a session that would begin before the customer was first seen (an order just after
		// midnight of that day) is squeezed into the time between
		long floor = firstSeenDay * DAY;
		long span = order.time() - t;
		long room = order.time() - floor;
		for (int i = before.size() - 1; i >= 0; i--) {
			Event ev = before.get(i);
			if (t < floor && span > 0) {
				ev = new Event(order.time() - (order.time() - ev.time()) * room / span, ev.type(), ev.itemId(), 0, ev.channel(),
						ev.query());
			}
			session.add(ev);
		}
		session.add(new Event(order.time(), "order", item, 0, ch, null));
		if (order.payTime() >= 0) {
			session.add(new Event(order.payTime(), "pay", item, 0, ch, null));
		}
		return session;
	}

	private List<Event> browse(Rng e, long start, String ch) {
		List<Event> s = new ArrayList<>(6);
		long t = start;
		s.add(new Event(t, "visit", null, 0, ch, null));
		Product[] products = ShopModel.PRODUCTS[e.chance(0.7) ? favouriteCategory : e.pick(ShopModel.CATEGORY_WEIGHTS)];
		boolean searched = e.chance(0.55);
		if (searched) {
			t += 5 + e.nextInt(40);
			String query = e.chance(0.3) ? ShopModel.BROWSE_QUERIES[e.nextInt(ShopModel.BROWSE_QUERIES.length)]
					: products[e.nextInt(products.length)].query();
			s.add(new Event(t, "search", null, 0, ch, query));
		}
		if (searched || e.chance(0.6)) {
			int views = 1 + e.geometric(0.5);
			String last = null;
			for (int i = 0; i < views; i++) {
				t += 15 + e.nextInt(180);
				last = products[e.nextInt(products.length)].id();
				s.add(new Event(t, "view", last, 0, ch, null));
			}
			if (e.chance(0.12)) {
				t += 5 + e.nextInt(60);
				s.add(new Event(t, "favorite", last, 0, ch, null));
			}
			if (e.chance(0.15)) {
				t += 5 + e.nextInt(60);
				s.add(new Event(t, "cart", last, 0, ch, null));
			}
		}
		return s;
	}
}
