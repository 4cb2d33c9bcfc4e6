package io.custops.source.spark.internal;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sparkproject.io.grpc.Status;
import org.sparkproject.io.grpc.StatusRuntimeException;

/** gRPC failures as SQL exceptions in plain words, with Spark's SQLSTATE when it gives one. */
final class Grpc {

	private static final Pattern SQLSTATE = Pattern.compile("SQLSTATE: ([0-9A-Z]{5})");

	private Grpc() {
	}

	static SQLException failure(ConnectUrl url, String what, StatusRuntimeException e) {
		Status status = e.getStatus();
		String description = status.getDescription() == null ? "" : status.getDescription().strip();
		return switch (status.getCode()) {
		case UNAVAILABLE -> new SQLException("Spark Connect at " + url.address() + " is not reachable ("
				+ (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : description)
				+ "): is the server running (sbin/start-connect-server.sh) and the port right?", "08001", e);
		case DEADLINE_EXCEEDED -> new SQLTimeoutException("Spark Connect at " + url.address() + ": " + what
				+ " got no answer in time (" + description + ")", "HYT00", e);
		case UNAUTHENTICATED, PERMISSION_DENIED -> new SQLException("Spark Connect at " + url.address() + ": " + what
				+ " refused: " + description, "28000", e);
		case CANCELLED -> new SQLException("Spark Connect at " + url.address() + ": " + what + " was cancelled", "57014", e);
		default -> {
			Matcher m = SQLSTATE.matcher(description);
			yield new SQLException(description.isEmpty() ? what + " failed: " + status.getCode() : description,
					m.find() ? m.group(1) : null, e);
		}
		};
	}
}
