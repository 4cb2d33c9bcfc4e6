package io.custops.source.spark.internal;

/**
 * Every method of {@link java.sql.Statement} refusing with {@link java.sql.SQLFeatureNotSupportedException}
 * naming itself: the adapter overrides only what the source runtime uses, and anything else
 * says so instead of returning a made-up answer. Generated from the JDK's interface.
 */
abstract class UnsupportedStatement implements java.sql.Statement {

	static java.sql.SQLFeatureNotSupportedException unsupported(String method) {
		return new java.sql.SQLFeatureNotSupportedException("Spark Connect adapter: Statement." + method + " is not supported");
	}

	@Override
	public java.sql.ResultSet executeQuery(java.lang.String a0) throws java.sql.SQLException {
		throw unsupported("executeQuery");
	}

	@Override
	public int executeUpdate(java.lang.String a0) throws java.sql.SQLException {
		throw unsupported("executeUpdate");
	}

	@Override
	public void close() throws java.sql.SQLException {
		throw unsupported("close");
	}

	@Override
	public int getMaxFieldSize() throws java.sql.SQLException {
		throw unsupported("getMaxFieldSize");
	}

	@Override
	public void setMaxFieldSize(int a0) throws java.sql.SQLException {
		throw unsupported("setMaxFieldSize");
	}

	@Override
	public int getMaxRows() throws java.sql.SQLException {
		throw unsupported("getMaxRows");
	}

	@Override
	public void setMaxRows(int a0) throws java.sql.SQLException {
		throw unsupported("setMaxRows");
	}

	@Override
	public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
		throw unsupported("setEscapeProcessing");
	}

	@Override
	public int getQueryTimeout() throws java.sql.SQLException {
		throw unsupported("getQueryTimeout");
	}

	@Override
	public void setQueryTimeout(int a0) throws java.sql.SQLException {
		throw unsupported("setQueryTimeout");
	}

	@Override
	public void cancel() throws java.sql.SQLException {
		throw unsupported("cancel");
	}

	@Override
	public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
		throw unsupported("getWarnings");
	}

	@Override
	public void clearWarnings() throws java.sql.SQLException {
		throw unsupported("clearWarnings");
	}

	@Override
	public void setCursorName(java.lang.String a0) throws java.sql.SQLException {
		throw unsupported("setCursorName");
	}

	@Override
	public boolean execute(java.lang.String a0) throws java.sql.SQLException {
		throw unsupported("execute");
	}

	@Override
	public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
		throw unsupported("getResultSet");
	}

	@Override
	public int getUpdateCount() throws java.sql.SQLException {
		throw unsupported("getUpdateCount");
	}

	@Override
	public boolean getMoreResults() throws java.sql.SQLException {
		throw unsupported("getMoreResults");
	}

	@Override
	public void setFetchDirection(int a0) throws java.sql.SQLException {
		throw unsupported("setFetchDirection");
	}

	@Override
	public int getFetchDirection() throws java.sql.SQLException {
		throw unsupported("getFetchDirection");
	}

	@Override
	public void setFetchSize(int a0) throws java.sql.SQLException {
		throw unsupported("setFetchSize");
	}

	@Override
	public int getFetchSize() throws java.sql.SQLException {
		throw unsupported("getFetchSize");
	}

	@Override
	public int getResultSetConcurrency() throws java.sql.SQLException {
		throw unsupported("getResultSetConcurrency");
	}

	@Override
	public int getResultSetType() throws java.sql.SQLException {
		throw unsupported("getResultSetType");
	}

	@Override
	public void addBatch(java.lang.String a0) throws java.sql.SQLException {
		throw unsupported("addBatch");
	}

	@Override
	public void clearBatch() throws java.sql.SQLException {
		throw unsupported("clearBatch");
	}

	@Override
	public int[] executeBatch() throws java.sql.SQLException {
		throw unsupported("executeBatch");
	}

	@Override
	public java.sql.Connection getConnection() throws java.sql.SQLException {
		throw unsupported("getConnection");
	}

	@Override
	public boolean getMoreResults(int a0) throws java.sql.SQLException {
		throw unsupported("getMoreResults");
	}

	@Override
	public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
		throw unsupported("getGeneratedKeys");
	}

	@Override
	public int executeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
		throw unsupported("executeUpdate");
	}

	@Override
	public int executeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
		throw unsupported("executeUpdate");
	}

	@Override
	public int executeUpdate(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
		throw unsupported("executeUpdate");
	}

	@Override
	public boolean execute(java.lang.String a0, int a1) throws java.sql.SQLException {
		throw unsupported("execute");
	}

	@Override
	public boolean execute(java.lang.String a0, int[] a1) throws java.sql.SQLException {
		throw unsupported("execute");
	}

	@Override
	public boolean execute(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
		throw unsupported("execute");
	}

	@Override
	public int getResultSetHoldability() throws java.sql.SQLException {
		throw unsupported("getResultSetHoldability");
	}

	@Override
	public boolean isClosed() throws java.sql.SQLException {
		throw unsupported("isClosed");
	}

	@Override
	public void setPoolable(boolean a0) throws java.sql.SQLException {
		throw unsupported("setPoolable");
	}

	@Override
	public boolean isPoolable() throws java.sql.SQLException {
		throw unsupported("isPoolable");
	}

	@Override
	public void closeOnCompletion() throws java.sql.SQLException {
		throw unsupported("closeOnCompletion");
	}

	@Override
	public boolean isCloseOnCompletion() throws java.sql.SQLException {
		throw unsupported("isCloseOnCompletion");
	}

	@Override
	public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
		throw unsupported("unwrap");
	}

	@Override
	public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
		throw unsupported("isWrapperFor");
	}
}
