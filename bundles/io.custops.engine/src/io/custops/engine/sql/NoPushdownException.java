package io.custops.engine.sql;

import io.custops.core.spi.SqlDialect;

/**
 * An analysis cannot run inside a source of this dialect: refused before anything is read (it
 * never falls back to pulling every row). The message names the analysis and the dialect.
 */
public class NoPushdownException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String analysis;
	private final transient SqlDialect dialect;

	public NoPushdownException(String analysis, SqlDialect dialect, String why) {
		super(analysis + " cannot run inside a " + dialect.id() + " source" + (why == null || why.isEmpty() ? "" : ": " + why)
				+ " (nothing was read)");
		this.analysis = analysis;
		this.dialect = dialect;
	}

	public String analysis() {
		return analysis;
	}

	public SqlDialect dialect() {
		return dialect;
	}
}
