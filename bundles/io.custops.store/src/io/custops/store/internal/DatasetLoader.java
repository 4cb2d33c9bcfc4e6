package io.custops.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;

/** Builds the columnar copy from the database, and the dataset from the columnar copy. */
final class DatasetLoader {

	/** The canonical customer fields kept as attributes, in this order, before the extra ones. */
	static final List<String> CUSTOMER_FIELDS = List.of("name", "phone", "gender", "birthday", "province", "city",
			"channel", "first_seen", "member_level");

	private static final int PAGE = 50_000;

	private DatasetLoader() {
	}

	static void rebuild(ColumnStore columns, String set, Connection c, long generation) throws SQLException, IOException {
		Path target = columns.newSetDir(set);
		List<String> attributes = List.of();
		ColumnStore.State state;
		try {
			switch (set) {
			case ColumnStore.ORDERS, ColumnStore.EVENTS -> {
				FactLayout layout = set.equals(ColumnStore.ORDERS) ? FactLayout.ORDERS : FactLayout.EVENTS;
				state = new ColumnStore.State(layout.columns);
				copyFacts(c, layout, state, target);
			}
			default -> {
				List<String> extra = new ArrayList<>();
				try (Statement s = c.createStatement();
						ResultSet rs = s.executeQuery("SELECT DISTINCT name FROM customer_attributes ORDER BY name")) {
					while (rs.next()) {
						extra.add(rs.getString(1));
					}
				}
				attributes = new ArrayList<>(CUSTOMER_FIELDS);
				attributes.addAll(extra);
				state = new ColumnStore.State(ColumnStore.customerColumns(attributes));
				writeCustomers(c, attributes, extra, state, target);
			}
			}
		} catch (SQLException | IOException | RuntimeException e) {
			ColumnStore.deleteTree(target);
			throw e;
		}
		columns.commitRebuild(set, target, state, attributes, generation);
	}

	/**
	 * Copies the rows of a fact table of a workspace made before schema 5 into a fact set, a page
	 * at a time along the key (one big result would be spooled to disk first).
	 */
	private static void copyFacts(Connection c, FactLayout layout, ColumnStore.State state, Path target)
			throws SQLException, IOException {
		Table table = layout.table;
		String sql = "SELECT " + table.selectList + ", import_id, source_line FROM " + table.name;
		int n = table.columns.size();
		try (ColumnStore.Writer w = new ColumnStore.Writer(target, state)) {
			if (table.keyCount == 1) {
				// orders: pages along the primary key (HSQLDB seeks its index for "key > ?")
				String key = table.columns.get(0).name();
				try (PreparedStatement page = c.prepareStatement(
						sql + " WHERE " + key + " > ? ORDER BY " + key + " LIMIT " + PAGE)) {
					String after = "";
					int rows;
					do {
						rows = 0;
						page.setString(1, after);
						try (ResultSet rs = page.executeQuery()) {
							while (rs.next()) {
								Object[] values = table.read(rs);
								layout.write(w, values, rs.getString(n + 1), rs.getLong(n + 2), layout.key(values));
								after = (String) values[0];
								rows++;
							}
						}
					} while (rows == PAGE);
				}
			} else {
				// events: one pass in the table's order (a row value in a page's condition is not
				// seeked by HSQLDB: each page would scan the table)
				try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
					while (rs.next()) {
						Object[] values = table.read(rs);
						layout.write(w, values, rs.getString(n + 1), rs.getLong(n + 2), layout.key(values));
					}
				}
			}
			w.force();
		}
	}

	/** Customers in id order, their extra attributes merged in from the attributes table (same order). */
	private static void writeCustomers(Connection c, List<String> attributes, List<String> extra,
			ColumnStore.State state, Path target) throws SQLException, IOException {
		Map<String, Integer> extraIndex = new HashMap<>();
		for (int i = 0; i < extra.size(); i++) {
			extraIndex.put(extra.get(i), CUSTOMER_FIELDS.size() + 1 + i);
		}
		try (ColumnStore.Writer w = new ColumnStore.Writer(target, state);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT customer_id, " + String.join(", ", CUSTOMER_FIELDS)
						+ " FROM customers ORDER BY customer_id");
				PreparedStatement ps = c.prepareStatement(
						"SELECT customer_id, name, value FROM customer_attributes ORDER BY customer_id");
				ResultSet attrs = ps.executeQuery()) {
			boolean moreAttrs = attrs.next();
			while (rs.next()) {
				Object[] row = new Object[attributes.size() + 1];
				String id = rs.getString(1);
				row[0] = id;
				for (int i = 0; i < CUSTOMER_FIELDS.size(); i++) {
					Object value = rs.getObject(i + 2);
					row[i + 1] = value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate().toString()
							: value instanceof LocalDate d ? d.toString() : value.toString();
				}
				// every attribute belongs to a held customer and both are in customer_id order, so the
				// attributes are a subsequence of the customers: take those of this one, if any
				while (moreAttrs && attrs.getString(1).equals(id)) {
					row[extraIndex.get(attrs.getString(2))] = attrs.getString(3);
					moreAttrs = attrs.next();
				}
				w.row(row);
			}
		}
	}

	static CustomerDataset build(ColumnStore columns, ZoneId zone, Connection c) throws IOException, SQLException {
		CustomerDatasetBuilder builder = CustomerDataset.builder(zone);
		if (columns.generation(ColumnStore.CUSTOMERS) > 0) {
			ColumnStore.Data data = columns.read(ColumnStore.CUSTOMERS);
			List<String> names = columns.attributeNames();
			String[] ids = data.dict("id");
			int[] idCodes = data.ints("id");
			int[][] codes = new int[names.size()][];
			String[][] dicts = new String[names.size()][];
			for (int a = 0; a < names.size(); a++) {
				codes[a] = data.ints("a" + a);
				dicts[a] = data.dict("a" + a);
			}
			int rows = Math.toIntExact(data.rows);
			String[] rowIds = new String[rows];
			for (int r = 0; r < rows; r++) {
				rowIds[r] = ids[idCodes[r]];
			}
			int[] customer = builder.customers(Arrays.asList(rowIds)); // dense indexes in the set's order
			for (int a = 0; a < names.size(); a++) {
				builder.attribute(names.get(a), rows, customer, codes[a], Arrays.asList(dicts[a]));
			}
		}
		if (columns.hasFacts(ColumnStore.ORDERS)) {
			ColumnStore.Data data = columns.read(ColumnStore.ORDERS, "customer_id", "order_time", "amount", "status",
					"quantity", "usage_days", "channel");
			String[] customers = data.dict("customer_id");
			String[] channels = data.dict("channel");
			String[] statusNames = data.dict("status");
			OrderStatus[] statusOf = new OrderStatus[statusNames.length];
			for (int i = 0; i < statusNames.length; i++) {
				statusOf[i] = OrderStatus.parse(statusNames[i]);
			}
			int[] customer = data.ints("customer_id");
			long[] time = data.longs("order_time");
			long[] amount = data.longs("amount");
			int[] status = data.ints("status");
			int[] quantity = data.ints("quantity");
			int[] usage = data.ints("usage_days");
			int[] channel = data.ints("channel");
			int[] index = builder.customers(Arrays.asList(customers));
			byte[] statusCode = new byte[customer.length];
			// the columns become the builder's in place: live rows move down over superseded ones
			int live = 0;
			for (int i = 0; i < data.rows; i++) {
				if (data.live(i)) {
					customer[live] = index[customer[i]];
					time[live] = Math.floorDiv(time[i], 1000);
					amount[live] = amount[i];
					statusCode[live] = statusOf[status[i]].code();
					quantity[live] = FactLayout.isNone(quantity[i]) ? 1 : quantity[i];
					usage[live] = FactLayout.isNone(usage[i]) ? 0 : usage[i];
					channel[live] = channel[i];
					live++;
				}
			}
			builder.orders(new CustomerDatasetBuilder.OrderColumns(live, customer, time, amount, statusCode, quantity,
					usage, channel, Arrays.asList(channels)));
		}
		if (columns.hasFacts(ColumnStore.EVENTS)) {
			ColumnStore.Data data = columns.read(ColumnStore.EVENTS, "customer_id", "event_time", "event_type",
					"session_id", "channel");
			String[] customers = data.dict("customer_id");
			String[] types = data.dict("event_type");
			String[] sessions = data.dict("session_id");
			String[] channels = data.dict("channel");
			int[] customer = data.ints("customer_id");
			long[] time = data.longs("event_time");
			int[] type = data.ints("event_type");
			int[] session = data.ints("session_id");
			int[] channel = data.ints("channel");
			int[] index = builder.customers(Arrays.asList(customers));
			int live = 0;
			for (int i = 0; i < data.rows; i++) {
				if (data.live(i)) {
					customer[live] = index[customer[i]];
					time[live] = Math.floorDiv(time[i], 1000);
					type[live] = type[i];
					session[live] = session[i];
					channel[live] = channel[i];
					live++;
				}
			}
			builder.events(new CustomerDatasetBuilder.EventColumns(live, customer, time, type, Arrays.asList(types),
					session, Arrays.asList(sessions), channel, Arrays.asList(channels)));
		}
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT customer_id, tag FROM tags ORDER BY customer_id, tag")) {
			while (rs.next()) {
				builder.tag(rs.getString(1), rs.getString(2));
			}
		}
		return builder.build();
	}

}
