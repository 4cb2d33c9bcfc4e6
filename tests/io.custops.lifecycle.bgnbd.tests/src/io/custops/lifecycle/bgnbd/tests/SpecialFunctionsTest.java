package io.custops.lifecycle.bgnbd.tests;

import static io.custops.lifecycle.bgnbd.SpecialFunctions.digamma;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.hyp2f1;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logBeta;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logGamma;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logHyp2f1;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logHyp2f1AOneAbove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values from closed forms and identities, not from another implementation. */
class SpecialFunctionsTest {

	/** Within {@code relative} of the expected value, or of 1 for values below 1 in magnitude. */
	private static void close(double expected, double actual, double relative) {
		assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), () -> "got " + actual);
	}

	@Test
	void logGammaOfKnownValues() {
		// below 15 the argument is shifted up by a product: ln of it costs a few units of 1e-15
		close(0, logGamma(1), 1e-14);
		close(0, logGamma(2), 1e-14);
		close(Math.log(24), logGamma(5), 1e-14);
		close(0.5 * Math.log(Math.PI), logGamma(0.5), 1e-14); // Γ(1/2) = √π
		close(Math.log(0.75 * Math.sqrt(Math.PI)), logGamma(2.5), 1e-14);
		// ln 170! from the sum of logs
		double sum = 0;
		for (int k = 2; k <= 170; k++) {
			sum += Math.log(k);
		}
		close(sum, logGamma(171), 1e-14);
		// Γ(x) ≈ 1/x − γ for tiny x
		close(-Math.log(1e-10) - 0.5772156649015329 * 1e-10, logGamma(1e-10), 1e-14);
		// the recurrence ln Γ(x+1) = ln Γ(x) + ln x across the switch to the asymptotic series
		for (double x = 0.1; x < 40; x += 0.37) {
			close(logGamma(x) + Math.log(x), logGamma(x + 1), 1e-14);
		}
		assertTrue(Double.isNaN(logGamma(0)));
		assertTrue(Double.isNaN(logGamma(-1.5)));
	}

	@Test
	void digammaAndLogBeta() {
		close(-0.5772156649015329, digamma(1), 1e-14);
		close(-0.5772156649015329 - 2 * Math.log(2), digamma(0.5), 1e-14);
		for (double x = 0.05; x < 40; x += 0.41) {
			close(digamma(x) + 1 / x, digamma(x + 1), 1e-13);
		}
		close(-Math.log(3), logBeta(1, 3), 1e-14); // B(1, b) = 1/b
		close(Math.log(Math.PI), logBeta(0.5, 0.5), 1e-14); // B(1/2, 1/2) = π
	}

	@Test
	void hypergeometricClosedForms() {
		for (double z : new double[] { 0, 1e-9, 0.1, 0.5, 0.9, 0.99 }) {
			// 2F1(1, 1; 2; z) = −ln(1 − z) / z
			close(z == 0 ? 1 : -Math.log1p(-z) / z, hyp2f1(1, 1, 2, z), 1e-13);
			// 2F1(a, b; b; z) = (1 − z)^−a
			close(Math.pow(1 - z, -2.7), hyp2f1(2.7, 1.3, 1.3, z), 1e-12);
			// 2F1(1/2, 1; 3/2; z²) = artanh(z) / z
			double w = Math.sqrt(z);
			close(z == 0 ? 1 : 0.5 * (Math.log1p(w) - Math.log1p(-w)) / w, hyp2f1(0.5, 1, 1.5, z), 1e-12);
		}
		// a terminating series: 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
		double b = 3.5;
		double c = 1.25;
		double z = 0.6;
		close(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), hyp2f1(-2, b, c, z), 1e-14);
	}

	@Test
	void hypergeometricWithLargeParametersStaysFinite() {
		// 2F1(a, b; b; z) = (1 − z)^−a with a in the hundreds: about 10^180, far beyond any single series term
		double a = 600;
		double z = 0.5;
		close(-a * Math.log1p(-z), logHyp2f1(a, 2.5, 2.5, z), 1e-12);
		// the Pareto/NBD form 2F1(a, b; a+1; z) against the general function
		double[][] cases = { { 1.16, 1.6, 0.3 }, { 30.2, 26.5, 0.8 }, { 3.3, 0.55, 0.95 }, { 120.7, 1.61, 0.5 } };
		for (double[] k : cases) {
			double expected = logHyp2f1(k[0], k[1], k[0] + 1, k[2]);
			close(expected, logHyp2f1AOneAbove(k[0], k[1], k[2], Math.log1p(-k[2])), 1e-12);
		}
		// ∫0^1 a t^(a−1) (1 − z t)^−b dt = 2F1(a, b; a+1; z), by the midpoint rule on a fine grid
		double aa = 2.3;
		double bb = 1.7;
		double zz = 0.7;
		int n = 200_000;
		double integral = 0;
		for (int i = 0; i < n; i++) {
			double t = (i + 0.5) / n;
			integral += aa * Math.pow(t, aa - 1) * Math.pow(1 - zz * t, -bb) / n;
		}
		close(integral, hyp2f1(aa, bb, aa + 1, zz), 1e-8);
		assertTrue(Double.isNaN(hyp2f1(1, 1, 2, 1.0)));
		assertTrue(Double.isNaN(hyp2f1(1, 1, 2, -0.1)));
	}
}
