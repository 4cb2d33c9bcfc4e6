package io.custops.source.spark.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;

/**
 * A {@link Driver} for Spark SQL through Spark Connect, {@code sc://HOST:PORT}: registered as an
 * OSGi service, which is how the source runtime finds drivers of other bundles (DriverManager
 * does not see them inside OSGi). It implements the part of JDBC the source runtime uses:
 * queries streamed back page by page, commands ({@code CREATE TABLE … AS}), result and column
 * metadata. See docs/warehouse.md, "Spark Connect".
 */
@Component(service = Driver.class, property = "custops.url.scheme=sc")
public class SparkConnectDriver implements Driver {

	static final String VERSION = "1.0.0";
	static final String CLIENT_TYPE = "custops-jdbc/" + VERSION;

	@Override
	public boolean acceptsURL(String url) {
		return ConnectUrl.accepts(url);
	}

	/** Null for a URL of another kind (the JDBC contract); otherwise a session, or a clear failure. */
	@Override
	public Connection connect(String url, Properties info) throws SQLException {
		if (!acceptsURL(url)) {
			return null;
		}
		return new SparkConnection(url, ConnectUrl.parse(url, info));
	}

	@Override
	public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
		DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
		user.description = "Spark Connect user_id";
		DriverPropertyInfo password = new DriverPropertyInfo("password", null);
		password.description = "bearer token (with use_ssl=true)";
		DriverPropertyInfo timeout = new DriverPropertyInfo("connect_timeout", Integer.toString(ConnectUrl.DEFAULT_CONNECT_TIMEOUT));
		timeout.description = "seconds a connection may take before it fails";
		return new DriverPropertyInfo[] { user, password, timeout };
	}

	@Override
	public int getMajorVersion() {
		return 1;
	}

	@Override
	public int getMinorVersion() {
		return 0;
	}

	/** Not a full JDBC driver: only what the source runtime needs. */
	@Override
	public boolean jdbcCompliant() {
		return false;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
	}
}
