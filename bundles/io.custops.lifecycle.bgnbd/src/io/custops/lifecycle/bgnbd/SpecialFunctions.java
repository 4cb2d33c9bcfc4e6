package io.custops.lifecycle.bgnbd;

/**
 * The special functions the customer-base models need: log-gamma, digamma and the Gaussian
 * hypergeometric function 2F1 for arguments in [0, 1), all for real arguments.
 */
public final class SpecialFunctions {

	private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

	/** Below this the recurrences shift the argument up before the asymptotic series. */
	private static final double ASYMPTOTIC_FROM = 15;

	private static final int MAX_SERIES_TERMS = 2_000_000;
	private static final int LIKELIHOOD_SERIES_TERMS = 50_000;

	/** Rescaling step of the 2F1 series, so that huge intermediate terms do not overflow. */
	private static final double SCALE = 1e200;
	private static final double LOG_SCALE = Math.log(SCALE);

	private SpecialFunctions() {
	}

	/** ln Γ(x) for x &gt; 0; NaN otherwise. Absolute error a few 1e-15 for moderate x, relative 1e-15 for large x. */
	public static double logGamma(double x) {
		if (!(x > 0)) {
			return Double.NaN;
		}
		if (x == Double.POSITIVE_INFINITY) {
			return x;
		}
		double shift = 0;
		if (x < ASYMPTOTIC_FROM) {
			// Γ(x) = Γ(x+n) / (x (x+1) … (x+n-1)); the product stays far from overflow below 15
			double product = 1;
			while (x < ASYMPTOTIC_FROM) {
				product *= x;
				x += 1;
			}
			shift = Math.log(product);
		}
		// Stirling's series with the Bernoulli terms up to B14
		return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingSeries(x) - shift;
	}

	/**
	 * ln Γ(x + d) − ln Γ(x) for x &gt; 0 and x + d &gt; 0, accurate also when x is huge (where the
	 * difference of two logGamma values would lose every digit): a fit drives shape parameters
	 * towards infinity when the data show no heterogeneity.
	 */
	public static double logGammaRatio(double x, double d) {
		if (d == 0) {
			return 0;
		}
		double y = x + d;
		if (!(x >= ASYMPTOTIC_FROM && y >= ASYMPTOTIC_FROM)) {
			return logGamma(y) - logGamma(x);
		}
		// (y − ½) ln y − (x − ½) ln x = (x − ½) ln(1 + d/x) + d ln y
		return (x - 0.5) * Math.log1p(d / x) + d * Math.log(y) - d + stirlingSeries(y) - stirlingSeries(x);
	}

	/** ψ(x + d) − ψ(x) for x &gt; 0 and x + d &gt; 0, accurate also when x is huge. */
	public static double digammaDifference(double x, double d) {
		if (d == 0) {
			return 0;
		}
		double y = x + d;
		if (!(x >= ASYMPTOTIC_FROM && y >= ASYMPTOTIC_FROM)) {
			return digamma(y) - digamma(x);
		}
		// ln y − 1/(2y) − ln x + 1/(2x) = ln(1 + d/x) + d / (2xy)
		return Math.log1p(d / x) + d / (2 * x * y) - digammaSeries(y) + digammaSeries(x);
	}

	/** ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 15. */
	private static double stirlingSeries(double x) {
		double inv = 1 / x;
		double inv2 = inv * inv;
		return inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
				+ inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
	}

	/** ln x − 1/(2x) − ψ(x) for x ≥ 15. */
	private static double digammaSeries(double x) {
		double inv2 = 1 / (x * x);
		return inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
				- inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
	}

	/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
	public static double logBeta(double a, double b) {
		return logGamma(a) + logGamma(b) - logGamma(a + b);
	}

	/** ψ(x) = d ln Γ(x) / dx for x &gt; 0; NaN otherwise. */
	public static double digamma(double x) {
		if (!(x > 0)) {
			return Double.NaN;
		}
		double shift = 0;
		while (x < ASYMPTOTIC_FROM) {
			shift += 1 / x;
			x += 1;
		}
		return Math.log(x) - 0.5 / x - digammaSeries(x) - shift;
	}

	/**
	 * The Gaussian hypergeometric function 2F1(a, b; c; z) for real parameters and 0 ≤ z &lt; 1.
	 *
	 * @return the value, NaN when the series does not settle (c a non-positive integer, z out of range)
	 */
	public static double hyp2f1(double a, double b, double c, double z) {
		double[] result = hyp2f1Log(a, b, c, z);
		return result[1] * Math.exp(result[0]);
	}

	/**
	 * ln 2F1(a, b; c; z) for 0 ≤ z &lt; 1 when the value is positive, as it is whenever a, b and c
	 * are positive; NaN when the value is not positive or the series does not settle.
	 */
	public static double logHyp2f1(double a, double b, double c, double z) {
		double[] result = hyp2f1Log(a, b, c, z);
		return result[1] > 0 ? result[0] : Double.NaN;
	}

	/**
	 * ln 2F1(a, b; a + 1; z) for a &gt; 0, 0 &lt; b &lt; a + 1 and 0 ≤ z &lt; 1, given ln(1 − z): the
	 * form in the Pareto/NBD likelihood, evaluated without allocation. After Euler's
	 * transformation it is (1 − z)^(1−b) Σ_k (a+1−b)_k / (a+1)_k z^k, a series of positive terms
	 * whose ratios stay below z.
	 *
	 * @return NaN when more than 50,000 terms would be needed (z within about 1e-3 of 1)
	 */
	public static double logHyp2f1AOneAbove(double a, double b, double z, double logOneMinusZ) {
		if (z == 0) {
			return 0;
		}
		double d = a + 1 - b;
		double c = a + 1;
		if (!(a > 0 && d > 0 && z > 0 && z < 1)) {
			return Double.NaN;
		}
		double term = 1;
		double sum = 1;
		double tailFactor = z / (1 - z);
		// the likelihood calls this for every history at every step of a fit: an argument so close
		// to 1 that the series needs more terms lies in a corner of the parameter space no data
		// supports, and NaN (+∞ for the optimiser) keeps the search out of it
		for (int k = 0; k < LIKELIHOOD_SERIES_TERMS; k++) {
			term *= (d + k) / (c + k) * z;
			sum += term;
			if (term * tailFactor <= 1e-17 * sum) {
				return (1 - b) * logOneMinusZ + Math.log(sum);
			}
		}
		return Double.NaN;
	}

	/**
	 * {ln |2F1|, sign}. The defining series is summed either as it stands or after Euler's
	 * transformation 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c − a, c − b; c; z), whichever has the
	 * smaller numerator parameters: the customer-base models call 2F1 with a or b growing with the
	 * number of purchases and c close to a + b, where the raw series climbs through huge terms
	 * before it converges while the transformed one starts small and falls. The sum is kept in a
	 * scaled form so that it cannot overflow.
	 */
	static double[] hyp2f1Log(double a, double b, double c, double z) {
		if (!(z >= 0 && z < 1) || Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c)) {
			return new double[] { Double.NaN, Double.NaN };
		}
		if (z == 0 || a == 0 || b == 0) {
			return new double[] { 0, 1 };
		}
		boolean polynomial = isNonPositiveInteger(a) || isNonPositiveInteger(b);
		if (!polynomial && Math.abs((c - a) * (c - b)) < Math.abs(a * b)) {
			double[] transformed = series(c - a, c - b, c, z);
			transformed[0] += (c - a - b) * Math.log1p(-z);
			return transformed;
		}
		return series(a, b, c, z);
	}

	private static boolean isNonPositiveInteger(double v) {
		return v <= 0 && v == Math.rint(v);
	}

	/** Σ (a)_k (b)_k / ((c)_k k!) z^k as {ln |sum|, sign}. */
	private static double[] series(double a, double b, double c, double z) {
		double term = 1;
		double sum = 1;
		double logScale = 0;
		for (int k = 0; k < MAX_SERIES_TERMS; k++) {
			double denominator = (c + k) * (k + 1);
			if (denominator == 0) {
				return new double[] { Double.NaN, Double.NaN };
			}
			double ratio = (a + k) * (b + k) / denominator * z;
			term *= ratio;
			sum += term;
			if (term == 0) {
				// a terminating (polynomial) series, or z so small that nothing more counts
				return new double[] { Math.log(Math.abs(sum)) + logScale, Math.signum(sum) };
			}
			if (Math.abs(sum) > SCALE || Math.abs(term) > SCALE) {
				sum /= SCALE;
				term /= SCALE;
				logScale += LOG_SCALE;
			}
			double absRatio = Math.abs(ratio);
			if (absRatio < 1 && k > 0) {
				// the terms now fall at least geometrically with ratio max(|ratio|, z): bound the tail
				double bound = Math.max(absRatio, z);
				double tail = Math.abs(term) * bound / (1 - bound);
				if (tail <= 1e-17 * Math.abs(sum)) {
					return new double[] { Math.log(Math.abs(sum)) + logScale, Math.signum(sum) };
				}
			}
		}
		return new double[] { Double.NaN, Double.NaN };
	}
}
