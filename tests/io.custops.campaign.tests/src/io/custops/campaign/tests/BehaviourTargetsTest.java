package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.campaign.Target;
import io.custops.campaign.Targets;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.FunnelAnalysis;
import io.custops.store.Workspace;

/**
 * The behaviour targets (unpaid, cart-abandoned, second-purchase) and target expressions, on a
 * shop made for them, as of 2026-05-10 (Asia/Shanghai): every expected member worked out by hand
 * in the comments.
 */
class BehaviourTargetsTest {

	private static final LocalDate D = LocalDate.of(2026, 5, 10);

	@TempDir
	static Path dir;
	static Workspace ws;
	static CustomerDataset data;
	static Analyses analyses;
	static FunnelAnalysis funnels;

	@BeforeAll
	static void open() throws Exception {
		ws = BehaviourShop.open(dir.resolve("ws"));
		data = ws.dataset();
		analyses = Shop.service(Analyses.class);
		funnels = Shop.service(FunnelAnalysis.class);
	}

	@AfterAll
	static void close() {
		ws.close();
	}

	private static Target resolve(String spec) {
		return resolve(spec, Map.of());
	}

	private static Target resolve(String spec, Map<String, String> params) {
		return Targets.resolve(spec, params, data, D, analyses, funnels, ProgressMonitor.NULL);
	}

	private static List<String> ids(Target t) {
		List<String> out = new ArrayList<>();
		for (int c : t.customers()) {
			out.add(data.customerId(c));
		}
		out.sort(null);
		return out;
	}

	private static List<String> members(Target t) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			out.add(data.customerId(t.customers()[i]) + "=" + t.segments()[i]);
		}
		out.sort(null);
		return out;
	}

	private static String error(String spec) {
		return assertThrows(AnalysisInputException.class, () -> resolve(spec)).getMessage();
	}

	@Test
	void unpaidOrdersNotPaidSince() {
		Target t = resolve("unpaid:48h");
		assertEquals(List.of("c1", "c5", "u1", "u3", "u5", "u6"), ids(t));
		assertEquals("unpaid", t.segments()[0]);
		assertEquals("unpaid:48h", t.spec());
		assertEquals(ids(t), ids(resolve("unpaid")), "48 hours by default");
		assertEquals(ids(t), ids(resolve("unpaid:2d")));
		// [05-09 00:00, 05-10): c1's and u1's unpaid orders are on 05-08
		assertEquals(List.of("c5", "u3", "u5", "u6"), ids(resolve("unpaid:24h")));
	}

	@Test
	void cartsWithoutAnOrderSince() {
		assertEquals(List.of("c1", "c6"), ids(resolve("cart-abandoned:24h")));
		assertEquals(List.of("c1", "c6"), ids(resolve("cart-abandoned")), "24 hours by default");
		assertEquals(List.of("c1", "c4", "c6"), ids(resolve("cart-abandoned:48h")));
		assertEquals("cart-abandoned", resolve("cart-abandoned").segments()[0]);
	}

	@Test
	void oneTimeBuyersSevenToThirtyDaysAgo() {
		assertEquals(List.of("s1", "s2", "s6", "s7"), ids(resolve("second-purchase")));
		assertEquals(List.of("s1", "s2", "s6", "s7"), ids(resolve("second-purchase:7-30d")));
		// u2 and u6 2 days, u3 3, c2 and c6 1, s4 6 days ago; u5's only paid order is after the date
		assertEquals(List.of("c2", "c6", "s1", "s2", "s4", "s6", "s7", "u2", "u3", "u6"),
				ids(resolve("second-purchase:0-30d")));
		assertEquals(List.of("s3"), ids(resolve("second-purchase:31-31d")));
	}

	@Test
	void combinedWithAndOrAndParentheses() {
		Target either = resolve("unpaid:48h | cart-abandoned:24h");
		assertEquals(List.of("c1=unpaid;cart-abandoned", "c5=unpaid", "c6=cart-abandoned", "u1=unpaid", "u3=unpaid",
				"u5=unpaid", "u6=unpaid"), members(either));
		assertEquals("unpaid:48h | cart-abandoned:24h", either.spec());
		assertEquals(List.of("c1=unpaid;cart-abandoned"), members(resolve("unpaid&cart-abandoned")));
		assertEquals(List.of("c1=unpaid;cart-abandoned;vip", "u1=unpaid;vip"),
				members(resolve("(unpaid | cart-abandoned) & tag:vip")));
		// & binds tighter than |
		assertEquals(List.of("c1", "s1", "u1"), ids(resolve("tag:vip | unpaid & cart-abandoned")));
		Target nested = resolve(" ( tag:vip | unpaid ) & ( cart-abandoned | second-purchase ) ");
		assertEquals(List.of("c1", "s1"), ids(nested));
		assertEquals("(tag:vip | unpaid) & (cart-abandoned | second-purchase)", nested.spec());
		assertEquals("(tag:vip | unpaid) & (cart-abandoned | second-purchase) as of 2026-05-10", nested.description());
		// a part may select nobody; the whole may not
		assertEquals(List.of("s1"), ids(resolve("second-purchase & (tag:vip | unpaid:1h)")));
		assertEquals("the target unpaid:1h & tag:vip as of 2026-05-10 selects no customer: a campaign needs members",
				error("unpaid:1h & tag:vip"));
	}

	@Test
	void mistakesNameTheirPosition() {
		assertEquals("target 'unpaid &': position 9: a target is missing: found nothing after '&'", error("unpaid &"));
		assertEquals("target '& unpaid': position 1: a target is missing: found '&' at the start", error("& unpaid"));
		assertEquals("target 'unpaid | | tag:vip': position 10: a target is missing: found '|' after '|'",
				error("unpaid | | tag:vip"));
		assertEquals("target 'unpaid & (tag:vip': position 10: the '(' is not closed", error("unpaid & (tag:vip"));
		assertEquals("target 'unpaid) | tag:vip': position 7: a ')' without its '('", error("unpaid) | tag:vip"));
		assertEquals("target 'unpaid (tag:vip)': position 8: '(' after a target; put & or | between targets",
				error("unpaid (tag:vip)"));
		assertEquals("target 'unpaid & tag:nope': position 10 (tag:nope): no customer carries the tag 'nope'"
				+ " (tags: vip)", error("unpaid & tag:nope"));
		assertEquals("target 'tag:vip | unpaid:x': position 11 (unpaid:x): 'x' is not a window of hours or days"
				+ " (48h, 2d)", error("tag:vip | unpaid:x"));
		assertEquals("target 'unpaid:0h': '0h' is not a window of hours or days (48h, 2d)", error("unpaid:0h"));
		assertEquals("target 'second-purchase:30-7d': '30-7d' is not a range of days such as 7-30d (from ≤ to)",
				error("second-purchase:30-7d"));
		assertEquals("target.levels", assertThrows(ParameterException.class,
				() -> resolve("tag:vip | unpaid", Map.of("levels", "x"))).key());
		assertEquals("target.unpaid.x", assertThrows(ParameterException.class,
				() -> resolve("tag:vip | unpaid", Map.of("unpaid.x", "1"))).key());
		assertEquals("target.unpaid", assertThrows(ParameterException.class,
				() -> resolve("unpaid", Map.of("unpaid", "1"))).key());
	}
}
