package io.custops.lifecycle.bgnbd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.custops.core.spi.CustomerClassification;
import io.custops.lifecycle.bgnbd.GammaGamma;

/** Where the models must say what they do not know: zero repeat spend, degenerate fits (issue 17). */
class FitWarningsTest {

	private static final LocalDate AS_OF = LocalDate.of(2024, 4, 1);

	private ModelRegistry registry;

	@BeforeEach
	void open() {
		registry = new ModelRegistry();
	}

	@AfterEach
	void close() {
		registry.close();
	}

	private static void paid(CustomerDatasetBuilder b, String customer, LocalDateTime time, long cents) {
		b.order(customer, CustomerDataset.localSeconds(time), cents, OrderStatus.PAID, 1, 0, null);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertNotNull(value);
		return (Map<String, Object>) value;
	}

	/**
	 * A customer whose two repeat purchases are worth 0.00 gets E[M | x = 2, z̄ = 0] = pγ / (2p + q − 1),
	 * not the population mean; one without repeat purchases keeps the population mean. The fit
	 * leaves the zero-spend customer out (ln z̄), and says so with its own count.
	 */
	@Test
	void zeroRepeatSpendGetsTheConditionalExpectation() throws Exception {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		java.util.SplittableRandom random = new java.util.SplittableRandom(11);
		for (int i = 0; i < 300; i++) {
			LocalDateTime first = LocalDateTime.of(2024, 1, 1, 12, 0).plusDays(random.nextInt(28));
			double perDay = LargeDataTest.gamma(random, 0.6) / 8;
			double dropout = LargeDataTest.beta(random, 1, 3);
			double nu = LargeDataTest.gamma(random, 4) / 15;
			double day = 0;
			do {
				paid(b, "f" + i, first.plusDays((long) day), Math.max(1, Math.round(LargeDataTest.gamma(random, 6) / nu * 100)));
				day += -Math.log1p(-random.nextDouble()) / perDay;
			} while (day < 80 && random.nextDouble() > dropout);
		}
		paid(b, "free", LocalDateTime.of(2024, 1, 3, 10, 0), 5000);
		paid(b, "free", LocalDateTime.of(2024, 1, 20, 10, 0), 0);
		paid(b, "free", LocalDateTime.of(2024, 2, 20, 10, 0), 0);
		paid(b, "once", LocalDateTime.of(2024, 1, 3, 10, 0), 5000);
		CustomerDataset data = b.build();
		for (String id : List.of("bgnbd", "paretonbd")) {
			CustomerClassification result = ModelRegistry.run(registry.model(id), data, AS_OF, Map.of());
			Map<String, Object> p = map(result.summary().get("gamma_gamma"));
			GammaGamma spend = new GammaGamma((Double) p.get("p"), (Double) p.get("q"), (Double) p.get("gamma"));
			double expected = spend.p() * spend.gamma() / (2 * spend.p() + spend.q() - 1);
			assertEquals(expected, spend.conditionalExpectedAverage(2, 0), 1e-12);
			assertTrue(Math.abs(expected - spend.populationMean()) > 1, id);
			int free = data.indexOf("free");
			assertEquals("0.00", result.column("monetary_value").orElseThrow().format(free));
			assertEquals(Math.round(expected * 100) / 100.0,
					result.column("expected_avg_spend").orElseThrow().number(free), 1e-9, id);
			assertEquals(Math.round(spend.populationMean() * 100) / 100.0,
					result.column("expected_avg_spend").orElseThrow().number(data.indexOf("once")), 1e-9, id);
			Map<String, Object> calibration = map(result.summary().get("calibration"));
			int fitted = (Integer) calibration.get("gamma_gamma_customers");
			assertEquals(fitted, p.get("customers"));
			assertEquals(fitted + 1, calibration.get("repeat_customers"), id);
		}
	}

	/**
	 * Customers who all buy exactly every week and never leave have no heterogeneity for the
	 * mixing distributions to describe: the fit runs its parameters off to infinity. The summary
	 * says so, in words naming the parameters.
	 */
	@Test
	void degenerateFitIsReported() throws Exception {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		for (int i = 0; i < 200; i++) {
			LocalDateTime first = LocalDateTime.of(2024, 1, 1, 12, 0).plusDays(i % 40);
			for (LocalDateTime t = first; t.toLocalDate().isBefore(AS_OF); t = t.plusDays(7)) {
				paid(b, "w" + i, t, 2000 + 10 * (i % 7));
			}
		}
		CustomerDataset data = b.build();
		CustomerClassification result = ModelRegistry.run(registry.model("bgnbd"), data, AS_OF, Map.of());
		Map<String, Object> summary = result.summary();
		System.out.println("weekly buyers, bgnbd: " + summary.get("params") + " se " + summary.get("params_se")
				+ " warnings " + summary.get("warnings"));
		assertEquals(Boolean.TRUE, summary.get("degenerate"), summary.get("params").toString());
		@SuppressWarnings("unchecked")
		List<String> warnings = (List<String>) summary.get("warnings");
		assertTrue(warnings.get(0).startsWith("The BG/NBD fit is degenerate: "), warnings.toString());
		assertTrue(warnings.get(0).contains("churn-risk bands are not to be trusted"), warnings.get(0));
		// the same warnings in Chinese, in the same order, for the workbench and the reports
		@SuppressWarnings("unchecked")
		List<String> zh = (List<String>) summary.get("warnings_zh");
		assertEquals(warnings.size(), zh.size(), zh.toString());
		assertTrue(zh.get(0).startsWith("BG/NBD 拟合退化：") && zh.get(0).contains("流失风险分组都不可信"), zh.get(0));
	}
}
