package io.custops.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.custops.store.SourceRecord;
import io.custops.store.SourceStore;
import io.custops.store.WorkspaceException;

/** Sources in the {@code sources} table; tables and columns as {@code key=value} lines. */
final class HsqlSourceStore implements SourceStore {

	private static final String SELECT = "SELECT source_id, url, user_name, tables, columns, has_password, created FROM sources";

	private final HsqlWorkspace workspace;

	HsqlSourceStore(HsqlWorkspace workspace) {
		this.workspace = workspace;
	}

	@Override
	public List<SourceRecord> list() throws WorkspaceException {
		return workspace.read("cannot read the sources", c -> {
			List<SourceRecord> all = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY source_id"); ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					all.add(record(rs));
				}
			}
			return all;
		});
	}

	@Override
	public Optional<SourceRecord> get(String id) throws WorkspaceException {
		return workspace.read("cannot read source " + id, c -> {
			try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE source_id = ?")) {
				ps.setString(1, id);
				try (ResultSet rs = ps.executeQuery()) {
					return rs.next() ? Optional.of(record(rs)) : Optional.empty();
				}
			}
		});
	}

	@Override
	public void add(SourceRecord s) throws WorkspaceException {
		if (get(s.id()).isPresent()) {
			throw new IllegalArgumentException("source '" + s.id() + "' is already registered (remove it first)");
		}
		workspace.read("cannot store source " + s.id(), c -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources VALUES(?, ?, ?, ?, ?, ?, ?)")) {
				ps.setString(1, s.id());
				ps.setString(2, s.url());
				ps.setString(3, s.user());
				ps.setString(4, lines(s.tables()));
				ps.setString(5, lines(s.columns()));
				ps.setBoolean(6, s.password());
				ps.setObject(7, OffsetDateTime.ofInstant(s.created() == null ? Instant.now() : s.created(), ZoneOffset.UTC));
				return ps.executeUpdate();
			}
		});
	}

	@Override
	public boolean remove(String id) throws WorkspaceException {
		return workspace.read("cannot remove source " + id, c -> {
			try (PreparedStatement ps = c.prepareStatement("DELETE FROM sources WHERE source_id = ?")) {
				ps.setString(1, id);
				return ps.executeUpdate() > 0;
			}
		});
	}

	private static SourceRecord record(ResultSet rs) throws SQLException {
		OffsetDateTime created = rs.getObject(7, OffsetDateTime.class);
		return new SourceRecord(rs.getString(1), rs.getString(2), rs.getString(3), map(rs.getString(4)), map(rs.getString(5)),
				rs.getBoolean(6), created == null ? null : created.toInstant());
	}

	private static String lines(Map<String, String> map) {
		StringBuilder text = new StringBuilder();
		map.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
		return text.toString();
	}

	private static Map<String, String> map(String text) {
		Map<String, String> map = new LinkedHashMap<>();
		if (text != null) {
			for (String line : text.split("\n")) {
				int eq = line.indexOf('=');
				if (eq > 0) {
					map.put(line.substring(0, eq), line.substring(eq + 1));
				}
			}
		}
		return map;
	}
}
