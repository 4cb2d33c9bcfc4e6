package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.PathResult.Flow;
import io.custops.engine.PathResult.Path;

class PathsTest {

	private PathAnalysis paths;

	@BeforeEach
	void setUp() {
		paths = Engine.service(PathAnalysis.class);
	}

	/**
	 * Six units: s1 (p1) search view view cart view; s2 (p1, next day) visit view pay; s3 (p2)
	 * search view view cart cart view; p2's event without a session: share; s4 and s5 (p3)
	 * interleaved in time: view search view and visit view.
	 */
	static CustomerDataset data() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				.event("p1", at("2026-05-10T10:00"), "search", "s1", null)
				.event("p1", at("2026-05-10T10:01"), "view", "s1", null)
				.event("p1", at("2026-05-10T10:02"), "view", "s1", null)
				.event("p1", at("2026-05-10T10:03"), "cart", "s1", null)
				.event("p1", at("2026-05-10T10:04"), "view", "s1", null)
				.event("p1", at("2026-05-11T09:00"), "visit", "s2", null)
				.event("p1", at("2026-05-11T09:01"), "view", "s2", null)
				.event("p1", at("2026-05-11T09:02"), "pay", "s2", null)
				.event("p2", at("2026-05-10T11:00"), "search", "s3", null)
				.event("p2", at("2026-05-10T11:01"), "view", "s3", null)
				.event("p2", at("2026-05-10T11:02"), "view", "s3", null)
				.event("p2", at("2026-05-10T11:03"), "cart", "s3", null)
				.event("p2", at("2026-05-10T11:04"), "cart", "s3", null)
				.event("p2", at("2026-05-10T11:05"), "view", "s3", null)
				.event("p2", at("2026-05-10T12:00"), "share", null, null)
				.event("p3", at("2026-05-10T10:00"), "view", "s4", null)
				.event("p3", at("2026-05-10T10:01"), "visit", "s5", null)
				.event("p3", at("2026-05-10T10:02"), "search", "s4", null)
				.event("p3", at("2026-05-10T10:03"), "view", "s5", null)
				.event("p3", at("2026-05-10T10:04"), "view", "s4", null)
				.build();
	}

	private PathResult run(String... keyValues) {
		Map<String, String> params = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			params.put(keyValues[i], keyValues[i + 1]);
		}
		return paths.run(data(), params, null);
	}

	/** Path text → count, in rank order. */
	private static Map<String, Long> counts(PathResult result) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Path path : result.paths()) {
			counts.put(path.text(), path.count());
		}
		return counts;
	}

	@Test
	void perSessionWithRepeatsCollapsedRankedByCountThenText() {
		PathResult result = run();
		assertEquals("session", result.unit());
		assertEquals(6, result.units());
		assertEquals(5, result.distinctPaths());
		assertEquals(List.of("search > view > cart > view", "share", "view > search > view", "visit > view",
				"visit > view > pay"), List.copyOf(counts(result).keySet()));
		assertEquals(2L, counts(result).get("search > view > cart > view"));
		assertEquals(new BigDecimal("33.33"), result.paths().get(0).pctOfUnits());
		assertEquals(new BigDecimal("16.67"), result.paths().get(1).pctOfUnits());
		assertEquals(List.of("search", "view", "cart", "view"), result.paths().get(0).steps());
		assertEquals(3, run("top", "3").paths().size());
		assertEquals(result.paths().subList(0, 3), run("top", "3").paths());
	}

	@Test
	void flowsBetweenPositionsForASankey() {
		List<Flow> flows = run().flows();
		assertEquals(List.of(new Flow(1, "search", "view", 2), new Flow(1, "visit", "view", 2),
				new Flow(1, "share", "(end)", 1), new Flow(1, "view", "search", 1),
				new Flow(2, "view", "cart", 2), new Flow(2, "search", "view", 1), new Flow(2, "view", "(end)", 1),
				new Flow(2, "view", "pay", 1),
				new Flow(3, "cart", "view", 2), new Flow(3, "pay", "(end)", 1), new Flow(3, "view", "(end)", 1),
				new Flow(4, "view", "(end)", 2)), flows);
	}

	@Test
	void exclusionsComeBeforeCollapsing() {
		assertEquals(Map.of("search > cart", 2L, "visit > pay", 1L, "share", 1L, "search", 1L, "visit", 1L),
				counts(run("exclude", "view")));
		// without the carts, s1's and s3's views run together
		assertEquals(2L, counts(run("exclude", "cart")).get("search > view"));
		assertEquals(Map.of("search > view", 2L, "visit > view > pay", 1L, "view > search > view", 1L,
				"visit > view", 1L), counts(run("exclude", "cart,share")));
	}

	@Test
	void startAndEndAnchors() {
		PathResult fromView = run("start", "view");
		assertEquals(5, fromView.units(), "the share-only unit has no view");
		assertEquals(Map.of("view > cart > view", 2L, "view > pay", 1L, "view > search > view", 1L, "view", 1L),
				counts(fromView));
		PathResult toCart = run("end", "cart");
		assertEquals(2, toCart.units());
		assertEquals(Map.of("search > view > cart", 2L), counts(toCart));
		assertEquals(Map.of("view > pay", 1L), counts(run("start", "view", "end", "pay")));
	}

	@Test
	void longPathsAreCutAndMarked() {
		assertEquals(Map.of("search > view > ...", 2L, "share", 1L, "view > search > ...", 1L, "visit > view", 1L,
				"visit > view > ...", 1L), counts(run("maxLength", "2")));
		// towards an end anchor the last steps are kept
		PathResult toCart = run("maxLength", "2", "end", "cart");
		assertEquals(Map.of("... > view > cart", 2L), counts(toCart));
		assertEquals(new Flow(1, "...", "view", 2), toCart.flows().get(0));
	}

	@Test
	void pathsTooLongToPackGiveTheSameResult() {
		PathResult packed = run();
		PathResult text = run("maxLength", "30");
		assertEquals(packed.paths(), text.paths());
		assertEquals(packed.flows(), text.flows());
	}

	@Test
	void pathsOfThoseWhoDidNotReachAType() {
		PathResult noCart = run("notReached", "cart");
		assertEquals(4, noCart.units());
		assertEquals(Map.of("share", 1L, "view > search > view", 1L, "visit > view", 1L, "visit > view > pay", 1L),
				counts(noCart));
		// after searching, only s4 never put anything in the cart
		assertEquals(Map.of("search > view", 1L), counts(run("start", "search", "notReached", "cart")));
	}

	@Test
	void perCustomerWhenAskedOrWithoutSessions() {
		PathResult byCustomer = run("by", "customer");
		assertEquals("customer", byCustomer.unit());
		assertEquals(Map.of("search > view > cart > view > visit > view > pay", 1L,
				"search > view > cart > view > share", 1L, "view > visit > search > view", 1L), counts(byCustomer));
		CustomerDataset noSessions = CustomerDataset.builder(ZoneOffset.UTC)
				.event("x", at("2026-05-10T10:00"), "view", null, null)
				.event("x", at("2026-05-10T10:01"), "cart", null, null).build();
		PathResult auto = paths.run(noSessions, Map.of(), null);
		assertEquals("customer", auto.unit());
		assertEquals(Map.of("view > cart", 1L), counts(auto));
	}

	@Test
	void onlySomeCustomersOrSomeDays() {
		PathResult p1 = paths.run(data(), Map.of(), new int[] { 0 }, null);
		assertEquals(Map.of("search > view > cart > view", 1L, "visit > view > pay", 1L), counts(p1));
		PathResult tenth = run("to", "2026-05-11");
		assertEquals(5, tenth.units());
		assertTrue(!counts(tenth).containsKey("visit > view > pay"));
		assertEquals(Map.of("visit > view > pay", 1L), counts(run("from", "2026-05-11")));
		assertThrows(AnalysisInputException.class, () -> paths.run(data(), Map.of(), new int[] { 3 }, null));
	}

	/**
	 * Events of one second come in the standard types' order (visit … share), then other types by
	 * name, whatever the order they were given in: a source has no input order to follow.
	 */
	@Test
	void eventsOfOneSecondInTheStandardOrder() {
		CustomerDataset given = CustomerDataset.builder(ZoneOffset.UTC)
				.event("x", at("2026-05-10T10:00"), "cart", "s", null)
				.event("x", at("2026-05-10T10:00"), "view", "s", null)
				.event("x", at("2026-05-10T10:01"), "zoom", "s", null)
				.event("x", at("2026-05-10T10:01"), "pay", "s", null)
				.event("x", at("2026-05-10T10:01"), "alert", "s", null)
				.event("y", at("2026-05-10T10:00"), "view", "t", null)
				.event("y", at("2026-05-10T10:00"), "cart", "t", null)
				.event("y", at("2026-05-10T10:01"), "alert", "t", null)
				.event("y", at("2026-05-10T10:01"), "zoom", "t", null)
				.event("y", at("2026-05-10T10:01"), "pay", "t", null).build();
		assertEquals(Map.of("view > cart > pay > alert > zoom", 2L), counts(paths.run(given, Map.of(), null)));
		assertEquals(Map.of("view > cart > pay > alert > zoom", 2L), counts(paths.run(given, Map.of("by", "customer"), null)));
	}

	@Test
	void jsonKeys() {
		Map<String, Object> json = run("top", "1").toJson();
		assertEquals(List.of("unit", "units", "distinct_paths", "paths", "flows", "params"), List.copyOf(json.keySet()));
		@SuppressWarnings("unchecked")
		Map<String, Object> first = ((List<Map<String, Object>>) json.get("paths")).get(0);
		assertEquals(List.of("path", "steps", "count", "pct_of_units"), List.copyOf(first.keySet()));
		assertEquals("search > view > cart > view", first.get("path"));
	}

	@Test
	void badInputIsNamed() {
		ParameterException start = assertThrows(ParameterException.class, () -> run("start", "basket"));
		assertEquals("start", start.key());
		assertTrue(start.getMessage().contains("'basket'"), start.getMessage());
		assertEquals("exclude", assertThrows(ParameterException.class, () -> run("exclude", "view,nope")).key());
		assertEquals("end", assertThrows(ParameterException.class, () -> run("end", "view", "exclude", "view")).key());
		assertEquals("notReached",
				assertThrows(ParameterException.class, () -> run("notReached", "pay", "exclude", "pay")).key());
		assertEquals("top", assertThrows(ParameterException.class, () -> run("top", "0")).key());
		assertEquals("by", assertThrows(ParameterException.class, () -> run("by", "week")).key());
		assertEquals("topp", assertThrows(ParameterException.class, () -> run("topp", "3")).key());
	}
}
