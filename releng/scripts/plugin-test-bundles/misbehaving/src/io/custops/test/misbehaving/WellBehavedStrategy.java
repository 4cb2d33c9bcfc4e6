package io.custops.test.misbehaving;

public class WellBehavedStrategy extends BaseStrategy {

	@Override
	public String id() {
		return "well-behaved";
	}
}
