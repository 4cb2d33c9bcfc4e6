package io.custops.lifecycle.bgnbd;

import static io.custops.lifecycle.bgnbd.SpecialFunctions.logBeta;
import static io.custops.lifecycle.bgnbd.SpecialFunctions.logGamma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modified BG/NBD model of Batislam, Denizel and Filiztekin (2007, "Empirical validation and
 * comparison of models for customer base analysis"): as BG/NBD, a customer buys as a Poisson
 * process of rate λ ~ Gamma(r, α) while alive, and drops out with probability p ~ Beta(a, b) —
 * but also right after her first purchase, so a customer without repeat purchases can be gone.
 *
 * @since 1.1
 */
public record ModifiedBgNbd(double r, double alpha, double a, double b) implements CustomerBaseModel {

	public ModifiedBgNbd {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
			throw new IllegalArgumentException(
					"MBG/NBD parameters must be positive and finite: r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b);
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
	 * ln L = ln[Γ(r+x) α^r / Γ(r)] + ln[B(a, b+x+1) / B(a, b)] + ln[(α+T)^−(r+x) + a/(b+x) (α+t_x)^−(r+x)]
	 * for every x, 0 included: computed as ln Γ(r+x) − ln Γ(r) + ln Γ(b+x+1) − ln Γ(b)
	 * − [ln Γ(a+b+x+1) − ln Γ(a+b)] + ln[e^A + e^D] with A = −r ln(1 + T/α) − x ln(α+T) and
	 * D = ln a − ln(b+x) − r ln(1 + t_x/α) − x ln(α+t_x).
	 */
	@Override
	public double logLikelihood(int x, double tx, double age) {
		double head = SpecialFunctions.logGammaRatio(r, x) + SpecialFunctions.logGammaRatio(b, x + 1)
				- SpecialFunctions.logGammaRatio(a + b, x + 1);
		double alive = -r * Math.log1p(age / alpha) - x * Math.log(alpha + age);
		double dead = Math.log(a) - Math.log(b + x) - r * Math.log1p(tx / alpha) - x * Math.log(alpha + tx);
		return head + BgNbd.logAddExp(alive, dead);
	}

	@Override
	public double logLikelihood(PurchaseSummary data) {
		return logLikelihood(r, alpha, a, b, data);
	}

	/** The log-likelihood of a summary, with the terms depending on x, t_x or T alone computed once per distinct value. */
	static double logLikelihood(double r, double alpha, double a, double b, PurchaseSummary data) {
		int[] distinctX = data.distinctX();
		double[] weightPerX = data.weightPerX();
		double logA = Math.log(a);
		double[] dead = new double[distinctX.length];
		double total = 0;
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			total += weightPerX[m] * (SpecialFunctions.logGammaRatio(r, x) + SpecialFunctions.logGammaRatio(b, x + 1)
					- SpecialFunctions.logGammaRatio(a + b, x + 1));
			dead[m] = logA - Math.log(b + x);
		}
		double[] distinctAge = data.distinctAge();
		double[] distinctTx = data.distinctTx();
		double[] logAge = BgNbd.logShifted(alpha, distinctAge);
		double[] logTx = BgNbd.logShifted(alpha, distinctTx);
		double[] shareAge = BgNbd.log1pOver(alpha, distinctAge);
		double[] shareTx = BgNbd.log1pOver(alpha, distinctTx);
		int[] xs = data.xs();
		double[] weight = data.weights();
		int[] xIndex = data.xIndex();
		int[] ageIndex = data.ageIndex();
		int[] txIndex = data.txIndex();
		return total + GroupSums.sum(data.groupCount(), (from, to) -> {
			double sum = 0;
			for (int g = from; g < to; g++) {
				int x = xs[g];
				int j = ageIndex[g];
				int i = txIndex[g];
				double alive = -r * shareAge[j] - x * logAge[j];
				sum += weight[g] * BgNbd.logAddExp(alive, dead[xIndex[g]] - r * shareTx[i] - x * logTx[i]);
			}
			return sum;
		});
	}

	/** P(alive | x, t_x, T) = 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^(r+x)), for every x: below 1 also at x = 0. */
	@Override
	public double probabilityAlive(int x, double tx, double age) {
		double logOdds = Math.log(a) - Math.log(b + x) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
		return 1 / (1 + Math.exp(logOdds));
	}

	/**
	 * (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; t/(α+T+t))]: BG/NBD's
	 * expectation given alive with b + 1 in place of b, computed as there (also at a = 1).
	 */
	@Override
	public double expectedPurchasesIfAlive(double weeks, int x, double age) {
		return new BgNbd(r, alpha, a, b + 1).expectedPurchasesIfAlive(weeks, x, age);
	}

	/** E[X(t)] of a new customer: the conditional expectation at x = t_x = T = 0, b/(a−1) · [1 − (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))]. */
	@Override
	public double expectedPurchasesNewCustomer(double weeks) {
		return expectedPurchases(weeks, 0, 0, 0);
	}

	/**
	 * P(X(t) = n) for a new customer: B(a, b+n+1)/B(a, b) · Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n
	 * + B(a+1, b+n)/B(a, b) · [1 − (α/(α+t))^r Σ_{j&lt;n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j] — the second
	 * term, the customers gone after n purchases, also at n = 0.
	 */
	public double probabilityOfPurchases(int n, double weeks) {
		if (n < 0) {
			return 0;
		}
		double logShare = Math.log(alpha / (alpha + weeks));
		double logOther = weeks > 0 ? Math.log(weeks / (alpha + weeks)) : Double.NEGATIVE_INFINITY;
		double first = Math.exp(logBeta(a, b + n + 1) - logBeta(a, b) + logGamma(r + n) - logGamma(r)
				- logGamma(n + 1.0) + r * logShare + (n == 0 ? 0 : n * logOther));
		double partial = 0;
		for (int j = 0; j < n; j++) {
			partial += Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + r * logShare
					+ (j == 0 ? 0 : j * logOther));
		}
		return first + Math.exp(logBeta(a + 1, b + n) - logBeta(a, b)) * (1 - partial);
	}

	/** Fits the model by maximum likelihood with {@link Minimizer.Options#defaults()}. */
	public static ModelFit<ModifiedBgNbd> fit(PurchaseSummary data) {
		return fit(data, Minimizer.Options.defaults());
	}

	/**
	 * Maximum likelihood over (ln r, ln α, ln a, ln b): Nelder–Mead from several starting points
	 * (on a sample of the groups when there are very many), then BFGS on all groups.
	 */
	public static ModelFit<ModifiedBgNbd> fit(PurchaseSummary data, Minimizer.Options options) {
		if (!(data.customers() > 0)) {
			throw new IllegalArgumentException("no customers to fit");
		}
		List<Minimizer.Objective> stages = data.fitStages().stream().map(ModifiedBgNbd::meanNegativeLogLikelihood)
				.toList();
		double rate = data.repeatRate();
		List<double[]> starts = Minimizer.logStarts(
				new double[] { 1, 1, 1, 1 },
				new double[] { 1, 1 / rate, 1, 3 },
				new double[] { 0.25, 0.25 / rate, 0.8, 2.5 },
				new double[] { 3, 3 / rate, 0.3, 1 });
		Minimizer.Result result = Minimizer.minimize(stages, starts, options);
		double[] p = result.point();
		ModifiedBgNbd model = new ModifiedBgNbd(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]));
		return new ModelFit<>(model, model.logLikelihood(data), result);
	}

	private static Minimizer.Objective meanNegativeLogLikelihood(PurchaseSummary data) {
		double customers = data.customers();
		return p -> BgNbd.inRange(p)
				? -logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), data) / customers
				: Double.POSITIVE_INFINITY;
	}
}
