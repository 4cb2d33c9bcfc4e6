package io.custops.test.misbehaving;

import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;

public class ThrowingStrategy extends BaseStrategy {

	@Override
	public String id() {
		return "boom-throws";
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		throw new IllegalStateException("boom: this strategy always fails");
	}
}
