package io.custops.report.schedule.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.custops.report.schedule.MissedRuns;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.Schedule;
import io.custops.report.schedule.ScheduleRun;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * The tables {@code report_schedules} and {@code report_runs} of the workspace database (the
 * store's migration 3). Every method uses its own connection and commits.
 */
final class ScheduleStore {

	/** A row of report_schedules. */
	record Row(Schedule schedule, Instant created, Instant lastDue, String claimedBy, Instant leaseUntil) {
	}

	private final Workspace workspace;

	ScheduleStore(Workspace workspace) {
		this.workspace = workspace;
	}

	private interface Work<T> {
		T run(Connection c) throws SQLException;
	}

	private <T> T inTransaction(Work<T> work) throws WorkspaceException {
		try (Connection c = workspace.connection()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw new WorkspaceException("schedules of " + workspace.directory() + ": " + e.getMessage(), e);
		}
	}

	boolean insert(Schedule s, Instant created, Instant lastDue) throws WorkspaceException {
		return inTransaction(c -> {
			if (find(c, s.id()).isPresent()) {
				return false;
			}
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO report_schedules(schedule_id, cron, template, formats, params, out_pattern, keep_runs, missed,
					 created, last_due) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
				ps.setString(1, s.id());
				fill(ps, 2, s);
				ps.setObject(9, time(created));
				ps.setObject(10, time(lastDue));
				ps.executeUpdate();
			}
			return true;
		});
	}

	boolean update(Schedule s) throws WorkspaceException {
		return inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("""
					UPDATE report_schedules SET cron = ?, template = ?, formats = ?, params = ?, out_pattern = ?, keep_runs = ?,
					 missed = ? WHERE schedule_id = ?""")) {
				fill(ps, 1, s);
				ps.setString(8, s.id());
				return ps.executeUpdate() == 1;
			}
		});
	}

	private static void fill(PreparedStatement ps, int first, Schedule s) throws SQLException {
		ps.setString(first, s.cron());
		ps.setString(first + 1, s.template());
		ps.setString(first + 2, String.join(",", s.formats()));
		ps.setString(first + 3, encode(s.parameters()));
		ps.setString(first + 4, s.out());
		ps.setInt(first + 5, s.keep());
		ps.setString(first + 6, s.missed().id());
	}

	boolean delete(String id) throws WorkspaceException {
		return inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("DELETE FROM report_schedules WHERE schedule_id = ?")) {
				ps.setString(1, id);
				return ps.executeUpdate() == 1;
			}
		});
	}

	List<Row> all() throws WorkspaceException {
		return inTransaction(c -> {
			List<Row> rows = new ArrayList<>();
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery(SELECT + " ORDER BY schedule_id")) {
				while (rs.next()) {
					rows.add(row(rs));
				}
			}
			return rows;
		});
	}

	Optional<Row> get(String id) throws WorkspaceException {
		return inTransaction(c -> find(c, id));
	}

	private static final String SELECT = "SELECT schedule_id, cron, template, formats, params, out_pattern, keep_runs, missed,"
			+ " created, last_due, claimed_by, lease_until FROM report_schedules";

	private static Optional<Row> find(Connection c, String id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE schedule_id = ?")) {
			ps.setString(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(row(rs)) : Optional.empty();
			}
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		Schedule schedule = new Schedule(rs.getString(1), rs.getString(2), rs.getString(3),
				Arrays.asList(rs.getString(4).split(",")), decode(rs.getString(5)), rs.getString(6), rs.getInt(7),
				MissedRuns.of(rs.getString(8)));
		return new Row(schedule, instant(rs, 9), instant(rs, 10), rs.getString(11), instant(rs, 12));
	}

	/**
	 * Claims a schedule for a run: succeeds when nobody holds it, when the holder is another
	 * process (which cannot be alive: this process owns the workspace), or when the holder's lease
	 * has passed. Runs left RUNNING by another holder are recorded as interrupted.
	 */
	boolean claim(String id, String owner, Instant now, Instant leaseUntil) throws WorkspaceException {
		return inTransaction(c -> {
			Optional<Row> row = find(c, id);
			if (row.isEmpty()) {
				return false;
			}
			String holder = row.get().claimedBy();
			if (holder != null && holder.equals(owner) && row.get().leaseUntil() != null
					&& row.get().leaseUntil().isAfter(now)) {
				return false;
			}
			if (holder != null) {
				try (PreparedStatement ps = c.prepareStatement("""
						UPDATE report_runs SET status = 'failed', error = ? WHERE schedule_id = ? AND status = 'running'""")) {
					ps.setString(1, "interrupted: " + holder + " ended while making the report");
					ps.setString(2, id);
					ps.executeUpdate();
				}
			}
			try (PreparedStatement ps = c.prepareStatement(
					"UPDATE report_schedules SET claimed_by = ?, lease_until = ? WHERE schedule_id = ?")) {
				ps.setString(1, owner);
				ps.setObject(2, time(leaseUntil));
				ps.setString(3, id);
				return ps.executeUpdate() == 1;
			}
		});
	}

	/** Releases a claim and, when given, moves the schedule's last due time on. */
	void release(String id, String owner, Instant lastDue) throws WorkspaceException {
		inTransaction(c -> {
			String sql = "UPDATE report_schedules SET claimed_by = NULL, lease_until = NULL"
					+ (lastDue == null ? "" : ", last_due = ?") + " WHERE schedule_id = ? AND claimed_by = ?";
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				int i = 1;
				if (lastDue != null) {
					ps.setObject(i++, time(lastDue));
				}
				ps.setString(i++, id);
				ps.setString(i, owner);
				ps.executeUpdate();
			}
			return null;
		});
	}

	long startRun(String scheduleId, String template, Instant due, Instant started, RunStatus status, String trigger,
			String error) throws WorkspaceException {
		return inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO report_runs(schedule_id, template, due, started, duration_ms, status, trigger_name, outputs, error)
					 VALUES(?, ?, ?, ?, ?, ?, ?, '', ?)""", Statement.RETURN_GENERATED_KEYS)) {
				ps.setString(1, scheduleId);
				ps.setString(2, template);
				ps.setObject(3, due == null ? null : time(due), Types.TIMESTAMP_WITH_TIMEZONE);
				ps.setObject(4, time(started));
				if (status == RunStatus.RUNNING) {
					ps.setNull(5, Types.BIGINT);
				} else {
					ps.setLong(5, 0);
				}
				ps.setString(6, status.id());
				ps.setString(7, trigger);
				ps.setString(8, error);
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					return keys.getLong(1);
				}
			}
		});
	}

	void finishRun(long runId, long durationMillis, RunStatus status, List<String> outputs, String error)
			throws WorkspaceException {
		inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement(
					"UPDATE report_runs SET duration_ms = ?, status = ?, outputs = ?, error = ? WHERE run_id = ?")) {
				ps.setLong(1, durationMillis);
				ps.setString(2, status.id());
				ps.setString(3, String.join("\n", outputs));
				ps.setString(4, error == null ? null : truncate(error, 16000));
				ps.setLong(5, runId);
				ps.executeUpdate();
			}
			return null;
		});
	}

	void markOutputsRemoved(long runId) throws WorkspaceException {
		inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE report_runs SET outputs_removed = TRUE WHERE run_id = ?")) {
				ps.setLong(1, runId);
				ps.executeUpdate();
			}
			return null;
		});
	}

	List<ScheduleRun> runs(String scheduleId, int limit) throws WorkspaceException {
		return inTransaction(c -> {
			String sql = "SELECT run_id, schedule_id, template, due, started, duration_ms, status, trigger_name, outputs, error,"
					+ " outputs_removed FROM report_runs" + (scheduleId == null ? "" : " WHERE schedule_id = ?")
					+ " ORDER BY run_id DESC" + (limit > 0 ? " LIMIT " + limit : "");
			List<ScheduleRun> runs = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				if (scheduleId != null) {
					ps.setString(1, scheduleId);
				}
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						long duration = rs.getLong(6);
						if (rs.wasNull()) {
							duration = -1;
						}
						String outputs = rs.getString(9);
						runs.add(new ScheduleRun(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
								instant(rs, 5), duration, RunStatus.of(rs.getString(7)), rs.getString(8),
								outputs == null || outputs.isEmpty() ? List.of() : List.of(outputs.split("\n")),
								rs.getString(10), rs.getBoolean(11)));
					}
				}
			}
			return runs;
		});
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** Parameters as lines {@code key=value}, with backslash, newline and '=' in keys escaped. */
	static String encode(Map<String, String> parameters) {
		StringBuilder out = new StringBuilder();
		parameters.forEach((k, v) -> out.append(escape(k).replace("=", "\\e")).append('=').append(escape(v)).append('\n'));
		return out.toString();
	}

	static Map<String, String> decode(String text) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			int eq = line.indexOf('=');
			parameters.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
		}
		return parameters;
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\n", "\\n");
	}

	private static String unescape(String s) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch == '\\' && i + 1 < s.length()) {
				char next = s.charAt(++i);
				out.append(next == 'n' ? '\n' : next == 'e' ? '=' : next);
			} else {
				out.append(ch);
			}
		}
		return out.toString();
	}
}
