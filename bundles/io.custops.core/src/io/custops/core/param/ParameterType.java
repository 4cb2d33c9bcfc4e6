package io.custops.core.param;

/** How the text of a parameter value is read. */
public enum ParameterType {
	/** Any text. */
	STRING,
	/** A whole number ({@code long}). */
	INTEGER,
	/** An exact decimal ({@link java.math.BigDecimal}); money and ratios. */
	DECIMAL,
	/** {@code true/false}, also {@code yes/no}, {@code 1/0}. */
	BOOLEAN,
	/** An ISO-8601 date, {@code 2026-06-30}. */
	DATE,
	/** A duration: {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d}, {@code 2w}, or ISO-8601 {@code PT1H}. */
	DURATION,
	/** One of the spec's choices. */
	CHOICE,
	/** A comma-separated list of texts. */
	LIST,
	/** A percentage {@code 20%} or a ratio {@code 0.2}; read as a ratio in [0, 1]. */
	PERCENT
}
