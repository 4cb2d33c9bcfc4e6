package io.custops.source.spark.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a caller asks of a Spark SQL source: the engine and its version, and the columns of a
 * table (read from a {@code SELECT * … WHERE 1 = 0}, which Spark answers from its catalog
 * without running a job).
 */
final class SparkDatabaseMetaData extends UnsupportedDatabaseMetaData {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final SparkConnection connection;

	SparkDatabaseMetaData(SparkConnection connection) {
		this.connection = connection;
	}

	@Override
	public String getDatabaseProductName() {
		return "Spark SQL";
	}

	@Override
	public String getDatabaseProductVersion() {
		return connection.sparkVersion;
	}

	@Override
	public int getDatabaseMajorVersion() {
		return part(0);
	}

	@Override
	public int getDatabaseMinorVersion() {
		return part(1);
	}

	private int part(int i) {
		String[] parts = connection.sparkVersion.split("[.-]");
		try {
			return parts.length > i ? Integer.parseInt(parts[i]) : 0;
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	@Override
	public String getDriverName() {
		return "CustOps Spark Connect adapter";
	}

	@Override
	public String getDriverVersion() {
		return SparkConnectDriver.VERSION;
	}

	@Override
	public int getDriverMajorVersion() {
		return 1;
	}

	@Override
	public int getDriverMinorVersion() {
		return 0;
	}

	@Override
	public int getJDBCMajorVersion() {
		return 4;
	}

	@Override
	public int getJDBCMinorVersion() {
		return 3;
	}

	@Override
	public String getURL() {
		return ConnectUrl.redact(connection.rawUrl);
	}

	@Override
	public String getUserName() {
		return connection.user.getUserId();
	}

	@Override
	public Connection getConnection() {
		return connection;
	}

	@Override
	public boolean isReadOnly() throws SQLException {
		return connection.isReadOnly();
	}

	@Override
	public String getIdentifierQuoteString() {
		return "`";
	}

	@Override
	public boolean supportsTransactions() {
		return false;
	}

	@Override
	public int getDefaultTransactionIsolation() {
		return Connection.TRANSACTION_NONE;
	}

	@Override
	public String getCatalogSeparator() {
		return ".";
	}

	/**
	 * The columns of one table, {@code schemaPattern.tableNamePattern}: plain names only (no
	 * {@code %} or {@code _} wildcards in the table), every column or those matching the column
	 * pattern.
	 */
	@Override
	public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
			throws SQLException {
		if (tableNamePattern == null || tableNamePattern.contains("%") || !NAME.matcher(tableNamePattern).matches()
				|| (schemaPattern != null && !schemaPattern.isEmpty() && !NAME.matcher(schemaPattern).matches())
				|| (catalog != null && !catalog.isEmpty() && !NAME.matcher(catalog).matches())) {
			throw unsupported("getColumns with patterns (give catalog, schema and table names)");
		}
		String table = (catalog == null || catalog.isEmpty() ? "" : catalog + ".")
				+ (schemaPattern == null || schemaPattern.isEmpty() ? "" : schemaPattern + ".") + tableNamePattern;
		Pattern column = columnNamePattern == null ? null
				: Pattern.compile(columnNamePattern.replace("%", ".*").replace("_", "."), Pattern.CASE_INSENSITIVE);
		List<Object[]> rows = new ArrayList<>();
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			ResultSetMetaData md = rs.getMetaData();
			for (int i = 1; i <= md.getColumnCount(); i++) {
				if (column != null && !column.matcher(md.getColumnName(i)).matches()) {
					continue;
				}
				rows.add(new Object[] { catalog, schemaPattern, tableNamePattern, md.getColumnName(i), md.getColumnType(i),
						md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i), md.isNullable(i), (long) i });
			}
		}
		List<Column> columns = List.of(Column.of("TABLE_CAT", Types.VARCHAR, "STRING", true),
				Column.of("TABLE_SCHEM", Types.VARCHAR, "STRING", true), Column.of("TABLE_NAME", Types.VARCHAR, "STRING", false),
				Column.of("COLUMN_NAME", Types.VARCHAR, "STRING", false), Column.of("DATA_TYPE", Types.INTEGER, "INT", false),
				Column.of("TYPE_NAME", Types.VARCHAR, "STRING", false), Column.of("COLUMN_SIZE", Types.INTEGER, "INT", false),
				Column.of("DECIMAL_DIGITS", Types.INTEGER, "INT", false), Column.of("NULLABLE", Types.INTEGER, "INT", false),
				Column.of("ORDINAL_POSITION", Types.BIGINT, "BIGINT", false));
		Object[][] byColumn = new Object[columns.size()][rows.size()];
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < columns.size(); c++) {
				byColumn[c][r] = rows.get(r)[c];
			}
		}
		return new SparkResultSet(null, columns, byColumn, rows.size());
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
