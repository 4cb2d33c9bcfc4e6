package io.custops.source.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * DuckDB's driver, asked directly (inside OSGi, DriverManager does not see other bundles'
 * drivers); the import is optional, so without the DuckDB bundle this says so.
 */
final class DuckDb {

	private DuckDb() {
	}

	static Optional<Connection> connect(String url, Properties props) throws SQLException {
		try {
			return Optional.ofNullable(new org.duckdb.DuckDBDriver().connect(url, props));
		} catch (NoClassDefFoundError e) {
			return Optional.empty();
		}
	}
}
