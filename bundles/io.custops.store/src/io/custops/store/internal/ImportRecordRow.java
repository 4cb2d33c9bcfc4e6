package io.custops.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.custops.core.data.FactKind;

/** One row of the import history ({@code imports}), as it is written. */
final class ImportRecordRow {

	final String importId;
	final int seq;
	final FactKind kind;
	final String connector;
	final String source;
	final Map<String, String> params;
	final OffsetDateTime started;
	OffsetDateTime finished;
	long read;
	long imported;
	long rejected;
	long unchanged;
	Path rejectsFile;

	ImportRecordRow(String importId, int seq, FactKind kind, String connector, String source,
			Map<String, String> params, OffsetDateTime started) {
		this.importId = importId;
		this.seq = seq;
		this.kind = kind;
		this.connector = connector;
		this.source = source;
		this.params = params;
		this.started = started;
	}

	void insert(Connection c, String state) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO imports(import_id, seq, kind, connector, source,"
				+ " params, user_name, host, pid, state, started) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			ps.setString(1, importId);
			ps.setInt(2, seq);
			ps.setString(3, kind.id());
			ps.setString(4, connector);
			ps.setString(5, clip(source, 2000));
			ps.setString(6, clip(formatParams(params), 16000));
			ps.setString(7, clip(System.getProperty("user.name", "?"), 200));
			ps.setString(8, clip(WorkspaceLock.hostName(), 200));
			ps.setLong(9, ProcessHandle.current().pid());
			ps.setString(10, state);
			ps.setObject(11, started);
			ps.executeUpdate();
		}
	}

	void update(Connection c, String state, String message) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE imports SET state = ?, finished = ?, rows_read = ?,"
				+ " rows_imported = ?, rows_rejected = ?, rows_unchanged = ?, rejects_file = ?, message = ?"
				+ " WHERE import_id = ?")) {
			ps.setString(1, state);
			ps.setObject(2, finished);
			ps.setLong(3, read);
			ps.setLong(4, imported);
			ps.setLong(5, rejected);
			ps.setLong(6, unchanged);
			ps.setString(7, rejectsFile == null ? null : clip(rejectsFile.toString(), 2000));
			ps.setString(8, message == null ? null : clip(message, 16000));
			ps.setString(9, importId);
			ps.executeUpdate();
		}
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** {@code key=value} lines; newlines and backslashes in values are escaped. */
	static String formatParams(Map<String, String> params) {
		StringBuilder out = new StringBuilder();
		params.forEach((k, v) -> out.append(escape(k)).append('=').append(escape(v)).append('\n'));
		return out.toString();
	}

	static Map<String, String> parseParams(String text) {
		Map<String, String> params = new LinkedHashMap<>();
		if (text == null) {
			return params;
		}
		for (String line : text.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				params.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
			}
		}
		return params;
	}

	private static String escape(String s) {
		return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String s) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length()) {
				char n = s.charAt(++i);
				out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
