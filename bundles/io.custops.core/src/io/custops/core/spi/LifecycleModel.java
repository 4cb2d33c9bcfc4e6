package io.custops.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Places customers in lifecycle stages or predicts their future (stages, BG/NBD, CLV).
 * Register an implementation as an OSGi service of this interface.
 */
@ConsumerType
public interface LifecycleModel extends CustomerAnalysis {

	/** Whether the model is fitted to the data (a probability model) rather than rule-based. */
	default boolean predictive() {
		return false;
	}
}
