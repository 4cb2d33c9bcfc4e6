package io.custops.source.spark.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A Spark Connect URL, {@code sc://HOST[:PORT][/;key=value;…]} (also written {@code jdbc:sc://…}),
 * with the keys of Spark's own client ({@code user_id}, {@code token}, {@code use_ssl}) and this
 * adapter's {@code connect_timeout} (seconds, default 10): how long a connection may take before
 * it fails. The JDBC properties {@code user} and {@code password} stand for {@code user_id} and
 * {@code token}.
 */
record ConnectUrl(String host, int port, String userId, String token, boolean ssl, int connectTimeoutSeconds) {

	static final int DEFAULT_PORT = 15002;
	static final int DEFAULT_CONNECT_TIMEOUT = 10;

	static boolean accepts(String url) {
		return url != null && (url.startsWith("sc://") || url.startsWith("jdbc:sc://"));
	}

	static ConnectUrl parse(String url, Properties props) throws SQLException {
		String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
		rest = rest.substring("sc://".length());
		Map<String, String> params = new LinkedHashMap<>();
		int slash = rest.indexOf('/');
		String authority = slash < 0 ? rest : rest.substring(0, slash);
		if (slash >= 0) {
			for (String part : rest.substring(slash + 1).split(";")) {
				if (part.isBlank()) {
					continue;
				}
				int eq = part.indexOf('=');
				if (eq <= 0) {
					throw new SQLException("Spark Connect URL " + redact(url) + ": '" + redact(part)
							+ "' is not key=value (sc://HOST:PORT/;user_id=…;token=…;use_ssl=true)");
				}
				params.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
			}
		}
		if (authority.isEmpty()) {
			throw new SQLException("Spark Connect URL " + redact(url) + " names no host (sc://HOST:PORT)");
		}
		String host = authority;
		int port = DEFAULT_PORT;
		int colon = authority.lastIndexOf(':');
		if (colon >= 0 && !authority.endsWith("]")) {
			host = authority.substring(0, colon);
			try {
				port = Integer.parseInt(authority.substring(colon + 1));
			} catch (NumberFormatException e) {
				throw new SQLException("Spark Connect URL " + redact(url) + ": port '" + authority.substring(colon + 1)
						+ "' is not a number");
			}
			if (port <= 0 || port > 65535) {
				throw new SQLException("Spark Connect URL " + redact(url) + ": port " + port + " is out of range");
			}
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		String user = props == null ? null : props.getProperty("user");
		String password = props == null ? null : props.getProperty("password");
		String timeout = params.getOrDefault("connect_timeout", props == null ? null : props.getProperty("connect_timeout"));
		int seconds = DEFAULT_CONNECT_TIMEOUT;
		if (timeout != null) {
			try {
				seconds = Integer.parseInt(timeout);
			} catch (NumberFormatException e) {
				seconds = -1;
			}
			if (seconds <= 0) {
				throw new SQLException("Spark Connect URL " + redact(url) + ": connect_timeout '" + timeout
						+ "' is not a positive number of seconds");
			}
		}
		return new ConnectUrl(host, port, params.getOrDefault("user_id", user), params.getOrDefault("token", password),
				Boolean.parseBoolean(params.getOrDefault("use_ssl", "false")), seconds);
	}

	/** The URL with any token masked, for messages. */
	static String redact(String url) {
		return url.replaceAll("(?i)(token=)[^;]*", "$1***");
	}

	String address() {
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}
}
