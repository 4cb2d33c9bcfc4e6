package io.custops.test.misbehaving;

import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;

public class HangingStrategy extends BaseStrategy {

	@Override
	public String id() {
		return "boom-hangs";
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		while (true) { // a real hang: deaf to interrupts
			try {
				Thread.sleep(1_000);
			} catch (InterruptedException e) {
				// ignored on purpose
			}
		}
	}
}
