package io.custops.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** A fact table: its columns in a fixed order (key columns first) and the statements on them. */
final class Table {

	enum Type {
		TEXT(Types.VARCHAR), INT(Types.INTEGER), BIGINT(Types.BIGINT), DECIMAL(Types.DECIMAL), TIMESTAMP(Types.TIMESTAMP),
		DATE(Types.DATE);

		final int sqlType;

		Type(int sqlType) {
			this.sqlType = sqlType;
		}
	}

	record Column(String name, Type type) {
	}

	final String name;
	final List<Column> columns;
	final int keyCount;
	final String insertSql;
	final String updateSql;
	final String selectList;

	Table(String name, int keyCount, Column... columns) {
		this.name = name;
		this.columns = List.of(columns);
		this.keyCount = keyCount;
		String names = this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
		this.selectList = names;
		this.insertSql = "INSERT INTO " + name + "(" + names + ", import_id, source_line) VALUES("
				+ "?, ".repeat(columns.length) + "?, ?)";
		this.updateSql = "UPDATE " + name + " SET "
				+ this.columns.subList(keyCount, columns.length).stream().map(c -> c.name() + " = ?")
						.collect(Collectors.joining(", "))
				+ ", import_id = ?, source_line = ? WHERE "
				+ this.columns.subList(0, keyCount).stream().map(c -> c.name() + " = ?")
						.collect(Collectors.joining(" AND "));
	}

	static Column col(String name, Type type) {
		return new Column(name, type);
	}

	int index(String column) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equals(column)) {
				return i;
			}
		}
		throw new IllegalArgumentException(column);
	}

	/** Reads this table's columns from a result set whose first columns are {@link #selectList}. */
	Object[] read(ResultSet rs) throws SQLException {
		Object[] values = new Object[columns.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = get(rs, i + 1, columns.get(i).type());
		}
		return values;
	}

	static Object get(ResultSet rs, int index, Type type) throws SQLException {
		Object value = switch (type) {
		case TEXT -> rs.getString(index);
		case INT -> rs.getObject(index, Integer.class);
		case BIGINT -> rs.getObject(index, Long.class);
		case DECIMAL -> rs.getBigDecimal(index);
		case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
		case DATE -> rs.getObject(index, LocalDate.class);
		};
		return rs.wasNull() ? null : value;
	}

	static void set(PreparedStatement ps, int index, Type type, Object value) throws SQLException {
		if (value == null) {
			ps.setNull(index, type.sqlType);
			return;
		}
		switch (type) {
		case TEXT -> ps.setString(index, (String) value);
		case INT -> ps.setInt(index, (Integer) value);
		case BIGINT -> ps.setLong(index, (Long) value);
		case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
		case TIMESTAMP, DATE -> ps.setObject(index, value);
		}
	}

	void bindInsert(PreparedStatement ps, Object[] values, String importId, long line) throws SQLException {
		int i = 1;
		for (int c = 0; c < columns.size(); c++) {
			set(ps, i++, columns.get(c).type(), values[c]);
		}
		ps.setString(i++, importId);
		ps.setLong(i, line);
	}

	void bindUpdate(PreparedStatement ps, Object[] values, String importId, long line) throws SQLException {
		int i = 1;
		for (int c = keyCount; c < columns.size(); c++) {
			set(ps, i++, columns.get(c).type(), values[c]);
		}
		ps.setString(i++, importId);
		ps.setLong(i++, line);
		for (int c = 0; c < keyCount; c++) {
			set(ps, i++, columns.get(c).type(), values[c]);
		}
	}

	static long count(Connection c, String table) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
