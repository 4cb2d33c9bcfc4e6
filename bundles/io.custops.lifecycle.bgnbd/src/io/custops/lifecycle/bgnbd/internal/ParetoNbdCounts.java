package io.custops.lifecycle.bgnbd.internal;

import io.custops.lifecycle.bgnbd.ParetoNbd;
import io.custops.lifecycle.bgnbd.SpecialFunctions;

/**
 * P(X(t) = x) of a new customer under Pareto/NBD, by the lifetime τ ~ Exp(μ), μ ~ Gamma(s, β):
 * NBD(x; t) (β/(β+t))^s + ∫₀ᵗ NBD(x; τ) s β^s / (β+τ)^(s+1) dτ, with
 * NBD(x; τ) = Γ(r+x)/(Γ(r) x!) (α/(α+τ))^r (τ/(α+τ))^x the purchases of a customer alive for τ
 * weeks. The integral by Simpson's rule on {@value #INTERVALS} intervals (the integrand is smooth).
 */
final class ParetoNbdCounts {

	static final int INTERVALS = 1000;

	private ParetoNbdCounts() {
	}

	static double probability(ParetoNbd model, int x, double weeks) {
		if (x < 0) {
			return 0;
		}
		double logHead = SpecialFunctions.logGamma(model.r() + x) - SpecialFunctions.logGamma(model.r())
				- SpecialFunctions.logGamma(x + 1.0);
		double alive = nbd(model, logHead, x, weeks) * Math.exp(-model.s() * Math.log1p(weeks / model.beta()));
		if (!(weeks > 0)) {
			return alive;
		}
		double h = weeks / INTERVALS;
		double sum = 0;
		for (int i = 0; i <= INTERVALS; i++) {
			double tau = i * h;
			double f = nbd(model, logHead, x, tau) * model.s() / model.beta()
					* Math.exp(-(model.s() + 1) * Math.log1p(tau / model.beta()));
			sum += (i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2) * f;
		}
		return alive + sum * h / 3;
	}

	private static double nbd(ParetoNbd model, double logHead, int x, double tau) {
		if (x > 0 && tau == 0) {
			return 0;
		}
		double alpha = model.alpha();
		return Math.exp(logHead - model.r() * Math.log1p(tau / alpha) + (x == 0 ? 0 : x * Math.log(tau / (alpha + tau))));
	}
}
