package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiStatistics;
import io.custops.engine.RoiStatistics.Arm;
import io.custops.engine.RoiStatistics.Interval;

/**
 * The campaign intervals against numbers computed independently, once, by hand-written
 * formulas in Python 3.12: z from {@code statistics.NormalDist().inv_cdf}, the t distribution
 * from mpmath 1.3 ({@code betainc} for the distribution function, {@code findroot} for its
 * quantile, 40 digits). Newcombe's own example is from his paper (Statistics in Medicine 17,
 * 873–890, 1998, table II, method 10: 56/70 − 48/80, 0.0524 to 0.3339).
 */
class RoiStatisticsTest {

	/** Case B: 1000 treated, 150 bought (100 × 100.00, 50 × 300.00); 250 held out, 25 bought (20 × 100.00, 5 × 400.00). */
	private static final Arm TREATMENT = new Arm(1000, 150, 25_000.00, 5_500_000.00);
	private static final Arm CONTROL = new Arm(250, 25, 4_000.00, 1_000_000.00);

	private static Interval i(String low, String high) {
		return new Interval(new BigDecimal(low), new BigDecimal(high));
	}

	@Test
	void newcombesPublishedExample() {
		RoiStatistics.Result r = RoiStatistics.of(new Arm(70, 56, 0, 0), new Arm(80, 48, 0, 0), BigDecimal.ONE,
				BigDecimal.ONE, 0.05);
		assertEquals(i("0.0524", "0.3339"), r.uplift());
	}

	@Test
	void caseBAgainstTheIndependentReference() {
		RoiStatistics.Result r = RoiStatistics.of(TREATMENT, CONTROL, new BigDecimal("2000"), new BigDecimal("0.4"),
				0.05);
		// Python: wilsonT 0.129210 0.173469, wilsonC 0.068655 0.143452
		assertEquals(i("0.1292", "0.1735"), r.treatmentRate());
		assertEquals(i("0.0687", "0.1435"), r.controlRate());
		// Python: uplift 0.05, 0.001831 … 0.089157; pooled z test p 0.04156515
		assertEquals(i("0.0018", "0.0892"), r.uplift());
		assertEquals(new BigDecimal("0.041565"), r.upliftPValue());
		// Python: Welch df 425.674091985, t quantile 1.96555256993; difference 9.0, 0.2282551761 … 17.77174482
		assertEquals(i("0.23", "17.77"), r.incrementalRevenuePerMember());
		// × 1000 treated: 228.2551761 … 17771.74482
		assertEquals(i("228.26", "17771.74"), r.incrementalRevenue());
		// (× 0.4 − 2000) / 2000: −0.9543489648 … 2.554348965
		assertEquals(i("-0.9543", "2.5543"), r.roi());
		// Python: two-sided p 0.04435431987
		assertEquals(new BigDecimal("0.044354"), r.pValue());
		assertTrue(r.significant());
		assertEquals("welch_t", r.method());
		assertEquals(List.of(), r.warnings());
		assertFalse(r.tooFewToTell());
	}

	@Test
	void alphaSetsTheLevelOfTheIntervalsAndTheTest() {
		RoiStatistics.Result r = RoiStatistics.of(TREATMENT, CONTROL, new BigDecimal("2000"), new BigDecimal("0.4"),
				0.10);
		// Python, alpha 0.10: wilsonT 0.132372 0.169516, uplift 0.010259 0.083358, per member 1.643440196 16.3565598
		assertEquals(i("0.1324", "0.1695"), r.treatmentRate());
		assertEquals(i("0.0103", "0.0834"), r.uplift());
		assertEquals(i("1.64", "16.36"), r.incrementalRevenuePerMember());
		assertEquals(new BigDecimal("0.9"), r.confidence().stripTrailingZeros());
		RoiStatistics.Result strict = RoiStatistics.of(TREATMENT, CONTROL, new BigDecimal("2000"),
				new BigDecimal("0.4"), 0.01);
		assertFalse(strict.significant(), "p 0.0444 is not below 0.01");
		assertTrue(strict.tooFewToTell(), "its 99 % interval includes zero");
		assertTrue(strict.warnings().get(0).startsWith("too few customers to tell: the 99 % interval of incremental revenue"),
				strict.warnings().toString());
	}

	@Test
	void smallArmsAndNoControlSaySo() {
		RoiStatistics.Result small = RoiStatistics.of(new Arm(6, 4, 160, 100 * 100 + 30 * 30 + 30 * 30),
				new Arm(3, 1, 20, 400), new BigDecimal("40"), new BigDecimal("0.5"), 0.05);
		assertEquals(List.of("too few customers to tell: the treatment group has 6 members (fewer than 100)",
				"too few customers to tell: the treatment group has 4 responders (fewer than 10)",
				"too few customers to tell: the control group has 3 members (fewer than 100)",
				"too few customers to tell: the control group has 1 responder (fewer than 10)"),
				small.warnings().subList(0, 4));
		assertTrue(small.incrementalRevenue().spansZero());
		RoiStatistics.Result gross = RoiStatistics.of(new Arm(500, 50, 1000, 30000), null, new BigDecimal("40"),
				new BigDecimal("0.5"), 0.05);
		assertNull(gross.uplift());
		assertNull(gross.roi());
		assertNull(gross.significant());
		assertTrue(gross.warnings().get(0).startsWith("no control group"));
	}

	/** The service computes the same from each member's orders; the keys of the issue are in its JSON. */
	@Test
	void theServiceMeasuresTheArmsFromTheOrders() {
		CustomerDatasetBuilder builder = CustomerDataset.builder(ZoneOffset.UTC);
		int[] treatment = new int[1000];
		int[] control = new int[250];
		for (int c = 0; c < 1250; c++) {
			String id = String.format("m%04d", c);
			long cents = 0;
			if (c < 1000) {
				treatment[c] = c;
				cents = c < 100 ? 10_000 : c < 150 ? 30_000 : 0;
			} else {
				control[c - 1000] = c;
				int k = c - 1000;
				cents = k < 20 ? 10_000 : k < 25 ? 40_000 : 0;
			}
			builder.attribute(id, "province", c % 2 == 0 ? "zj" : "gd");
			if (cents > 0) {
				builder.order(id, at("2026-03-10T10:00"), cents, OrderStatus.PAID, 1, 0, null);
			} else {
				builder.order(id, at("2026-01-10T10:00"), 500, OrderStatus.PAID, 1, 0, null);
			}
		}
		CustomerDataset data = builder.build();
		Campaign campaign = new Campaign("b", "case B", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
				new BigDecimal("2000"), new BigDecimal("0.4"), treatment, control);
		RoiResult result = Engine.service(CampaignRoi.class).run(data, campaign, Map.of("breakdown", "province"), null);
		RoiStatistics.Result s = result.total().statistics();
		assertEquals(RoiStatistics.of(TREATMENT, CONTROL, new BigDecimal("2000"), new BigDecimal("0.4"), 0.05), s);
		Map<String, Object> json = result.toJson();
		assertEquals(List.of(new BigDecimal("0.0018"), new BigDecimal("0.0892")), json.get("uplift_ci"));
		assertEquals(List.of(new BigDecimal("228.26"), new BigDecimal("17771.74")), json.get("incremental_revenue_ci"));
		assertEquals(List.of(new BigDecimal("-0.9543"), new BigDecimal("2.5543")), json.get("roi_ci"));
		assertEquals(new BigDecimal("0.044354"), json.get("p_value"));
		assertEquals(true, json.get("significant"));
		assertEquals(List.of(), json.get("warnings"));
		assertEquals("welch_t", json.get("interval_method"));
		// each segment has its own: zj holds the even members
		RoiResult.Figures zj = result.segments().stream().filter(g -> g.segment().equals("zj")).findFirst().orElseThrow()
				.figures();
		assertTrue(zj.statistics().incrementalRevenue() != null);
		assertEquals(500, zj.treatmentSize());
		assertEquals(RoiStatistics.of(new Arm(500, 75, 12_500, 2_750_000), new Arm(125, 13, 2_200, 580_000),
				new BigDecimal("1000"), new BigDecimal("0.4"), 0.05), zj.statistics());
		RoiResult strict = Engine.service(CampaignRoi.class).run(data, campaign, Map.of("alpha", "0.01"), null);
		assertEquals(false, strict.toJson().get("significant"));
	}
}
