package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;
import io.custops.engine.CohortResult.Cohort;
import io.custops.engine.CohortResult.Period;

/** Cohort retention on a shop of five customers whose cells are worked out by hand below. */
class CohortTest {

	private CohortAnalysis cohorts;

	@BeforeEach
	void setUp() {
		// through the service registry, as the command line and the workbench get it
		cohorts = Engine.service(CohortAnalysis.class);
	}

	/**
	 * a: first paid 2026-01-05 (web) — cohort 2026-01; also Jan 20, Feb 10, a refund in March (no
	 * purchase), Apr 2. b: an unpaid order on Jan 2 (not a purchase), first paid Jan 31 (app) —
	 * cohort 2026-01; Mar 15. c: Feb 1 (app), Feb 28 — cohort 2026-02. d: Feb 14 (web), and May 1,
	 * after "as of". e: only unpaid orders — in no cohort.
	 */
	static CustomerDataset shop() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				.order("a", at("2026-01-05T10:00"), 10_000, OrderStatus.PAID, 1, 0, "web")
				.order("a", at("2026-01-20T10:00"), 5_000, OrderStatus.PAID, 1, 0, "app")
				.order("a", at("2026-02-10T10:00"), 3_000, OrderStatus.PAID, 1, 0, "web")
				.order("a", at("2026-03-01T10:00"), 99_900, OrderStatus.REFUNDED, 1, 0, "web")
				.order("a", at("2026-04-02T10:00"), 2_000, OrderStatus.PAID, 1, 0, "web")
				.order("b", at("2026-01-02T10:00"), 7_000, OrderStatus.UNPAID, 1, 0, "web")
				.order("b", at("2026-01-31T23:59"), 20_000, OrderStatus.PAID, 1, 0, "app")
				.order("b", at("2026-03-15T10:00"), 1_000, OrderStatus.PAID, 1, 0, "web")
				.order("c", at("2026-02-01T00:00"), 4_000, OrderStatus.PAID, 1, 0, "app")
				.order("c", at("2026-02-28T10:00"), 6_000, OrderStatus.PAID, 1, 0, "app")
				.order("d", at("2026-02-14T10:00"), 8_000, OrderStatus.PAID, 1, 0, "web")
				.order("d", at("2026-05-01T10:00"), 50_000, OrderStatus.PAID, 1, 0, "web")
				.order("e", at("2026-01-10T10:00"), 9_000, OrderStatus.UNPAID, 1, 0, "web")
				.attribute("a", "province", "zj").attribute("b", "province", "zj").attribute("c", "province", "gd")
				.build();
	}

	private CohortResult run(CustomerDataset data, String... keyValues) {
		Map<String, String> params = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			params.put(keyValues[i], keyValues[i + 1]);
		}
		return cohorts.run(data, params, null);
	}

	private static void cell(Period p, int period, long customers, String pct, long orders, String revenue,
			String cumulative) {
		assertEquals(period, p.period());
		assertEquals(customers, p.customers(), "customers of period " + period);
		assertEquals(new BigDecimal(pct), p.pct(), "pct of period " + period);
		assertEquals(orders, p.orders(), "orders of period " + period);
		assertEquals(new BigDecimal(revenue), p.revenue(), "revenue of period " + period);
		assertEquals(new BigDecimal(cumulative), p.cumulativeRevenuePerCustomer(), "cumulative of period " + period);
	}

	@Test
	void monthlyCohortsMakeATriangleOfPaidOrdersBeforeAsOf() {
		CohortResult r = run(shop(), "asOf", "2026-04-10");
		assertEquals(LocalDate.parse("2026-04-10"), r.asOf());
		assertEquals(2, r.cohorts().size());

		Cohort jan = r.cohorts().get(0);
		assertEquals("2026-01", jan.cohort());
		assertEquals(LocalDate.parse("2026-01-01"), jan.start());
		assertEquals(2, jan.size());
		assertEquals(4, jan.periods().size(), "January to April");
		// January: a's two orders and b's; 350.00 over 2 customers
		cell(jan.periods().get(0), 0, 2, "100.00", 3, "350.00", "175.00");
		cell(jan.periods().get(1), 1, 1, "50.00", 1, "30.00", "190.00");
		// March: b's order; a's refund is no purchase
		cell(jan.periods().get(2), 2, 1, "50.00", 1, "10.00", "195.00");
		cell(jan.periods().get(3), 3, 1, "50.00", 1, "20.00", "205.00");

		Cohort feb = r.cohorts().get(1);
		assertEquals("2026-02", feb.cohort());
		assertEquals(2, feb.size());
		assertEquals(3, feb.periods().size(), "February to April: the triangle");
		cell(feb.periods().get(0), 0, 2, "100.00", 3, "180.00", "90.00");
		cell(feb.periods().get(1), 1, 0, "0.00", 0, "0.00", "90.00");
		// d's order of May 1 is after "as of"
		cell(feb.periods().get(2), 2, 0, "0.00", 0, "0.00", "90.00");

		Map<String, Object> json = r.toJson();
		assertEquals(4L, json.get("customers"));
		@SuppressWarnings("unchecked")
		Map<String, Object> first = (Map<String, Object>) ((List<Map<String, Object>>) ((List<Map<String, Object>>) json
				.get("cohorts")).get(0).get("periods")).get(1);
		assertEquals(List.of("period", "customers", "pct", "revenue", "cumulative_revenue_per_customer", "orders",
				"value"), List.copyOf(first.keySet()));
	}

	@Test
	void theMetricChoosesTheValueOfEachCell() {
		CohortResult customers = run(shop(), "asOf", "2026-04-10");
		assertEquals(new BigDecimal("50.00"), customers.cohorts().get(0).periods().get(1).value());
		CohortResult orders = run(shop(), "asOf", "2026-04-10", "metric", "orders");
		assertEquals(new BigDecimal("1.5000"), orders.cohorts().get(0).periods().get(0).value());
		assertEquals(new BigDecimal("0.5000"), orders.cohorts().get(0).periods().get(1).value());
		CohortResult revenue = run(shop(), "asOf", "2026-04-10", "metric", "revenue");
		assertEquals(new BigDecimal("175.00"), revenue.cohorts().get(0).periods().get(0).value());
		assertEquals(new BigDecimal("15.00"), revenue.cohorts().get(0).periods().get(1).value());
	}

	@Test
	void asOfDefaultsToTheDayAfterTheLastFact() {
		CohortResult r = run(shop());
		assertEquals(LocalDate.parse("2026-05-02"), r.asOf());
		Cohort feb = r.cohorts().get(1);
		assertEquals(4, feb.periods().size(), "February to May");
		cell(feb.periods().get(3), 3, 1, "50.00", 1, "500.00", "340.00");
	}

	@Test
	void fromAndToChooseTheCohortsAndToIsAsOf() {
		CohortResult r = run(shop(), "from", "2026-02-01", "to", "2026-03-01");
		assertEquals(LocalDate.parse("2026-03-01"), r.asOf());
		assertEquals(1, r.cohorts().size());
		Cohort feb = r.cohorts().get(0);
		assertEquals("2026-02", feb.cohort());
		assertEquals(1, feb.periods().size());
		// c's order of Feb 28 counts: it is before "to"
		cell(feb.periods().get(0), 0, 2, "100.00", 3, "180.00", "90.00");

		// b's first paid order (Jan 31) is before "from": b is no customer of February, though it bought in March
		CohortResult later = run(shop(), "from", "2026-02-01", "asOf", "2026-04-10");
		assertEquals(List.of("2026-02"), later.cohorts().stream().map(Cohort::cohort).toList());
		assertEquals(2, later.cohorts().get(0).size());

		assertThrows(AnalysisInputException.class, () -> run(shop(), "from", "2026-03-01", "to", "2026-03-01"));
	}

	@Test
	void weeklyCohortsAreIsoWeeks() {
		CohortResult r = run(shop(), "by", CohortAnalysis.BY_WEEK, "asOf", "2026-02-02");
		assertEquals(CohortAnalysis.BY_WEEK, r.by());
		// a: Monday 2026-01-05 (week 2); b: Saturday 2026-01-31 and c: Sunday 2026-02-01 (week 5, from Monday 2026-01-26)
		assertEquals(List.of("2026-W02", "2026-W05"), r.cohorts().stream().map(Cohort::cohort).toList());
		Cohort a = r.cohorts().get(0);
		assertEquals(LocalDate.parse("2026-01-05"), a.start());
		assertEquals(4, a.periods().size(), "weeks 2 … 5 (to Sunday, February 1)");
		cell(a.periods().get(0), 0, 1, "100.00", 1, "100.00", "100.00");
		cell(a.periods().get(1), 1, 0, "0.00", 0, "0.00", "100.00");
		cell(a.periods().get(2), 2, 1, "100.00", 1, "50.00", "150.00");
		cell(a.periods().get(3), 3, 0, "0.00", 0, "0.00", "150.00");
		Cohort bc = r.cohorts().get(1);
		assertEquals(LocalDate.parse("2026-01-26"), bc.start());
		assertEquals(2, bc.size());
		assertEquals(1, bc.periods().size());
		cell(bc.periods().get(0), 0, 2, "100.00", 2, "240.00", "120.00");
	}

	@Test
	void breakdownByTheFirstPaidOrdersChannel() {
		CohortResult r = run(shop(), "asOf", "2026-04-10", "breakdown", "channel");
		assertEquals("channel", r.breakdownBy());
		// b and c came by app, a and d by web: two each, so by name
		assertEquals(List.of("app", "web"), r.groups().stream().map(CohortResult.Group::group).toList());
		List<Cohort> app = r.groups().get(0).cohorts();
		assertEquals(List.of("2026-01", "2026-02"), app.stream().map(Cohort::cohort).toList());
		assertEquals(1, app.get(0).size());
		cell(app.get(0).periods().get(0), 0, 1, "100.00", 1, "200.00", "200.00");
		cell(app.get(0).periods().get(1), 1, 0, "0.00", 0, "0.00", "200.00");
		cell(app.get(0).periods().get(2), 2, 1, "100.00", 1, "10.00", "210.00");
		List<Cohort> web = r.groups().get(1).cohorts();
		cell(web.get(0).periods().get(0), 0, 1, "100.00", 2, "150.00", "150.00");
		// the whole shop is still there
		assertEquals(2, r.cohorts().get(0).size());
	}

	@Test
	void breakdownByAnAttributeKeepsCustomersWithoutOneInNone() {
		CohortResult r = run(shop(), "asOf", "2026-04-10", "breakdown", "province");
		assertEquals(List.of("zj", "gd", "(none)"), r.groups().stream().map(CohortResult.Group::group).toList());
		assertEquals(2, r.groups().get(0).cohorts().get(0).size());
		assertEquals("2026-02", r.groups().get(2).cohorts().get(0).cohort());

		ParameterException e = assertThrows(ParameterException.class,
				() -> run(shop(), "breakdown", "nosuchthing"));
		assertTrue(e.getMessage().contains("breakdown"), e.getMessage());
	}

	@Test
	void breakdownByAnAnalysisFromTheRegistry() {
		// the test ladder strategy: levels by spend as of the date
		CohortResult r = run(shop(), "asOf", "2026-04-10", "breakdown", "fixture-ladder");
		long customers = r.groups().stream().flatMap(g -> g.cohorts().stream()).mapToLong(Cohort::size).sum();
		assertEquals(4, customers, "each of the four customers in exactly one group");
	}

	@Test
	void maxPeriodsCutsTheLongCohortsAndAnEmptyShopHasNone() {
		CohortResult r = run(shop(), "asOf", "2026-04-10", "maxPeriods", "1");
		assertEquals(2, r.cohorts().get(0).periods().size());
		assertEquals(2, r.cohorts().get(1).periods().size());
		CohortResult empty = run(CustomerDataset.empty(), "asOf", "2026-04-10");
		assertTrue(empty.cohorts().isEmpty());
		assertNull(empty.breakdownBy());
		assertThrows(ParameterException.class, () -> run(shop(), "by", "first-order-day"));
	}
}
