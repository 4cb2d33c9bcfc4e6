package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.custops.core.data.FactKind;
import io.custops.store.internal.Table.Type;

/** Customers; fields beyond the canonical ones are kept as attributes. */
final class CustomersWriter extends FactWriter {

	static final Table TABLE = new Table("customers", 1, col("customer_id", Type.TEXT), col("name", Type.TEXT),
			col("phone", Type.TEXT), col("gender", Type.TEXT), col("birthday", Type.DATE), col("province", Type.TEXT),
			col("city", Type.TEXT), col("channel", Type.TEXT), col("first_seen", Type.DATE),
			col("member_level", Type.TEXT));

	private static final Set<String> CANONICAL = Set.copyOf(
			java.util.stream.Stream.concat(FactKind.CUSTOMERS.requiredFields().stream(),
					FactKind.CUSTOMERS.optionalFields().stream()).toList());

	/**
	 * The most extra attributes a workspace holds (docs/formats.md, "Limits"): each is a column of
	 * the customers' files, and a file of 10,000 columns left a workspace that no longer opened.
	 */
	static final int MAX_ATTRIBUTES = 256;

	/** The attribute names the workspace holds, read when the first row with attributes comes. */
	private Set<String> attributeNames;

	CustomersWriter(ImportSession session) {
		super(session, TABLE);
	}

	/**
	 * Ends the import, before anything of it is kept, when its attributes and the workspace's
	 * together are more than {@link #MAX_ATTRIBUTES}. Called with every row's names; the names
	 * are the file's columns, so only the first row adds any.
	 */
	private void checkAttributeCount(Set<String> names) {
		Set<String> known = attributeNames;
		if (known == null) {
			known = new java.util.HashSet<>();
			// the first row: nothing is handed to the storing thread yet, which alone uses the connection later
			try (java.sql.Statement st = session.connection.createStatement();
					ResultSet rs = st.executeQuery("SELECT DISTINCT name FROM customer_attributes")) {
				while (rs.next()) {
					known.add(rs.getString(1));
				}
			} catch (SQLException e) {
				throw new ImportAborted("cannot read the workspace's attributes: " + e.getMessage(), e);
			}
			attributeNames = known;
		}
		if (known.containsAll(names)) {
			return;
		}
		java.util.Set<String> all = new java.util.TreeSet<>(known);
		all.addAll(names);
		if (all.size() > MAX_ATTRIBUTES) {
			int added = all.size() - known.size();
			throw session.refuse("the file has " + names.size() + " columns beyond the customer fields"
					+ (known.isEmpty() ? "" : " (" + added + " of them new to the workspace, which holds " + known.size() + ")")
					+ ": a workspace keeps at most " + MAX_ATTRIBUTES
					+ " extra attributes (docs/formats.md, \"Limits\"); map or drop the columns you do not need");
		}
		known.addAll(names);
	}

	@Override
	Row parse(long line, Map<String, String> f, String raw) throws Canonical.BadValue {
		Object[] v = new Object[TABLE.columns.size()];
		v[0] = Canonical.id("customer_id", f.get("customer_id"));
		for (int i = 1; i < v.length; i++) {
			Table.Column c = TABLE.columns.get(i);
			String value = f.get(c.name());
			v[i] = c.type() == Type.DATE ? Canonical.optionalDate(c.name(), value)
					: Canonical.optionalText(c.name(), value, Canonical.MAX_TEXT);
		}
		Map<String, String> attributes = new TreeMap<>();
		Set<String> names = new java.util.HashSet<>();
		for (Map.Entry<String, String> e : f.entrySet()) {
			String name = e.getKey() == null ? null : e.getKey().strip();
			if (name == null || name.isEmpty() || CANONICAL.contains(name)) {
				continue;
			}
			if (name.length() > Canonical.MAX_ID) {
				throw new Canonical.BadValue(name, "attribute name longer than " + Canonical.MAX_ID + " characters");
			}
			names.add(name);
			String value = Canonical.optionalText(name, e.getValue(), Canonical.MAX_TEXT);
			if (value != null) {
				attributes.put(name, value);
			}
		}
		checkAttributeCount(names);
		Row row = new Row(line, raw, v);
		row.children = attributes;
		return row;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> attributes(Object children) {
		return children == null ? Map.of() : (Map<String, String>) children;
	}

	@Override
	void loadChildren(Map<Object, Stored> stored) throws SQLException {
		if (stored.isEmpty()) {
			return;
		}
		for (Stored s : stored.values()) {
			s.children = new TreeMap<String, String>();
		}
		try (PreparedStatement ps = session.connection.prepareStatement(
				"SELECT customer_id, name, value FROM customer_attributes WHERE customer_id IN (UNNEST(?))")) {
			ps.setArray(1, array("VARCHAR", stored.keySet().toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					@SuppressWarnings("unchecked")
					Map<String, String> held = (Map<String, String>) stored.get(rs.getString(1)).children;
					held.put(rs.getString(2), rs.getString(3));
				}
			}
		}
	}

	@Override
	boolean mergeChildren(Row row, Stored base) {
		Map<String, String> merged = new TreeMap<>(attributes(base.children));
		merged.putAll(attributes(row.children));
		boolean changed = !merged.equals(attributes(base.children));
		row.children = merged;
		return changed;
	}

	@Override
	void writeChildren(List<Row> inserted, List<Row> updated) throws SQLException {
		if (!updated.isEmpty()) {
			try (PreparedStatement delete = session.connection
					.prepareStatement("DELETE FROM customer_attributes WHERE customer_id = ?")) {
				for (Row row : updated) {
					delete.setString(1, (String) row.values[0]);
					delete.addBatch();
				}
				delete.executeBatch();
			}
		}
		try (PreparedStatement insert = session.connection.prepareStatement(
				"INSERT INTO customer_attributes(customer_id, name, value, import_id) VALUES(?, ?, ?, ?)")) {
			boolean any = false;
			for (List<Row> rows : List.of(inserted, updated)) {
				for (Row row : rows) {
					for (Map.Entry<String, String> e : attributes(row.children).entrySet()) {
						insert.setString(1, (String) row.values[0]);
						insert.setString(2, e.getKey());
						insert.setString(3, e.getValue());
						insert.setString(4, session.importId);
						insert.addBatch();
						any = true;
					}
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
		if (!inserted.isEmpty()) {
			// customers have no appended copy: any change rebuilds theirs from the database
			session.changedExisting = true;
		}
	}
}
