package io.custops.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.custops.store.AuditEntry;
import io.custops.store.AuditLog;
import io.custops.store.WorkspaceException;

/** The {@code audit} table. */
final class HsqlAuditLog implements AuditLog {

	private final HsqlWorkspace workspace;

	HsqlAuditLog(HsqlWorkspace workspace) {
		this.workspace = workspace;
	}

	static String user() {
		return System.getProperty("user.name", "?");
	}

	@Override
	public AuditEntry record(AuditEntry.Action action) throws WorkspaceException {
		if (action == null || action.action() == null || action.action().isBlank()) {
			throw new IllegalArgumentException("an audit entry needs an action");
		}
		return workspace.read("cannot write the audit log", c -> {
			long seq = insert(c, action, OffsetDateTime.now());
			return entries(c, "WHERE seq = ?", seq).get(0);
		});
	}

	/** Inserts an entry on a connection (inside the caller's transaction); returns its number. */
	static long insert(Connection c, AuditEntry.Action action, OffsetDateTime at) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit(done_at, user_name, host, pid, action_name,"
				+ " subject, file_path, masked, row_count, details) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				new String[] { "SEQ" })) {
			ps.setObject(1, at);
			ps.setString(2, clip(user(), 200));
			ps.setString(3, clip(WorkspaceLock.hostName(), 200));
			ps.setLong(4, ProcessHandle.current().pid());
			ps.setString(5, clip(action.action(), 100));
			ps.setString(6, clip(action.subject(), 200));
			ps.setString(7, clip(action.file(), 2000));
			if (action.masked() == null) {
				ps.setNull(8, Types.BOOLEAN);
			} else {
				ps.setBoolean(8, action.masked());
			}
			if (action.rows() == null) {
				ps.setNull(9, Types.BIGINT);
			} else {
				ps.setLong(9, action.rows());
			}
			ps.setString(10, action.details() == null ? null
					: clip(ImportRecordRow.formatParams(action.details()), 16000));
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	@Override
	public List<AuditEntry> entries(String subject) throws WorkspaceException {
		return workspace.read("cannot read the audit log",
				c -> subject == null ? entries(c, "", null) : entries(c, "WHERE subject = ?", subject));
	}

	private static List<AuditEntry> entries(Connection c, String where, Object value) throws SQLException {
		List<AuditEntry> entries = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT seq, done_at, user_name, host, pid, action_name, subject,"
				+ " file_path, masked, row_count, details FROM audit " + where + " ORDER BY seq")) {
			if (value != null) {
				ps.setObject(1, value);
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					boolean masked = rs.getBoolean(9);
					Boolean maskedOrNull = rs.wasNull() ? null : masked;
					long rows = rs.getLong(10);
					Long rowsOrNull = rs.wasNull() ? null : rows;
					entries.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
							rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
							rs.getString(8), maskedOrNull, rowsOrNull, ImportRecordRow.parseParams(rs.getString(11))));
				}
			}
		}
		return entries;
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
