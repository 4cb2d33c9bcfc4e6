package io.custops.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
			case ColumnStore.ORDERS -> {
				state = new ColumnStore.State(ColumnStore.ORDER_COLUMNS);
				try (ColumnStore.Writer w = new ColumnStore.Writer(target, state);
						PreparedStatement page = c.prepareStatement("SELECT order_id, customer_id, order_time, amount,"
								+ " status, quantity, usage_days, channel FROM orders WHERE order_id > ?"
								+ " ORDER BY order_id LIMIT " + PAGE)) {
					// pages along the primary key: one big result would be spooled to disk first
					Object[] v = new Object[OrdersWriter.TABLE.columns.size()];
					String after = "";
					int rows;
					do {
						rows = 0;
						page.setString(1, after);
						try (ResultSet rs = page.executeQuery()) {
							while (rs.next()) {
								after = rs.getString(1);
								v[OrdersWriter.CUSTOMER] = rs.getString(2);
								v[OrdersWriter.TIME] = rs.getObject(3, LocalDateTime.class);
								v[OrdersWriter.AMOUNT] = rs.getBigDecimal(4);
								v[OrdersWriter.STATUS] = rs.getString(5);
								v[OrdersWriter.QUANTITY] = Table.get(rs, 6, Table.Type.INT);
								v[OrdersWriter.USAGE] = Table.get(rs, 7, Table.Type.INT);
								v[OrdersWriter.CHANNEL] = rs.getString(8);
								w.row(OrdersWriter.columnar(v));
								rows++;
							}
						}
					} while (rows == PAGE);
				}
			}
			case ColumnStore.EVENTS -> {
				state = new ColumnStore.State(ColumnStore.EVENT_COLUMNS);
				try (ColumnStore.Writer w = new ColumnStore.Writer(target, state);
						Statement s = c.createStatement();
						ResultSet rs = s.executeQuery(
								"SELECT customer_id, event_time, event_type, session_id, channel FROM events")) {
					Object[] v = new Object[EventsWriter.TABLE.columns.size()];
					while (rs.next()) {
						v[EventsWriter.CUSTOMER] = rs.getString(1);
						v[EventsWriter.TIME] = rs.getObject(2, LocalDateTime.class);
						v[EventsWriter.TYPE] = rs.getString(3);
						v[EventsWriter.SESSION] = rs.getString(4);
						v[EventsWriter.CHANNEL] = rs.getString(5);
						w.row(EventsWriter.columnar(v));
					}
				}
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

	/** The builder's index of each customer of a dictionary: one lookup per customer, not per fact. */
	private static int[] indexes(CustomerDatasetBuilder builder, String[] customers) {
		int[] index = new int[customers.length];
		for (int i = 0; i < customers.length; i++) {
			index[i] = builder.customer(customers[i]);
		}
		return index;
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
			for (int r = 0; r < data.rows; r++) {
				String id = ids[idCodes[r]];
				builder.customer(id);
				for (int a = 0; a < names.size(); a++) {
					int code = codes[a][r];
					if (code >= 0) {
						builder.attribute(id, names.get(a), dicts[a][code]);
					}
				}
			}
		}
		if (columns.generation(ColumnStore.ORDERS) > 0) {
			ColumnStore.Data data = columns.read(ColumnStore.ORDERS);
			String[] customers = data.dict("customer");
			String[] channels = data.dict("channel");
			int[] customer = data.ints("customer");
			long[] time = data.longs("time");
			long[] amount = data.longs("amount");
			byte[] status = data.bytes("status");
			int[] quantity = data.ints("quantity");
			int[] usage = data.ints("usage");
			int[] channel = data.ints("channel");
			OrderStatus[] statuses = OrderStatus.values();
			int[] index = indexes(builder, customers);
			for (int i = 0; i < data.rows; i++) {
				builder.order(index[customer[i]], time[i], amount[i], statuses[status[i]], quantity[i], usage[i],
						channel[i] < 0 ? null : channels[channel[i]]);
			}
		}
		if (columns.generation(ColumnStore.EVENTS) > 0) {
			ColumnStore.Data data = columns.read(ColumnStore.EVENTS);
			String[] customers = data.dict("customer");
			String[] types = data.dict("type");
			String[] sessions = data.dict("session");
			String[] channels = data.dict("channel");
			int[] customer = data.ints("customer");
			long[] time = data.longs("time");
			int[] type = data.ints("type");
			int[] session = data.ints("session");
			int[] channel = data.ints("channel");
			int[] index = indexes(builder, customers);
			for (int i = 0; i < data.rows; i++) {
				builder.event(index[customer[i]], time[i], types[type[i]], session[i] < 0 ? null : sessions[session[i]],
						channel[i] < 0 ? null : channels[channel[i]]);
			}
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
