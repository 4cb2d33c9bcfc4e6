package io.custops.lifecycle.bgnbd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.ResultColumn;
import io.custops.lifecycle.bgnbd.BgNbd;
import io.custops.lifecycle.bgnbd.CustomerBaseModel;
import io.custops.lifecycle.bgnbd.GammaGamma;
import io.custops.lifecycle.bgnbd.ParetoNbd;

/**
 * Small datasets whose summaries are worked out by hand: one purchase, same-day merges, unpaid
 * and refunded orders, an order at as-of 00:00, the holdout period, and bad parameters.
 */
class HandComputedTest {

	private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);
	private static final int FILLERS = 300;

	private ModelRegistry registry;

	@BeforeEach
	void open() {
		registry = new ModelRegistry();
	}

	@AfterEach
	void close() {
		registry.close();
	}

	private static long at(int month, int day, int hour, int minute, int second) {
		return CustomerDataset.localSeconds(LocalDateTime.of(2024, month, day, hour, minute, second));
	}

	private static void paid(CustomerDatasetBuilder b, String customer, long time, long cents) {
		b.order(customer, time, cents, OrderStatus.PAID, 1, 0, null);
	}

	/** The special customers, plus ordinary ones so that the models have something to fit. */
	private static CustomerDataset dataset() {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		// one purchase; a later refunded order is no purchase
		paid(b, "one", at(1, 1, 10, 0, 0), 5000);
		b.order("one", at(2, 1, 10, 0, 0), 2000, OrderStatus.REFUNDED, 1, 0, null);
		// two orders on the first day are the first purchase; two on Jan 20 one repeat worth 24.00
		paid(b, "merge", at(1, 5, 9, 0, 0), 1000);
		paid(b, "merge", at(1, 5, 18, 0, 0), 500);
		paid(b, "merge", at(1, 20, 8, 0, 0), 2000);
		paid(b, "merge", at(1, 20, 21, 0, 0), 400);
		paid(b, "merge", at(2, 10, 12, 0, 0), 3000);
		b.order("merge", at(2, 15, 12, 0, 0), 9900, OrderStatus.UNPAID, 1, 0, null);
		// only unpaid and cancelled orders: not scored
		b.order("unpaid", at(1, 10, 12, 0, 0), 1500, OrderStatus.UNPAID, 1, 0, null);
		b.order("unpaid", at(1, 11, 12, 0, 0), 1500, OrderStatus.CANCELLED, 1, 0, null);
		// the only order at as-of 00:00 is in the future: not scored
		paid(b, "future", at(3, 1, 0, 0, 0), 7000);
		// the last second before as-of counts, as-of 00:00 does not
		paid(b, "edge", at(2, 1, 12, 0, 0), 1000);
		paid(b, "edge", at(2, 29, 23, 59, 59), 1234);
		paid(b, "edge", at(3, 1, 0, 0, 0), 8888);
		// ordinary customers, simulated (deterministically) as BG/NBD and Gamma-Gamma customers
		java.util.SplittableRandom random = new java.util.SplittableRandom(7);
		for (int i = 0; i < FILLERS; i++) {
			LocalDateTime first = LocalDateTime.of(2024, 1, 1, 12, 0).plusDays(random.nextInt(28));
			double perDay = LargeDataTest.gamma(random, 0.6) / 8;
			double dropout = LargeDataTest.beta(random, 1, 3);
			double nu = LargeDataTest.gamma(random, 4) / 15;
			double day = 0;
			do {
				paid(b, "f" + i, CustomerDataset.localSeconds(first.plusDays((long) day)),
						Math.max(1, Math.round(LargeDataTest.gamma(random, 6) / nu * 100)));
				day += -Math.log1p(-random.nextDouble()) / perDay;
			} while (day < 90 && random.nextDouble() > dropout);
		}
		return b.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertNotNull(value);
		return (Map<String, Object>) value;
	}

	private static String cell(CustomerClassification result, String column, CustomerDataset data, String customer) {
		return result.column(column).orElseThrow().format(data.indexOf(customer));
	}

	private static BgNbd fitted(CustomerClassification result) {
		Map<String, Object> p = map(result.summary().get("params"));
		return new BgNbd((Double) p.get("r"), (Double) p.get("alpha"), (Double) p.get("a"), (Double) p.get("b"));
	}

	private static GammaGamma spendModel(CustomerClassification result) {
		Map<String, Object> p = map(result.summary().get("gamma_gamma"));
		return new GammaGamma((Double) p.get("p"), (Double) p.get("q"), (Double) p.get("gamma"));
	}

	@Test
	void summariesFollowTheLiteraturesConventions() throws Exception {
		CustomerDataset data = dataset();
		LifecycleModel model = registry.model("bgnbd");
		assertEquals(List.of("frequency", "recency", "T", "monetary_value", "p_alive", "expected_purchases",
				"expected_avg_spend", "clv", "churn_risk"), model.columnNames(null));
		CustomerClassification result = ModelRegistry.run(model, data, AS_OF, Map.of());
		assertEquals(model.columnNames(null), result.columns().stream().map(ResultColumn::name).toList());

		// calibrationEnd defaults to the day before as-of: 2024-02-29
		assertEquals("2024-02-29", map(result.summary().get("calibration")).get("end"));

		// one purchase on Jan 1: x = 0, t_x = 0, T = 59 days; alive for sure under BG/NBD
		assertEquals("0", cell(result, "frequency", data, "one"));
		assertEquals("0", cell(result, "recency", data, "one"));
		assertEquals("8.4285714", cell(result, "T", data, "one"));
		assertEquals("", cell(result, "monetary_value", data, "one"));
		assertEquals("1", cell(result, "p_alive", data, "one"));
		assertEquals("low", cell(result, "churn_risk", data, "one"));

		// first day Jan 5 (two orders), repeats Jan 20 (two orders, 24.00) and Feb 10 (30.00)
		assertEquals("2", cell(result, "frequency", data, "merge"));
		assertEquals("5.1428571", cell(result, "recency", data, "merge")); // 36 days
		assertEquals("7.8571429", cell(result, "T", data, "merge")); // 55 days
		assertEquals("27.00", cell(result, "monetary_value", data, "merge"));

		// Feb 1, then Feb 29 23:59:59 (counts, 12.34), Mar 1 00:00 (future)
		assertEquals("1", cell(result, "frequency", data, "edge"));
		assertEquals("4", cell(result, "recency", data, "edge"));
		assertEquals("4", cell(result, "T", data, "edge"));
		assertEquals("12.34", cell(result, "monetary_value", data, "edge"));

		for (String customer : List.of("unpaid", "future")) {
			int c = data.indexOf(customer);
			assertTrue(result.labelOf(c).isEmpty(), customer);
			assertEquals(CustomerClassification.UNCLASSIFIED, result.labelIndexes()[c]);
			for (ResultColumn column : result.columns()) {
				assertEquals("", column.format(c), customer + " " + column.name());
			}
		}
		assertEquals(FILLERS + 3, map(result.summary().get("calibration")).get("customers"));
		assertEquals(2, map(result.summary().get("calibration")).get("unscored_customers"));
		assertEquals(FILLERS + 3L, result.counts().values().stream().mapToLong(Long::longValue).sum());
		assertEquals(List.of("low", "medium", "high"), result.labels().stream().map(Label::id).toList());
		assertEquals("高流失风险", result.labels().get(2).text(java.util.Locale.CHINA));
		// no order in the holdout period (the default calibration leaves none): no check
		assertNull(result.summary().get("holdout"));
	}

	@Test
	void predictionsComeFromTheFittedModels() throws Exception {
		CustomerDataset data = dataset();
		CustomerClassification result = ModelRegistry.run(registry.model("bgnbd"), data, AS_OF,
				Map.of("horizonWeeks", "26", "discountRate", "8%", "margin", "0.25"));
		BgNbd model = fitted(result);
		GammaGamma spend = spendModel(result);
		int merge = data.indexOf("merge");
		double alive = model.probabilityAlive(2, 36 / 7.0, 55 / 7.0);
		assertEquals(alive, result.column("p_alive").orElseThrow().number(merge), 1e-7);
		assertEquals(model.expectedPurchases(26, 2, 36 / 7.0, 55 / 7.0),
				result.column("expected_purchases").orElseThrow().number(merge), 1e-7);
		double average = spend.conditionalExpectedAverage(2, 27.00);
		assertEquals(average, result.column("expected_avg_spend").orElseThrow().number(merge), 0.005);
		double clv = 0.25 * average * alive * model.discountedPurchasesIfAlive(26, 0.08, 2, 55 / 7.0);
		assertEquals(clv, result.column("clv").orElseThrow().number(merge), 0.005);
		// without repeat purchases: the population mean
		assertEquals(spend.populationMean(), result.column("expected_avg_spend").orElseThrow()
				.number(data.indexOf("one")), 0.005);
		assertEquals(26, result.summary().get("horizon_weeks"));
	}

	@Test
	void withoutDiscountingClvIsMarginTimesSpendTimesPurchases() throws Exception {
		CustomerDataset data = dataset();
		for (String id : List.of("bgnbd", "paretonbd")) {
			CustomerClassification result = ModelRegistry.run(registry.model(id), data, AS_OF,
					Map.of("discountRate", "0", "margin", "50%"));
			for (int c = 0; c < data.customerCount(); c++) {
				if (result.labelOf(c).isEmpty()) {
					continue;
				}
				double expected = 0.5 * result.column("expected_avg_spend").orElseThrow().number(c)
						* result.column("expected_purchases").orElseThrow().number(c);
				// the spend column is rounded to cents: allow for that times the purchases
				double purchases = result.column("expected_purchases").orElseThrow().number(c);
				assertEquals(expected, result.column("clv").orElseThrow().number(c), 0.006 + 0.005 * purchases,
						id + " customer " + data.customerId(c));
			}
		}
	}

	@Test
	void churnRiskBandsFollowTheProbabilityOfNotBeingAlive() throws Exception {
		CustomerDataset data = Cdnow.dataset();
		CustomerClassification result = ModelRegistry.run(registry.model("paretonbd"), data, Cdnow.AS_OF,
				Map.of("calibrationEnd", "1997-09-30"));
		int[] seen = new int[3];
		for (int c = 0; c < data.customerCount(); c++) {
			double notAlive = 1 - result.column("p_alive").orElseThrow().number(c);
			String expected = notAlive < 0.33 ? "low" : notAlive > 0.66 ? "high" : "medium";
			assertEquals(expected, result.column("churn_risk").orElseThrow().format(c));
			assertEquals(expected, result.labelOf(c).orElseThrow().id());
			seen[result.labelIndexes()[c]]++;
		}
		assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, java.util.Arrays.toString(seen));
		assertEquals(Map.of("low", (long) seen[0], "medium", (long) seen[1], "high", (long) seen[2]), result.counts());
	}

	@Test
	void holdoutCountsPaidPurchaseDaysOfCalibrationCustomers() throws Exception {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		paid(b, "one", at(1, 1, 10, 0, 0), 5000);
		b.order("one", at(2, 1, 10, 0, 0), 2000, OrderStatus.REFUNDED, 1, 0, null);
		paid(b, "merge", at(1, 5, 9, 0, 0), 1000);
		paid(b, "merge", at(1, 20, 8, 0, 0), 2000);
		paid(b, "merge", at(2, 10, 12, 0, 0), 3000);
		b.order("merge", at(2, 15, 12, 0, 0), 9900, OrderStatus.UNPAID, 1, 0, null);
		paid(b, "h1", at(1, 2, 12, 0, 0), 1000);
		paid(b, "h1", at(1, 9, 12, 0, 0), 1000);
		paid(b, "h1", at(2, 3, 9, 0, 0), 1000);
		paid(b, "h1", at(2, 3, 19, 0, 0), 1000);
		paid(b, "h1", at(2, 20, 12, 0, 0), 1000);
		paid(b, "h2", at(1, 15, 12, 0, 0), 1000);
		paid(b, "h2", at(2, 28, 12, 0, 0), 1000);
		paid(b, "h2", at(2, 29, 23, 0, 0), 1000);
		paid(b, "h2", at(3, 1, 0, 0, 0), 1000);
		// first purchase in the holdout period: not a calibration customer, its purchase is not counted
		paid(b, "late", at(2, 1, 12, 0, 0), 1000);
		paid(b, "late", at(2, 2, 12, 0, 0), 1000);
		CustomerDataset data = b.build();
		CustomerClassification result = ModelRegistry.run(registry.model("bgnbd"), data, AS_OF,
				Map.of("calibrationEnd", "2024-01-31"));
		Map<String, Object> holdout = map(result.summary().get("holdout"));
		assertEquals("2024-02-01", holdout.get("start"));
		assertEquals("2024-02-29", holdout.get("end"));
		assertEquals(29 / 7.0, (Double) holdout.get("weeks"), 1e-12);
		assertEquals(4L, holdout.get("customers"));
		// one: 0 (refund); merge: Feb 10; h1: Feb 3 (two orders), Feb 20; h2: Feb 28, Feb 29
		assertEquals(5L, holdout.get("actual"));
		@SuppressWarnings("unchecked")
		List<Object> byX = (List<Object>) holdout.get("by_x");
		Map<String, Object> x0 = map(byX.get(0));
		Map<String, Object> x1 = map(byX.get(1));
		assertEquals(2L, x0.get("customers")); // one, h2
		assertEquals(2L, x0.get("actual"));
		assertEquals(1.0, (Double) x0.get("actual_mean"), 1e-12);
		assertEquals(2L, x1.get("customers")); // merge, h1
		assertEquals(3L, x1.get("actual"));
		assertEquals(0L, map(byX.get(7)).get("customers"));
		assertNull(map(byX.get(7)).get("actual_mean"));
		BgNbd model = fitted(result);
		double weeks = 29 / 7.0;
		double predicted = model.expectedPurchases(weeks, 0, 0, 30 / 7.0) // one: Jan 1 … Jan 31
				+ model.expectedPurchases(weeks, 0, 0, 16 / 7.0) // h2: Jan 15
				+ model.expectedPurchases(weeks, 1, 15 / 7.0, 26 / 7.0) // merge: Jan 5, Jan 20
				+ model.expectedPurchases(weeks, 1, 7 / 7.0, 29 / 7.0); // h1: Jan 2, Jan 9
		assertEquals(predicted, (Double) holdout.get("predicted"), 1e-9);
		assertTrue(result.labelOf(data.indexOf("late")).isEmpty());
	}

	@Test
	void badParametersNameTheirKey() throws Exception {
		CustomerDataset data = dataset();
		for (String id : List.of("bgnbd", "paretonbd")) {
			LifecycleModel model = registry.model(id);
			assertKey("calibrationEnd", () -> ModelRegistry.run(model, data, AS_OF, Map.of("calibrationEnd", "2024-03-01")));
			assertKey("calibrationEnd", () -> ModelRegistry.run(model, data, AS_OF, Map.of("calibrationEnd", "2024-04-01")));
			assertKey("calibrationEnd", () -> ModelRegistry.run(model, data, AS_OF, Map.of("calibrationEnd", "2024-02-30")));
			// before every purchase: nothing to fit
			assertKey("calibrationEnd", () -> ModelRegistry.run(model, data, AS_OF, Map.of("calibrationEnd", "2023-12-31")));
			// Jan 1: purchases, but nobody can have bought again yet
			assertKey("calibrationEnd", () -> ModelRegistry.run(model, data, AS_OF, Map.of("calibrationEnd", "2024-01-01")));
			assertKey("horizonWeeks", () -> ModelRegistry.run(model, data, AS_OF, Map.of("horizonWeeks", "0")));
			assertKey("horizonWeeks", () -> ModelRegistry.run(model, data, AS_OF, Map.of("horizonWeeks", "52.5")));
			assertKey("horizonWeeks", () -> ModelRegistry.run(model, data, AS_OF, Map.of("horizonWeeks", "521")));
			assertKey("discountRate", () -> ModelRegistry.run(model, data, AS_OF, Map.of("discountRate", "-1%")));
			assertKey("discountRate", () -> ModelRegistry.run(model, data, AS_OF, Map.of("discountRate", "ten")));
			assertKey("margin", () -> ModelRegistry.run(model, data, AS_OF, Map.of("margin", "1.5")));
			assertKey("horizon", () -> ModelRegistry.run(model, data, AS_OF, Map.of("horizon", "52")));
		}
	}

	private static void assertKey(String key, org.junit.jupiter.api.function.Executable run) {
		ParameterException e = assertThrows(ParameterException.class, run);
		assertEquals(key, e.key(), e.getMessage());
		assertTrue(e.getMessage().contains(key), e.getMessage());
	}

	@Test
	void paretoNbdScoresTheSameCustomersWithItsOwnParameters() throws Exception {
		CustomerDataset data = dataset();
		CustomerClassification result = ModelRegistry.run(registry.model("paretonbd"), data, AS_OF, Map.of());
		Map<String, Object> p = map(result.summary().get("params"));
		assertEquals(List.of("r", "alpha", "s", "beta"), List.copyOf(p.keySet()));
		CustomerBaseModel model = new ParetoNbd((Double) p.get("r"), (Double) p.get("alpha"), (Double) p.get("s"),
				(Double) p.get("beta"));
		assertEquals(model.probabilityAlive(0, 0, 59 / 7.0),
				result.column("p_alive").orElseThrow().number(data.indexOf("one")), 1e-7);
		assertEquals("27.00", cell(result, "monetary_value", data, "merge"));
		assertEquals(FILLERS + 3, map(result.summary().get("calibration")).get("customers"));
	}
}
