package io.custops.lifecycle.bgnbd.tests;

import static io.custops.lifecycle.bgnbd.SpecialFunctions.logBeta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.custops.lifecycle.bgnbd.BgNbd;
import io.custops.lifecycle.bgnbd.CustomerBaseModel;
import io.custops.lifecycle.bgnbd.GammaGamma;
import io.custops.lifecycle.bgnbd.ParetoNbd;
import io.custops.lifecycle.bgnbd.PurchaseSummary;

/** The closed forms checked against the models' definitions by numerical integration and summation. */
class ModelMathTest {

	private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426);
	private static final ParetoNbd PARETO_ALPHA_SMALLER = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
	private static final ParetoNbd PARETO_ALPHA_LARGER = new ParetoNbd(1.3, 25, 2.2, 6);
	/** α and β far apart: z close to 1 for short times, where the 2F1 series alone would crawl. */
	private static final ParetoNbd[] PARETO_FAR_APART = { new ParetoNbd(0.5, 0.3, 2.0, 300),
			new ParetoNbd(0.8, 500, 1.5, 0.2), new ParetoNbd(0.53, 1.66, 196, 2243), new ParetoNbd(1.0, 0.05, 0.7, 80) };

	/** Midpoint rule on [from, to]. */
	private static double integrate(java.util.function.DoubleUnaryOperator f, double from, double to, int n) {
		double h = (to - from) / n;
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += f.applyAsDouble(from + (i + 0.5) * h);
		}
		return sum * h;
	}

	@Test
	void bgnbdCountDistributionSumsToOneAndToItsMean() {
		for (double t : new double[] { 1, 39, 78 }) {
			double total = 0;
			double mean = 0;
			for (int n = 0; n < 3000; n++) {
				double p = BG.probabilityOfPurchases(n, t);
				total += p;
				mean += n * p;
			}
			assertEquals(1, total, 1e-9, "t=" + t);
			assertEquals(mean, BG.expectedPurchasesNewCustomer(t), 1e-8, "t=" + t);
		}
	}

	/**
	 * Given alive at T, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), and the expected purchases in t
	 * more weeks are E[(1 − e^(−λpt)) / p] = ∫ Beta(p) (1 − ((α+T)/(α+T+pt))^(r+x)) / p dp.
	 */
	@Test
	void bgnbdConditionalExpectationMatchesItsIntegral() {
		for (BgNbd m : new BgNbd[] { BG, new BgNbd(1.5, 20, 3.2, 9), new BgNbd(0.7, 3, 1.0, 1.5) }) {
			for (int x : new int[] { 0, 1, 2, 26 }) {
				double age = 38.86;
				double t = 39;
				double scale = m.alpha() + age;
				double logB = logBeta(m.a(), m.b() + x);
				java.util.function.DoubleUnaryOperator inner = p -> -Math.expm1(-(m.r() + x) * Math.log1p(p * t / scale))
						/ p * Math.pow(1 - p, m.b() + x - 1);
				// for a < 1, p = u^(1/a) takes the p^(a−1) singularity out: p^(a−1) dp = du / a
				double integral = (m.a() < 1
						? integrate(u -> inner.applyAsDouble(Math.pow(u, 1 / m.a())) / m.a(), 0, 1, 400_000)
						: integrate(p -> Math.pow(p, m.a() - 1) * inner.applyAsDouble(p), 0, 1, 400_000))
						/ Math.exp(logB);
				assertEquals(integral, m.expectedPurchasesIfAlive(t, x, age), 2e-6 * Math.max(1, integral),
						m + " x=" + x);
			}
		}
	}

	@Test
	void bgnbdNearAEqualToOneIsContinuous() {
		double at = new BgNbd(0.5, 5, 1, 3).expectedPurchases(30, 3, 20, 35);
		double below = new BgNbd(0.5, 5, 1 - 1e-7, 3).expectedPurchases(30, 3, 20, 35);
		double above = new BgNbd(0.5, 5, 1 + 1e-7, 3).expectedPurchases(30, 3, 20, 35);
		assertEquals(at, below, 1e-6);
		assertEquals(at, above, 1e-6);
	}

	/** P(alive)^−1 = 1 + s (α+T)^(r+x) (β+T)^s ∫ from t_x to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ. */
	@Test
	void paretoProbabilityAliveMatchesItsIntegral() {
		List<ParetoNbd> models = new ArrayList<>(List.of(PARETO_ALPHA_SMALLER, PARETO_ALPHA_LARGER));
		models.addAll(List.of(PARETO_FAR_APART));
		for (ParetoNbd m : models) {
			for (double[] h : new double[][] { { 0, 0, 38.86 }, { 2, 30.43, 38.86 }, { 7, 5, 30 }, { 1, 30, 30 },
					{ 3, 0.5, 9 }, { 40, 2, 10 } }) {
				int x = (int) h[0];
				double tx = h[1];
				double age = h[2];
				// in u = ln(α+τ), where the integrand is smooth however small α is
				double integral = integrate(u -> {
					double tau = Math.exp(u) - m.alpha();
					return Math.exp(u - (m.r() + x) * u - (m.s() + 1) * Math.log(m.beta() + tau)
							+ (m.r() + x) * Math.log(m.alpha() + age) + m.s() * Math.log(m.beta() + age));
				}, Math.log(m.alpha() + tx), Math.log(m.alpha() + age), 200_000);
				assertEquals(1 / (1 + m.s() * integral), m.probabilityAlive(x, tx, age), 1e-7,
						m + " x=" + x + " t_x=" + tx + " T=" + age);
			}
		}
	}

	/** Given alive at T, E = E[λ] E[min(lifetime, t)] = (r+x)/(α+T) ∫0^t ((β+T)/(β+T+u))^s du. */
	@Test
	void paretoExpectationsMatchTheirIntegrals() {
		for (ParetoNbd m : new ParetoNbd[] { PARETO_ALPHA_SMALLER, PARETO_ALPHA_LARGER, new ParetoNbd(0.5, 8, 1, 12) }) {
			double age = 20;
			int x = 3;
			double t = 52;
			double expected = (m.r() + x) / (m.alpha() + age)
					* integrate(u -> Math.pow((m.beta() + age) / (m.beta() + age + u), m.s()), 0, t, 100_000);
			assertEquals(expected, m.expectedPurchasesIfAlive(t, x, age), 1e-8, m.toString());
			double newCustomer = m.r() / m.alpha() * integrate(u -> Math.pow(m.beta() / (m.beta() + u), m.s()), 0, t,
					100_000);
			assertEquals(newCustomer, m.expectedPurchasesNewCustomer(t), 1e-8, m.toString());
		}
	}

	@Test
	void summaryLikelihoodsAreTheSumOfTheCustomers() {
		int[] x = { 0, 0, 1, 2, 2, 5, 0, 26 };
		double[] tx = { 0, 0, 3.5, 10, 10, 20.25, 0, 30.857 };
		double[] age = { 38.86, 38.86, 12, 30, 30, 35, 2, 31 };
		PurchaseSummary summary = PurchaseSummary.of(x, tx, age);
		assertEquals(6, summary.groupCount());
		assertEquals(8.0, summary.customers());
		assertEquals(summary.groupOf(0), summary.groupOf(1));
		assertEquals(2.0, summary.weight(summary.groupOf(3)));
		List<CustomerBaseModel> models = new ArrayList<>(List.of(BG, PARETO_ALPHA_SMALLER, PARETO_ALPHA_LARGER));
		models.addAll(List.of(PARETO_FAR_APART));
		for (CustomerBaseModel m : models) {
			double sum = 0;
			for (int c = 0; c < x.length; c++) {
				sum += m.logLikelihood(x[c], tx[c], age[c]);
			}
			assertEquals(sum, m.logLikelihood(summary), 1e-9 * Math.max(1, Math.abs(sum)), m.toString());
		}
		// the same customers counted in days: the same groups
		PurchaseSummary days = PurchaseSummary.ofDays(new int[] { 0, 2, 2 }, new int[] { 0, 70, 70 },
				new int[] { 272, 210, 210 });
		assertEquals(2, days.groupCount());
		assertEquals(272 / 7.0, days.age(days.groupOf(0)));
		assertThrows(IllegalArgumentException.class, () -> PurchaseSummary.of(new int[] { 1 }, new double[] { 5 },
				new double[] { 4 }));
		assertThrows(IllegalArgumentException.class, () -> PurchaseSummary.ofDays(new int[] { 0 }, new int[] { 3 },
				new int[] { 4 }));
	}

	@Test
	void gammaGammaIsAProperDensityWithTheRightConditionalMean() {
		GammaGamma m = new GammaGamma(6.25, 3.74, 15.44);
		// the density of z̄ for x = 3 integrates to one and has mean E[M] = pγ/(q−1)
		double total = integrate(z -> Math.exp(m.logLikelihood(3, z)), 1e-9, 2000, 2_000_000);
		assertEquals(1, total, 1e-4);
		assertEquals(6.25 * 15.44 / 2.74, m.populationMean(), 1e-12);
		// the conditional mean weighs the population mean and the customer's own mean
		double weight = (6.25 * 2) / (6.25 * 2 + 3.74 - 1);
		assertEquals((1 - weight) * m.populationMean() + weight * 22.345, m.conditionalExpectedAverage(2, 22.345), 1e-12);
		assertEquals(m.populationMean(), m.conditionalExpectedAverage(0, 0), 1e-12);
		assertEquals(Double.NaN, new GammaGamma(2, 0.8, 10).populationMean());
		assertThrows(IllegalArgumentException.class, () -> new GammaGamma(0, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> new BgNbd(1, Double.POSITIVE_INFINITY, 1, 1));
	}
}
