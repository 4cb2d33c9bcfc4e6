package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.store.internal.Table.Type;

/**
 * Manual tags: a row gives a customer one tag ({@code tag}) or several separated by {@code ;}
 * ({@code tags}; either field may hold a list). A (customer, tag) pair already held is
 * unchanged, never an error, so importing a file twice changes nothing; tags are only added
 * (removing one is {@code ./custops tags remove}). A row counts as imported when it added at
 * least one tag, else as unchanged.
 */
final class TagsWriter extends FactWriter {

	static final Table TABLE = new Table("tags", 2, col("customer_id", Type.TEXT), col("tag", Type.TEXT));

	private final List<Row> chunk = new ArrayList<>();
	private PreparedStatement insert;

	TagsWriter(ImportSession session) {
		super(session, TABLE);
	}

	@Override
	Row parse(long line, Map<String, String> f, String raw) throws Canonical.BadValue {
		String customer = Canonical.id("customer_id", f.get("customer_id"));
		Set<String> tags = new LinkedHashSet<>();
		for (String field : List.of("tag", "tags")) {
			String value = Canonical.text(f.get(field));
			if (value == null) {
				continue;
			}
			// a full-width semicolon separates too: lists typed with a Chinese input method
			for (String piece : value.split("[;\uFF1B]")) {
				if (!piece.isBlank()) {
					tags.add(Canonical.tag(field, piece));
				}
			}
		}
		if (tags.isEmpty()) {
			throw new Canonical.BadValue("tag", "missing tag (a tag column or tags separated by ;)");
		}
		Row row = new Row(line, raw, new Object[] { customer });
		row.children = List.copyOf(tags);
		return row;
	}

	@Override
	void add(Row row) throws SQLException, IOException {
		chunk.add(row);
		if (chunk.size() >= CHUNK) {
			flushTags();
		}
	}

	@Override
	void finish() throws SQLException, IOException {
		flushTags();
	}

	private void flushTags() throws SQLException {
		if (chunk.isEmpty()) {
			return;
		}
		List<String> customers = new ArrayList<>();
		List<String> tags = new ArrayList<>();
		Set<List<String>> pairs = new HashSet<>();
		for (Row row : chunk) {
			for (Object tag : (List<?>) row.children) {
				if (pairs.add(List.of((String) row.values[0], (String) tag))) {
					customers.add((String) row.values[0]);
					tags.add((String) tag);
				}
			}
		}
		Set<List<String>> held = new HashSet<>();
		try (PreparedStatement ps = session.connection.prepareStatement("SELECT t.customer_id, t.tag FROM tags t,"
				+ " UNNEST(CAST(? AS VARCHAR(200) ARRAY), CAST(? AS VARCHAR(200) ARRAY)) AS k(c, g)"
				+ " WHERE t.customer_id = k.c AND t.tag = k.g")) {
			ps.setArray(1, array("VARCHAR", customers.toArray()));
			ps.setArray(2, array("VARCHAR", tags.toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					held.add(List.of(rs.getString(1), rs.getString(2)));
				}
			}
		}
		if (insert == null) {
			insert = session.connection.prepareStatement(
					"INSERT INTO tags(customer_id, tag, created, import_id, source_line) VALUES(?, ?, ?, ?, ?)");
		}
		OffsetDateTime now = OffsetDateTime.now();
		boolean any = false;
		for (Row row : chunk) {
			boolean added = false;
			for (Object tag : (List<?>) row.children) {
				List<String> pair = List.of((String) row.values[0], (String) tag);
				if (held.add(pair)) { // new, and not written before in this chunk
					insert.setString(1, pair.get(0));
					insert.setString(2, pair.get(1));
					insert.setObject(3, now);
					insert.setString(4, session.importId);
					insert.setLong(5, row.line);
					insert.addBatch();
					added = any = true;
				}
			}
			if (added) {
				session.imported++;
			} else {
				session.unchanged++;
			}
		}
		if (any) {
			insert.executeBatch();
		}
		session.connection.commit();
		session.progress(chunk.size());
		chunk.clear();
	}
}
