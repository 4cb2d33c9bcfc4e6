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
	 * ln[Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^(px) z̄^(px−1) / (γ + x z̄)^(px+q)].
	 */
	public double logLikelihood(int x, double mean) {
		double px = p * x;
		return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(mean)
				+ px * Math.log(x) - (px + q) * Math.log(gamma + x * mean);
	}

	public double logLikelihood(SpendSummary data) {
		return logLikelihood(p, q, gamma, data);
	}

	static double logLikelihood(double p, double q, double gamma, SpendSummary data) {
		int[] distinctX = data.distinctX();
		double[] weightPerX = data.weightPerX();
		double[] perX = new double[distinctX.length];
		double base = -logGamma(q) + q * Math.log(gamma);
		double total = 0;
		for (int m = 0; m < distinctX.length; m++) {
			int x = distinctX[m];
			double px = p * x;
			total += weightPerX[m] * (base + logGamma(px + q) - logGamma(px) + px * Math.log(x));
			perX[m] = px;
		}
		int[] xIndex = data.xIndex();
		int[] xs = data.xs();
		double[] means = data.means();
		double[] weight = data.weights();
		total += GroupSums.sum(data.groupCount(), (from, to) -> {
			double sum = 0;
			for (int g = from; g < to; g++) {
				double px = perX[xIndex[g]];
				double m = means[g];
				sum += weight[g] * ((px - 1) * Math.log(m) - (px + q) * Math.log(gamma + xs[g] * m));
			}
			return sum;
		});
		return total;
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

	/** Maximum likelihood over (ln p, ln q, ln γ): Nelder–Mead from several starts, then BFGS. */
	public static ModelFit<GammaGamma> fit(SpendSummary data, Minimizer.Options options) {
		if (!(data.customers() > 0)) {
			throw new IllegalArgumentException("no repeat customers to fit");
		}
		double customers = data.customers();
		Minimizer.Objective objective = p -> {
			if (!BgNbd.inRange(p)) {
				return Double.POSITIVE_INFINITY;
			}
			return -logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), data) / customers;
		};
		double m = data.averageMean();
		// starts spread over shapes, each with γ set so that pγ/(q−1) is the observed mean
		List<double[]> starts = Minimizer.logStarts(
				new double[] { 1, 1, 1 },
				new double[] { 1, 3, 2 * m },
				new double[] { 5, 4, 0.6 * m },
				new double[] { 20, 10, 0.45 * m });
		Minimizer.Result result = Minimizer.minimize(objective, objective, starts, options);
		double[] point = result.point();
		GammaGamma model = new GammaGamma(Math.exp(point[0]), Math.exp(point[1]), Math.exp(point[2]));
		return new ModelFit<>(model, model.logLikelihood(data), result);
	}
}
