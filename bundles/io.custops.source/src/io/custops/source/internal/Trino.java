package io.custops.source.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Trino's driver, asked directly (inside OSGi, DriverManager does not see other bundles'
 * drivers); the import is optional, so without the Trino bundle this says so.
 */
final class Trino {

	private Trino() {
	}

	static Optional<Connection> connect(String url, Properties props) throws SQLException {
		try {
			return Optional.ofNullable(new io.trino.jdbc.TrinoDriver().connect(url, props));
		} catch (NoClassDefFoundError e) {
			return Optional.empty();
		}
	}
}
