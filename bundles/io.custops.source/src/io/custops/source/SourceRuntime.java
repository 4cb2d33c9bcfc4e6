package io.custops.source;

import java.sql.Connection;
import java.time.LocalDate;

import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.store.SourceRecord;

/**
 * Runs analyses inside registered sources. Registered as an OSGi service by this bundle.
 *
 * <p>Drivers: HSQLDB, PostgreSQL, DuckDB and Trino are built in; any other engine's driver is found as
 * an OSGi service of {@link java.sql.Driver} that accepts the source's URL (how a plugin brings
 * Trino's or a Spark Connect adapter), then through {@link java.sql.DriverManager}.
 */
public interface SourceRuntime {

	/** The dialect of a URL, or a {@link SourceException} naming the URL's scheme as unknown. */
	SqlDialect dialect(String url) throws SourceException;

	/** The source's tables and column mapping as a pushdown sees them. */
	SqlPushdown.SourceTables tables(SourceRecord source);

	/** Connects (password from secure storage), checks every mapped column and counts the rows. */
	SourceCheck test(SourceRecord source) throws SourceException;

	/**
	 * The SQL a run would send, without connecting.
	 *
	 * @throws PushdownUnsupportedException when the analysis has no pushdown for the dialect
	 */
	String explain(SourceRecord source, CustomerAnalysis analysis, LocalDate asOf, Parameters parameters)
			throws SourceException;

	/**
	 * Runs the analysis's query in the source and hands each row to the sink as it arrives (the
	 * rows are fetched in pages; the whole result is never held).
	 *
	 * @throws PushdownUnsupportedException before connecting, when there is no pushdown for the dialect
	 */
	PushdownRun run(SourceRecord source, CustomerAnalysis analysis, LocalDate asOf, Parameters parameters, RowSink sink)
			throws SourceException;

	/**
	 * Runs the analysis into a new table of the source, {@code CREATE TABLE table AS …}, and
	 * counts its rows there.
	 */
	PushdownRun into(SourceRecord source, CustomerAnalysis analysis, LocalDate asOf, Parameters parameters, String table)
			throws SourceException;

	/**
	 * A connection to the source, read-only unless asked otherwise, for the engine's shared
	 * analyses. The caller closes it.
	 */
	Connection connect(SourceRecord source, boolean readOnly) throws SourceException;

	/**
	 * Runs a query of one of the engine's shared analyses (conversion, ROI: SQL written by
	 * {@code io.custops.engine.sql}) and hands each row to the sink as text as it arrives. The
	 * connection is read-only; with an {@link Upload}, that temporary table is created and filled
	 * first (the session's own table, gone at the end) and the connection made read-only after.
	 *
	 * @param analysis the analysis's name in messages
	 * @param upload   null, or the temporary table the query reads
	 * @return the rows read
	 */
	long query(SourceRecord source, String analysis, Upload upload, String sql, TextRowSink sink) throws SourceException;
}
