package io.custops.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The workspace's settings: a name → text table (zone, sequences, generations of the columnar copy). */
final class Settings {

	private Settings() {
	}

	static String get(Connection c, String name) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
			ps.setString(1, name);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	static long getLong(Connection c, String name, long fallback) throws SQLException {
		String value = get(c, name);
		return value == null ? fallback : Long.parseLong(value);
	}

	static int getInt(Connection c, String name, int fallback) throws SQLException {
		String value = get(c, name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	static void put(Connection c, String name, String value) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"MERGE INTO settings USING (VALUES(CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(4000)))) AS s(n, v)"
						+ " ON settings.name = s.n WHEN MATCHED THEN UPDATE SET value = s.v"
						+ " WHEN NOT MATCHED THEN INSERT VALUES(s.n, s.v)")) {
			ps.setString(1, name);
			ps.setString(2, value);
			ps.executeUpdate();
		}
	}
}
