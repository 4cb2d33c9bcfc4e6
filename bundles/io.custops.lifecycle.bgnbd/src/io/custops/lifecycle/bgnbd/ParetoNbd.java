package io.custops.lifecycle.bgnbd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), in the form of Fader and
 * Hardie's note on its likelihood: while alive a customer buys as a Poisson process of rate
 * λ ~ Gamma(r, α); her lifetime is exponential with rate μ ~ Gamma(s, β).
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements CustomerBaseModel {

	public ParetoNbd {
		if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || Double.isInfinite(r + alpha + s + beta)) {
			throw new IllegalArgumentException("Pareto/NBD parameters must be positive and finite: r=" + r + ", alpha="
					+ alpha + ", s=" + s + ", beta=" + beta);
		}
	}

	@Override
	public Map<String, Double> parameters() {
		Map<String, Double> map = new LinkedHashMap<>();
		map.put("r", r);
		map.put("alpha", alpha);
		map.put("s", s);
		map.put("beta", beta);
		return map;
	}

	/**
	 * ln L = ln[Γ(r+x) α^r β^s / Γ(r)] + ln[(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) A0] (Fader and
	 * Hardie's note on the Pareto/NBD likelihood), where s/(r+s+x) A0 is the part of the
	 * likelihood from dying unseen between t_x and T. With α ≥ β,
	 * A0 = 2F1(r+s+x, s+1; r+s+x+1; z(t_x)) / (α+t_x)^(r+s+x) − the same at T, z(t) = (α−β)/(α+t);
	 * with α &lt; β the same with (r+x, β) in place of (s+1, α): taking the larger of α and β keeps
	 * z in [0, 1), where the series converges.
	 *
	 * <p>Computed as ln Γ(r+x) − ln Γ(r) + ln[e^A + s/(r+s+x) (e^U(t_x) − e^U(T))], the powers of α
	 * and β moved inside: A = −r ln(1+T/α) − s ln(1+T/β) − x ln(α+T) and
	 * U(t) = ln 2F1(…; z(t)) − r ln(1+t/α) − s ln(1+t/β) + k ln(1−z(t)) − x ln(max(α,β)+t), with
	 * k = r when α is the smaller scale and s otherwise. Every piece stays accurate when shapes
	 * and scales grow together, and the difference of the two terms is taken in log space.
	 */
	@Override
	public double logLikelihood(int x, double tx, double age) {
		double[] parts = parts(x, tx, age);
		return SpecialFunctions.logGammaRatio(r, x) + BgNbd.logAddExp(parts[0], parts[1]);
	}

	/** {A, ln[s/(r+s+x)] + ln(e^U(t_x) − e^U(T))} of one customer. */
	private double[] parts(int x, double tx, double age) {
		Terms terms = new Terms(r, alpha, s, beta, new int[] { x });
		double alive = -r * Math.log1p(age / alpha) - s * Math.log1p(age / beta) - x * Math.log(alpha + age);
		double atTx = terms.u(0, tx, Math.log1p(tx / alpha), Math.log1p(tx / beta));
		double atAge = terms.u(0, age, Math.log1p(age / alpha), Math.log1p(age / beta));
		return new double[] { alive, Math.log(s) - Math.log(r + s + x) + logDifference(atTx, atAge) };
	}

	/**
	 * U(x, t) for one set of parameters, with e^U(t) = (r+s+x) α^r β^s ∫ from t to ∞ of
	 * (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, so that s/(r+s+x) A0 α^r β^s = s/(r+s+x) (e^U(t_x) − e^U(T)).
	 *
	 * <p>Where z(t) is close to 1 — a short time against very different α and β — the 2F1 series
	 * needs some 40/(1 − z) terms. There the integral is split at t*(x), where z = 1 − v*: from t*
	 * on the series (at z ≤ 1 − v*), below t* the same integral written as an incomplete beta
	 * function in v = (min(α,β)+τ)/(max(α,β)+τ) = 1 − z: |α−β|^−(r+s+x) ∫ v^−k' (1−v)^n dv with
	 * n = r+s+x−1 and k' the exponent of the smaller scale (r+x for α, s+1 for β). Its binomial
	 * series converges fast for v ≤ v* = min(1/2, 3/n).
	 */
	private static final class Terms {
		private final double r;
		private final double s;
		private final double alpha;
		private final double beta;
		private final boolean alphaLarger;
		private final double larger;
		private final double smaller;
		private final double gap;
		private final int[] xs;
		/** Per x: {v*, ln(v*), U(t*), ln of the constant before the beta integral}, built on first use. */
		private final double[][] star;

		Terms(double r, double alpha, double s, double beta, int[] xs) {
			this.r = r;
			this.s = s;
			this.alpha = alpha;
			this.beta = beta;
			this.alphaLarger = alpha >= beta;
			this.larger = Math.max(alpha, beta);
			this.smaller = Math.min(alpha, beta);
			this.gap = larger - smaller;
			this.xs = xs;
			this.star = new double[xs.length][];
		}

		/** U for the x at {@code index} and time t, given ln(1+t/α) and ln(1+t/β). */
		double u(int index, double t, double shareAlpha, double shareBeta) {
			int x = xs[index];
			double z = gap / (larger + t);
			double n = r + s + x - 1;
			double vStar = vStar(n);
			if (z <= 1 - vStar) {
				return series(x, t, z, shareAlpha, shareBeta);
			}
			double[] st = star(index, vStar);
			double logV = Math.log((smaller + t) / (larger + t));
			double piece = logIncompleteBeta(logV, st[1], alphaLarger ? s + 1 : r + x, n);
			return BgNbd.logAddExp(st[2], st[3] + piece);
		}

		private static double vStar(double n) {
			return n > 6 ? 3 / n : 0.5;
		}

		private double[] star(int index, double vStar) {
			double[] st = star[index];
			if (st == null) {
				int x = xs[index];
				// t* where (min+t*)/(max+t*) = v*
				double tStar = Math.max(0, (vStar * larger - smaller) / (1 - vStar));
				double uStar = series(x, tStar, gap / (larger + tStar), Math.log1p(tStar / alpha), Math.log1p(tStar / beta));
				double logGap = Math.log(gap);
				double constant = Math.log(r + s + x) + r * (Math.log(alpha) - logGap) + s * (Math.log(beta) - logGap)
						- x * logGap;
				st = new double[] { vStar, Math.log(vStar), uStar, constant };
				star[index] = st;
			}
			return st;
		}

		/** U(t) = ln 2F1(…; z) − r ln(1+t/α) − s ln(1+t/β) + k ln(1−z) − x ln(max(α,β)+t). */
		private double series(int x, double t, double z, double shareAlpha, double shareBeta) {
			double largerT = larger + t;
			// 1 − z = (min+t)/(max+t): as a ratio where z is close to 1, where 1 − z would lose digits
			double logOneMinusZ = z < 0.5 ? Math.log1p(-z) : Math.log((smaller + t) / largerT);
			double second = alphaLarger ? s + 1 : r + x;
			double k = alphaLarger ? s : r;
			return SpecialFunctions.logHyp2f1AOneAbove(r + s + x, second, z, logOneMinusZ) - r * shareAlpha
					- s * shareBeta + k * logOneMinusZ - x * Math.log(largerT);
		}
	}

	/**
	 * ln ∫ from v to v* of w^−k (1 − w)^n dw for 0 &lt; v &lt; v* with |n| v* ≤ 3, by the binomial
	 * series of (1 − w)^n integrated term by term: Σ_j (−n)_j/j! (v*^e − v^e)/e, e = j − k + 1,
	 * each term scaled by v^(1−k) and with (v* / v)^e − 1 taken so that it stays accurate as e → 0.
	 */
	static double logIncompleteBeta(double logV, double logVStar, double k, double n) {
		double span = logVStar - logV; // ln(v*/v) > 0
		if (!(span > 0)) {
			return Double.NEGATIVE_INFINITY;
		}
		double vStar = Math.exp(logVStar);
		double e0 = 1 - k;
		double coefficient = 1;
		double sum = 0;
		int small = 0;
		for (int j = 0; j < 100_000; j++) {
			double e = e0 + j;
			double eSpan = e * span;
			// v^j ((v*/v)^e − 1) / e
			double term = eSpan > 1 ? Math.exp(j * logV + eSpan + Math.log(-Math.expm1(-eSpan))) / e
					: Math.exp(j * logV) * span * BgNbd.expm1OverX(eSpan);
			term *= coefficient;
			sum += term;
			// past j ≈ n v* the terms fall at least like v*^j: stop once they no longer count
			small = Math.abs(term) <= 1e-17 * Math.abs(sum) ? small + 1 : 0;
			if (small >= 3 && j > Math.abs(n) * vStar + 2) {
				return sum > 0 ? e0 * logV + Math.log(sum) : Double.NaN;
			}
			coefficient *= (j - n) / (j + 1);
			if (coefficient == 0) {
				return sum > 0 ? e0 * logV + Math.log(sum) : Double.NaN;
			}
		}
		return Double.NaN;
	}

	/** ln(e^upper − e^lower); −∞ when lower ≥ upper (t_x = T: no time to die unseen); NaN stays NaN. */
	private static double logDifference(double upper, double lower) {
		if (Double.isNaN(upper) || Double.isNaN(lower)) {
			return Double.NaN;
		}
		if (lower >= upper) {
			return Double.NEGATIVE_INFINITY;
		}
		return upper + Math.log(-Math.expm1(lower - upper));
	}

	@Override
	public double logLikelihood(PurchaseSummary data) {
		return logLikelihood(r, alpha, s, beta, data);
	}

	/**
	 * The log-likelihood of a summary. U(t_x) and U(T) depend on (x, t_x) and on (x, T) only, so
	 * they are computed once per distinct pair, and the logs of the times once per distinct
	 * value; a group then costs a few exponentials and logarithms.
	 */
	static double logLikelihood(double r, double alpha, double s, double beta, PurchaseSummary data) {
		int[] distinctX = data.distinctX();
		double[] weightPerX = data.weightPerX();
		double logS = Math.log(s);
		double[] died = new double[distinctX.length];
		double total = 0;
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			total += weightPerX[m] * SpecialFunctions.logGammaRatio(r, x);
			died[m] = logS - Math.log(r + s + x);
		}
		double[] distinctAge = data.distinctAge();
		double[] shareAlphaAge = BgNbd.log1pOver(alpha, distinctAge);
		double[] shareBetaAge = BgNbd.log1pOver(beta, distinctAge);
		double[] logAlphaAge = BgNbd.logShifted(alpha, distinctAge);
		Terms terms = new Terms(r, alpha, s, beta, distinctX);
		double[] atTx = terms(terms, alpha, beta, data.distinctTx(), data.xTxPairs());
		double[] atAge = terms(terms, alpha, beta, distinctAge, data.xAgePairs());
		int[] txPair = data.xTxPairs().ofGroup();
		int[] agePair = data.xAgePairs().ofGroup();
		int[] xs = data.xs();
		double[] weight = data.weights();
		int[] xIndex = data.xIndex();
		int[] ageIndex = data.ageIndex();
		total += GroupSums.sum(data.groupCount(), (from, to) -> {
			double sum = 0;
			for (int g = from; g < to; g++) {
				int j = ageIndex[g];
				double alive = -r * shareAlphaAge[j] - s * shareBetaAge[j] - xs[g] * logAlphaAge[j];
				double dying = died[xIndex[g]] + logDifference(atTx[txPair[g]], atAge[agePair[g]]);
				sum += weight[g] * BgNbd.logAddExp(alive, dying);
			}
			return sum;
		});
		return total;
	}

	/** U(x, t) for each distinct (x, t) pair. */
	private static double[] terms(Terms terms, double alpha, double beta, double[] times, PurchaseSummary.Pairs pairs) {
		double[] shareAlpha = BgNbd.log1pOver(alpha, times);
		double[] shareBeta = BgNbd.log1pOver(beta, times);
		double[] result = new double[pairs.count()];
		int[] first = pairs.first();
		int[] second = pairs.second();
		for (int p = 0; p < result.length; p++) {
			int i = second[p];
			result[p] = terms.u(first[p], times[i], shareAlpha[i], shareBeta[i]);
		}
		return result;
	}

	/** P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0) = 1 / (1 + e^(D − A)) in the terms above. */
	@Override
	public double probabilityAlive(int x, double tx, double age) {
		double[] parts = parts(x, tx, age);
		return 1 / (1 + Math.exp(parts[1] - parts[0]));
	}

	/**
	 * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
	 * with the bracket over (s−1) computed so that it stays exact at s = 1 (where it is ln((β+T+t)/(β+T))).
	 */
	@Override
	public double expectedPurchases(double weeks, int x, double tx, double age) {
		return expectedPurchasesIfAlive(weeks, x, age) * probabilityAlive(x, tx, age);
	}

	/** (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]: the expectation above without P(alive). */
	@Override
	public double expectedPurchasesIfAlive(double weeks, int x, double age) {
		if (!(weeks > 0)) {
			return 0;
		}
		return (r + x) / (alpha + age) * (beta + age) * lifetimeFactor(weeks, age);
	}

	/** [1 − ((β+T)/(β+T+t))^(s−1)] / (s−1). */
	private double lifetimeFactor(double weeks, double age) {
		double logShare = -Math.log1p(weeks / (beta + age));
		return -logShare * BgNbd.expm1OverX((s - 1) * logShare);
	}

	/** E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]. */
	@Override
	public double expectedPurchasesNewCustomer(double weeks) {
		if (!(weeks > 0)) {
			return 0;
		}
		return r / alpha * beta * lifetimeFactor(weeks, 0);
	}

	/** Fits the model by maximum likelihood with {@link Minimizer.Options#defaults()}. */
	public static ModelFit<ParetoNbd> fit(PurchaseSummary data) {
		return fit(data, Minimizer.Options.defaults());
	}

	/** Maximum likelihood over (ln r, ln α, ln s, ln β), as {@link BgNbd#fit(PurchaseSummary, Minimizer.Options)}. */
	public static ModelFit<ParetoNbd> fit(PurchaseSummary data, Minimizer.Options options) {
		if (!(data.customers() > 0)) {
			throw new IllegalArgumentException("no customers to fit");
		}
		List<Minimizer.Objective> stages = data.fitStages().stream().map(ParetoNbd::meanNegativeLogLikelihood).toList();
		double rate = data.repeatRate();
		double meanAge = data.meanAge();
		List<double[]> starts = Minimizer.logStarts(
				new double[] { 1, 1, 1, 1 },
				new double[] { 1, 1 / rate, 1, meanAge },
				new double[] { 0.5, 0.5 / rate, 0.5, 2 * meanAge },
				new double[] { 2, 2 / rate, 0.3, 0.3 * meanAge });
		Minimizer.Result result = Minimizer.minimize(stages, starts, options);
		double[] p = result.point();
		ParetoNbd model = new ParetoNbd(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]));
		return new ModelFit<>(model, model.logLikelihood(data), result);
	}

	private static Minimizer.Objective meanNegativeLogLikelihood(PurchaseSummary data) {
		double customers = data.customers();
		return p -> {
			if (!BgNbd.inRange(p)) {
				return Double.POSITIVE_INFINITY;
			}
			return -logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), data) / customers;
		};
	}
}
