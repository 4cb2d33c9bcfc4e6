package io.custops.lifecycle.bgnbd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;
import io.custops.core.spi.CustomerClassification;
import io.custops.lifecycle.bgnbd.BgNbd;
import io.custops.lifecycle.bgnbd.ModelFit;
import io.custops.lifecycle.bgnbd.ParetoNbd;
import io.custops.lifecycle.bgnbd.PurchaseSummary;

/**
 * Data simulated from the models: the fits recover the parameters they were simulated with, and
 * they converge where the scale of the data changes (weeks, days, hours). The timings are only
 * printed: no assertion depends on the speed of the machine.
 */
class LargeDataTest {

	/** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shapes below one. */
	static double gamma(SplittableRandom random, double shape) {
		if (shape < 1) {
			return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double z = random.nextGaussian();
			double v = 1 + c * z;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			if (Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	static double beta(SplittableRandom random, double a, double b) {
		double g = gamma(random, a);
		return g / (g + gamma(random, b));
	}

	private static long cents(SplittableRandom random, double nu) {
		return Math.max(1, Math.round(gamma(random, 6) / nu * 100));
	}

	/** BG/NBD in continuous time: first purchases spread over 12 weeks, calibration of 52 weeks. */
	@Test
	void bgnbdFitRecoversTheSimulatedParameters() {
		BgNbd truth = new BgNbd(0.25, 4, 0.8, 2.4);
		int n = 100_000;
		SplittableRandom random = new SplittableRandom(20240301);
		int[] x = new int[n];
		double[] tx = new double[n];
		double[] age = new double[n];
		for (int c = 0; c < n; c++) {
			age[c] = 52 - 12 * random.nextDouble();
			double lambda = gamma(random, truth.r()) / truth.alpha();
			double p = beta(random, truth.a(), truth.b());
			double t = 0;
			while (true) {
				t += -Math.log1p(-random.nextDouble()) / lambda;
				if (t > age[c]) {
					break;
				}
				x[c]++;
				tx[c] = t;
				if (random.nextDouble() < p) {
					break;
				}
			}
		}
		long start = System.nanoTime();
		ModelFit<BgNbd> fit = BgNbd.fit(PurchaseSummary.of(x, tx, age));
		System.out.printf("BG/NBD on %d simulated customers (all histories distinct): %.0f ms, %s%n", n,
				(System.nanoTime() - start) / 1e6, fit.model());
		assertTrue(fit.optimizer().converged(), fit.optimizer().toString());
		assertEquals(truth.r(), fit.model().r(), 0.05 * truth.r());
		assertEquals(truth.alpha(), fit.model().alpha(), 0.05 * truth.alpha());
		assertEquals(truth.a(), fit.model().a(), 0.05 * truth.a());
		assertEquals(truth.b(), fit.model().b(), 0.05 * truth.b());
	}

	/** lifetimes' Nelder–Mead from (1, 1, 1, 1) struggles unless times are rescaled; this fit does not care. */
	@Test
	void fitsConvergeWhateverTheTimeUnit() throws Exception {
		List<String> lines = Cdnow.lines("data/cdnow_customers_summary_with_transactions.csv");
		int n = lines.size() - 1;
		int[] x = new int[n];
		double[] weeks = new double[n];
		double[] ageWeeks = new double[n];
		for (int i = 0; i < n; i++) {
			String[] f = lines.get(i + 1).split(",");
			x[i] = Integer.parseInt(f[1]);
			weeks[i] = Double.parseDouble(f[2]);
			ageWeeks[i] = Double.parseDouble(f[3]);
		}
		BgNbd reference = BgNbd.fit(PurchaseSummary.of(x, weeks, ageWeeks)).model();
		ParetoNbd paretoReference = ParetoNbd.fit(PurchaseSummary.of(x, weeks, ageWeeks)).model();
		for (double unit : new double[] { 7, 7 * 24, 1 / 52.0 }) {
			double[] tx = new double[n];
			double[] age = new double[n];
			for (int i = 0; i < n; i++) {
				tx[i] = weeks[i] * unit;
				age[i] = ageWeeks[i] * unit;
			}
			ModelFit<BgNbd> fit = BgNbd.fit(PurchaseSummary.of(x, tx, age));
			assertTrue(fit.optimizer().converged(), unit + ": " + fit.optimizer());
			assertEquals(reference.r(), fit.model().r(), 1e-4, "r at unit " + unit);
			assertEquals(reference.alpha() * unit, fit.model().alpha(), 1e-4 * reference.alpha() * unit);
			assertEquals(reference.a(), fit.model().a(), 1e-4);
			assertEquals(reference.b(), fit.model().b(), 1e-3);
			ModelFit<ParetoNbd> pareto = ParetoNbd.fit(PurchaseSummary.of(x, tx, age));
			assertTrue(pareto.optimizer().converged(), unit + ": " + pareto.optimizer());
			assertEquals(paretoReference.r(), pareto.model().r(), 1e-4);
			assertEquals(paretoReference.s(), pareto.model().s(), 1e-4);
			assertEquals(paretoReference.beta() * unit, pareto.model().beta(), 1e-3 * paretoReference.beta() * unit);
		}
	}

	/**
	 * A million customers with day-resolution histories, as a shop's data would give: the fit on
	 * the grouped summary, then the whole service through the registry. Prints the times.
	 */
	@Test
	void aMillionCustomers() throws Exception {
		int n = 1_000_000;
		SplittableRandom random = new SplittableRandom(42);
		LocalDate origin = LocalDate.of(2025, 1, 1);
		int calibrationDays = 364;
		CustomerDatasetBuilder builder = CustomerDataset.builder(ZoneOffset.UTC);
		int[] x = new int[n];
		int[] txDays = new int[n];
		int[] ageDays = new int[n];
		long orders = 0;
		long base = CustomerDataset.localSeconds(origin.atTime(10, 0));
		for (int c = 0; c < n; c++) {
			String id = Integer.toString(c);
			int first = random.nextInt(84);
			double lambda = gamma(random, 0.25) / 4.0;
			double p = beta(random, 0.8, 2.4);
			// Gamma-Gamma spend with p = 6, q = 4, γ = 15: values Gamma(6, ν) with ν ~ Gamma(4, 15)
			double nu = gamma(random, 4) / 15;
			builder.order(id, base + first * 86_400L, cents(random, nu), OrderStatus.PAID, 1, 0, null);
			orders++;
			double t = first / 7.0;
			int last = first;
			while (true) {
				t += -Math.log1p(-random.nextDouble()) / lambda;
				int day = (int) Math.floor(t * 7);
				if (day > calibrationDays) {
					break;
				}
				builder.order(id, base + day * 86_400L, cents(random, nu), OrderStatus.PAID, 1, 0, null);
				orders++;
				if (day > last) {
					x[c]++;
					last = day;
				}
				if (random.nextDouble() < p) {
					break;
				}
			}
			txDays[c] = last - first;
			ageDays[c] = calibrationDays - first;
		}
		long t0 = System.nanoTime();
		PurchaseSummary summary = PurchaseSummary.ofDays(x, txDays, ageDays);
		long t1 = System.nanoTime();
		ModelFit<BgNbd> fit = BgNbd.fit(summary);
		long t2 = System.nanoTime();
		System.out.printf("BG/NBD, %d customers: %d distinct histories, grouped in %.0f ms, fitted in %.0f ms "
				+ "(%d evaluations, converged %s): %s%n", n, summary.groupCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
				fit.optimizer().evaluations(), fit.optimizer().converged(), fit.model());
		assertTrue(fit.optimizer().converged());
		ModelFit<ParetoNbd> pareto = ParetoNbd.fit(summary);
		long t3 = System.nanoTime();
		System.out.printf("Pareto/NBD, same summary: fitted in %.0f ms (%d evaluations, converged %s): %s%n",
				(t3 - t2) / 1e6, pareto.optimizer().evaluations(), pareto.optimizer().converged(), pareto.model());

		CustomerDataset data = builder.build();
		try (ModelRegistry registry = new ModelRegistry()) {
			long t4 = System.nanoTime();
			CustomerClassification result = ModelRegistry.run(registry.model("bgnbd"), data,
					origin.plusDays(calibrationDays + 1), Map.of());
			long t5 = System.nanoTime();
			System.out.printf("bgnbd service, %d customers, %d orders: %.0f ms (summary, BG/NBD and Gamma-Gamma fits, "
					+ "per-customer predictions)%n", n, orders, (t5 - t4) / 1e6);
			@SuppressWarnings("unchecked")
			Map<String, Object> params = (Map<String, Object>) result.summary().get("params");
			// the service builds the same summary from the orders as this test did by hand
			assertEquals(fit.model().r(), (Double) params.get("r"), 1e-6);
			assertEquals(fit.model().b(), (Double) params.get("b"), 1e-5);
			assertEquals(n, result.counts().values().stream().mapToLong(Long::longValue).sum());
			// Gamma-Gamma finds the spend it was simulated with (loosely: same-day orders are summed)
			@SuppressWarnings("unchecked")
			Map<String, Object> gg = (Map<String, Object>) result.summary().get("gamma_gamma");
			System.out.println("Gamma-Gamma on the simulated spend (p = 6, q = 4, gamma = 15): " + gg);
			assertEquals(6, (Double) gg.get("p"), 0.6);
			assertEquals(4, (Double) gg.get("q"), 0.4);
			assertEquals(15, (Double) gg.get("gamma"), 1.5);
		}
	}
}
