package io.custops.lifecycle.bgnbd;

import static io.custops.lifecycle.bgnbd.SpecialFunctions.logBeta;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logGamma;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logGammaRatio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005, "Counting your customers the easy way"):
 * while alive a customer buys as a Poisson process of rate λ, λ ~ Gamma(r, α) across customers;
 * after each purchase she drops out with probability p, p ~ Beta(a, b).
 */
public record BgNbd(double r, double alpha, double a, double b) implements CustomerBaseModel {

	public BgNbd {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
			throw new IllegalArgumentException(
					"BG/NBD parameters must be positive and finite: r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b);
		}
	}

	@Override
	public Map<String, Double> parameters() {
		Map<String, Double> map = new LinkedHashMap<>();
		map.put("r", r);
		map.put("alpha", alpha);
		map.put("a", a);
		map.put("b", b);
		return map;
	}

	/**
	 * ln L = ln[Γ(r+x) α^r / Γ(r)] + ln[B(a, b+x) / B(a, b)] + ln[(α+T)^−(r+x) + δ(x&gt;0) a/(b+x−1) (α+t_x)^−(r+x)],
	 * computed as ln Γ(r+x) − ln Γ(r) + ln Γ(b+x) − ln Γ(b) − [ln Γ(a+b+x) − ln Γ(a+b)]
	 * + ln[e^A + δ(x&gt;0) e^D] with A = −r ln(1 + T/α) − x ln(α+T) and
	 * D = ln a − ln(b+x−1) − r ln(1 + t_x/α) − x ln(α+t_x): every piece stays accurate when a
	 * shape parameter and its scale grow together without bound, as they do in a fit to data
	 * without heterogeneity.
	 */
	@Override
	public double logLikelihood(int x, double tx, double age) {
		double head = logGammaRatio(r, x) + logGammaRatio(b, x) - logGammaRatio(a + b, x);
		double alive = -r * Math.log1p(age / alpha) - x * Math.log(alpha + age);
		if (x == 0) {
			return head + alive;
		}
		double dead = Math.log(a) - Math.log(b + x - 1) - r * Math.log1p(tx / alpha) - x * Math.log(alpha + tx);
		return head + logAddExp(alive, dead);
	}

	@Override
	public double logLikelihood(PurchaseSummary data) {
		return logLikelihood(r, alpha, a, b, data);
	}

	/** The log-likelihood of a summary, with the terms depending on x, t_x or T alone computed once per distinct value. */
	static double logLikelihood(double r, double alpha, double a, double b, PurchaseSummary data) {
		return logLikelihood(r, alpha, a, b, data, null);
	}

	/**
	 * The log-likelihood of a summary (in the form of {@link #logLikelihood(int, double, double)})
	 * and, when {@code gradient} is given, its derivatives with respect to (ln r, ln α, ln a, ln b).
	 * With w = e^A / (e^A + e^D) the posterior weight of "alive at T" in a customer's likelihood:
	 * ∂/∂ln r = r [ψ(r+x) − ψ(r) − w ln(1+T/α) − (1−w) ln(1+t_x/α)],
	 * ∂/∂ln α = w (rT − xα)/(α+T) + (1−w) (rt_x − xα)/(α+t_x),
	 * ∂/∂ln a = −a [ψ(a+b+x) − ψ(a+b)] + (1−w) and
	 * ∂/∂ln b = b [ψ(b+x) − ψ(b) − ψ(a+b+x) + ψ(a+b) − (1−w)/(b+x−1)].
	 */
	static double logLikelihood(double r, double alpha, double a, double b, PurchaseSummary data, double[] gradient) {
		int[] distinctX = data.distinctX();
		double[] weightPerX = data.weightPerX();
		double logA = Math.log(a);
		double[] dead = new double[distinctX.length];
		double[] inverseBx = new double[distinctX.length];
		double total = 0;
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			total += weightPerX[m] * (SpecialFunctions.logGammaRatio(r, x) + SpecialFunctions.logGammaRatio(b, x)
					- SpecialFunctions.logGammaRatio(a + b, x));
			dead[m] = x > 0 ? logA - Math.log(b + x - 1) : Double.NaN;
			inverseBx[m] = x > 0 ? 1 / (b + x - 1) : 0;
		}
		double[] distinctAge = data.distinctAge();
		double[] distinctTx = data.distinctTx();
		double[] logAge = logShifted(alpha, distinctAge);
		double[] logTx = logShifted(alpha, distinctTx);
		double[] shareAge = log1pOver(alpha, distinctAge);
		double[] shareTx = log1pOver(alpha, distinctTx);
		int[] xs = data.xs();
		double[] weight = data.weights();
		int[] xIndex = data.xIndex();
		int[] ageIndex = data.ageIndex();
		int[] txIndex = data.txIndex();
		if (gradient == null) {
			return total + GroupSums.sum(data.groupCount(), (from, to) -> {
				double sum = 0;
				for (int g = from; g < to; g++) {
					int x = xs[g];
					int j = ageIndex[g];
					double alive = -r * shareAge[j] - x * logAge[j];
					if (x == 0) {
						sum += weight[g] * alive;
					} else {
						int i = txIndex[g];
						sum += weight[g] * logAddExp(alive, dead[xIndex[g]] - r * shareTx[i] - x * logTx[i]);
					}
				}
				return sum;
			});
		}
		double[] fractionAge = fraction(alpha, distinctAge);
		double[] fractionTx = fraction(alpha, distinctTx);
		// sums: ll, Σ w ln(1+T/α) + (1−w) ln(1+t_x/α), ∂/∂ln α, Σ (1−w), Σ (1−w)/(b+x−1)
		double[] sums = GroupSums.sums(data.groupCount(), 5, (from, to, acc) -> {
			double ll = 0;
			double dr = 0;
			double dalpha = 0;
			double da = 0;
			double db = 0;
			for (int g = from; g < to; g++) {
				int x = xs[g];
				int j = ageIndex[g];
				double alive = -r * shareAge[j] - x * logAge[j];
				double w = weight[g];
				// (rT − xα)/(α+T) with T/(α+T) = f and α/(α+T) = 1 − f
				double slopeAge = r * fractionAge[j] - x * (1 - fractionAge[j]);
				if (x == 0) {
					ll += w * alive;
					dr += w * shareAge[j];
					dalpha += w * slopeAge;
					continue;
				}
				int i = txIndex[g];
				int m = xIndex[g];
				double died = dead[m] - r * shareTx[i] - x * logTx[i];
				double dropped = 1 / (1 + Math.exp(alive - died));
				double kept = 1 - dropped;
				ll += w * logAddExp(alive, died);
				dr += w * (kept * shareAge[j] + dropped * shareTx[i]);
				dalpha += w * (kept * slopeAge + dropped * (r * fractionTx[i] - x * (1 - fractionTx[i])));
				da += w * dropped;
				db += w * dropped * inverseBx[m];
			}
			acc[0] += ll;
			acc[1] += dr;
			acc[2] += dalpha;
			acc[3] += da;
			acc[4] += db;
		});
		double gr = -sums[1];
		double ga = 0;
		double gb = -sums[4];
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			double psiABX = SpecialFunctions.digammaDifference(a + b, x);
			gr += weightPerX[m] * SpecialFunctions.digammaDifference(r, x);
			ga -= weightPerX[m] * psiABX;
			gb += weightPerX[m] * (SpecialFunctions.digammaDifference(b, x) - psiABX);
		}
		gradient[0] = r * gr;
		gradient[1] = sums[2];
		gradient[2] = a * ga + sums[3];
		gradient[3] = b * gb;
		return total + sums[0];
	}

	/** ln(1 + v/shift) for each value. */
	static double[] log1pOver(double shift, double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = Math.log1p(values[i] / shift);
		}
		return out;
	}

	/** v/(shift + v) for each value. */
	private static double[] fraction(double shift, double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = values[i] / (shift + values[i]);
		}
		return out;
	}


	static double[] logShifted(double shift, double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = Math.log(shift + values[i]);
		}
		return out;
	}

	static double logAddExp(double u, double v) {
		if (u == Double.NEGATIVE_INFINITY) {
			return v;
		}
		if (v == Double.NEGATIVE_INFINITY) {
			return u;
		}
		return Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
	}

	/** P(alive | x, t_x, T) = 1 / (1 + δ(x&gt;0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)). */
	@Override
	public double probabilityAlive(int x, double tx, double age) {
		if (x == 0) {
			return 1;
		}
		double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
		return 1 / (1 + Math.exp(logOdds));
	}

	/**
	 * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
	 * / (1 + δ(x&gt;0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).
	 *
	 * <p>See {@link #expectedPurchasesIfAlive} for how the bracket is computed.
	 */
	@Override
	public double expectedPurchases(double weeks, int x, double tx, double age) {
		return expectedPurchasesIfAlive(weeks, x, age) * probabilityAlive(x, tx, age);
	}

	/**
	 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t):
	 * the expectation above without P(alive).
	 *
	 * <p>Where Euler's transformation gives the smaller series — with a near 1 always — the
	 * bracket becomes 1 − (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z). Writing ε = a − 1 and
	 * 2F1(A, ε; c; z) = 1 + ε S, the bracket divided by ε is −(e^(εL) − 1)/ε − e^(εL) S with
	 * L = ln(1 − z): finite and accurate also at a = 1, where the textbook form divides two
	 * vanishing quantities. Otherwise (a far above 1, where p hardly varies between customers)
	 * the bracket is taken as it stands, with 2F1 in log space.
	 */
	@Override
	public double expectedPurchasesIfAlive(double weeks, int x, double age) {
		if (!(weeks > 0)) {
			return 0;
		}
		double epsilon = a - 1;
		double c = a + b + x - 1;
		double bigA = a + b - 1 - r;
		double z = weeks / (alpha + age + weeks);
		double logOneMinusZ = -Math.log1p(weeks / (alpha + age));
		if (Math.abs(bigA * epsilon) >= (r + x) * (b + x)) {
			double logPower = (r + x) * logOneMinusZ + SpecialFunctions.logHyp2f1(r + x, b + x, c, z);
			return c / epsilon * -Math.expm1(logPower);
		}
		// S = Σ_{k≥1} (A)_k (1+ε)_{k−1} / ((c)_k k!) z^k
		double term = bigA / c * z;
		double s = term;
		for (int k = 1; k < 1_000_000 && term != 0; k++) {
			double ratio = (bigA + k) * (epsilon + k) / ((c + k) * (k + 1)) * z;
			term *= ratio;
			s += term;
			double bound = Math.max(Math.abs(ratio), z);
			if (bound < 1 && Math.abs(term) * bound / (1 - bound) <= 1e-17 * Math.abs(s)) {
				break;
			}
		}
		double u = epsilon * logOneMinusZ;
		double overEpsilon = -logOneMinusZ * expm1OverX(u) - Math.exp(u) * s;
		return c * overEpsilon;
	}

	/** (e^u − 1) / u, 1 at u = 0. */
	static double expm1OverX(double u) {
		return Math.abs(u) < 1e-12 ? 1 + u / 2 : Math.expm1(u) / u;
	}

	/** E[X(t)] of a new customer: the conditional expectation at x = t_x = T = 0. */
	@Override
	public double expectedPurchasesNewCustomer(double weeks) {
		return expectedPurchases(weeks, 0, 0, 0);
	}

	/**
	 * P(X(t) = n) for a new customer: B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n
	 * + δ(n&gt;0) B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j&lt;n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
	 */
	public double probabilityOfPurchases(int n, double weeks) {
		if (n < 0) {
			return 0;
		}
		double logShare = Math.log(alpha / (alpha + weeks));
		double logOther = weeks > 0 ? Math.log(weeks / (alpha + weeks)) : Double.NEGATIVE_INFINITY;
		double first = Math.exp(logBeta(a, b + n) - logBeta(a, b) + logGamma(r + n) - logGamma(r) - logGamma(n + 1.0)
				+ r * logShare + (n == 0 ? 0 : n * logOther));
		if (n == 0) {
			return first;
		}
		double partial = 0;
		for (int j = 0; j < n; j++) {
			partial += Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + r * logShare
					+ (j == 0 ? 0 : j * logOther));
		}
		return first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b)) * (1 - partial);
	}

	/** Fits the model by maximum likelihood with {@link Minimizer.Options#defaults()}. */
	public static ModelFit<BgNbd> fit(PurchaseSummary data) {
		return fit(data, Minimizer.Options.defaults());
	}

	/**
	 * Maximum likelihood over (ln r, ln α, ln a, ln b): Nelder–Mead from several starting points
	 * (on a sample of the groups when there are very many), then BFGS on all groups.
	 */
	public static ModelFit<BgNbd> fit(PurchaseSummary data, Minimizer.Options options) {
		if (!(data.customers() > 0)) {
			throw new IllegalArgumentException("no customers to fit");
		}
		List<Minimizer.Objective> stages = data.fitStages().stream().map(BgNbd::meanNegativeLogLikelihood).toList();
		double rate = data.repeatRate();
		List<double[]> starts = Minimizer.logStarts(
				new double[] { 1, 1, 1, 1 },
				new double[] { 1, 1 / rate, 1, 3 },
				new double[] { 0.25, 0.25 / rate, 0.8, 2.5 },
				new double[] { 3, 3 / rate, 0.3, 1 });
		Minimizer.Result result = Minimizer.minimize(stages, starts, options);
		double[] p = result.point();
		BgNbd model = new BgNbd(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]));
		return new ModelFit<>(model, model.logLikelihood(data), result);
	}

	private static Minimizer.Objective meanNegativeLogLikelihood(PurchaseSummary data) {
		double customers = data.customers();
		return new Minimizer.Differentiable() {
			@Override
			public double value(double[] p) {
				if (!inRange(p)) {
					return Double.POSITIVE_INFINITY;
				}
				return -logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), data) / customers;
			}

			@Override
			public double value(double[] p, double[] gradient) {
				if (!inRange(p)) {
					java.util.Arrays.fill(gradient, Double.NaN);
					return Double.POSITIVE_INFINITY;
				}
				double ll = logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), data, gradient);
				for (int j = 0; j < gradient.length; j++) {
					gradient[j] = -gradient[j] / customers;
				}
				return -ll / customers;
			}
		};
	}

	/** Log parameters beyond ±30 are e^30 ≈ 10^13 away from any data: treat them as outside the model. */
	static boolean inRange(double[] logParameters) {
		for (double v : logParameters) {
			if (!(Math.abs(v) <= 30)) {
				return false;
			}
		}
		return true;
	}
}
