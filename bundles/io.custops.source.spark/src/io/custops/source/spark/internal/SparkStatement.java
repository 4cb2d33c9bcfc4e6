package io.custops.source.spark.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.InterruptRequest;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.sparkproject.io.grpc.CallOptions;
import org.sparkproject.io.grpc.ClientCall;
import org.sparkproject.io.grpc.StatusRuntimeException;
import org.sparkproject.io.grpc.stub.ClientCalls;

/**
 * Sends one SQL text as a Spark Connect plan ({@code Relation.sql}). Spark runs commands such as
 * {@code CREATE TABLE … AS} eagerly when it plans them, so the same call serves queries and
 * commands; the answer streams back as Arrow batches (Spark cuts them at
 * {@code spark.sql.execution.arrow.maxRecordsPerBatch}, 10,000 rows by default) that the result
 * set reads one at a time, gRPC's flow control holding back the rest.
 */
final class SparkStatement extends UnsupportedStatement {

	private final SparkConnection connection;
	private SparkResultSet current;
	private boolean closed;
	private int queryTimeout;
	private int fetchSize;
	private ClientCall<ExecutePlanRequest, ExecutePlanResponse> call;
	private String operationId;

	SparkStatement(SparkConnection connection) {
		this.connection = connection;
	}

	private void checkOpen() throws SQLException {
		if (closed) {
			throw new SQLException("statement is closed");
		}
		connection.checkOpen();
	}

	@Override
	public ResultSet executeQuery(String sql) throws SQLException {
		checkOpen();
		closeCurrent();
		operationId = UUID.randomUUID().toString();
		ExecutePlanRequest request = ExecutePlanRequest.newBuilder().setSessionId(connection.sessionId)
				.setUserContext(connection.user).setClientType(SparkConnectDriver.CLIENT_TYPE).setOperationId(operationId)
				.setPlan(Plan.newBuilder().setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql)))).build();
		CallOptions options = connection.stub.getCallOptions();
		if (queryTimeout > 0) {
			options = options.withDeadlineAfter(queryTimeout, TimeUnit.SECONDS);
		}
		call = connection.stub.getChannel().newCall(SparkConnectServiceGrpc.getExecutePlanMethod(), options);
		try {
			Iterator<ExecutePlanResponse> responses = ClientCalls.blockingServerStreamingCall(call, request);
			current = new SparkResultSet(this, connection.url, responses);
			return current;
		} catch (StatusRuntimeException e) {
			throw Grpc.failure(connection.url, "the query", e);
		}
	}

	/** Runs a query or a command; true when it returns columns (a query). */
	@Override
	public boolean execute(String sql) throws SQLException {
		SparkResultSet rs = (SparkResultSet) executeQuery(sql);
		if (rs.getMetaData().getColumnCount() == 0) {
			rs.drain();
			current = null;
			return false;
		}
		return true;
	}

	/** Spark does not report affected rows: 0 for a command once it has run. */
	@Override
	public int executeUpdate(String sql) throws SQLException {
		try (ResultSet rs = executeQuery(sql)) {
			((SparkResultSet) rs).drain();
		}
		current = null;
		return 0;
	}

	@Override
	public ResultSet getResultSet() {
		return current;
	}

	@Override
	public int getUpdateCount() {
		return current == null ? 0 : -1;
	}

	@Override
	public boolean getMoreResults() throws SQLException {
		closeCurrent();
		return false;
	}

	/** Recorded: the server decides the page size (its Arrow batch size). */
	@Override
	public void setFetchSize(int rows) throws SQLException {
		if (rows < 0) {
			throw new SQLException("fetch size " + rows + " is negative");
		}
		fetchSize = rows;
	}

	@Override
	public int getFetchSize() {
		return fetchSize;
	}

	@Override
	public void setQueryTimeout(int seconds) throws SQLException {
		if (seconds < 0) {
			throw new SQLException("query timeout " + seconds + " is negative");
		}
		queryTimeout = seconds;
	}

	@Override
	public int getQueryTimeout() {
		return queryTimeout;
	}

	@Override
	public void setMaxRows(int max) throws SQLException {
		if (max != 0) {
			throw unsupported("setMaxRows (use LIMIT in the query)");
		}
	}

	@Override
	public int getMaxRows() {
		return 0;
	}

	@Override
	public int getResultSetType() {
		return ResultSet.TYPE_FORWARD_ONLY;
	}

	@Override
	public int getResultSetConcurrency() {
		return ResultSet.CONCUR_READ_ONLY;
	}

	@Override
	public int getFetchDirection() {
		return ResultSet.FETCH_FORWARD;
	}

	/** Stops the running operation on the server and the stream here. */
	@Override
	public void cancel() throws SQLException {
		abort();
	}

	/** A stream left before its end: the server stops computing the rest. */
	void abort() {
		if (call != null) {
			call.cancel("closed by the client", null);
			call = null;
			try {
				connection.stub.withDeadlineAfter(connection.url.connectTimeoutSeconds(), TimeUnit.SECONDS)
						.interrupt(InterruptRequest.newBuilder().setSessionId(connection.sessionId).setUserContext(connection.user)
								.setClientType(SparkConnectDriver.CLIENT_TYPE)
								.setInterruptType(InterruptRequest.InterruptType.INTERRUPT_TYPE_OPERATION_ID)
								.setOperationId(operationId).build());
			} catch (StatusRuntimeException e) {
				// finished or gone already
			}
		}
	}

	void finished() {
		call = null;
	}

	private void closeCurrent() throws SQLException {
		if (current != null) {
			current.close();
			current = null;
		}
	}

	@Override
	public Connection getConnection() {
		return connection;
	}

	@Override
	public SQLWarning getWarnings() {
		return null;
	}

	@Override
	public void clearWarnings() {
		// none kept
	}

	@Override
	public void close() throws SQLException {
		if (!closed) {
			closeCurrent();
			closed = true;
		}
	}

	@Override
	public boolean isClosed() {
		return closed;
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("not a " + iface.getName());
	}
}
