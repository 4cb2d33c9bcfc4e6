package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;

/**
 * Every canonical check, with its boundary: each bad row is rejected with its line, field and
 * reason, each good one is stored with the hand-computed value.
 */
class ValidationTest extends WorkspaceFixture {

	@BeforeEach
	void zone() throws Exception {
		ws.setZone(ZoneId.of("Asia/Shanghai"));
	}

	/**
	 * Rejects as "line|field|reason" in line order, for compact expectations (the file has them
	 * in the order they were found: rows failing a check against held data come after others).
	 */
	private static List<String> reasons(ImportResult r) throws Exception {
		List<String[]> rows = new ArrayList<>();
		for (String line : Stores.rejects(r)) {
			rows.add(parseCsv(line));
		}
		rows.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p[0])));
		return rows.stream().map(p -> p[0] + "|" + p[1] + "|" + p[2]).toList();
	}

	/** A small RFC 4180 reader for one record (the rejects file quotes fields holding commas). */
	static String[] parseCsv(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder f = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					f.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					f.append(c);
				}
			} else if (c == '"') {
				quoted = true;
			} else if (c == ',') {
				fields.add(f.toString());
				f.setLength(0);
			} else {
				f.append(c);
			}
		}
		fields.add(f.toString());
		return fields.toArray(String[]::new);
	}

	@Test
	void everyOrderCheckRejectsWithLineFieldAndReason() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.ORDERS,
				"order_id,customer_id,order_time,amount,status,quantity,unit_price,usage_days",
				/* 2 */ "o1,c1,2026-01-05 10:00:00,12.50,paid,,,",
				/* 3 */ ",c1,2026-01-05,1,paid,,,",
				/* 4 */ "o3,,2026-01-05,1,paid,,,",
				/* 5 */ "o4,c1,,1,paid,,,",
				/* 6 */ "o5,c1,2026-01-05,1,,,,",
				/* 7 */ "o6,c1,2026-01-05,,paid,,,",
				/* 8 */ "o7,c1,2026-01-05,12.3x,paid,,,",
				/* 9 */ "o8,c1,2026-01-05,1.005,paid,,,",
				/* 10 */ "o9,c1,2026-01-05,-1.00,paid,,,",
				/* 11 */ "o10,c1,2026-01-05,1,shipped,,,",
				/* 12 */ "o11,c1,2026-13-01,1,paid,,,",
				/* 13 */ "o12,c1,2026/01/05,1,paid,,,",
				/* 14 */ "o13,c1,2026-02-30,1,paid,,,",
				/* 15 */ "o14,c1,1899-12-31,1,paid,,,",
				/* 16 */ "o15,c1,2026-01-05,1,paid,2.5,,",
				/* 17 */ "o16,c1,2026-01-05,1,paid,0,,",
				/* 18 */ "o17,c1,2026-01-05,1,paid,1,,-1",
				/* 19 */ "o18,c1,2026-01-05,1,paid,1,1.23456,",
				/* 20 */ "!o19 could not be mapped",
				/* 21 */ "o20,c1,2026-01-05 25:00,1,paid,,,",
				/* 22 */ "o21,c1,2026-01-05 10:00+25:00,1,paid,,,",
				/* 23 */ "o22,c1,2026-01-05,1,unpaid,-2,,");
		assertEquals(List.of("3|order_id|missing order_id", "4|customer_id|missing customer_id",
				"5|order_time|missing order_time", "6|status|missing status",
				"7|amount|missing amount (and no quantity and unit_price to compute it)",
				"8|amount|amount '12.3x' is not a decimal number", "9|amount|amount '1.005' has more than 2 decimal places",
				"10|amount|amount -1.00 is negative for a paid order (only refunded or cancelled orders may be negative)",
				"11|status|status 'shipped' is not one of paid, unpaid, refunded, cancelled",
				"12|order_time|order_time '2026-13-01' is not a valid date or time",
				"13|order_time|order_time '2026/01/05' is not an ISO date or date-time (yyyy-MM-dd HH:mm:ss)",
				"14|order_time|order_time '2026-02-30' is not a valid date or time",
				"15|order_time|order_time '1899-12-31' is outside the years 1900–2199",
				"16|quantity|quantity '2.5' is not a whole number", "17|quantity|quantity 0 of a paid order must be at least 1",
				"18|usage_days|usage_days -1 is negative",
				"19|unit_price|unit_price '1.23456' has more than 4 decimal places",
				"20||connector could not map the row",
				"21|order_time|order_time '2026-01-05 25:00' is not a valid date or time",
				"22|order_time|order_time '2026-01-05 10:00+25:00' is not an ISO date or date-time (yyyy-MM-dd HH:mm:ss)",
				"23|quantity|quantity -2 of a unpaid order must be at least 1"), reasons(r));
		assertEquals(22, r.read());
		assertEquals(1, r.imported());
		assertEquals(21, r.rejected());
		assertEquals(0, r.unchanged());
		// the raw row is kept as the source gave it
		String[] first = parseCsv(Stores.rejects(r).get(0));
		assertEquals(",c1,2026-01-05,1,paid,,,", first[3]);
		assertEquals(1250, ws.dataset().orderAmount()[0]);
	}

	@Test
	void acceptedOrderValuesAreReadExactly() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.ORDERS,
				"order_id,customer_id,order_time,amount,status,quantity,unit_price,usage_days,channel",
				"p1,c1,2026-01-05 10:00:00,8,PAID,3.0,,30,tmall", "p2, c2 ,2026-01-05T02:00:00Z,,paid,3,1.255,,",
				"p3,c2,2026-01-05T10:00:00+09:00,-5.00,refunded,-1,,,",
				"p4,c2,2026-01-05 23:59:59.999,0,Canceled,,,,",
				"p5,c3,2026-01-05 10:00:00+0530,$7,unpaid,,,,",
				"p6,c3,2199-12-31,0.1,paid,,,,");
		assertEquals(6, r.read());
		assertEquals(0, r.rejected());
		assertEquals(6, r.imported());
		{
			List<String> rows = new ArrayList<>();
			for (String id : List.of("p1", "p2", "p3", "p4", "p5", "p6")) {
				Map<String, String> o = ws.order(id).orElseThrow();
				rows.add(id + "|" + o.get("customer_id") + "|" + o.get("order_time") + "|" + o.get("amount") + "|"
						+ o.get("status") + "|" + o.get("quantity"));
			}
			assertEquals(List.of("p1|c1|2026-01-05T10:00|8.00|paid|3",
					// 3 × 1.255 = 3.765 → 3.77 (half up); 02:00Z = 10:00 in Shanghai
					"p2|c2|2026-01-05T10:00|3.77|paid|3",
					// 10:00+09:00 = 09:00 in Shanghai
					"p3|c2|2026-01-05T09:00|-5.00|refunded|-1",
					"p4|c2|2026-01-05T23:59:59.999|0.00|cancelled|null",
					// 10:00+05:30 = 12:30 in Shanghai
					"p5|c3|2026-01-05T12:30|7.00|unpaid|null", "p6|c3|2199-12-31T00:00|0.10|paid|null"), rows);
		}
	}

	@Test
	void moneyFormsAndWholeNumberIds() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id|customer_id|order_time|amount|status",
				"5001.0|12923.0|2026-01-05|¥1,234.50|paid", "5002|12923|2026-01-05|￥ 8|paid",
				"5003|12923|2026-01-05|€0.5|paid", "5004|12923|2026-01-05|+3|paid", "5005|12923|2026-01-05|1e3|paid",
				"5006|12923|2026-01-05|1.50.0|paid", "5007|12923.5|2026-01-05|1|paid",
				"5008|12923|2026-01-05|12,34|paid");
		assertEquals(List.of("6|amount|amount '1e3' is not a decimal number",
				"7|amount|amount '1.50.0' is not a decimal number", "9|amount|amount '12,34' is not a decimal number"),
				reasons(r));
		CustomerDataset d = ws.dataset();
		assertEquals(2, d.customerCount(), "12923.0 and 12923 are one customer; 12923.5 is another");
		int c = d.indexOf("12923");
		long[] amounts = java.util.Arrays.copyOfRange(d.orderAmount(), d.orderOffsets()[c], d.orderOffsets()[c + 1]);
		java.util.Arrays.sort(amounts);
		assertEquals("[50, 300, 800, 123450]", java.util.Arrays.toString(amounts));
		assertTrue(d.indexOf("12923.5") >= 0);
	}

	@Test
	void amountsAreComputedFromQuantityAndUnitPriceWhenAbsent() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,status,quantity,unit_price",
				"o1,c1,2026-01-05,paid,6,2.10", "o2,c1,2026-01-06,cancelled,-12,0.85", "o3,c1,2026-01-07,paid,2,");
		assertEquals(List.of("4|amount|missing amount (and no quantity and unit_price to compute it)"), reasons(r));
		assertEquals("12.60", ws.order("o1").orElseThrow().get("amount"));
		assertEquals("2.1000", ws.order("o1").orElseThrow().get("unit_price"));
		assertEquals("-10.20", ws.order("o2").orElseThrow().get("amount"));
	}

	@Test
	void customersKeepExtraColumnsAsAttributesAndCheckDates() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.CUSTOMERS,
				"customer_id,name,gender,birthday,province,first_seen,vip_flag,member_level",
				"c1,王芳,F,1990-05-01,浙江,2024-03-01 10:00:00,yes,gold", "c2,,M,1990-02-30,,,,",
				"c3,Li,,,,,no,", "c4,,,,,2024-13-01,,");
		assertEquals(List.of("3|birthday|birthday '1990-02-30' is not a valid date",
				"5|first_seen|first_seen '2024-13-01' is not a valid date"), reasons(r));
		CustomerDataset d = ws.dataset();
		assertEquals(2, d.customerCount());
		int c1 = d.indexOf("c1");
		assertEquals("王芳", d.attribute("name").value(c1));
		assertEquals("1990-05-01", d.attribute("birthday").value(c1));
		assertEquals("2024-03-01", d.attribute("first_seen").value(c1));
		assertEquals("gold", d.attribute("member_level").value(c1));
		assertEquals("yes", d.attribute("vip_flag").value(c1));
		assertEquals("no", d.attribute("vip_flag").value(d.indexOf("c3")));
		assertEquals(null, d.attribute("gender").value(d.indexOf("c3")));
	}

	@Test
	void eventsAreCheckedAndTypesNormalised() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.EVENTS, "customer_id,event_time,event_type,item_id,session_id,channel",
				"c1,2026-01-05 10:00:00,Visit,,s1,app", "c1,2026-01-05 10:01:00,VIEW,i9,s1,app",
				"c1,2026-01-05 10:02:00,coupon_claim,,s1,app", "c1,2026-01-05 10:03:00,,,s1,app",
				"c2,yesterday,visit,,,web", ",2026-01-05,visit,,,");
		assertEquals(List.of("5|event_type|missing event_type",
				"6|event_time|event_time 'yesterday' is not an ISO date or date-time (yyyy-MM-dd HH:mm:ss)",
				"7|customer_id|missing customer_id"), reasons(r));
		CustomerDataset d = ws.dataset();
		assertEquals(3, d.eventCount());
		int c1 = d.indexOf("c1");
		int e0 = d.eventOffsets()[c1];
		assertEquals("visit", d.eventTypeNames().get(d.eventType()[e0]));
		assertEquals("view", d.eventTypeNames().get(d.eventType()[e0 + 1]));
		assertEquals("coupon_claim", d.eventTypeNames().get(d.eventType()[e0 + 2]));
		assertEquals(d.eventSession()[e0], d.eventSession()[e0 + 2]);
		assertTrue(d.eventSession()[e0] >= 0);
		assertEquals("app", d.eventChannel().value(e0));
	}

	@Test
	void campaignsAndMembers() throws Exception {
		ImportResult campaigns = Stores.load(ws, FactKind.CAMPAIGNS, "campaign_id,name,start,end,cost,margin",
				"k1,Spring SMS,2026-03-01,2026-03-31,1200.00,35%", "k2,Coupon,2026-04-01,2026-04-01,0,",
				"k3,Bad dates,2026-05-02,2026-05-01,10,", "k4,Bad margin,2026-05-01,2026-05-02,10,1.5",
				"k5,Bad cost,2026-05-01,2026-05-02,-1,", "k6,,2026-05-01,2026-05-02,1,");
		assertEquals(List.of("4|end|end 2026-05-01 is before start 2026-05-02",
				"5|margin|margin '1.5' is not between 0 and 1 (0% and 100%)", "6|cost|cost -1.00 is negative",
				"7|name|missing name"), reasons(campaigns));
		ImportResult members = Stores.load(ws, FactKind.CAMPAIGN_MEMBERS, "campaign_id,customer_id,group",
				"k1,c1,treatment", "k1,c2,对照组", "k2,c1,Control", "k9,c1,treatment", "k1,c3,holdout", "k1,c1,treatment",
				"k1,c1,control");
		assertEquals(List.of("5|campaign_id|unknown campaign_id k9 (import the campaigns first)",
				"6|group|group 'holdout' is not treatment or control",
				"8|campaign_id|member [k1, c1] appears again with other values (first on line 2)"), reasons(members));
		assertEquals(7, members.read());
		assertEquals(3, members.imported());
		assertEquals(1, members.unchanged());
		try (Connection c = ws.connection(); Statement s = c.createStatement()) {
			ResultSet rs = s.executeQuery("SELECT campaign_id, margin, cost FROM campaigns ORDER BY campaign_id");
			rs.next();
			assertEquals(new BigDecimal("0.350000"), rs.getBigDecimal(2));
			assertEquals(new BigDecimal("1200.00"), rs.getBigDecimal(3));
			rs.next();
			assertEquals(new BigDecimal("1.000000"), rs.getBigDecimal(2), "margin defaults to 1");
			rs = s.executeQuery("SELECT member_group FROM campaign_members WHERE campaign_id = 'k1' ORDER BY customer_id");
			rs.next();
			assertEquals("treatment", rs.getString(1));
			rs.next();
			assertEquals("control", rs.getString(1));
		}
	}

	@Test
	void timesWithoutOffsetAreTakenAsLocalTimesOfTheWorkspaceZone() throws Exception {
		Stores.load(ws, FactKind.EVENTS, "customer_id,event_time,event_type", "c1,2026-03-29 02:30:00,visit",
				"c1,2026-03-29T02:30:00+01:00,view", "c1,2026-06-30T23:30:00-04:00,cart");
		CustomerDataset d = ws.dataset();
		long[] t = d.eventTime();
		assertEquals(CustomerDataset.localSeconds(LocalDateTime.of(2026, 3, 29, 2, 30)), t[0]);
		assertEquals(CustomerDataset.localSeconds(LocalDateTime.of(2026, 3, 29, 9, 30)), t[1]);
		// 23:30 at -04:00 is 03:30Z, 11:30 in Shanghai the next day
		assertEquals(CustomerDataset.localSeconds(LocalDateTime.of(2026, 7, 1, 11, 30)), t[2]);
	}

	@Test
	void theZoneIsFixedOnceOrdersOrEventsAreHeld() throws Exception {
		ws.setZone(ZoneId.of("Europe/Berlin"));
		Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "o1,c1,2026-01-05,1,paid");
		io.custops.store.WorkspaceException e = org.junit.jupiter.api.Assertions.assertThrows(
				io.custops.store.WorkspaceException.class, () -> ws.setZone(ZoneId.of("UTC")));
		assertTrue(e.getMessage().contains("Europe/Berlin"), e.getMessage());
		ws.setZone(ZoneId.of("Europe/Berlin")); // the same zone is fine
	}
}
