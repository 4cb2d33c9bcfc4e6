package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiResult.Figures;
import io.custops.engine.RoiResult.Segment;

/**
 * A campaign over March 2026 (both ends inclusive), cost 40.00, margin 50 %; treatment c0 … c5,
 * control c6 … c8. In-window paid revenue: treatment 100.00 + 30.00 + 0.01 + 29.99 = 160.00
 * from 4 of 6; control 20.00 from 1 of 3.
 */
class CampaignRoiTest {

	private static final LocalDate START = LocalDate.of(2026, 3, 1);
	private static final LocalDate END = LocalDate.of(2026, 3, 31);
	private static final int[] TREATMENT = { 0, 1, 2, 3, 4, 5 };
	private static final int[] CONTROL = { 6, 7, 8 };

	private CampaignRoi roi;

	@BeforeEach
	void setUp() {
		roi = Engine.service(CampaignRoi.class);
	}

	static CustomerDataset data() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				.attribute("c0", "province", "zj").attribute("c1", "province", "zj").attribute("c2", "province", "gd")
				.attribute("c3", "province", "gd").attribute("c4", "province", "zj").attribute("c5", "province", "gd")
				.attribute("c6", "province", "zj").attribute("c7", "province", "gd").attribute("c8", "province", "zj")
				.attribute("c9", "province", "zj")
				// c0: the first day counts, the day before does not
				.order("c0", at("2026-02-28T23:59"), 5_000, OrderStatus.PAID, 1, 0, null)
				.order("c0", at("2026-03-01T00:00"), 10_000, OrderStatus.PAID, 1, 0, null)
				// c1: the last second of the last day counts, the next day does not
				.order("c1", at("2026-03-31T23:59:59"), 3_000, OrderStatus.PAID, 1, 0, null)
				.order("c1", at("2026-04-01T00:00"), 2_000, OrderStatus.PAID, 1, 0, null)
				// c2: unpaid and refunded orders are no revenue
				.order("c2", at("2026-03-10T10:00"), 50_000, OrderStatus.UNPAID, 1, 0, null)
				.order("c2", at("2026-03-11T10:00"), 7_000, OrderStatus.REFUNDED, 1, 0, null)
				// c3: silver (150.00) before the campaign, one cent in it
				.order("c3", at("2026-01-01T10:00"), 15_000, OrderStatus.PAID, 1, 0, null)
				.order("c3", at("2026-03-15T10:00"), 1, OrderStatus.PAID, 1, 0, null)
				// c4: nothing; c5: two orders
				.order("c5", at("2026-03-20T10:00"), 1_999, OrderStatus.PAID, 1, 0, null)
				.order("c5", at("2026-03-21T10:00"), 1_000, OrderStatus.PAID, 1, 0, null)
				// control: c6 buys in the window, c7 only before it, c8 never
				.order("c6", at("2026-03-05T10:00"), 2_000, OrderStatus.PAID, 1, 0, null)
				.order("c7", at("2026-02-01T10:00"), 1_000, OrderStatus.PAID, 1, 0, null)
				.build();
	}

	private static Campaign campaign(String cost, int[] control) {
		return new Campaign("spring", "Spring coupons", START, END, new BigDecimal(cost), new BigDecimal("0.5"),
				TREATMENT, control);
	}

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void incrementalAgainstTheControlGroup() {
		RoiResult result = roi.run(data(), campaign("40.00", CONTROL), Map.of(), null);
		Figures f = result.total();
		assertTrue(f.incremental());
		assertFalse(result.gross());
		assertEquals(d("160.00"), f.treatmentRevenue());
		assertEquals(d("20.00"), f.controlRevenue());
		// (160/6 − 20/3) × 6 = 120; (120 × 0.5 − 40) / 40 = 0.5
		assertEquals(d("120.00"), f.incrementalRevenue());
		assertEquals(d("60.00"), f.incrementalProfit());
		assertEquals(d("20.00"), f.netReturn());
		assertEquals(d("40.00"), f.cost());
		assertEquals(d("0.5000"), f.roi());
		assertEquals(d("26.67"), f.treatmentRevenuePerMember());
		assertEquals(d("6.67"), f.controlRevenuePerMember());
		assertEquals(4, f.treatmentResponders());
		assertEquals(1, f.controlResponders());
		assertEquals(d("0.6667"), f.treatmentResponseRate());
		assertEquals(d("0.3333"), f.controlResponseRate());
		assertEquals(d("0.3333"), f.uplift());
		assertEquals(d("1.0000"), f.relativeUplift());
		assertEquals(d("-0.4000"), roi.run(data(), campaign("100", CONTROL), Map.of(), null).total().roi());
	}

	@Test
	void sixAgainstThreeIsTooFewToTell() {
		RoiResult result = roi.run(data(), campaign("40.00", CONTROL), Map.of("breakdown", "province"), null);
		Figures f = result.total();
		assertTrue(f.tooFewToTell());
		@SuppressWarnings("unchecked")
		List<String> warnings = (List<String>) result.toJson().get("warnings");
		assertTrue(warnings.contains("too few customers to tell: the control group has 3 members (fewer than 100)"),
				warnings.toString());
		assertTrue(warnings.stream().anyMatch(w -> w.startsWith("too few customers to tell: the 95 % interval of incremental revenue")),
				warnings.toString());
		assertEquals(false, result.toJson().get("significant"));
		for (Segment segment : result.segments()) {
			assertTrue(segment.figures().tooFewToTell(), segment.segment());
			assertTrue(segment.toJson().containsKey("roi_ci"), segment.segment());
		}
	}

	@Test
	void withoutControlTheFiguresAreGrossAndSaySo() {
		RoiResult result = roi.run(data(), campaign("40.00", null), Map.of(), null);
		Figures f = result.total();
		assertTrue(result.gross());
		assertEquals(d("160.00"), f.incrementalRevenue());
		assertEquals(d("1.0000"), f.roi());
		assertNull(f.controlRevenue());
		assertNull(f.controlResponseRate());
		assertNull(f.uplift());
		Map<String, Object> json = result.toJson();
		assertEquals(false, json.get("has_control"));
		assertEquals(false, json.get("incremental"));
		assertTrue(((String) json.get("note")).contains("gross"));
		assertTrue(json.containsKey("control_revenue") && json.get("control_revenue") == null);
	}

	@Test
	void jsonHasTheIssueKeys() {
		Map<String, Object> json = roi.run(data(), campaign("40.00", CONTROL), Map.of(), null).toJson();
		for (String key : List.of("treatment_revenue", "control_revenue", "incremental_revenue", "cost", "roi")) {
			assertTrue(json.containsKey(key), key);
		}
		assertEquals(d("0.5000"), json.get("roi"));
		assertEquals(d("120.00"), json.get("incremental_revenue"));
		assertEquals("2026-03-31", json.get("window_end"));
		assertFalse(json.containsKey("note"));
	}

	@Test
	void freeCampaignHasNoRoi() {
		RoiResult result = roi.run(data(), campaign("0", CONTROL), Map.of(), null);
		assertNull(result.total().roi());
		assertEquals(d("60.00"), result.total().netReturn());
	}

	@Test
	void roiPerSegmentAtTheStartWithTheCostSharedByTreatedMembers() {
		// the ladder as of March 1: c0 and c7 bronze, c3 silver, everyone else unclassified
		RoiResult result = roi.run(data(), campaign("40.00", CONTROL), Map.of("breakdown", "fixture-ladder"), null);
		assertEquals("fixture-ladder", result.breakdownBy());
		List<Segment> segments = result.segments();
		assertEquals(List.of("bronze", "silver", "(none)"), segments.stream().map(Segment::segment).toList());
		Figures bronze = segments.get(0).figures();
		assertEquals(1, bronze.treatmentSize());
		assertEquals(1, bronze.controlSize());
		assertEquals(d("100.00"), bronze.incrementalRevenue());
		assertEquals(d("6.67"), bronze.cost());
		// (100 × 0.5 − 40/6) / (40/6) = 6.5
		assertEquals(d("6.5000"), bronze.roi());
		Figures silver = segments.get(1).figures();
		assertFalse(silver.incremental(), "no control member was silver");
		// (0.005 − 40/6) / (40/6) = −0.99925, half up
		assertEquals(d("-0.9993"), silver.roi());
		Figures none = segments.get(2).figures();
		assertEquals(4, none.treatmentSize());
		// 59.99 − 20.00 × 4 / 2 = 19.99; (9.995 − 160/6) / (160/6) = −0.6251875
		assertEquals(d("19.99"), none.incrementalRevenue());
		assertEquals(d("26.67"), none.cost());
		assertEquals(d("-0.6252"), none.roi());
		@SuppressWarnings("unchecked")
		Map<String, Object> bySegment = (Map<String, Object>) result.toJson().get("by_segment");
		assertEquals("2026-03-01", bySegment.get("as_of"));
	}

	@Test
	void roiPerCustomerAttribute() {
		RoiResult result = roi.run(data(), campaign("40.00", CONTROL), Map.of("breakdown", "province"), null);
		assertEquals(List.of("gd", "zj"), result.segments().stream().map(Segment::segment).toList());
		// gd: 30.00 against 0 from c7; zj: 130.00 − 20.00 × 3 / 2
		assertEquals(d("30.00"), result.segments().get(0).figures().incrementalRevenue());
		assertEquals(d("-0.2500"), result.segments().get(0).figures().roi());
		assertEquals(d("100.00"), result.segments().get(1).figures().incrementalRevenue());
		assertEquals(d("1.5000"), result.segments().get(1).figures().roi());
		assertThrows(io.custops.core.param.ParameterException.class,
				() -> roi.run(data(), campaign("40.00", CONTROL), Map.of("breakdown", "channel"), null),
				"the event channel is no breakdown of a campaign");
	}

	@Test
	void badCampaignsAreNamed() {
		AnalysisInputException backwards = assertThrows(AnalysisInputException.class, () -> new Campaign("x", "X",
				END, START, BigDecimal.ONE, BigDecimal.ONE, TREATMENT, null));
		assertTrue(backwards.getMessage().contains("'x'") && backwards.getMessage().contains("before"),
				backwards.getMessage());
		AnalysisInputException empty = assertThrows(AnalysisInputException.class,
				() -> new Campaign("x", "X", START, END, BigDecimal.ONE, BigDecimal.ONE, new int[0], CONTROL));
		assertTrue(empty.getMessage().contains("no members"), empty.getMessage());
		assertThrows(AnalysisInputException.class,
				() -> new Campaign("x", "X", START, END, new BigDecimal("-1"), BigDecimal.ONE, TREATMENT, null));
		assertThrows(AnalysisInputException.class,
				() -> new Campaign("x", "X", START, END, BigDecimal.ONE, new BigDecimal("-0.1"), TREATMENT, null));
		AnalysisInputException outside = assertThrows(AnalysisInputException.class, () -> roi.run(data(),
				new Campaign("x", "X", START, END, BigDecimal.ONE, BigDecimal.ONE, new int[] { 10 }, null), Map.of(),
				null));
		assertTrue(outside.getMessage().contains("10"), outside.getMessage());
		AnalysisInputException twice = assertThrows(AnalysisInputException.class, () -> roi.run(data(),
				new Campaign("x", "X", START, END, BigDecimal.ONE, BigDecimal.ONE, new int[] { 0, 0 }, null), Map.of(),
				null));
		assertTrue(twice.getMessage().contains("'c0'") && twice.getMessage().contains("twice"), twice.getMessage());
		AnalysisInputException both = assertThrows(AnalysisInputException.class, () -> roi.run(data(),
				new Campaign("x", "X", START, END, BigDecimal.ONE, BigDecimal.ONE, new int[] { 0, 1 }, new int[] { 1 }),
				Map.of(), null));
		assertTrue(both.getMessage().contains("'c1'") && both.getMessage().contains("both"), both.getMessage());
	}

	@Test
	void aOneDayCampaign() {
		Campaign oneDay = new Campaign("d", "D", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31),
				new BigDecimal("10"), BigDecimal.ONE, new int[] { 1 }, null);
		assertEquals(d("30.00"), roi.run(data(), oneDay, Map.of(), null).total().treatmentRevenue());
		assertArrayEquals(new int[0], oneDay.control());
	}
}
