package io.custops.campaign.tests;

import java.nio.file.Path;
import java.time.ZoneId;

import io.custops.core.data.FactKind;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** The shop of the behaviour targets (BehaviourTargetsTest), as of 2026-05-10 in Asia/Shanghai. */
final class BehaviourShop {

	private BehaviourShop() {
	}

	static Workspace open(Path dir) throws Exception {
		Workspace ws = Shop.service(WorkspaceManager.class).open(dir);
		ws.setZone(ZoneId.of("Asia/Shanghai"));
		Shop.load(ws, FactKind.ORDERS, "order_id|customer_id|order_time|amount|status",
				// unpaid:48h looks at [05-08 00:00, 05-10 00:00)
				"u1a|u1|2026-05-08 10:00|10.00|unpaid", // in, nothing paid after: in
				"u2a|u2|2026-05-08 10:00|10.00|unpaid", "u2b|u2|2026-05-08 10:30|10.00|paid", // paid after: out
				"u3a|u3|2026-05-07 09:00|10.00|paid", "u3b|u3|2026-05-09 12:00|10.00|unpaid", // paid before only: in
				"u4a|u4|2026-05-07 23:59:59|10.00|unpaid", // a second too early: out
				"u5a|u5|2026-05-09 20:00|10.00|unpaid", "u5b|u5|2026-05-10 08:00|10.00|paid", // paid in the future: in
				"u6a|u6|2026-05-08 10:00|10.00|unpaid", "u6b|u6|2026-05-08 12:00|10.00|paid",
				"u6c|u6|2026-05-09 10:00|10.00|unpaid", // the later unpaid one has no payment after it: in
				"c1a|c1|2026-05-08 09:00|10.00|unpaid", // before its cart event
				"c2a|c2|2026-05-09 11:00|10.00|paid", "c5a|c5|2026-05-09 10:30|10.00|unpaid",
				"c6a|c6|2026-05-09 09:00|10.00|paid",
				// second-purchase counts days from the order's local date to 05-10
				"s1a|s1|2026-05-03 10:00|10.00|paid", // 7 days: in
				"s2a|s2|2026-04-10 10:00|10.00|paid", // 30 days: in
				"s3a|s3|2026-04-09 23:00|10.00|paid", // 31 days: out
				"s4a|s4|2026-05-04 10:00|10.00|paid", // 6 days: out
				"s5a|s5|2026-04-15 10:00|10.00|paid", "s5b|s5|2026-04-20 10:00|10.00|paid", // two: out
				"s6a|s6|2026-04-20 10:00|10.00|paid", "s6b|s6|2026-04-25 10:00|10.00|refunded", // one paid: in
				"s7a|s7|2026-04-20 10:00|10.00|paid", "s7b|s7|2026-05-10 08:00|10.00|paid"); // the second is future: in
		Shop.load(ws, FactKind.EVENTS, "customer_id|event_time|event_type",
				// cart-abandoned:24h looks at [05-09 00:00, 05-10 00:00)
				"c1|2026-05-09 10:00|cart", // no order after: in
				"c2|2026-05-09 10:00|cart", // a paid order at 11:00: out
				"c3|2026-05-09 10:00|cart", "c3|2026-05-09 10:05|order", // an order event: out
				"c4|2026-05-08 22:00|cart", // 26 hours before: out (in with 48h)
				"c5|2026-05-09 10:00|cart", // an unpaid order at 10:30 is an order: out
				"c6|2026-05-09 10:00|cart", // its order was before the cart: in
				"c7|2026-05-09 10:00|view");
		Shop.load(ws, FactKind.TAGS, "customer_id|tags", "c1|vip", "u1|vip", "s1|vip");
		return ws;
	}
}
