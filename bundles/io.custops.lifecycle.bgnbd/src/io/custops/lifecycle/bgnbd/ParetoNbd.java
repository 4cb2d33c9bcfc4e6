package io.custops.lifecycle.bgnbd;

import static io.custops.lifecycle.bgnbd.SpecialFunctions.logGamma;

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
	 * ln L = ln[Γ(r+x) α^r β^s / Γ(r)] + ln[(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) A0], with A0 from
	 * {@link #logA0}.
	 */
	@Override
	public double logLikelihood(int x, double tx, double age) {
		double head = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
		return head + logBracket(r, alpha, s, beta, x, tx, age);
	}

	private static double logBracket(double r, double alpha, double s, double beta, int x, double tx, double age) {
		double alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
		double died = Math.log(s) - Math.log(r + s + x) + logA0(r, alpha, s, beta, x, tx, age);
		return BgNbd.logAddExp(alive, died);
	}

	/**
	 * ln A0, where s/(r+s+x) A0 is the part of the likelihood from dying between t_x and T.
	 * With α ≥ β, A0 = 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x) − the same at T;
	 * with α &lt; β, the same with (r+x, β) in place of (s+1, α): choosing the larger of α and β
	 * keeps the argument of 2F1 in [0, 1). The difference is taken in log space.
	 */
	static double logA0(double r, double alpha, double s, double beta, int x, double tx, double age) {
		double larger = Math.max(alpha, beta);
		double smaller = Math.min(alpha, beta);
		double second = alpha >= beta ? s + 1 : r + x;
		double gap = larger - smaller;
		double logLargerTx = Math.log(larger + tx);
		double logLargerAge = Math.log(larger + age);
		return logA0(r + s + x, second, gap / (larger + tx), logLargerTx, Math.log(smaller + tx) - logLargerTx,
				gap / (larger + age), logLargerAge, Math.log(smaller + age) - logLargerAge);
	}

	/**
	 * ln A0 from the logs the likelihood caches per distinct t_x and T: ln(max(α,β) + t) and
	 * ln(1 − z) = ln(min(α,β) + t) − ln(max(α,β) + t), with z = |α − β| / (max(α,β) + t).
	 */
	private static double logA0(double rsx, double second, double zTx, double logLargerTx, double logOneMinusZTx,
			double zAge, double logLargerAge, double logOneMinusZAge) {
		double atTx = SpecialFunctions.logHyp2f1AOneAbove(rsx, second, zTx, logOneMinusZTx) - rsx * logLargerTx;
		double atAge = SpecialFunctions.logHyp2f1AOneAbove(rsx, second, zAge, logOneMinusZAge) - rsx * logLargerAge;
		if (Double.isNaN(atAge) || Double.isNaN(atTx)) {
			return Double.NaN;
		}
		if (atAge >= atTx) {
			// t_x = T (or equal up to rounding): no time to have died unseen
			return Double.NEGATIVE_INFINITY;
		}
		return atTx + Math.log(-Math.expm1(atAge - atTx));
	}

	@Override
	public double logLikelihood(PurchaseSummary data) {
		return logLikelihood(r, alpha, s, beta, data);
	}

	/**
	 * The log-likelihood of a summary. The two 2F1 terms of A0 depend on (x, t_x) and on (x, T)
	 * only, so they are computed once per distinct pair, and the logs of α+T, β+T, α+t_x, β+t_x
	 * once per distinct value; a group then costs a few exponentials and logarithms.
	 */
	static double logLikelihood(double r, double alpha, double s, double beta, PurchaseSummary data) {
		int[] distinctX = data.distinctX();
		double[] weightPerX = data.weightPerX();
		double base = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
		double logS = Math.log(s);
		double[] died = new double[distinctX.length];
		double total = 0;
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			total += weightPerX[m] * (base + logGamma(r + x));
			died[m] = logS - Math.log(r + s + x);
		}
		boolean alphaLarger = alpha >= beta;
		double larger = Math.max(alpha, beta);
		double smaller = Math.min(alpha, beta);
		double gap = larger - smaller;
		double[] distinctTx = data.distinctTx();
		double[] distinctAge = data.distinctAge();
		double[] logLargerAge = BgNbd.logShifted(larger, distinctAge);
		double[] logSmallerAge = BgNbd.logShifted(smaller, distinctAge);
		double[] logAlphaAge = alphaLarger ? logLargerAge : logSmallerAge;
		double[] logBetaAge = alphaLarger ? logSmallerAge : logLargerAge;
		double[] atTx = hypergeometricTerms(r, s, alphaLarger, larger, smaller, gap, distinctX, distinctTx, data.xTxPairs());
		double[] atAge = hypergeometricTerms(r, s, alphaLarger, larger, smaller, gap, distinctX, distinctAge,
				data.xAgePairs());
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
				double alive = -(r + xs[g]) * logAlphaAge[j] - s * logBetaAge[j];
				double upper = atTx[txPair[g]];
				double lower = atAge[agePair[g]];
				double logA0 = Double.isNaN(upper) || Double.isNaN(lower) ? Double.NaN
						: lower >= upper ? Double.NEGATIVE_INFINITY : upper + Math.log(-Math.expm1(lower - upper));
				sum += weight[g] * BgNbd.logAddExp(alive, died[xIndex[g]] + logA0);
			}
			return sum;
		});
		return total;
	}

	/** ln[2F1(r+s+x, ·; r+s+x+1; z_t) / (max(α,β)+t)^(r+s+x)] for each distinct (x, t) pair. */
	private static double[] hypergeometricTerms(double r, double s, boolean alphaLarger, double larger, double smaller,
			double gap, int[] distinctX, double[] times, PurchaseSummary.Pairs pairs) {
		double[] logLarger = BgNbd.logShifted(larger, times);
		double[] logSmaller = BgNbd.logShifted(smaller, times);
		double[] terms = new double[pairs.count()];
		int[] first = pairs.first();
		int[] second = pairs.second();
		for (int k = 0; k < terms.length; k++) {
			int x = distinctX[first[k]];
			int i = second[k];
			double rsx = r + s + x;
			terms[k] = SpecialFunctions.logHyp2f1AOneAbove(rsx, alphaLarger ? s + 1 : r + x, gap / (larger + times[i]),
					logSmaller[i] - logLarger[i]) - rsx * logLarger[i];
		}
		return terms;
	}

	/** P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0). */
	@Override
	public double probabilityAlive(int x, double tx, double age) {
		double logOdds = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + age) + s * Math.log(beta + age)
				+ logA0(r, alpha, s, beta, x, tx, age);
		return 1 / (1 + Math.exp(logOdds));
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
