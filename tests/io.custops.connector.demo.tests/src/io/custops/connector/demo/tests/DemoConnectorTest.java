package io.custops.connector.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.custops.connector.demo.tests.Connectors.Collected;
import io.custops.connector.demo.tests.Connectors.Collected.Row;
import io.custops.core.data.EventTypes;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;

/**
 * The demo shop: the same seed gives the same rows, the kinds agree with each other, and the
 * shop has what the analyses need to show (every lifecycle stage and tier, festival peaks,
 * funnels with drop-off, campaigns whose treated customers buy more than their control group).
 */
class DemoConnectorTest {

	private static final String END = "2026-11-23";
	private static final LocalDate END_DATE = LocalDate.parse(END);
	private static final Map<String, String> SHOP = Map.of("customers", "4000", "end", END);

	private static DataConnector demo;
	private static Collected customers;
	private static Collected orders;
	private static Collected events;
	private static Collected campaigns;
	private static Collected members;
	private static Collected tags;

	@BeforeAll
	static void generate() throws Exception {
		demo = Connectors.find("demo", "io.custops.connector.demo");
		customers = Connectors.read(demo, FactKind.CUSTOMERS, null, SHOP);
		orders = Connectors.read(demo, FactKind.ORDERS, null, SHOP);
		events = Connectors.read(demo, FactKind.EVENTS, null, SHOP);
		campaigns = Connectors.read(demo, FactKind.CAMPAIGNS, null, SHOP);
		members = Connectors.read(demo, FactKind.CAMPAIGN_MEMBERS, null, SHOP);
		tags = Connectors.read(demo, FactKind.TAGS, null, SHOP);
	}

	@Test
	void describesItself() {
		assertEquals(EnumSet.allOf(FactKind.class), demo.supportedKinds());
		assertFalse(demo.needsFile());
		assertEquals("42", demo.parameters().stream().filter(p -> p.key().equals("seed")).findFirst().orElseThrow()
				.defaultValue());
		assertEquals("10000", demo.parameters().stream().filter(p -> p.key().equals("customers")).findFirst()
				.orElseThrow().defaultValue());
	}

	@Test
	void everyRowHasTheRequiredFieldsAndNothingIsRejected() {
		for (Collected c : List.of(customers, orders, events, campaigns, members, tags)) {
			assertTrue(c.rejects.isEmpty());
		}
		check(customers, FactKind.CUSTOMERS);
		check(orders, FactKind.ORDERS);
		check(events, FactKind.EVENTS);
		check(campaigns, FactKind.CAMPAIGNS);
		check(members, FactKind.CAMPAIGN_MEMBERS);
		check(tags, FactKind.TAGS);
		for (Row o : orders.rows) {
			assertTrue(Set.of("paid", "unpaid", "cancelled", "refunded").contains(o.get("status")), o.raw());
			BigDecimal amount = new BigDecimal(o.get("amount"));
			assertEquals(2, amount.scale(), o.raw());
			assertTrue(amount.signum() > 0, o.raw());
			assertTrue(LocalDateTime.parse(o.get("order_time")).toLocalDate().isBefore(END_DATE), o.raw());
		}
		for (Row e : events.rows) {
			assertTrue(EventTypes.STANDARD.contains(e.get("event_type")), e.raw());
			assertTrue(LocalDateTime.parse(e.get("event_time")).toLocalDate().isBefore(END_DATE), e.raw());
		}
	}

	private static void check(Collected c, FactKind kind) {
		assertFalse(c.rows.isEmpty(), kind.id());
		long line = 0;
		for (Row r : c.rows) {
			assertEquals(++line, r.line(), "rows are numbered from 1");
			for (String field : kind.requiredFields()) {
				assertTrue(r.fields().containsKey(field), kind.id() + " row without " + field + ": " + r.raw());
			}
		}
	}

	@Test
	void sameSeedSameRowsOtherSeedOtherRows() throws Exception {
		Map<String, String> small = Map.of("customers", "300", "end", END, "seed", "7");
		for (FactKind kind : FactKind.values()) {
			Collected a = Connectors.read(demo, kind, null, small);
			Collected b = Connectors.read(demo, kind, null, small);
			assertEquals(a.rows, b.rows, kind.id());
		}
		Collected seven = Connectors.read(demo, FactKind.ORDERS, null, small);
		Collected eight = Connectors.read(demo, FactKind.ORDERS, null, Map.of("customers", "300", "end", END, "seed", "8"));
		assertNotEquals(seven.rows, eight.rows);
		// a smaller shop of the same seed is the beginning of the bigger one
		Collected first300 = Connectors.read(demo, FactKind.CUSTOMERS, null, Map.of("customers", "300", "end", END));
		assertEquals(customers.rows.subList(0, 300).stream().map(Row::fields).toList(),
				first300.rows.stream().map(Row::fields).toList());
	}

	@Test
	void sizes() throws Exception {
		assertEquals(4000, customers.rows.size());
		assertEquals(4000, new HashSet<>(customers.rows.stream().map(r -> r.get("customer_id")).toList()).size());
		assertEquals(1, Connectors.read(demo, FactKind.CUSTOMERS, null, Map.of("customers", "1", "end", END)).rows.size());
		// orders and events grow with the shop: a few orders and a dozen events per customer
		assertTrue(orders.rows.size() > 4000 && orders.rows.size() < 4000 * 3, "orders: " + orders.rows.size());
		assertTrue(events.rows.size() > 4000 * 5 && events.rows.size() < 4000 * 40, "events: " + events.rows.size());
		assertEquals(orders.rows.size(), new HashSet<>(orders.rows.stream().map(r -> r.get("order_id")).toList()).size());
	}

	@Test
	void theKindsAgree() {
		Map<String, LocalDate> firstSeen = new HashMap<>();
		customers.rows.forEach(r -> firstSeen.put(r.get("customer_id"), LocalDate.parse(r.get("first_seen"))));
		Set<String> orderEvents = new HashSet<>();
		Set<String> payEvents = new HashSet<>();
		for (Row e : events.rows) {
			assertTrue(firstSeen.containsKey(e.get("customer_id")), e.raw());
			assertFalse(LocalDateTime.parse(e.get("event_time")).toLocalDate().isBefore(firstSeen.get(e.get("customer_id"))),
					"no event before the customer was first seen: " + e.raw());
			if (e.get("event_type").equals("order")) {
				orderEvents.add(e.get("customer_id") + "|" + e.get("event_time") + "|" + e.get("item_id"));
			} else if (e.get("event_type").equals("pay")) {
				payEvents.add(e.get("customer_id") + "|" + e.get("event_time"));
			}
		}
		for (Row o : orders.rows) {
			String customer = o.get("customer_id");
			assertTrue(firstSeen.containsKey(customer), o.raw());
			assertFalse(LocalDateTime.parse(o.get("order_time")).toLocalDate().isBefore(firstSeen.get(customer)), o.raw());
			assertTrue(orderEvents.contains(customer + "|" + o.get("order_time") + "|" + o.get("product_id")),
					"an order event for " + o.raw());
			boolean paid = o.get("status").equals("paid") || o.get("status").equals("refunded");
			assertEquals(paid, o.fields().containsKey("pay_time"), o.raw());
			if (paid) {
				assertTrue(payEvents.contains(customer + "|" + o.get("pay_time")), "a pay event for " + o.raw());
				assertTrue(o.get("pay_time").compareTo(o.get("order_time")) > 0, o.raw());
			}
		}
		assertEquals(orders.rows.size(), orderEvents.size(), "one order event per order, no more");
		Set<String> campaignIds = new HashSet<>();
		campaigns.rows.forEach(r -> campaignIds.add(r.get("campaign_id")));
		for (Row m : members.rows) {
			assertTrue(campaignIds.contains(m.get("campaign_id")), m.raw());
			assertTrue(firstSeen.containsKey(m.get("customer_id")), m.raw());
			assertTrue(Set.of("treatment", "control").contains(m.get("group")), m.raw());
		}
		// manual tags: refunds leave a complaint; some customers are in VIP care
		Set<String> refunded = new HashSet<>();
		orders.rows.stream().filter(o -> o.get("status").equals("refunded")).forEach(o -> refunded.add(o.get("customer_id")));
		Set<String> complained = new HashSet<>();
		int vipCare = 0;
		for (Row t : tags.rows) {
			assertTrue(firstSeen.containsKey(t.get("customer_id")), t.raw());
			List<String> list = List.of(t.get("tags").split(";"));
			assertTrue(Set.of("vip-care", "complaint").containsAll(list), t.raw());
			if (list.contains("complaint")) {
				complained.add(t.get("customer_id"));
			}
			vipCare += list.contains("vip-care") ? 1 : 0;
		}
		assertEquals(refunded, complained);
		assertTrue(vipCare > 0, "some customers are in VIP care");
		// customers who ever paid carry a membership level
		Set<String> buyers = new HashSet<>();
		orders.rows.stream().filter(o -> o.get("status").equals("paid")).forEach(o -> buyers.add(o.get("customer_id")));
		customers.rows.stream().filter(c -> buyers.contains(c.get("customer_id")))
				.forEach(c -> assertTrue(c.fields().containsKey("member_level"), c.raw()));
	}

	@Test
	void everyLifecycleStageAndTierInRealisticProportions() {
		long asOf = END_DATE.toEpochDay();
		Map<String, Integer> paidOrders = new HashMap<>();
		Map<String, Long> lastPaid = new HashMap<>();
		Map<String, BigDecimal> spend365 = new HashMap<>();
		Map<String, Integer> reviewsAndShares = new HashMap<>();
		for (Row o : orders.rows) {
			if (!o.get("status").equals("paid")) {
				continue;
			}
			String c = o.get("customer_id");
			long day = LocalDateTime.parse(o.get("order_time")).toLocalDate().toEpochDay();
			paidOrders.merge(c, 1, Integer::sum);
			lastPaid.merge(c, day, Math::max);
			if (day >= asOf - 365) {
				spend365.merge(c, new BigDecimal(o.get("amount")), BigDecimal::add);
			}
		}
		for (Row e : events.rows) {
			if (e.get("event_type").equals("review") || e.get("event_type").equals("share")) {
				reviewsAndShares.merge(e.get("customer_id"), 1, Integer::sum);
			}
		}
		// the simple rules of the lifecycle: potential (never paid), dormant (no purchase in 90 days),
		// new (one order), fan (5+ orders and reviews or shares), returning (the others)
		Map<String, Integer> stages = new TreeMap<>();
		Map<String, Integer> tiers = new TreeMap<>();
		for (Row r : customers.rows) {
			String c = r.get("customer_id");
			int n = paidOrders.getOrDefault(c, 0);
			String stage = n == 0 ? "potential"
					: lastPaid.get(c) < asOf - 90 ? "dormant"
							: n == 1 ? "new" : n >= 5 && reviewsAndShares.getOrDefault(c, 0) >= 2 ? "fan" : "returning";
			stages.merge(stage, 1, Integer::sum);
			BigDecimal spend = spend365.getOrDefault(c, BigDecimal.ZERO);
			String tier = spend.compareTo(BigDecimal.valueOf(1000)) >= 0 ? "supreme"
					: spend.compareTo(BigDecimal.valueOf(300)) >= 0 ? "vip"
							: spend.compareTo(BigDecimal.valueOf(100)) >= 0 ? "senior" : "regular";
			tiers.merge(tier, 1, Integer::sum);
		}
		System.out.println("demo shop of 4000: stages " + stages + ", tiers " + tiers);
		assertShare(stages, "potential", 0.12, 0.30);
		assertShare(stages, "new", 0.05, 0.20);
		assertShare(stages, "returning", 0.05, 0.20);
		assertShare(stages, "fan", 0.003, 0.05);
		assertShare(stages, "dormant", 0.35, 0.70);
		assertShare(tiers, "regular", 0.45, 0.75);
		assertShare(tiers, "senior", 0.10, 0.35);
		assertShare(tiers, "vip", 0.05, 0.25);
		assertShare(tiers, "supreme", 0.005, 0.08);
		// a pyramid: each tier smaller than the one below it
		assertTrue(tiers.get("regular") > tiers.get("senior") && tiers.get("senior") > tiers.get("vip")
				&& tiers.get("vip") > tiers.get("supreme"), tiers.toString());
	}

	private static void assertShare(Map<String, Integer> counts, String key, double min, double max) {
		double share = counts.getOrDefault(key, 0) / 4000.0;
		assertTrue(share >= min && share <= max, key + " is " + share + " of the customers, expected " + min + "–" + max);
	}

	@Test
	void festivalsArePeaks() {
		Map<LocalDate, Integer> perDay = new TreeMap<>();
		for (Row o : orders.rows) {
			perDay.merge(LocalDateTime.parse(o.get("order_time")).toLocalDate(), 1, Integer::sum);
		}
		double average = orders.rows.size() / 730.0;
		assertTrue(perDay.get(LocalDate.of(2025, 11, 11)) > 8 * average, "11.11: " + perDay.get(LocalDate.of(2025, 11, 11)));
		assertTrue(perDay.get(LocalDate.of(2026, 6, 18)) > 3 * average, "6.18: " + perDay.get(LocalDate.of(2026, 6, 18)));
		LocalDate busiest = perDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		assertEquals(11, busiest.getMonthValue());
		assertEquals(11, busiest.getDayOfMonth());
	}

	@Test
	void eventsFollowThePathWithDropOff() {
		// per session: which steps it reached
		Map<String, Set<String>> sessions = new HashMap<>();
		for (Row e : events.rows) {
			sessions.computeIfAbsent(e.get("session_id"), k -> new HashSet<>()).add(e.get("event_type"));
		}
		Map<String, Integer> reached = new HashMap<>();
		sessions.values().forEach(types -> types.forEach(t -> reached.merge(t, 1, Integer::sum)));
		System.out.println("demo shop of 4000: sessions reaching each step " + reached);
		assertEquals(sessions.size(), reached.get("visit"), "every session starts with a visit");
		assertTrue(reached.get("visit") > reached.get("view"));
		assertTrue(reached.get("view") > reached.get("cart"));
		assertTrue(reached.get("cart") > reached.get("order") * 0.5);
		assertTrue(reached.get("order") > reached.get("pay"));
		assertTrue(reached.get("pay") > reached.get("review"));
		assertTrue(reached.get("review") > reached.get("share"));
		assertTrue(reached.get("share") > 0 && reached.get("search") > 0 && reached.get("favorite") > 0);
		// within a session, time never goes backwards and the visit comes first
		Map<String, String> lastTime = new HashMap<>();
		Map<String, String> firstType = new HashMap<>();
		for (Row e : events.rows) {
			String s = e.get("session_id");
			firstType.putIfAbsent(s, e.get("event_type"));
			String before = lastTime.put(s, e.get("event_time"));
			assertTrue(before == null || before.compareTo(e.get("event_time")) <= 0, e.raw());
		}
		assertTrue(firstType.values().stream().allMatch("visit"::equals));
	}

	@Test
	void campaignsHaveControlGroupsAndTreatedCustomersBuyMore() {
		assertTrue(campaigns.rows.size() >= 8, "two years of campaigns: " + campaigns.rows.size());
		Map<String, Row> byId = new HashMap<>();
		for (Row c : campaigns.rows) {
			byId.put(c.get("campaign_id"), c);
			assertTrue(new BigDecimal(c.get("cost")).signum() > 0, c.raw());
			BigDecimal margin = new BigDecimal(c.get("margin"));
			assertTrue(margin.compareTo(BigDecimal.ZERO) > 0 && margin.compareTo(BigDecimal.ONE) <= 0, c.raw());
			assertTrue(LocalDate.parse(c.get("start")).isBefore(LocalDate.parse(c.get("end"))), c.raw());
			assertTrue(LocalDate.parse(c.get("end")).isBefore(END_DATE), c.raw());
		}
		long control = members.rows.stream().filter(m -> m.get("group").equals("control")).count();
		double controlShare = (double) control / members.rows.size();
		assertTrue(controlShare > 0.17 && controlShare < 0.23, "control share " + controlShare);

		// paid orders inside each campaign's window, per member, treatment against control
		Map<String, List<LocalDate>> paidDays = new HashMap<>();
		for (Row o : orders.rows) {
			if (o.get("status").equals("paid")) {
				paidDays.computeIfAbsent(o.get("customer_id"), k -> new java.util.ArrayList<>())
						.add(LocalDateTime.parse(o.get("order_time")).toLocalDate());
			}
		}
		double[] ordersByGroup = new double[2];
		double[] membersByGroup = new double[2];
		for (Row m : members.rows) {
			Row c = byId.get(m.get("campaign_id"));
			LocalDate start = LocalDate.parse(c.get("start"));
			LocalDate end = LocalDate.parse(c.get("end"));
			int g = m.get("group").equals("treatment") ? 0 : 1;
			membersByGroup[g]++;
			ordersByGroup[g] += paidDays.getOrDefault(m.get("customer_id"), List.of()).stream()
					.filter(d -> !d.isBefore(start) && !d.isAfter(end)).count();
		}
		double treated = ordersByGroup[0] / membersByGroup[0];
		double held = ordersByGroup[1] / membersByGroup[1];
		System.out.printf("demo shop of 4000: orders per member in the window: treatment %.4f, control %.4f%n", treated, held);
		assertTrue(treated > held * 1.2, "treatment " + treated + " against control " + held);
		assertTrue(treated < held * 4 + 0.2, "somewhat more, not a miracle: " + treated + " against " + held);
	}

	@Test
	void endDefaultsToToday() throws Exception {
		Collected todays = Connectors.read(demo, FactKind.ORDERS, null, Map.of("customers", "200"));
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		LocalDate latest = todays.rows.stream().map(r -> LocalDateTime.parse(r.get("order_time")).toLocalDate())
				.max(LocalDate::compareTo).orElseThrow();
		LocalDate earliest = todays.rows.stream().map(r -> LocalDateTime.parse(r.get("order_time")).toLocalDate())
				.min(LocalDate::compareTo).orElseThrow();
		assertTrue(latest.isBefore(today) && latest.isAfter(today.minusDays(30)), "latest order " + latest);
		assertFalse(earliest.isBefore(today.minusYears(2)), "earliest order " + earliest);
		assertTrue(earliest.isBefore(today.minusYears(2).plusDays(60)), "earliest order " + earliest);
	}
}
