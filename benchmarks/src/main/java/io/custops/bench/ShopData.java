package io.custops.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.EventTypes;
import io.custops.core.data.OrderStatus;

/**
 * A synthetic shop in primitive columns, fast to make (the demo connector's shop has ~1.4
 * orders per customer and goes through text rows; the benchmarks need 10 per customer and
 * tens of millions of rows in seconds). Seeded: one random stream per customer, so the same
 * sizes and seed give the same rows.
 *
 * <p>Shapes: three years of history ending at {@link #END}; customers arrive more and more
 * often (growth); 30 % buy once, the others a heavy-tailed number of times spread over an
 * exponential lifetime, so recent, lapsed and lost customers all appear; 4 % never pay (only
 * unpaid or cancelled orders); amounts log-normal around 150.00 (0.50 … 5,000.00); 8 % of
 * orders fall on 6.18 or 11.11; evening-heavy hours; statuses 85 % paid, 6 % unpaid,
 * 5 % refunded, 4 % cancelled; six channels. Events come in sessions that follow
 * visit → search → view → cart → order → pay → review with drop-off at each step, plus
 * favourites and shares; sessions of a customer never overlap, so a customer's events are in
 * time order and grouped by session.
 *
 * <p>Rows are made customer by customer, each customer's rows in time order: that is the
 * order of the engine's dataset, and the order the SQL tables are loaded in ({@code seq}).
 */
public final class ShopData {

	/** The day after the history: the as-of date of every benchmark. */
	public static final LocalDate END = LocalDate.of(2026, 1, 1);
	public static final int END_DAY = (int) END.toEpochDay();
	public static final int START_DAY = (int) END.minusYears(3).toEpochDay();

	public static final String[] CHANNELS = { "tmall", "taobao", "douyin", "jd", "wechat", "offline" };
	private static final double[] CHANNEL_WEIGHTS = cumulative(0.38, 0.17, 0.20, 0.12, 0.09, 0.04);
	private static final int[] USAGE_DAYS = { 30, 45, 60, 60, 90, 120, 180, 365 };
	/** Event type codes are indexes into {@link EventTypes#STANDARD}. */
	static final byte VISIT = 0, SEARCH = 1, VIEW = 2, FAVORITE = 3, CART = 4, ORDER = 5, PAY = 6, REVIEW = 7,
			SHARE = 8;

	public final int customers;
	// orders, grouped by customer, in time order
	public int orderCount;
	public int[] orderCustomer;
	public long[] orderTime; // local seconds
	public int[] orderDay;
	public long[] orderAmount; // cents
	public byte[] orderStatus; // OrderStatus.code()
	public int[] orderQuantity;
	public int[] orderUsageDays;
	public byte[] orderChannel;
	// events, grouped by customer, in time order, grouped by session
	public int eventCount;
	public int[] eventCustomer;
	public long[] eventTime;
	public byte[] eventType;
	public int[] eventSession; // per customer: 0, 1, 2 …
	public int maxSessions;

	private ShopData(int customers) {
		this.customers = customers;
	}

	/**
	 * @param orders target number of orders (the count made is close to it: printed by {@link #describe()})
	 * @param events target number of events; 0 for none
	 */
	public static ShopData generate(int customers, long orders, long events, long seed) {
		ShopData d = new ShopData(customers);
		double ordersPerCustomer = (double) orders / customers;
		double eventsPerCustomer = (double) events / customers;
		int capacity = (int) Math.min(Integer.MAX_VALUE - 16, orders + orders / 20 + 1024);
		d.orderCustomer = new int[capacity];
		d.orderTime = new long[capacity];
		d.orderDay = new int[capacity];
		d.orderAmount = new long[capacity];
		d.orderStatus = new byte[capacity];
		d.orderQuantity = new int[capacity];
		d.orderUsageDays = new int[capacity];
		d.orderChannel = new byte[capacity];
		int eventCapacity = events == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE - 16, events + events / 20 + 1024);
		d.eventCustomer = new int[eventCapacity];
		d.eventTime = new long[eventCapacity];
		d.eventType = new byte[eventCapacity];
		d.eventSession = new int[eventCapacity];
		// one-time buyers and the mean of the others, so that the mean is ordersPerCustomer
		double once = Math.min(0.30, Math.max(0, ordersPerCustomer - 1));
		// (+0.5: the floor of the exponential draw below loses half an order on average)
		double repeatMean = once >= 1 ? 1 : (ordersPerCustomer - once) / (1 - once) - 2 + 0.5;
		int[] days = new int[16];
		for (int c = 0; c < customers; c++) {
			SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c * 0xBF58476D1CE4E5B9L);
			// arrival: more customers recently (growth); lifetime exponential, mean 400 days
			int first = START_DAY + (int) ((END_DAY - START_DAY) * Math.sqrt(r.nextDouble()));
			int last = (int) Math.min(END_DAY - 1L, first + (long) exponential(r, 400));
			int k = r.nextDouble() < once ? 1 : 2 + (int) Math.min(400, exponential(r, Math.max(0.01, repeatMean)));
			boolean neverPays = r.nextDouble() < 0.04;
			byte channel = (byte) pick(r, CHANNEL_WEIGHTS);
			if (days.length < k) {
				days = new int[Math.max(k, days.length * 2)];
			}
			days[0] = first;
			for (int i = 1; i < k; i++) {
				int day = first + r.nextInt(last - first + 1);
				if (r.nextDouble() < 0.08) {
					// the 6.18 and 11.11 peaks
					LocalDate date = LocalDate.ofEpochDay(day);
					LocalDate peak = r.nextBoolean() ? LocalDate.of(date.getYear(), 11, 11) : LocalDate.of(date.getYear(), 6, 18);
					long p = peak.toEpochDay();
					if (p >= first && p <= last) {
						day = (int) p;
					}
				}
				days[i] = day;
			}
			Arrays.sort(days, 0, k);
			d.ensureOrders(k);
			long previous = Long.MIN_VALUE;
			for (int i = 0; i < k; i++) {
				int o = d.orderCount++;
				long time = days[i] * 86_400L + secondOfDay(r);
				time = Math.max(time, previous); // same-day orders stay in time order
				previous = time;
				d.orderCustomer[o] = c;
				d.orderTime[o] = time;
				d.orderDay[o] = (int) Math.floorDiv(time, 86_400L);
				d.orderAmount[o] = Math.max(50, Math.min(500_000, Math.round(Math.exp(Math.log(15_000) + 0.8 * r.nextGaussian()))));
				double s = r.nextDouble();
				OrderStatus status = neverPays ? (s < 0.7 ? OrderStatus.UNPAID : OrderStatus.CANCELLED)
						: s < 0.85 ? OrderStatus.PAID : s < 0.91 ? OrderStatus.UNPAID : s < 0.96 ? OrderStatus.REFUNDED
								: OrderStatus.CANCELLED;
				d.orderStatus[o] = status.code();
				double q = r.nextDouble();
				d.orderQuantity[o] = q < 0.75 ? 1 : q < 0.93 ? 2 : 3;
				d.orderUsageDays[o] = USAGE_DAYS[r.nextInt(USAGE_DAYS.length)];
				d.orderChannel[o] = r.nextDouble() < 0.8 ? channel : (byte) pick(r, CHANNEL_WEIGHTS);
			}
			if (eventsPerCustomer > 0) {
				d.sessions(r, c, first, last, eventsPerCustomer);
			}
		}
		return d;
	}

	/** Sessions from a month before the first order to the last active day, one after another. */
	private void sessions(SplittableRandom r, int c, int first, int last, double eventsPerCustomer) {
		// a session has ~4.77 events on average (below); 1 + floor(exponential) sessions, ~0.5 + mean
		int sessions = 1 + (int) Math.min(2_000, exponential(r, Math.max(0.01, eventsPerCustomer / 4.77 - 0.5)));
		int from = Math.max(START_DAY, first - 30);
		long[] starts = new long[sessions];
		for (int s = 0; s < sessions; s++) {
			starts[s] = (from + r.nextInt(last - from + 1)) * 86_400L + secondOfDay(r);
		}
		Arrays.sort(starts);
		long clock = Long.MIN_VALUE;
		for (int s = 0; s < sessions; s++) {
			clock = Math.max(clock + 60, starts[s]);
			ensureEvents(64);
			clock = event(r, c, s, clock, VISIT);
			if (r.nextDouble() < 0.6) {
				clock = event(r, c, s, clock, SEARCH);
			}
			if (r.nextDouble() < 0.9) {
				int views = 1 + r.nextInt(4);
				for (int v = 0; v < views; v++) {
					clock = event(r, c, s, clock, VIEW);
					if (r.nextDouble() < 0.08) {
						clock = event(r, c, s, clock, FAVORITE);
					}
				}
				if (r.nextDouble() < 0.35) {
					clock = event(r, c, s, clock, CART);
					if (r.nextDouble() < 0.15) {
						clock = event(r, c, s, clock, VIEW);
					}
					if (r.nextDouble() < 0.5) {
						clock = event(r, c, s, clock, ORDER);
						if (r.nextDouble() < 0.85) {
							clock = event(r, c, s, clock, PAY);
							if (r.nextDouble() < 0.3) {
								clock = event(r, c, s, clock, REVIEW);
							}
						}
					}
				}
			}
			if (r.nextDouble() < 0.05) {
				clock = event(r, c, s, clock, SHARE);
			}
		}
		maxSessions = Math.max(maxSessions, sessions);
	}

	private long event(SplittableRandom r, int c, int session, long clock, byte type) {
		int e = eventCount++;
		eventCustomer[e] = c;
		eventTime[e] = clock;
		eventType[e] = type;
		eventSession[e] = session;
		return clock + 5 + (long) exponential(r, 60);
	}

	private void ensureOrders(int more) {
		if (orderCount + more > orderTime.length) {
			int size = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(orderCount + more, orderTime.length * 5L / 4));
			orderCustomer = Arrays.copyOf(orderCustomer, size);
			orderTime = Arrays.copyOf(orderTime, size);
			orderDay = Arrays.copyOf(orderDay, size);
			orderAmount = Arrays.copyOf(orderAmount, size);
			orderStatus = Arrays.copyOf(orderStatus, size);
			orderQuantity = Arrays.copyOf(orderQuantity, size);
			orderUsageDays = Arrays.copyOf(orderUsageDays, size);
			orderChannel = Arrays.copyOf(orderChannel, size);
		}
	}

	private void ensureEvents(int more) {
		if (eventCount + more > eventTime.length) {
			int size = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(eventCount + more, eventTime.length * 5L / 4));
			eventCustomer = Arrays.copyOf(eventCustomer, size);
			eventTime = Arrays.copyOf(eventTime, size);
			eventType = Arrays.copyOf(eventType, size);
			eventSession = Arrays.copyOf(eventSession, size);
		}
	}

	/** The engine's in-memory dataset of the same rows, through the public builder (by customer index). */
	public CustomerDataset dataset() {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		int width = Math.max(7, Integer.toString(customers).length());
		for (int c = 0; c < customers; c++) {
			b.customer(customerId(c, width));
		}
		OrderStatus[] statuses = OrderStatus.values();
		for (int o = 0; o < orderCount; o++) {
			b.order(orderCustomer[o], orderTime[o], orderAmount[o], statuses[orderStatus[o]], orderQuantity[o],
					orderUsageDays[o], CHANNELS[orderChannel[o]]);
		}
		String[] types = EventTypes.STANDARD.toArray(String[]::new);
		String[] sessionNames = new String[maxSessions];
		for (int s = 0; s < maxSessions; s++) {
			sessionNames[s] = Integer.toString(s);
		}
		for (int e = 0; e < eventCount; e++) {
			b.event(eventCustomer[e], eventTime[e], types[eventType[e]], sessionNames[eventSession[e]], null);
		}
		return b.build();
	}

	public static String customerId(int c, int width) {
		String digits = Integer.toString(c + 1);
		return "C" + "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	public String describe() {
		return String.format("%,d customers, %,d orders, %,d events (synthetic, seed-stable; history %s … %s)",
				customers, orderCount, eventCount, LocalDate.ofEpochDay(START_DAY), END.minusDays(1));
	}

	/** Seconds into the day, heavier in the evening (peak around 21:00). */
	private static int secondOfDay(SplittableRandom r) {
		double u = r.nextDouble();
		double hour = u < 0.6 ? 18 + 5.99 * Math.sqrt(r.nextDouble()) : 24 * r.nextDouble();
		return Math.min(86_399, (int) (hour * 3600));
	}

	private static double exponential(SplittableRandom r, double mean) {
		return -mean * Math.log(1 - r.nextDouble());
	}

	private static int pick(SplittableRandom r, double[] cumulative) {
		double u = r.nextDouble();
		for (int i = 0; i < cumulative.length - 1; i++) {
			if (u < cumulative[i]) {
				return i;
			}
		}
		return cumulative.length - 1;
	}

	private static double[] cumulative(double... weights) {
		double[] c = new double[weights.length];
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		double run = 0;
		for (int i = 0; i < weights.length; i++) {
			run += weights[i];
			c[i] = run / sum;
		}
		return c;
	}
}
