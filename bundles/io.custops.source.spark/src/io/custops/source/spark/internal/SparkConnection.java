package io.custops.source.spark.internal;

import java.net.InetSocketAddress;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.ReleaseSessionRequest;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc.SparkConnectServiceBlockingStub;
import org.apache.spark.connect.proto.UserContext;
import org.sparkproject.io.grpc.ManagedChannel;
import org.sparkproject.io.grpc.Metadata;
import org.sparkproject.io.grpc.StatusRuntimeException;
import org.sparkproject.io.grpc.netty.NettyChannelBuilder;
import org.sparkproject.io.grpc.stub.MetadataUtils;
import org.sparkproject.io.netty.channel.ChannelOption;

/**
 * One Spark Connect session over one gRPC channel. Opening it asks the server for its version
 * within the connect timeout, with gRPC's retries off: a dead port or host fails at once (or
 * after the timeout) instead of the Spark client's minutes of reconnect attempts.
 */
final class SparkConnection extends UnsupportedConnection {

	/** Spark's own client takes messages up to 128 MiB; an Arrow batch is at most a few MiB. */
	private static final int MAX_MESSAGE = 128 * 1024 * 1024;

	final ConnectUrl url;
	final String rawUrl;
	final String sessionId = UUID.randomUUID().toString();
	final UserContext user;
	final String sparkVersion;
	private final ManagedChannel channel;
	final SparkConnectServiceBlockingStub stub;
	private volatile boolean closed;
	private boolean readOnly;

	SparkConnection(String rawUrl, ConnectUrl url) throws SQLException {
		this.rawUrl = rawUrl;
		this.url = url;
		this.user = UserContext.newBuilder().setUserId(url.userId() == null ? "custops" : url.userId())
				.setUserName(url.userId() == null ? "custops" : url.userId()).build();
		NettyChannelBuilder builder = NettyChannelBuilder.forAddress(new InetSocketAddress(url.host(), url.port()))
				.maxInboundMessageSize(MAX_MESSAGE).disableRetry()
				.withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, url.connectTimeoutSeconds() * 1000)
				.userAgent("custops-spark-connect");
		if (url.ssl()) {
			builder.useTransportSecurity();
		} else {
			builder.usePlaintext();
		}
		if (url.token() != null) {
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + url.token());
			builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
		}
		channel = builder.build();
		stub = SparkConnectServiceGrpc.newBlockingStub(channel);
		try {
			sparkVersion = stub.withDeadlineAfter(url.connectTimeoutSeconds(), TimeUnit.SECONDS)
					.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(sessionId).setUserContext(user)
							.setClientType(SparkConnectDriver.CLIENT_TYPE)
							.setSparkVersion(AnalyzePlanRequest.SparkVersion.newBuilder()).build())
					.getSparkVersion().getVersion();
		} catch (StatusRuntimeException e) {
			channel.shutdownNow();
			throw Grpc.failure(url, "connecting", e);
		}
	}

	void checkOpen() throws SQLException {
		if (closed) {
			throw new SQLException("Spark Connect connection to " + url.address() + " is closed");
		}
	}

	@Override
	public Statement createStatement() throws SQLException {
		checkOpen();
		return new SparkStatement(this);
	}

	@Override
	public Statement createStatement(int type, int concurrency) throws SQLException {
		if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
			throw new SQLFeatureNotSupportedException("Spark Connect results are forward-only and read-only");
		}
		return createStatement();
	}

	@Override
	public DatabaseMetaData getMetaData() throws SQLException {
		checkOpen();
		return new SparkDatabaseMetaData(this);
	}

	/** Spark SQL has no transactions: every statement commits itself. */
	@Override
	public boolean getAutoCommit() throws SQLException {
		checkOpen();
		return true;
	}

	@Override
	public void setAutoCommit(boolean autoCommit) throws SQLException {
		checkOpen();
		if (!autoCommit) {
			throw new SQLFeatureNotSupportedException("Spark SQL has no transactions (auto-commit only)");
		}
	}

	/**
	 * Recorded only: Spark Connect has no read-only session. The source runtime sends only
	 * SELECTs on such a connection; a read-only user is the cluster's to enforce.
	 */
	@Override
	public void setReadOnly(boolean readOnly) throws SQLException {
		checkOpen();
		this.readOnly = readOnly;
	}

	@Override
	public boolean isReadOnly() throws SQLException {
		return readOnly;
	}

	@Override
	public boolean isValid(int timeout) throws SQLException {
		if (closed) {
			return false;
		}
		try {
			stub.withDeadlineAfter(timeout <= 0 ? url.connectTimeoutSeconds() : timeout, TimeUnit.SECONDS)
					.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(sessionId).setUserContext(user)
							.setClientType(SparkConnectDriver.CLIENT_TYPE)
							.setSparkVersion(AnalyzePlanRequest.SparkVersion.newBuilder()).build());
			return true;
		} catch (StatusRuntimeException e) {
			return false;
		}
	}

	@Override
	public int getTransactionIsolation() throws SQLException {
		return TRANSACTION_NONE;
	}

	@Override
	public SQLWarning getWarnings() throws SQLException {
		return null;
	}

	@Override
	public void clearWarnings() throws SQLException {
		// none kept
	}

	@Override
	public String nativeSQL(String sql) throws SQLException {
		return sql;
	}

	@Override
	public boolean isClosed() {
		return closed;
	}

	/** Releases the server's session (its temporary views and cached state), then the channel. */
	@Override
	public void close() throws SQLException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			stub.withDeadlineAfter(url.connectTimeoutSeconds(), TimeUnit.SECONDS).releaseSession(ReleaseSessionRequest
					.newBuilder().setSessionId(sessionId).setUserContext(user).setClientType(SparkConnectDriver.CLIENT_TYPE)
					.build());
		} catch (StatusRuntimeException e) {
			// the server may be gone already: its session then ends with it
		} finally {
			channel.shutdownNow();
			try {
				channel.awaitTermination(5, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
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
