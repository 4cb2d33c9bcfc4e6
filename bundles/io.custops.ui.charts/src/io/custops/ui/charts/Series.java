package io.custops.ui.charts;

import java.util.Objects;

/** A named row of values, one per category of a chart; NaN means no value. */
public record Series(String name, double[] values) {

	public Series {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(values, "values");
	}

	public double max() {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			if (!Double.isNaN(v)) {
				max = Math.max(max, v);
			}
		}
		return max == Double.NEGATIVE_INFINITY ? 0 : max;
	}

	public double min() {
		double min = Double.POSITIVE_INFINITY;
		for (double v : values) {
			if (!Double.isNaN(v)) {
				min = Math.min(min, v);
			}
		}
		return min == Double.POSITIVE_INFINITY ? 0 : min;
	}
}
