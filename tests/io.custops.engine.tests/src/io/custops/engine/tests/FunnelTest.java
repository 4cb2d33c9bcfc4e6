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
				// u3: cart and view in the same second, cart first in the input: counted as view → cart
				.event("u3", at("2026-05-10T12:00"), "cart", null, "app")
				.event("u3", at("2026-05-10T12:00"), "view", null, "app")
				// u4: the same second, view first: view → cart in 0 s
				.event("u4", at("2026-05-10T12:00"), "view", null, "web")
				.event("u4", at("2026-05-10T12:00"), "cart", null, "web")
				// u5: two views; the latest that still converts (08:30, web) is matched: cart +1800 s
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
	void stepsInOrderWithSameSecondEventsInTheOrderThatConverts() {
		FunnelResult result = run(data());
		List<Step> steps = result.steps();
		assertEquals(List.of(6L, 6L, 1L), customers(steps));
		assertEquals(ds("100.00", "100.00", "16.67"), steps.stream().map(Step::pctOfFirst).toList());
		assertEquals(ds("100.00", "100.00", "16.67"), steps.stream().map(Step::pctOfPrevious).toList());
		// cart deltas 0, 0, 60, 300, 601, 1800 → (60 + 300) / 2; order 1500
		assertEquals(ds(null, "180", "1500"), medians(steps));
		// 2761 / 6 = 460.1666…
		assertEquals(ds(null, "460.17", "1500.00"), steps.stream().map(Step::meanSecondsFromPrevious).toList());
		assertEquals(List.of("view", "cart", "order"), steps.stream().map(Step::step).toList());
		assertEquals(2, result.depth(2), "u3's cart and view in one second count as view → cart, as PostHog counts");
		assertEquals(2, result.depth(3), "u4's view came before its cart in the same second");
		assertEquals("14d", result.window());
		assertEquals("ordered", result.order());
	}

	@Test
	void timeToConvertFromTheLatestPreviousOccurrenceThatStillConverts() {
		// the issue's example: views at 10:00 and 10:30, a cart at 10:35: converted in 5 minutes
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				.event("a", at("2026-05-10T10:00"), "view", null, null)
				.event("a", at("2026-05-10T10:30"), "view", null, null)
				.event("a", at("2026-05-10T10:35"), "cart", null, null)
				// two carts: the order is timed from the later one, the cart from the view
				.event("b", at("2026-05-10T10:00"), "view", null, null)
				.event("b", at("2026-05-10T10:05"), "cart", null, null)
				.event("b", at("2026-05-10T10:20"), "cart", null, null)
				.event("b", at("2026-05-10T10:30"), "order", null, null)
				.build();
		FunnelResult result = run(data);
		assertEquals(List.of(2L, 2L, 1L), customers(result.steps()));
		assertEquals(ds(null, "750", "600"), medians(result.steps()), "a: 300 s; b: 1200 s, then 600 s");
	}

	@Test
	void aLaterFirstStepRestartsAnAttemptThatDidNotConvertInTheWindow() {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				.event("r", at("2026-05-10T10:00"), "view", null, "app")
				.event("r", at("2026-05-10T10:10"), "cart", null, "app")
				.event("r", at("2026-05-10T12:00"), "view", null, "web")
				.event("r", at("2026-05-10T12:05"), "cart", null, "web")
				.event("r", at("2026-05-10T12:20"), "order", null, "web")
				.build();
		FunnelResult result = run(data, "window", "1h", "breakdown", "channel");
		assertEquals(List.of(1L, 1L, 1L), customers(result.steps()));
		assertEquals(ds(null, "300", "900"), medians(result.steps()));
		assertEquals("web", result.groups().get(0).group(), "the attempt that converted started on the web");
		// within the default 14 days too the latest view and cart time the order
		assertEquals(ds(null, "300", "900"), medians(run(data).steps()));
	}

	@Test
	void theDefaultWindowIsFourteenDaysAndShownInTheJson() {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				.event("late", at("2026-05-01T10:00"), "view", null, null)
				.event("late", at("2026-05-15T10:00:01"), "cart", null, null)
				.event("edge", at("2026-05-01T10:00"), "view", null, null)
				.event("edge", at("2026-05-15T10:00"), "cart", null, null)
				.event("other", at("2026-05-20T10:00"), "order", null, null) // the data has orders: a step of none is an error
				.build();
		FunnelResult result = run(data);
		assertEquals(List.of(2L, 1L, 0L), customers(result.steps()), "14 days exactly counts, a second more does not");
		assertEquals("14d", result.toJson().get("window"));
		assertEquals("14d", result.parameters().get("window"));
		assertEquals(List.of(2L, 2L, 0L), customers(run(data, "window", "15d").steps()));
		assertEquals("15d", run(data, "window", "15d").toJson().get("window"));
	}

	/**
	 * Issue 17: view, cart, pay, … are known to every dataset; a step of a type the events do not
	 * contain would count zeros that read like a result. An error names it and the types present.
	 */
	@Test
	void aStepOfATypeTheDataLacksIsAnErrorListingTheTypesPresent() {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				.event("a", at("2026-05-01T10:00"), "view", null, null)
				.event("a", at("2026-05-01T10:05"), "cart", null, null)
				.event("b", at("2026-05-02T10:00"), "view", null, null)
				.build();
		ParameterException e = assertThrows(ParameterException.class, () -> run(data, "steps", "view,cart,pay"));
		assertEquals("steps", e.key());
		assertTrue(e.getMessage().endsWith("the data has no 'pay' events; types present: view (2), cart (1)"), e.getMessage());
		ParameterException none = assertThrows(ParameterException.class,
				() -> run(CustomerDataset.builder(ZoneOffset.UTC).build(), "steps", "view,cart"));
		assertTrue(none.getMessage().contains("the data has no events at all"), none.getMessage());
		assertEquals(List.of(2L, 1L), customers(run(data, "steps", "view,cart").steps()));
	}

	@Test
	void strictOrderAllowsNoOtherEventInBetween() {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				// s0: a search between view and cart
				.event("s0", at("2026-05-10T10:00"), "view", null, null)
				.event("s0", at("2026-05-10T10:01"), "search", null, null)
				.event("s0", at("2026-05-10T10:02"), "cart", null, null)
				.event("s0", at("2026-05-10T10:03"), "order", null, null)
				// s1: view, view, cart, order: the second view is next to the cart
				.event("s1", at("2026-05-10T10:00"), "view", null, null)
				.event("s1", at("2026-05-10T10:10"), "view", null, null)
				.event("s1", at("2026-05-10T10:11"), "cart", null, null)
				.event("s1", at("2026-05-10T10:12"), "order", null, null)
				// s2: cart and view in one second, then the order: view → cart → order
				.event("s2", at("2026-05-10T10:00"), "cart", null, null)
				.event("s2", at("2026-05-10T10:00"), "view", null, null)
				.event("s2", at("2026-05-10T10:05"), "order", null, null)
				.build();
		FunnelResult ordered = run(data);
		assertEquals(List.of(3L, 3L, 3L), customers(ordered.steps()));
		FunnelResult strict = run(data, "order", "strict");
		assertEquals(List.of(3L, 2L, 2L), customers(strict.steps()));
		assertEquals(1, strict.depth(0));
		// s1: 60 s, 60 s; s2: 0 s, 300 s
		assertEquals(ds(null, "30", "180"), medians(strict.steps()));
		assertEquals("strict", strict.toJson().get("order"));
	}

	@Test
	void anyOrderCountsStepsDoneInAnyOrder() {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				.event("a0", at("2026-05-10T10:00"), "cart", null, null)
				.event("a0", at("2026-05-10T10:05"), "order", null, null)
				.event("a0", at("2026-05-10T10:15"), "view", null, null)
				.event("a1", at("2026-05-10T10:00"), "order", null, null)
				.event("a1", at("2026-05-10T10:00"), "order", null, null)
				.build();
		assertEquals(List.of(1L, 0L, 0L), customers(run(data).steps()));
		FunnelResult any = run(data, "order", "any");
		assertEquals(List.of(2L, 1L, 1L), customers(any.steps()), "a1's second order is not another step");
		assertEquals(ds(null, "300", "600"), medians(any.steps()));
		// a window of 10 minutes: a0 reaches two steps only
		assertEquals(List.of(2L, 1L, 0L), customers(run(data, "order", "any", "window", "10m").steps()));
	}

	@Test
	void exclusionStepsLeaveTheCustomerOut() {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC)
				// x0: a refund between view and cart
				.event("x0", at("2026-05-10T10:00"), "view", null, null)
				.event("x0", at("2026-05-10T10:01"), "refund", null, null)
				.event("x0", at("2026-05-10T10:02"), "cart", null, null)
				.event("x0", at("2026-05-10T10:03"), "order", null, null)
				// x1: stops at the cart; a refund within the window after the view
				.event("x1", at("2026-05-10T10:00"), "view", null, null)
				.event("x1", at("2026-05-10T10:02"), "cart", null, null)
				.event("x1", at("2026-05-12T10:00"), "refund", null, null)
				// x2: the refund after the last step does not matter
				.event("x2", at("2026-05-10T10:00"), "view", null, null)
				.event("x2", at("2026-05-10T10:02"), "cart", null, null)
				.event("x2", at("2026-05-10T10:03"), "order", null, null)
				.event("x2", at("2026-05-10T10:04"), "refund", null, null)
				.build();
		assertEquals(List.of(3L, 3L, 2L), customers(run(data).steps()));
		FunnelResult excluded = run(data, "exclude", "refund");
		assertEquals(List.of(1L, 1L, 1L), customers(excluded.steps()));
		assertEquals(3, excluded.depth(2), "x2 only");
		assertEquals(0, excluded.depth(0));
		assertEquals(0, excluded.depth(1));
		// between steps 2 and 3 only: x0's refund came before its cart
		assertEquals(List.of(2L, 2L, 2L), customers(run(data, "exclude", "refund@2-3").steps()));
		assertEquals("exclude", assertThrows(ParameterException.class, () -> run(data, "exclude", "cart")).key());
		assertEquals("exclude", assertThrows(ParameterException.class, () -> run(data, "exclude", "nope")).key());
		assertEquals("exclude", assertThrows(ParameterException.class, () -> run(data, "exclude", "refund@3-2")).key());
		assertEquals("exclude", assertThrows(ParameterException.class, () -> run(data, "exclude", "refund@2")).key());
	}

	@Test
	void timeToConvertHistogramFromFirstToLastStep() {
		FunnelResult result = run(windows());
		List<FunnelResult.Bin> bins = result.timeToConvertHistogram();
		assertEquals(11, bins.size());
		// w1 converted in 5400 s: [3600, 21600)
		assertEquals(1L, bins.get(4).customers());
		assertEquals(3600L, bins.get(4).fromSeconds());
		assertEquals(21_600L, bins.get(4).toSeconds());
		assertEquals(1L, bins.stream().mapToLong(FunnelResult.Bin::customers).sum());
		assertNull(bins.get(10).toSeconds());
		assertTrue(result.toJson().containsKey("time_to_convert_histogram"));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		// before the 11th: cart deltas 0, 0, 300, 601, 1800; two of w1 and w2: 3600 and 1801
		FunnelResult result = run(data(), "to", "2026-05-11");
		assertEquals(List.of(5L, 5L, 1L), customers(result.steps()));
		assertEquals(ds(null, "300", "1500"), medians(result.steps()));
		assertEquals(ds(null, "2700.5"), medians(run(windows(), "steps", "view,cart").steps()));
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
	void theLatestViewThatStillConvertsIsMatched() {
		// w2's later view at 10:30 is matched: cart after 1801 s
		FunnelResult result = run(windows());
		assertEquals(List.of(2L, 2L, 1L), customers(result.steps()));
		assertEquals(ds(null, "2700.5", "1800"), medians(result.steps()));
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
		assertArrayEquals(new int[0], result.dropped(2));
		assertArrayEquals(new int[] { 0 }, run(windows(), "window", "3599s").dropped(2));
		assertArrayEquals(new int[] { 1, 2, 3, 4, 5 }, result.dropped(3));
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, result.reached(1));
		assertArrayEquals(new int[] { 0 }, result.reached(3));
		assertThrows(AnalysisInputException.class, () -> result.dropped(1));
		assertThrows(AnalysisInputException.class, () -> result.dropped(4));
		@SuppressWarnings("unchecked")
		Map<String, Object> dropped = (Map<String, Object>) result.toJson().get("dropped");
		assertEquals(Map.of("step", 3, "after", "cart", "missing", "order", "customers", 5L), dropped);
	}

	@Test
	void jsonHasTheIssueKeys() {
		Map<String, Object> json = run(data()).toJson();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
		assertEquals(List.of("step", "customers", "pct_of_first", "pct_of_previous", "median_seconds_from_previous",
				"mean_seconds_from_previous"), List.copyOf(steps.get(0).keySet()));
		assertEquals("cart", steps.get(1).get("step"));
		assertEquals(6L, steps.get(1).get("customers"));
		assertEquals("14d", json.get("window"));
		assertEquals("ordered", json.get("order"));
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
		assertEquals(List.of("web", "app", "(none)"), List.copyOf(groups(result).keySet()));
		assertEquals(List.of(2L, 2L, 1L), groups(result).get("app"));
		assertEquals(List.of(3L, 3L, 0L), groups(result).get("web"), "u5's matched view was on the web");
		assertEquals(List.of(1L, 1L, 0L), groups(result).get("(none)"));
		Group app = result.groups().get(1);
		assertEquals(ds(null, "150", "1500"), medians(app.steps()));
		assertEquals(ds(null, "150.00", "1500.00"), app.steps().stream().map(Step::meanSecondsFromPrevious).toList());
		assertEquals(ds("100.00", "100.00", "50.00"), app.steps().stream().map(Step::pctOfFirst).toList());
		assertEquals(ds(null, "601", null), medians(result.groups().get(0).steps()));
	}

	@Test
	void breakdownByACustomerAttribute() {
		FunnelResult result = run(data(), "breakdown", "province");
		assertEquals("attribute:province", result.breakdownBy());
		// zj and gd: sizes 3 and 2; customers without a province last
		assertEquals(List.of("zj", "gd", "(none)"), List.copyOf(groups(result).keySet()));
		assertEquals(List.of(3L, 3L, 1L), groups(result).get("zj"));
		assertEquals(List.of(2L, 2L, 0L), groups(result).get("gd"));
		assertEquals(List.of(1L, 1L, 0L), groups(result).get("(none)"));
		assertEquals(ds(null, "900", null), medians(result.groups().get(1).steps()));
		assertEquals(groups(result), groups(run(data(), "breakdown", "attribute:province")));
	}

	@Test
	void breakdownByAnyStrategyInItsLabelOrder() {
		FunnelResult result = run(data(), "breakdown", "fixture-strategy");
		assertEquals("fixture-strategy", result.breakdownBy());
		assertEquals(List.of("other", "buyer"), List.copyOf(groups(result).keySet()));
		assertEquals(List.of(5L, 5L, 0L), groups(result).get("other"));
		assertEquals(List.of(1L, 1L, 1L), groups(result).get("buyer"));
		assertEquals(groups(result), groups(run(data(), "breakdown", "strategy:fixture-strategy")));
		// a model, and a multi-label strategy where a customer is in every group of theirs
		assertEquals(groups(result), groups(run(data(), "breakdown", "model:fixture-model")));
		FunnelResult tags = run(data(), "breakdown", "fixture-tags");
		assertEquals(List.of("ordered", "active"), List.copyOf(groups(tags).keySet()));
		assertEquals(List.of(1L, 1L, 1L), groups(tags).get("ordered"));
		assertEquals(List.of(6L, 6L, 1L), groups(tags).get("active"));
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
