package io.custops.core.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A per-customer column of an analysis result (recency_days, monetary, p_alive…), indexed by
 * the dataset's dense customer index. Money is exact (hundredths); model outputs are doubles.
 */
public abstract sealed class ResultColumn {

	private final String name;

	ResultColumn(String name) {
		this.name = Objects.requireNonNull(name, "name");
	}

	public String name() {
		return name;
	}

	public abstract int size();

	/** The value as written in CSV output; empty when the customer has none. */
	public abstract String format(int customer);

	/** The value as a number for charts and sorting; NaN when none. */
	public abstract double number(int customer);

	public static ResultColumn ofLongs(String name, long[] values, long missing) {
		return new LongColumn(name, values, missing, false);
	}

	/** Exact amounts in hundredths, printed with two decimals. */
	public static ResultColumn ofCents(String name, long[] cents, long missing) {
		return new LongColumn(name, cents, missing, true);
	}

	public static ResultColumn ofDoubles(String name, double[] values) {
		return new DoubleColumn(name, values);
	}

	public static ResultColumn ofTexts(String name, String[] values) {
		return new TextColumn(name, values);
	}

	/** Whole numbers or hundredths. */
	public static final class LongColumn extends ResultColumn {
		private final long[] values;
		private final long missing;
		private final boolean cents;

		LongColumn(String name, long[] values, long missing, boolean cents) {
			super(name);
			this.values = values;
			this.missing = missing;
			this.cents = cents;
		}

		public long value(int customer) {
			return values[customer];
		}

		public boolean isCents() {
			return cents;
		}

		@Override
		public int size() {
			return values.length;
		}

		@Override
		public String format(int customer) {
			long v = values[customer];
			if (v == missing) {
				return "";
			}
			return cents ? BigDecimal.valueOf(v, 2).toPlainString() : Long.toString(v);
		}

		@Override
		public double number(int customer) {
			long v = values[customer];
			return v == missing ? Double.NaN : cents ? v / 100.0 : v;
		}
	}

	/** Model outputs: probabilities, expectations. NaN means none. */
	public static final class DoubleColumn extends ResultColumn {
		private final double[] values;

		DoubleColumn(String name, double[] values) {
			super(name);
			this.values = values;
		}

		@Override
		public int size() {
			return values.length;
		}

		@Override
		public String format(int customer) {
			double v = values[customer];
			if (Double.isNaN(v)) {
				return "";
			}
			return BigDecimal.valueOf(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
		}

		@Override
		public double number(int customer) {
			return values[customer];
		}
	}

	/** Text values; null means none. */
	public static final class TextColumn extends ResultColumn {
		private final String[] values;

		TextColumn(String name, String[] values) {
			super(name);
			this.values = values;
		}

		@Override
		public int size() {
			return values.length;
		}

		@Override
		public String format(int customer) {
			String v = values[customer];
			return v == null ? "" : v;
		}

		@Override
		public double number(int customer) {
			return Double.NaN;
		}
	}
}
