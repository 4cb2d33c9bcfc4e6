package io.custops.lifecycle.bgnbd;

import static io.custops.lifecycle.bgnbd.SpecialFunctions.logGamma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gamma-Gamma model of monetary value (Fader and Hardie 2013, after Colombo and Jiang 1999):
 * a customer's transaction values are Gamma(p, ν) around her mean p/ν, with ν ~ Gamma(q, γ)
 * across customers; spend is assumed independent of the transaction process.
 */
public record GammaGamma(double p, double q, double gamma) {

	public GammaGamma {
		if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
			throw new IllegalArgumentException(
					"Gamma-Gamma parameters must be positive and finite: p=" + p + ", q=" + q + ", gamma=" + gamma);
		}
	}

	public Map<String, Double> parameters() {
		Map<String, Double> map = new LinkedHashMap<>();
		map.put("p", p);
		map.put("q", q);
		map.put("gamma", gamma);
		return map;
	}

	/**
	 * The log density of the mean z̄ of x transactions:
	 * ln[Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^(px) z̄^(px−1) / (γ + x z̄)^(px+q)], computed as
	 * [ln Γ(q+px) − ln Γ(q)] − ln Γ(px) + px ln x + (px−1) ln z̄ − q ln(1 + x z̄/γ) − px ln(γ + x z̄),
	 * which stays accurate when q and γ grow together (customers whose spend hardly differs).
	 */
	public double logLikelihood(int x, double mean) {
		double px = p * x;
		return SpecialFunctions.logGammaRatio(q, px) - logGamma(px) + px * Math.log(x) + (px - 1) * Math.log(mean)
				- q * Math.log1p(x * mean / gamma) - px * Math.log(gamma + x * mean);
	}

	public double logLikelihood(SpendSummary data) {
		return logLikelihood(p, q, gamma, data);
	}

	static double logLikelihood(double p, double q, double gamma, SpendSummary data) {
		return logLikelihood(p, q, gamma, data, null);
	}

	/**
	 * The log-likelihood and, when {@code gradient} is given, its derivatives with respect to
	 * (ln p, ln q, ln γ): ∂/∂p = x [ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)],
	 * ∂/∂q = ψ(px+q) − ψ(q) − ln(1 + x z̄/γ), γ ∂/∂γ = (q x z̄ − px γ) / (γ + x z̄).
	 */
	static double logLikelihood(double p, double q, double gamma, SpendSummary data, double[] gradient) {
		int[] distinctX = data.distinctX();
		double[] weightPerX = data.weightPerX();
		double[] perX = new double[distinctX.length];
		double total = 0;
		double gp = 0;
		double gq = 0;
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			double px = p * x;
			total += weightPerX[m] * (SpecialFunctions.logGammaRatio(q, px) - logGamma(px) + px * Math.log(x));
			perX[m] = px;
			if (gradient != null) {
				gp += weightPerX[m] * x * (SpecialFunctions.digammaDifference(px, q) + Math.log(x));
				gq += weightPerX[m] * SpecialFunctions.digammaDifference(q, px);
			}
		}
		int[] xIndex = data.xIndex();
		int[] xs = data.xs();
		double[] means = data.means();
		double[] logMeans = data.logMeans();
		double[] weight = data.weights();
		// sums: ll, Σ x (ln z̄ − ln(γ + x z̄)), Σ ln(1 + x z̄/γ), Σ (q x z̄ − px γ)/(γ + x z̄)
		double[] sums = GroupSums.sums(data.groupCount(), 4, (from, to, acc) -> {
			double ll = 0;
			double dp = 0;
			double dq = 0;
			double dgamma = 0;
			for (int g = from; g < to; g++) {
				double px = perX[xIndex[g]];
				double w = weight[g];
				double spend = xs[g] * means[g];
				double logShifted = Math.log(gamma + spend);
				double share = Math.log1p(spend / gamma);
				ll += w * ((px - 1) * logMeans[g] - q * share - px * logShifted);
				if (gradient != null) {
					dp += w * xs[g] * (logMeans[g] - logShifted);
					dq += w * share;
					dgamma += w * (q * spend - px * gamma) / (gamma + spend);
				}
			}
			acc[0] += ll;
			acc[1] += dp;
			acc[2] += dq;
			acc[3] += dgamma;
		});
		if (gradient != null) {
			gradient[0] = p * (gp + sums[1]);
			gradient[1] = q * (gq - sums[2]);
			gradient[2] = sums[3];
		}
		return total + sums[0];
	}

	/** E[M] = pγ / (q − 1), the mean spend per transaction across customers; NaN when q ≤ 1 (no finite mean). */
	public double populationMean() {
		return q > 1 ? p * gamma / (q - 1) : Double.NaN;
	}

	/**
	 * E[M | x, z̄] = p (γ + x z̄) / (px + q − 1): a weighted average of the population mean and the
	 * customer's own mean; for x = 0 the population mean.
	 */
	public double conditionalExpectedAverage(int x, double mean) {
		if (x <= 0) {
			return populationMean();
		}
		double denominator = p * x + q - 1;
		return denominator > 0 ? p * (gamma + x * mean) / denominator : Double.NaN;
	}

	/** Fits the model by maximum likelihood with {@link Minimizer.Options#defaults()}. */
	public static ModelFit<GammaGamma> fit(SpendSummary data) {
		return fit(data, Minimizer.Options.defaults());
	}

	/** Maximum likelihood over (ln p, ln q, ln γ): Nelder–Mead from several starts, then BFGS, in stages as BG/NBD. */
	public static ModelFit<GammaGamma> fit(SpendSummary data, Minimizer.Options options) {
		if (!(data.customers() > 0)) {
			throw new IllegalArgumentException("no repeat customers to fit");
		}
		List<Minimizer.Objective> stages = data.fitStages().stream().map(GammaGamma::meanNegativeLogLikelihood).toList();
		double m = data.averageMean();
		// starts spread over shapes, each with γ set so that pγ/(q−1) is the observed mean
		List<double[]> starts = Minimizer.logStarts(
				new double[] { 1, 1, 1 },
				new double[] { 1, 3, 2 * m },
				new double[] { 5, 4, 0.6 * m },
				new double[] { 20, 10, 0.45 * m });
		Minimizer.Result result = Minimizer.minimize(stages, starts, options);
		double[] point = result.point();
		GammaGamma model = new GammaGamma(Math.exp(point[0]), Math.exp(point[1]), Math.exp(point[2]));
		return new ModelFit<>(model, model.logLikelihood(data), result);
	}

	private static Minimizer.Objective meanNegativeLogLikelihood(SpendSummary data) {
		double customers = data.customers();
		return new Minimizer.Differentiable() {
			@Override
			public double value(double[] p) {
				if (!BgNbd.inRange(p)) {
					return Double.POSITIVE_INFINITY;
				}
				return -logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), data) / customers;
			}

			@Override
			public double value(double[] p, double[] gradient) {
				if (!BgNbd.inRange(p)) {
					java.util.Arrays.fill(gradient, Double.NaN);
					return Double.POSITIVE_INFINITY;
				}
				double ll = logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), data, gradient);
				for (int j = 0; j < gradient.length; j++) {
					gradient[j] = -gradient[j] / customers;
				}
				return -ll / customers;
			}
		};
	}
}
