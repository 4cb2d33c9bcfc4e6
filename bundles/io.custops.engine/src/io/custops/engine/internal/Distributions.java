package io.custops.engine.internal;

/**
 * The normal and Student t distributions, to double precision (about 1e-14): the regularized
 * incomplete gamma and beta functions by series and continued fractions (Lentz), quantiles by
 * bisection on the distribution function, which is monotone.
 */
public final class Distributions {

	private static final double EPS = 1e-16;
	private static final double TINY = 1e-300;

	private Distributions() {
	}

	/** The standard normal distribution function Φ(x). */
	public static double normalCdf(double x) {
		if (x >= 0) {
			return 1 - 0.5 * gammaQ(0.5, x * x / 2);
		}
		return 0.5 * gammaQ(0.5, x * x / 2);
	}

	/** Φ⁻¹(p) for 0 &lt; p &lt; 1. */
	public static double normalQuantile(double p) {
		checkProbability(p);
		double lo = -40;
		double hi = 40;
		for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
			double mid = (lo + hi) / 2;
			if (normalCdf(mid) < p) {
				lo = mid;
			} else {
				hi = mid;
			}
		}
		return (lo + hi) / 2;
	}

	/** The Student t distribution function with {@code df} (&gt; 0, not necessarily whole) degrees of freedom. */
	public static double studentCdf(double t, double df) {
		if (Double.isInfinite(df)) {
			return normalCdf(t);
		}
		double x = df / (df + t * t);
		double tail = 0.5 * betaI(x, df / 2, 0.5);
		return t > 0 ? 1 - tail : tail;
	}

	/** The two-sided p-value of a t statistic: P(|T| ≥ |t|). */
	public static double studentTwoSided(double t, double df) {
		double x = df / (df + t * t);
		return Math.min(1, betaI(x, df / 2, 0.5));
	}

	/** The t quantile: the value below which a share {@code p} of the distribution lies. */
	public static double studentQuantile(double p, double df) {
		checkProbability(p);
		if (p < 0.5) {
			return -studentQuantile(1 - p, df);
		}
		double lo = 0;
		double hi = 1;
		while (studentCdf(hi, df) < p) {
			lo = hi;
			hi *= 2;
			if (hi > 1e12) {
				return hi;
			}
		}
		for (int i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, lo); i++) {
			double mid = (lo + hi) / 2;
			if (studentCdf(mid, df) < p) {
				lo = mid;
			} else {
				hi = mid;
			}
		}
		return (lo + hi) / 2;
	}

	private static void checkProbability(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("probability " + p + " is not in (0, 1)");
		}
	}

	/** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine coefficients). */
	static double logGamma(double x) {
		if (x < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
		}
		double[] c = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
				-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
				1.5056327351493116e-7 };
		double y = x - 1;
		double sum = c[0];
		for (int i = 1; i < 9; i++) {
			sum += c[i] / (y + i);
		}
		double t = y + 7.5;
		return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
	}

	/** The regularized upper incomplete gamma function Q(a, x). */
	static double gammaQ(double a, double x) {
		if (x <= 0) {
			return 1;
		}
		if (x < a + 1) {
			// series for P
			double sum = 1 / a;
			double term = sum;
			for (int n = 1; n < 1000; n++) {
				term *= x / (a + n);
				sum += term;
				if (Math.abs(term) < Math.abs(sum) * EPS) {
					break;
				}
			}
			return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
		}
		// continued fraction for Q
		double b = x + 1 - a;
		double c = 1 / TINY;
		double d = 1 / b;
		double h = d;
		for (int i = 1; i < 1000; i++) {
			double an = -i * (i - a);
			b += 2;
			d = an * d + b;
			if (Math.abs(d) < TINY) {
				d = TINY;
			}
			c = b + an / c;
			if (Math.abs(c) < TINY) {
				c = TINY;
			}
			d = 1 / d;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < EPS) {
				break;
			}
		}
		return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
	}

	/** The regularized incomplete beta function I_x(a, b). */
	static double betaI(double x, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (x >= 1) {
			return 1;
		}
		double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
		if (x < (a + 1) / (a + b + 2)) {
			return front * betaFraction(x, a, b) / a;
		}
		return 1 - front * betaFraction(1 - x, b, a) / b;
	}

	private static double betaFraction(double x, double a, double b) {
		double qab = a + b;
		double qap = a + 1;
		double qam = a - 1;
		double c = 1;
		double d = 1 - qab * x / qap;
		if (Math.abs(d) < TINY) {
			d = TINY;
		}
		d = 1 / d;
		double h = d;
		for (int m = 1; m < 10_000; m++) {
			int m2 = 2 * m;
			double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
			d = 1 + aa * d;
			if (Math.abs(d) < TINY) {
				d = TINY;
			}
			c = 1 + aa / c;
			if (Math.abs(c) < TINY) {
				c = TINY;
			}
			d = 1 / d;
			h *= d * c;
			aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
			d = 1 + aa * d;
			if (Math.abs(d) < TINY) {
				d = TINY;
			}
			c = 1 + aa / c;
			if (Math.abs(c) < TINY) {
				c = TINY;
			}
			d = 1 / d;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < EPS) {
				break;
			}
		}
		return h;
	}
}
