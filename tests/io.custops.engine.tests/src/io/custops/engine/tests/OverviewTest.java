package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.OverviewAnalysis;
import io.custops.engine.OverviewResult;
import io.custops.engine.OverviewResult.Figures;

/** The overview on four customers whose figures are worked out by hand below. */
class OverviewTest {

	private OverviewAnalysis overview;

	@BeforeEach
	void setUp() {
		overview = Engine.service(OverviewAnalysis.class);
	}

	/**
	 * a: 10.00 on 2025-02-10 (first), 100.00 on 2026-01-05, 50.00 on 2026-01-20, 30.00 on 2026-02-10.
	 * b: 200.00 on 2026-02-01 (first), a refund on Feb 3 (no purchase), 10.00 on 2026-03-15.
	 * c: 20.00 on 2025-12-31 (first), an unpaid order on 2026-03-01, 40.00 on 2026-03-20.
	 * d: 70.00 and 30.00 on 2025-11-11.
	 */
	static CustomerDataset shop() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				.order("a", at("2025-02-10T10:00"), 1_000, OrderStatus.PAID, 1, 0, null)
				.order("a", at("2026-01-05T10:00"), 10_000, OrderStatus.PAID, 1, 0, null)
				.order("a", at("2026-01-20T10:00"), 5_000, OrderStatus.PAID, 1, 0, null)
				.order("a", at("2026-02-10T10:00"), 3_000, OrderStatus.PAID, 1, 0, null)
				.order("b", at("2026-02-01T10:00"), 20_000, OrderStatus.PAID, 1, 0, null)
				.order("b", at("2026-02-03T10:00"), 99_900, OrderStatus.REFUNDED, 1, 0, null)
				.order("b", at("2026-03-15T10:00"), 1_000, OrderStatus.PAID, 1, 0, null)
				.order("c", at("2025-12-31T23:00"), 2_000, OrderStatus.PAID, 1, 0, null)
				.order("c", at("2026-03-01T10:00"), 5_000, OrderStatus.UNPAID, 1, 0, null)
				.order("c", at("2026-03-20T10:00"), 4_000, OrderStatus.PAID, 1, 0, null)
				.order("d", at("2025-11-11T00:10"), 7_000, OrderStatus.PAID, 1, 0, null)
				.order("d", at("2025-11-11T23:50"), 3_000, OrderStatus.PAID, 1, 0, null)
				.build();
	}

	private OverviewResult run(String... keyValues) {
		Map<String, String> params = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			params.put(keyValues[i], keyValues[i + 1]);
		}
		return overview.run(shop(), params, null);
	}

	private static void figures(Figures f, String gmv, long orders, long buyers, String aov, String repurchase,
			long newCustomers, String newRevenue, long returning, String returningRevenue) {
		assertEquals(new BigDecimal(gmv), f.gmv(), "gmv");
		assertEquals(orders, f.paidOrders(), "orders");
		assertEquals(buyers, f.buyingCustomers(), "buyers");
		assertEquals(aov == null ? null : new BigDecimal(aov), f.aov(), "aov");
		assertEquals(repurchase == null ? null : new BigDecimal(repurchase), f.repurchaseRate(), "repurchase rate");
		assertEquals(newCustomers, f.newCustomers(), "new customers");
		assertEquals(new BigDecimal(newRevenue), f.newRevenue(), "new revenue");
		assertEquals(returning, f.returningCustomers(), "returning customers");
		assertEquals(new BigDecimal(returningRevenue), f.returningRevenue(), "returning revenue");
	}

	@Test
	void monthsWithThePreviousMonthAndTheSameMonthAYearEarlier() {
		OverviewResult r = run("from", "2026-01-01", "to", "2026-04-01");
		// the range: 6 paid orders of a (3), b (2) and c (1); only b's first paid order is in it
		figures(r.totals(), "430.00", 6, 3, "71.67", "0.6667", 1, "210.00", 2, "220.00");
		assertEquals(List.of("2026-01", "2026-02", "2026-03"), r.periods().stream().map(OverviewResult.Period::period).toList());
		OverviewResult.Period jan = r.periods().get(0);
		figures(jan.figures(), "150.00", 2, 1, "75.00", "1.0000", 0, "0.00", 1, "150.00");
		// December: c's first order
		figures(jan.previous(), "20.00", 1, 1, "20.00", "0.0000", 1, "20.00", 0, "0.00");
		figures(jan.yearAgo(), "0.00", 0, 0, null, null, 0, "0.00", 0, "0.00");
		OverviewResult.Period feb = r.periods().get(1);
		figures(feb.figures(), "230.00", 2, 2, "115.00", "0.0000", 1, "200.00", 1, "30.00");
		figures(feb.yearAgo(), "10.00", 1, 1, "10.00", "0.0000", 1, "10.00", 0, "0.00");
		@SuppressWarnings("unchecked")
		Map<String, Object> vs = (Map<String, Object>) feb.toJson().get("vs_year_ago");
		assertEquals(new BigDecimal("22.0000"), vs.get("gmv"));
		@SuppressWarnings("unchecked")
		Map<String, Object> vsPrevious = (Map<String, Object>) jan.toJson().get("vs_previous");
		assertEquals(new BigDecimal("6.5000"), vsPrevious.get("gmv"));
		figures(r.periods().get(2).figures(), "50.00", 2, 2, "25.00", "0.0000", 0, "0.00", 2, "50.00");
		assertTrue(r.peaks().isEmpty());
		assertNull(r.periods().get(0).peak());
	}

	@Test
	void thePeaksAreMarked() {
		OverviewResult r = run("from", "2025-06-01", "to", "2026-01-01");
		assertEquals(7, r.periods().size());
		assertEquals("6.18", r.periods().get(0).peak());
		assertEquals("11.11", r.periods().get(5).peak());
		assertEquals(List.of("6.18", "11.11"), r.peaks().stream().map(OverviewResult.Peak::name).toList());
		figures(r.peaks().get(1).figures(), "100.00", 2, 1, "50.00", "1.0000", 1, "100.00", 0, "0.00");
		figures(r.peaks().get(0).figures(), "0.00", 0, 0, null, null, 0, "0.00", 0, "0.00");
	}

	@Test
	void weeksAndDays() {
		OverviewResult weeks = run("from", "2026-01-05", "to", "2026-01-19", "period", "week");
		assertEquals(List.of("2026-W02", "2026-W03"), weeks.periods().stream().map(OverviewResult.Period::period).toList());
		figures(weeks.periods().get(0).figures(), "100.00", 1, 1, "100.00", "0.0000", 0, "0.00", 1, "100.00");
		OverviewResult days = run("from", "2026-01-05", "to", "2026-01-06", "period", "day");
		assertEquals(1, days.periods().size());
		assertEquals("2026-01-05", days.periods().get(0).period());
		figures(days.periods().get(0).figures(), "100.00", 1, 1, "100.00", "0.0000", 0, "0.00", 1, "100.00");
		// a day not yet over at 'to' is cut there: the period ends at 'to'
		OverviewResult partial = run("from", "2026-01-15", "to", "2026-01-21");
		assertEquals("2026-01-15", partial.periods().get(0).start().toString());
		assertEquals("2026-01-21", partial.periods().get(0).end().toString());
		assertThrows(AnalysisInputException.class, () -> run("from", "2026-01-05", "to", "2026-01-05"));
	}

	@Test
	void stagesAndSegmentsFromTheRegistryWhenInstalled() {
		OverviewResult r = run("from", "2026-01-01", "to", "2026-04-01", "stages", "no-such-model", "segments",
				"fixture-ladder", "top", "2");
		assertNull(r.stages(), "no such model: no stage counts");
		assertEquals(2, r.segments().size());
		assertTrue(r.segments().get(0).customers() >= r.segments().get(1).customers());
	}
}
