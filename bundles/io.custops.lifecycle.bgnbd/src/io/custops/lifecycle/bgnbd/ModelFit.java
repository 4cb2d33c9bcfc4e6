package io.custops.lifecycle.bgnbd;

import java.util.Objects;

/**
 * A maximum-likelihood fit: the model at the optimum, the log-likelihood there and how the
 * optimiser got there.
 */
public record ModelFit<M>(M model, double logLikelihood, Minimizer.Result optimizer) {

	public ModelFit {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(optimizer, "optimizer");
	}
}
