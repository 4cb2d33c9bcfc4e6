package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.FunnelResult.Group;
import io.custops.engine.FunnelResult.Step;

class FunnelTest {

	private FunnelAnalysis funnel;

	@BeforeEach
	void setUp() {
		funnel = Engine.service(FunnelAnalysis.class);
	}

	/** Customers u1 … u6 get the indexes 0 … 5. */
	static CustomerDataset data() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				// u1: view → cart (+300 s) → order (+1500 s)
				.event("u1", at("2026-05-10T10:00"), "view", null, "app")
				.event("u1", at("2026-05-10T10:05"), "cart", null, "app")
				.event("u1", at("2026-05-10T10:30"), "order", null, "app")
				// u2: a cart before the view does not count; view → cart +601 s
				.event("u2", at("2026-05-10T09:00"), "cart", null, "web")
				.event("u2", at("2026-05-10T09:10:00"), "view", null, "web")
				.event("u2", at("2026-05-10T09:20:01"), "cart", null, "web")
				// u3: cart and view in the same second, cart first in the input: the view is after it
				.event("u3", at("2026-05-10T12:00"), "cart", null, "app")
				.event("u3", at("2026-05-10T12:00"), "view", null, "app")
				// u4: the same second, view first: view → cart in 0 s
				.event("u4", at("2026-05-10T12:00"), "view", null, "web")
				.event("u4", at("2026-05-10T12:00"), "cart", null, "web")
				// u5: two views; the earliest (08:00, app) is matched: cart +3600 s
				.event("u5", at("2026-05-10T08:00"), "view", null, "app")
				.event("u5", at("2026-05-10T08:30"), "view", null, "web")
				.event("u5", at("2026-05-10T09:00"), "cart", null, "app")
				// u6: cart alone on the 10th; view → cart +60 s on the 12th, no channel
				.event("u6", at("2026-05-10T10:00"), "cart", null, "app")
				.event("u6", at("2026-05-12T10:00"), "view", null, null)
				.event("u6", at("2026-05-12T10:01"), "cart", null, null)
				.order("u1", at("2026-05-10T10:30"), 9_900, OrderStatus.PAID, 1, 0, null)
				.attribute("u1", "province", "zj").attribute("u2", "province", "zj")
				.attribute("u4", "province", "gd").attribute("u5", "province", "gd")
				.attribute("u6", "province", "zj")
				.build();
	}

	/** w1 and w2 (0, 1) for the windows. */
	static CustomerDataset windows() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				.event("w1", at("2026-05-10T10:00"), "view", null, null)
				.event("w1", at("2026-05-10T11:00:00"), "cart", null, null)
				.event("w1", at("2026-05-10T11:30"), "order", null, null)
				.event("w2", at("2026-05-10T10:00"), "view", null, null)
				.event("w2", at("2026-05-10T10:30"), "view", null, null)
				.event("w2", at("2026-05-10T11:00:01"), "cart", null, null)
				.build();
	}

	private FunnelResult run(CustomerDataset data, String... keyValues) {
		Map<String, String> params = new HashMap<>();
		params.put("steps", "view,cart,order");
		for (int i = 0; i < keyValues.length; i += 2) {
			params.put(keyValues[i], keyValues[i + 1]);
		}
		return funnel.run(data, params, null);
	}

	private static List<Long> customers(List<Step> steps) {
		return steps.stream().map(Step::customers).toList();
	}

	private static List<BigDecimal> medians(List<Step> steps) {
		return steps.stream().map(Step::medianSecondsFromPrevious).toList();
	}

	private static BigDecimal d(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	private static List<BigDecimal> ds(String... values) {
		return Arrays.stream(values).map(FunnelTest::d).toList();
	}

	@Test
	void stepsInOrderWithTiesInInputOrder() {
		FunnelResult result = run(data());
		List<Step> steps = result.steps();
		assertEquals(List.of(6L, 5L, 1L), customers(steps));
		assertEquals(ds("100.00", "83.33", "16.67"), steps.stream().map(Step::pctOfFirst).toList());
		assertEquals(ds("100.00", "83.33", "20.00"), steps.stream().map(Step::pctOfPrevious).toList());
		// cart deltas 0, 60, 300, 601, 3600; order 1500
		assertEquals(ds(null, "300", "1500"), medians(steps));
		assertEquals(List.of("view", "cart", "order"), steps.stream().map(Step::step).toList());
		assertEquals(1, result.depth(2), "u3's view came after its cart");
		assertEquals(2, result.depth(3), "u4's view came before its cart in the same second");
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		// before the 11th: cart deltas 0, 300, 601, 3600 → (300 + 601) / 2
		FunnelResult result = run(data(), "to", "2026-05-11");
		assertEquals(List.of(5L, 4L, 1L), customers(result.steps()));
		assertEquals(ds(null, "450.5", "1500"), medians(result.steps()));
		FunnelResult later = run(data(), "from", "2026-05-11");
		assertEquals(List.of(1L, 1L, 0L), customers(later.steps()));
		assertEquals(ds(null, "60", null), medians(later.steps()));
		assertEquals(ds("100.00", "100.00", "0.00"), later.steps().stream().map(Step::pctOfFirst).toList());
	}

	@Test
	void repeatedStepsNeedSeparateEvents() {
		FunnelResult result = funnel.run(data(), Map.of("steps", "view,view"), null);
		assertEquals(List.of(6L, 1L), customers(result.steps()));
		assertEquals(ds(null, "1800"), medians(result.steps()));
		assertArrayEquals(new int[] { 4 }, result.reached(2));
	}

	@Test
	void withoutWindowsTheEarliestOccurrenceIsMatched() {
		// w2's first view at 10:00 is matched, not the later one
		FunnelResult result = run(windows());
		assertEquals(List.of(2L, 2L, 1L), customers(result.steps()));
		assertEquals(ds(null, "3600.5", "1800"), medians(result.steps()));
	}

	@Test
	void funnelWindowIsInclusiveAndALaterStartCanStillConvert() {
		// w1: cart exactly 1 h after the view counts, the order 1.5 h after does not;
		// w2: from the 10:00 view the cart is 1 h 1 s late, from the 10:30 view it is in time
		FunnelResult result = run(windows(), "window", "1h");
		assertEquals(List.of(2L, 2L, 0L), customers(result.steps()));
		assertEquals(ds(null, "2700.5", null), medians(result.steps()));
		FunnelResult tighter = run(windows(), "window", "3599s");
		assertEquals(List.of(2L, 1L, 0L), customers(tighter.steps()));
		assertEquals(ds(null, "1801", null), medians(tighter.steps()));
	}

	@Test
	void stepWindowsWithAnOverrideForOneStep() {
		FunnelResult result = run(windows(), "stepWindow", "1h", "window.3", "30m");
		assertEquals(List.of(2L, 2L, 1L), customers(result.steps()));
		assertEquals(ds(null, "2700.5", "1800"), medians(result.steps()));
		FunnelResult tighter = run(windows(), "stepWindow", "1h", "window.3", "29m");
		assertEquals(List.of(2L, 2L, 0L), customers(tighter.steps()));
		FunnelResult onlyStep2 = run(windows(), "window.2", "3600s");
		assertEquals(List.of(2L, 2L, 1L), customers(onlyStep2.steps()));
	}

	@Test
	void dropOffsAsCustomerIndexes() {
		FunnelResult result = run(data(), "dropAt", "3");
		assertArrayEquals(new int[] { 2 }, result.dropped(2));
		assertArrayEquals(new int[] { 1, 3, 4, 5 }, result.dropped(3));
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, result.reached(1));
		assertArrayEquals(new int[] { 0 }, result.reached(3));
		assertThrows(AnalysisInputException.class, () -> result.dropped(1));
		assertThrows(AnalysisInputException.class, () -> result.dropped(4));
		@SuppressWarnings("unchecked")
		Map<String, Object> dropped = (Map<String, Object>) result.toJson().get("dropped");
		assertEquals(Map.of("step", 3, "after", "cart", "missing", "order", "customers", 4L), dropped);
	}

	@Test
	void jsonHasTheIssueKeys() {
		Map<String, Object> json = run(data()).toJson();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
		assertEquals(List.of("step", "customers", "pct_of_first", "pct_of_previous", "median_seconds_from_previous"),
				List.copyOf(steps.get(0).keySet()));
		assertEquals("cart", steps.get(1).get("step"));
		assertEquals(5L, steps.get(1).get("customers"));
		assertNull(steps.get(0).get("median_seconds_from_previous"));
		assertTrue(!json.containsKey("breakdown"));
	}

	private static Map<String, List<Long>> groups(FunnelResult result) {
		Map<String, List<Long>> groups = new java.util.LinkedHashMap<>();
		for (Group group : result.groups()) {
			groups.put(group.group(), customers(group.steps()));
		}
		return groups;
	}

	@Test
	void breakdownByTheChannelOfTheFirstStep() {
		FunnelResult result = run(data(), "breakdown", "channel");
		assertEquals("channel", result.breakdownBy());
		assertEquals(List.of("app", "web", "(none)"), List.copyOf(groups(result).keySet()));
		assertEquals(List.of(3L, 2L, 1L), groups(result).get("app"), "u5's first view was in the app");
		assertEquals(List.of(2L, 2L, 0L), groups(result).get("web"));
		assertEquals(List.of(1L, 1L, 0L), groups(result).get("(none)"));
		Group app = result.groups().get(0);
		assertEquals(ds(null, "1950", "1500"), medians(app.steps()));
		assertEquals(ds("100.00", "66.67", "33.33"), app.steps().stream().map(Step::pctOfFirst).toList());
		assertEquals(ds(null, "300.5", null), medians(result.groups().get(1).steps()));
	}

	@Test
	void breakdownByACustomerAttribute() {
		FunnelResult result = run(data(), "breakdown", "province");
		assertEquals("attribute:province", result.breakdownBy());
		// zj and gd: sizes 3 and 2; customers without a province last
		assertEquals(List.of("zj", "gd", "(none)"), List.copyOf(groups(result).keySet()));
		assertEquals(List.of(3L, 3L, 1L), groups(result).get("zj"));
		assertEquals(List.of(2L, 2L, 0L), groups(result).get("gd"));
		assertEquals(List.of(1L, 0L, 0L), groups(result).get("(none)"));
		assertEquals(ds(null, "1800", null), medians(result.groups().get(1).steps()));
		assertEquals(groups(result), groups(run(data(), "breakdown", "attribute:province")));
	}

	@Test
	void breakdownByAnyStrategyInItsLabelOrder() {
		FunnelResult result = run(data(), "breakdown", "fixture-strategy");
		assertEquals("fixture-strategy", result.breakdownBy());
		assertEquals(List.of("other", "buyer"), List.copyOf(groups(result).keySet()));
		assertEquals(List.of(5L, 4L, 0L), groups(result).get("other"));
		assertEquals(List.of(1L, 1L, 1L), groups(result).get("buyer"));
		assertEquals(groups(result), groups(run(data(), "breakdown", "strategy:fixture-strategy")));
		// a model, and a multi-label strategy where a customer is in every group of theirs
		assertEquals(groups(result), groups(run(data(), "breakdown", "model:fixture-model")));
		FunnelResult tags = run(data(), "breakdown", "fixture-tags");
		assertEquals(List.of("ordered", "active"), List.copyOf(groups(tags).keySet()));
		assertEquals(List.of(1L, 1L, 1L), groups(tags).get("ordered"));
		assertEquals(List.of(6L, 5L, 1L), groups(tags).get("active"));
	}

	@Test
	void unknownStepOrBreakdownIsNamed() {
		ParameterException step = assertThrows(ParameterException.class,
				() -> funnel.run(data(), Map.of("steps", "view,basket"), null));
		assertEquals("steps", step.key());
		assertTrue(step.getMessage().contains("'basket'") && step.getMessage().contains("cart"), step.getMessage());
		ParameterException attribute = assertThrows(ParameterException.class,
				() -> run(data(), "breakdown", "attribute:nope"));
		assertEquals("breakdown", attribute.key());
		assertTrue(attribute.getMessage().contains("'nope'") && attribute.getMessage().contains("province"),
				attribute.getMessage());
		ParameterException alias = assertThrows(ParameterException.class, () -> run(data(), "breakdown", "tier"));
		assertTrue(alias.getMessage().contains("'tier'") && alias.getMessage().contains("'tiers'"), alias.getMessage());
		ParameterException missing = assertThrows(ParameterException.class, () -> funnel.run(data(), Map.of(), null));
		assertEquals("steps", missing.key());
		assertEquals("window.4", assertThrows(ParameterException.class, () -> run(data(), "window.4", "1h")).key());
		assertEquals("window.x", assertThrows(ParameterException.class, () -> run(data(), "window.x", "1h")).key());
		assertEquals("window", assertThrows(ParameterException.class, () -> run(data(), "window", "-1h")).key());
		assertEquals("window", assertThrows(ParameterException.class, () -> run(data(), "window", "soon")).key());
		assertEquals("dropAt", assertThrows(ParameterException.class, () -> run(data(), "dropAt", "4")).key());
		assertEquals("dropAt", assertThrows(ParameterException.class, () -> run(data(), "dropAt", "1")).key());
		assertThrows(AnalysisInputException.class, () -> run(data(), "from", "2026-05-11", "to", "2026-05-11"));
	}
}
