package io.custops.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.custops.store.PlaybookRecord;
import io.custops.store.PlaybookRun;
import io.custops.store.PlaybookStore;
import io.custops.store.WorkspaceException;

/** Playbooks in the {@code playbooks} and {@code playbook_runs} tables (migration 7). */
final class HsqlPlaybookStore implements PlaybookStore {

	private static final String SELECT = "SELECT playbook_id, cron, target, target_params, only_new, control_share,"
			+ " cost_per_member, margin, days, out_dir, out_format, seed, missed, created, last_due, claimed_by,"
			+ " lease_until FROM playbooks";

	private static final String RUNS = "SELECT run_id, playbook_id, run_date, due, started, duration_ms, status,"
			+ " trigger_name, campaign_id, targeted, excluded, treatment, control, file_path, note FROM playbook_runs";

	private final HsqlWorkspace workspace;

	HsqlPlaybookStore(HsqlWorkspace workspace) {
		this.workspace = workspace;
	}

	@Override
	public List<PlaybookRecord> list() throws WorkspaceException {
		return workspace.read("cannot read the playbooks", c -> {
			List<PlaybookRecord> all = new ArrayList<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SELECT + " ORDER BY playbook_id")) {
				while (rs.next()) {
					all.add(record(rs));
				}
			}
			return all;
		});
	}

	@Override
	public Optional<PlaybookRecord> get(String id) throws WorkspaceException {
		return workspace.read("cannot read playbook " + id, c -> find(c, id));
	}

	private static Optional<PlaybookRecord> find(Connection c, String id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE playbook_id = ?")) {
			ps.setString(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(record(rs)) : Optional.empty();
			}
		}
	}

	@Override
	public PlaybookRecord add(PlaybookRecord p, Instant lastDue) throws WorkspaceException {
		return workspace.read("cannot store playbook " + p.id(), c -> {
			if (find(c, p.id()).isPresent()) {
				throw new IllegalArgumentException("a playbook '" + p.id() + "' exists already (remove it first)");
			}
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO playbooks(playbook_id, cron, target,"
					+ " target_params, only_new, control_share, cost_per_member, margin, days, out_dir, out_format, seed,"
					+ " missed, created, last_due) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				ps.setString(1, p.id());
				ps.setString(2, p.cron());
				ps.setString(3, p.target());
				ps.setString(4, ImportRecordRow.formatParams(p.targetParameters()));
				ps.setBoolean(5, p.onlyNew());
				ps.setBigDecimal(6, p.controlShare());
				ps.setBigDecimal(7, p.costPerMember());
				ps.setBigDecimal(8, p.margin());
				ps.setInt(9, p.days());
				ps.setString(10, p.out());
				ps.setString(11, p.format());
				ps.setLong(12, p.seed());
				ps.setString(13, p.missed());
				ps.setObject(14, time(Instant.now()));
				ps.setObject(15, time(lastDue));
				ps.executeUpdate();
			}
			return find(c, p.id()).orElseThrow();
		});
	}

	@Override
	public boolean remove(String id) throws WorkspaceException {
		return workspace.read("cannot remove playbook " + id, c -> {
			try (PreparedStatement ps = c.prepareStatement("DELETE FROM playbooks WHERE playbook_id = ?")) {
				ps.setString(1, id);
				return ps.executeUpdate() > 0;
			}
		});
	}

	@Override
	public boolean claim(String id, String owner, Instant now, Instant leaseUntil) throws WorkspaceException {
		return workspace.read("cannot claim playbook " + id, c -> {
			Optional<PlaybookRecord> row = find(c, id);
			if (row.isEmpty()) {
				return false;
			}
			String holder = row.get().claimedBy();
			if (holder != null && holder.equals(owner) && row.get().leaseUntil() != null
					&& row.get().leaseUntil().isAfter(now)) {
				return false;
			}
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false);
			try {
				if (holder != null) {
					try (PreparedStatement ps = c.prepareStatement("UPDATE playbook_runs SET status = 'failed', note = ?"
							+ " WHERE playbook_id = ? AND status = 'running'")) {
						ps.setString(1, "interrupted: " + holder + " ended while running the playbook");
						ps.setString(2, id);
						ps.executeUpdate();
					}
				}
				int n;
				try (PreparedStatement ps = c.prepareStatement(
						"UPDATE playbooks SET claimed_by = ?, lease_until = ? WHERE playbook_id = ?")) {
					ps.setString(1, owner);
					ps.setObject(2, time(leaseUntil));
					ps.setString(3, id);
					n = ps.executeUpdate();
				}
				c.commit();
				return n == 1;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			} finally {
				c.setAutoCommit(auto);
			}
		});
	}

	@Override
	public void release(String id, String owner, Instant lastDue) throws WorkspaceException {
		workspace.read("cannot release playbook " + id, c -> {
			String sql = "UPDATE playbooks SET claimed_by = NULL, lease_until = NULL"
					+ (lastDue == null ? "" : ", last_due = ?") + " WHERE playbook_id = ? AND claimed_by = ?";
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				int i = 1;
				if (lastDue != null) {
					ps.setObject(i++, time(lastDue));
				}
				ps.setString(i++, id);
				ps.setString(i, owner);
				return ps.executeUpdate();
			}
		});
	}

	@Override
	public long startRun(PlaybookRun r) throws WorkspaceException {
		return workspace.read("cannot record a run of playbook " + r.playbookId(), c -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO playbook_runs(playbook_id, run_date, due, started,"
					+ " duration_ms, status, trigger_name, campaign_id, targeted, excluded, treatment, control, file_path,"
					+ " note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
				ps.setString(1, r.playbookId());
				ps.setObject(2, r.runDate());
				ps.setObject(3, r.due() == null ? null : time(r.due()), Types.TIMESTAMP_WITH_TIMEZONE);
				ps.setObject(4, time(r.started()));
				if (r.durationMillis() < 0) {
					ps.setNull(5, Types.BIGINT);
				} else {
					ps.setLong(5, r.durationMillis());
				}
				ps.setString(6, r.status());
				ps.setString(7, r.trigger());
				fillOutcome(ps, 8, r);
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					return keys.getLong(1);
				}
			}
		});
	}

	private static void fillOutcome(PreparedStatement ps, int first, PlaybookRun r) throws SQLException {
		ps.setString(first, r.campaignId());
		ps.setLong(first + 1, r.targeted());
		ps.setLong(first + 2, r.excluded());
		ps.setLong(first + 3, r.treatment());
		ps.setLong(first + 4, r.control());
		ps.setString(first + 5, r.file());
		ps.setString(first + 6, r.note() == null ? null : r.note().length() > 16000 ? r.note().substring(0, 15999) + "…"
				: r.note());
	}

	@Override
	public void finishRun(PlaybookRun r) throws WorkspaceException {
		workspace.read("cannot record a run of playbook " + r.playbookId(), c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE playbook_runs SET duration_ms = ?, status = ?,"
					+ " campaign_id = ?, targeted = ?, excluded = ?, treatment = ?, control = ?, file_path = ?, note = ?"
					+ " WHERE run_id = ?")) {
				ps.setLong(1, Math.max(0, r.durationMillis()));
				ps.setString(2, r.status());
				fillOutcome(ps, 3, r);
				ps.setLong(10, r.runId());
				return ps.executeUpdate();
			}
		});
	}

	@Override
	public List<PlaybookRun> runs(String playbookId, int limit) throws WorkspaceException {
		return workspace.read("cannot read the runs of the playbooks", c -> {
			String sql = RUNS + (playbookId == null ? "" : " WHERE playbook_id = ?") + " ORDER BY run_id DESC"
					+ (limit > 0 ? " LIMIT " + limit : "");
			List<PlaybookRun> runs = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				if (playbookId != null) {
					ps.setString(1, playbookId);
				}
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						long duration = rs.getLong(6);
						if (rs.wasNull()) {
							duration = -1;
						}
						runs.add(new PlaybookRun(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
								instant(rs, 4), instant(rs, 5), duration, rs.getString(7), rs.getString(8), rs.getString(9),
								rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getString(14),
								rs.getString(15)));
					}
				}
			}
			return runs;
		});
	}

	private static PlaybookRecord record(ResultSet rs) throws SQLException {
		String params = rs.getString(4);
		Map<String, String> targetParams = params == null || params.isEmpty() ? Map.of()
				: ImportRecordRow.parseParams(params);
		return new PlaybookRecord(rs.getString(1), rs.getString(2), rs.getString(3), targetParams, rs.getBoolean(5),
				strip(rs.getBigDecimal(6)), rs.getBigDecimal(7), strip(rs.getBigDecimal(8)), rs.getInt(9), rs.getString(10),
				rs.getString(11), rs.getLong(12), rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getString(16),
				instant(rs, 17));
	}

	private static BigDecimal strip(BigDecimal ratio) {
		if (ratio == null) {
			return null;
		}
		BigDecimal s = ratio.stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
