package io.custops.source;

import io.custops.core.spi.SqlDialect;

/**
 * An analysis has no pushdown for a source's dialect: the run is refused before anything is
 * read (it never falls back to pulling every row).
 */
public class PushdownUnsupportedException extends SourceException {

	private static final long serialVersionUID = 1L;

	private final String analysis;
	private final transient SqlDialect dialect;

	public PushdownUnsupportedException(String analysis, SqlDialect dialect, String why) {
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
