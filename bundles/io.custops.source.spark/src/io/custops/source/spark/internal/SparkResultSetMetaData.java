package io.custops.source.spark.internal;

import java.sql.SQLException;
import java.util.List;

/** The columns of a Spark result, named and typed as Spark's Arrow schema gives them. */
final class SparkResultSetMetaData extends UnsupportedResultSetMetaData {

	private final List<Column> columns;

	SparkResultSetMetaData(List<Column> columns) {
		this.columns = columns;
	}

	private Column column(int i) throws SQLException {
		if (i < 1 || i > columns.size()) {
			throw new SQLException("column " + i + " does not exist (1 to " + columns.size() + ")");
		}
		return columns.get(i - 1);
	}

	@Override
	public int getColumnCount() {
		return columns.size();
	}

	@Override
	public String getColumnName(int i) throws SQLException {
		return column(i).name();
	}

	@Override
	public String getColumnLabel(int i) throws SQLException {
		return column(i).name();
	}

	@Override
	public int getColumnType(int i) throws SQLException {
		return column(i).sqlType();
	}

	@Override
	public String getColumnTypeName(int i) throws SQLException {
		return column(i).typeName();
	}

	@Override
	public String getColumnClassName(int i) throws SQLException {
		return column(i).className();
	}

	@Override
	public int isNullable(int i) throws SQLException {
		return column(i).nullable() ? columnNullable : columnNoNulls;
	}

	@Override
	public int getPrecision(int i) throws SQLException {
		return column(i).precision();
	}

	@Override
	public int getScale(int i) throws SQLException {
		return column(i).scale();
	}

	@Override
	public boolean isSigned(int i) throws SQLException {
		int t = column(i).sqlType();
		return t == java.sql.Types.BIGINT || t == java.sql.Types.INTEGER || t == java.sql.Types.SMALLINT
				|| t == java.sql.Types.TINYINT || t == java.sql.Types.DOUBLE || t == java.sql.Types.REAL
				|| t == java.sql.Types.DECIMAL;
	}

	@Override
	public boolean isReadOnly(int i) throws SQLException {
		column(i);
		return true;
	}

	@Override
	public String getSchemaName(int i) throws SQLException {
		column(i);
		return "";
	}

	@Override
	public String getTableName(int i) throws SQLException {
		column(i);
		return "";
	}

	@Override
	public String getCatalogName(int i) throws SQLException {
		column(i);
		return "";
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
