package io.custops.source.spark.internal;

/**
 * Every method of {@link java.sql.ResultSetMetaData} refusing with {@link java.sql.SQLFeatureNotSupportedException}
 * naming itself: the adapter overrides only what the source runtime uses, and anything else
 * says so instead of returning a made-up answer. Generated from the JDK's interface.
 */
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {

	static java.sql.SQLFeatureNotSupportedException unsupported(String method) {
		return new java.sql.SQLFeatureNotSupportedException("Spark Connect adapter: ResultSetMetaData." + method + " is not supported");
	}

	@Override
	public int getColumnCount() throws java.sql.SQLException {
		throw unsupported("getColumnCount");
	}

	@Override
	public boolean isAutoIncrement(int a0) throws java.sql.SQLException {
		throw unsupported("isAutoIncrement");
	}

	@Override
	public boolean isCaseSensitive(int a0) throws java.sql.SQLException {
		throw unsupported("isCaseSensitive");
	}

	@Override
	public boolean isSearchable(int a0) throws java.sql.SQLException {
		throw unsupported("isSearchable");
	}

	@Override
	public boolean isCurrency(int a0) throws java.sql.SQLException {
		throw unsupported("isCurrency");
	}

	@Override
	public int isNullable(int a0) throws java.sql.SQLException {
		throw unsupported("isNullable");
	}

	@Override
	public boolean isSigned(int a0) throws java.sql.SQLException {
		throw unsupported("isSigned");
	}

	@Override
	public int getColumnDisplaySize(int a0) throws java.sql.SQLException {
		throw unsupported("getColumnDisplaySize");
	}

	@Override
	public java.lang.String getColumnLabel(int a0) throws java.sql.SQLException {
		throw unsupported("getColumnLabel");
	}

	@Override
	public java.lang.String getColumnName(int a0) throws java.sql.SQLException {
		throw unsupported("getColumnName");
	}

	@Override
	public java.lang.String getSchemaName(int a0) throws java.sql.SQLException {
		throw unsupported("getSchemaName");
	}

	@Override
	public int getPrecision(int a0) throws java.sql.SQLException {
		throw unsupported("getPrecision");
	}

	@Override
	public int getScale(int a0) throws java.sql.SQLException {
		throw unsupported("getScale");
	}

	@Override
	public java.lang.String getTableName(int a0) throws java.sql.SQLException {
		throw unsupported("getTableName");
	}

	@Override
	public java.lang.String getCatalogName(int a0) throws java.sql.SQLException {
		throw unsupported("getCatalogName");
	}

	@Override
	public int getColumnType(int a0) throws java.sql.SQLException {
		throw unsupported("getColumnType");
	}

	@Override
	public java.lang.String getColumnTypeName(int a0) throws java.sql.SQLException {
		throw unsupported("getColumnTypeName");
	}

	@Override
	public boolean isReadOnly(int a0) throws java.sql.SQLException {
		throw unsupported("isReadOnly");
	}

	@Override
	public boolean isWritable(int a0) throws java.sql.SQLException {
		throw unsupported("isWritable");
	}

	@Override
	public boolean isDefinitelyWritable(int a0) throws java.sql.SQLException {
		throw unsupported("isDefinitelyWritable");
	}

	@Override
	public java.lang.String getColumnClassName(int a0) throws java.sql.SQLException {
		throw unsupported("getColumnClassName");
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
