package io.custops.ui.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Axis ticks and the number formats charts print. */
public final class Numbers {

	private Numbers() {
	}

	/** Round tick values from 0 (or {@code min} when negative) to at least {@code max}: 1, 2 or 5 × 10^k apart. */
	public static double[] ticks(double min, double max, int wanted) {
		double low = Math.min(0, min);
		double high = Math.max(0, max);
		if (high - low <= 0) {
			high = low + 1;
		}
		double raw = (high - low) / Math.max(1, wanted);
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = magnitude;
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (m * magnitude >= raw) {
				step = m * magnitude;
				break;
			}
		}
		double start = Math.floor(low / step) * step;
		double end = Math.ceil(high / step) * step;
		int n = (int) Math.round((end - start) / step) + 1;
		double[] ticks = new double[n];
		for (int i = 0; i < n; i++) {
			ticks[i] = start + i * step;
		}
		return ticks;
	}

	/** 1,234 or 1,234.5 (at most two decimals): counts and amounts on bars and axes. */
	public static String format(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(value);
	}

	/** A compact axis label: 1.2M, 35k, 900. */
	public static String compact(double value) {
		double a = Math.abs(value);
		if (a >= 1e9) {
			return format(value / 1e9) + "B";
		}
		if (a >= 1e6) {
			return format(Math.round(value / 1e5) / 10.0) + "M";
		}
		if (a >= 1e4) {
			return format(Math.round(value / 1e2) / 10.0) + "k";
		}
		return format(value);
	}

	/** 12.5% from a percentage value (12.5). */
	public static String percent(double pct) {
		return Double.isNaN(pct) ? "" : format(Math.round(pct * 10) / 10.0) + "%";
	}
}
