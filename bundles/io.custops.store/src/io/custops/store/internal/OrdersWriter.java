package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.custops.core.data.OrderStatus;
import io.custops.core.spi.RowBlock;
import io.custops.store.internal.Table.Type;

/**
 * Orders, one row per order, or — with {@code lines=true} — one row per order line, the lines
 * of an order added up into it (amount, quantity) and kept in {@code order_lines}.
 */
final class OrdersWriter extends FactWriter {

	static final Table TABLE = new Table("orders", 1, col("order_id", Type.TEXT), col("customer_id", Type.TEXT),
			col("order_time", Type.TIMESTAMP), col("amount", Type.DECIMAL), col("status", Type.TEXT),
			col("quantity", Type.INT), col("product_id", Type.TEXT), col("category", Type.TEXT),
			col("channel", Type.TEXT), col("usage_days", Type.INT), col("province", Type.TEXT), col("city", Type.TEXT),
			col("unit_price", Type.DECIMAL), col("pay_time", Type.TIMESTAMP), col("line_count", Type.INT));

	static final int ORDER_ID = 0, CUSTOMER = 1, TIME = 2, AMOUNT = 3, STATUS = 4, QUANTITY = 5, PRODUCT = 6,
			CATEGORY = 7, CHANNEL = 8, USAGE = 9, PROVINCE = 10, CITY = 11, UNIT_PRICE = 12, PAY_TIME = 13,
			LINE_COUNT = 14;

	/** A line: product_id, category, quantity, unit_price, amount, usage_days (as in order_lines). */
	record Line(long sourceLine, Object[] values) {
		boolean sameAs(Line other) {
			return Arrays.equals(values, other.values);
		}
	}

	/** Orders gathered from their lines (lines mode), in order of first appearance. */
	private final Map<String, Row> gathered = new LinkedHashMap<>();

	OrdersWriter(ImportSession session) {
		super(session, TABLE);
	}

	@Override
	Row parse(long line, Map<String, String> f, String raw) throws Canonical.BadValue {
		Object[] v = new Object[TABLE.columns.size()];
		v[ORDER_ID] = Canonical.id("order_id", f.get("order_id"));
		v[CUSTOMER] = Canonical.id("customer_id", f.get("customer_id"));
		v[TIME] = Canonical.time("order_time", f.get("order_time"), session.zone);
		String statusText = Canonical.required("status", f.get("status"));
		OrderStatus status = OrderStatus.parse(statusText);
		if (status == null) {
			throw new Canonical.BadValue("status",
					"status '" + statusText + "' is not one of paid, unpaid, refunded, cancelled");
		}
		v[STATUS] = status.id();
		Integer quantity = Canonical.optionalInt("quantity", f.get("quantity"));
		BigDecimal unitPrice = Canonical.optionalPrice("unit_price", f.get("unit_price"));
		BigDecimal amount;
		if (Canonical.text(f.get("amount")) != null) {
			amount = Canonical.money("amount", f.get("amount"));
		} else if (quantity != null && unitPrice != null) {
			amount = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
		} else {
			throw new Canonical.BadValue("amount", "missing amount (and no quantity and unit_price to compute it)");
		}
		boolean purchase = status == OrderStatus.PAID || status == OrderStatus.UNPAID;
		if (purchase && amount.signum() < 0) {
			throw new Canonical.BadValue("amount", "amount " + amount.toPlainString() + " is negative for a "
					+ status.id() + " order (only refunded or cancelled orders may be negative)");
		}
		if (purchase && quantity != null && quantity < 1) {
			throw new Canonical.BadValue("quantity",
					"quantity " + quantity + " of a " + status.id() + " order must be at least 1");
		}
		v[AMOUNT] = amount;
		v[QUANTITY] = quantity;
		v[PRODUCT] = Canonical.optionalId("product_id", f.get("product_id"));
		v[CATEGORY] = Canonical.optionalText("category", f.get("category"), Canonical.MAX_TEXT);
		v[CHANNEL] = Canonical.optionalText("channel", f.get("channel"), Canonical.MAX_TEXT);
		Integer usage = Canonical.optionalInt("usage_days", f.get("usage_days"));
		if (usage != null && usage < 0) {
			throw new Canonical.BadValue("usage_days", "usage_days " + usage + " is negative");
		}
		v[USAGE] = usage;
		v[PROVINCE] = Canonical.optionalText("province", f.get("province"), Canonical.MAX_TEXT);
		v[CITY] = Canonical.optionalText("city", f.get("city"), Canonical.MAX_TEXT);
		v[UNIT_PRICE] = unitPrice;
		v[PAY_TIME] = Canonical.optionalTime("pay_time", f.get("pay_time"), session.zone);
		Row row = new Row(line, raw, v);
		if (session.lines) {
			row.children = new ArrayList<>(List.of(new Line(line,
					new Object[] { v[PRODUCT], v[CATEGORY], quantity, unitPrice, amount, usage })));
		}
		return row;
	}

	@Override
	void add(Row row) throws SQLException, IOException {
		if (!session.lines) {
			super.add(row);
			return;
		}
		Object[] v = row.values;
		Row order = gathered.get((String) v[ORDER_ID]);
		if (order == null) {
			v[LINE_COUNT] = 1;
			gathered.put((String) v[ORDER_ID], row);
			return;
		}
		Object[] o = order.values;
		if (!o[CUSTOMER].equals(v[CUSTOMER])) {
			session.rejectRow(row.line, "customer_id", "order " + o[ORDER_ID] + " has customer_id " + o[CUSTOMER]
					+ " (line " + order.line + "), not " + v[CUSTOMER], row.raw);
			return;
		}
		if (!o[STATUS].equals(v[STATUS])) {
			session.rejectRow(row.line, "status", "order " + o[ORDER_ID] + " has status " + o[STATUS] + " (line "
					+ order.line + "), not " + v[STATUS], row.raw);
			return;
		}
		if (((LocalDateTime) v[TIME]).isBefore((LocalDateTime) o[TIME])) {
			o[TIME] = v[TIME];
		}
		o[AMOUNT] = ((BigDecimal) o[AMOUNT]).add((BigDecimal) v[AMOUNT]);
		o[QUANTITY] = o[QUANTITY] == null || v[QUANTITY] == null ? null
				: (Integer) o[QUANTITY] + (Integer) v[QUANTITY];
		o[USAGE] = o[USAGE] == null ? v[USAGE]
				: v[USAGE] == null ? o[USAGE] : Math.max((Integer) o[USAGE], (Integer) v[USAGE]);
		o[PRODUCT] = Objects.equals(o[PRODUCT], v[PRODUCT]) ? o[PRODUCT] : null;
		o[CATEGORY] = Objects.equals(o[CATEGORY], v[CATEGORY]) ? o[CATEGORY] : null;
		o[UNIT_PRICE] = null; // prices are per line
		for (int i : new int[] { CHANNEL, PROVINCE, CITY, PAY_TIME }) {
			if (o[i] == null) {
				o[i] = v[i];
			}
		}
		o[LINE_COUNT] = (Integer) o[LINE_COUNT] + 1;
		@SuppressWarnings("unchecked")
		List<Line> lines = (List<Line>) order.children;
		lines.addAll(lineList(row));
		order.sourceRows++;
	}

	@SuppressWarnings("unchecked")
	private static List<Line> lineList(Row row) {
		return (List<Line>) row.children;
	}

	@Override
	void finish() throws SQLException, IOException {
		for (Row order : gathered.values()) {
			super.add(order);
		}
		gathered.clear();
		super.finish();
	}

	@Override
	void loadChildren(Map<Object, Stored> stored) throws SQLException {
		if (!session.lines || stored.isEmpty()) {
			return;
		}
		for (Stored s : stored.values()) {
			s.children = new ArrayList<Line>();
		}
		try (PreparedStatement ps = session.connection.prepareStatement(
				"SELECT order_id, product_id, category, quantity, unit_price, amount, usage_days, source_line"
						+ " FROM order_lines WHERE order_id IN (UNNEST(?)) ORDER BY order_id, line_no")) {
			ps.setArray(1, array("VARCHAR", stored.keySet().toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					Object[] values = { rs.getString(2), rs.getString(3), Table.get(rs, 4, Type.INT),
							rs.getBigDecimal(5), rs.getBigDecimal(6), Table.get(rs, 7, Type.INT) };
					@SuppressWarnings("unchecked")
					List<Line> lines = (List<Line>) stored.get(rs.getString(1)).children;
					lines.add(new Line(rs.getLong(8), values));
				}
			}
		}
	}

	@Override
	boolean mergeChildren(Row row, Stored base) {
		if (row.children == null) {
			return false;
		}
		@SuppressWarnings("unchecked")
		List<Line> held = base.children == null ? List.of() : (List<Line>) base.children;
		List<Line> lines = lineList(row);
		if (held.size() != lines.size()) {
			return true;
		}
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).sameAs(held.get(i))) {
				return true;
			}
		}
		return false;
	}

	@Override
	void writeChildren(List<Row> inserted, List<Row> updated) throws SQLException {
		if (!session.lines) {
			return;
		}
		if (!updated.isEmpty()) {
			try (PreparedStatement delete = session.connection
					.prepareStatement("DELETE FROM order_lines WHERE order_id = ?")) {
				for (Row row : updated) {
					delete.setString(1, (String) row.values[ORDER_ID]);
					delete.addBatch();
				}
				delete.executeBatch();
			}
		}
		try (PreparedStatement insert = session.connection.prepareStatement(
				"INSERT INTO order_lines(order_id, line_no, product_id, category, quantity, unit_price, amount,"
						+ " usage_days, import_id, source_line) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (List<Row> rows : List.of(inserted, updated)) {
				for (Row row : rows) {
					int no = 1;
					for (Line line : lineList(row)) {
						Object[] l = line.values();
						insert.setString(1, (String) row.values[ORDER_ID]);
						insert.setInt(2, no++);
						Table.set(insert, 3, Type.TEXT, l[0]);
						Table.set(insert, 4, Type.TEXT, l[1]);
						Table.set(insert, 5, Type.INT, l[2]);
						Table.set(insert, 6, Type.DECIMAL, l[3]);
						Table.set(insert, 7, Type.DECIMAL, l[4]);
						Table.set(insert, 8, Type.INT, l[5]);
						insert.setString(9, session.importId);
						insert.setLong(10, line.sourceLine());
						insert.addBatch();
						any = true;
					}
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}

	@Override
	void defaults(Object[] values) {
		if (values[LINE_COUNT] == null) {
			values[LINE_COUNT] = 0;
		}
	}

	@Override
	FactLayout layout() {
		return FactLayout.ORDERS;
	}

	// ---------------------------------------------------------------- rows parsed from bytes

	/** The statuses in the order of their plain codes: the first two are purchases. */
	private static final PlainValues.Words STATUSES = new PlainValues.Words("paid", "unpaid", "refunded", "cancelled");
	private static final int[] PLAIN_TEXTS = { CATEGORY, CHANNEL, PROVINCE, CITY };

	@Override
	boolean parsesPlain() {
		return !session.lines;
	}

	/**
	 * The fields {@link #parse} reads, in their plain forms; anything else (a missing or odd
	 * value, a negative amount, an amount to compute from its lines) is left to it.
	 */
	@Override
	boolean parsePlain(RowBlock block, int row, int[] fieldOf, PlainRows out, int at) {
		byte[] b = block.bytes();
		int[] range = out.range;
		if (!id(block, row, fieldOf[ORDER_ID], true, out, at, ORDER_ID, range)
				|| !id(block, row, fieldOf[CUSTOMER], false, out, at, CUSTOMER, range)) {
			return false;
		}
		if (!trimmed(block, row, fieldOf[TIME], range) || range[0] == range[1]) {
			return false;
		}
		long time = PlainValues.time(b, range[0], range[1]);
		if (time == PlainValues.NOT_PLAIN) {
			return false;
		}
		out.num(at, TIME, time);
		if (!trimmed(block, row, fieldOf[STATUS], range)) {
			return false;
		}
		int status = STATUSES.indexOf(b, range[0], range[1]);
		if (status < 0) {
			return false;
		}
		out.text(at, STATUS, range[0], range[1]);
		boolean purchase = status < 2;
		if (!trimmed(block, row, fieldOf[AMOUNT], range) || range[0] == range[1]) {
			return false;
		}
		long amount = PlainValues.decimal(b, range[0], range[1], 2);
		if (amount == PlainValues.NOT_PLAIN || (purchase && amount < 0)) {
			return false;
		}
		out.num(at, AMOUNT, amount);
		if (!number(block, row, fieldOf[QUANTITY], out, at, QUANTITY, range)
				|| !number(block, row, fieldOf[USAGE], out, at, USAGE, range)) {
			return false;
		}
		long quantity = out.num(at, QUANTITY);
		if ((purchase && quantity != Integer.MIN_VALUE && quantity < 1)
				|| (out.num(at, USAGE) != Integer.MIN_VALUE && out.num(at, USAGE) < 0)) {
			return false;
		}
		if (!trimmed(block, row, fieldOf[PRODUCT], range)) {
			return false;
		}
		if (range[0] < range[1]) {
			if (!PlainValues.plainId(b, range[0], range[1], false)) {
				return false;
			}
			out.text(at, PRODUCT, range[0], range[1]);
		}
		for (int column : PLAIN_TEXTS) {
			if (!trimmed(block, row, fieldOf[column], range)
					|| !PlainValues.plainText(range[0], range[1], Canonical.MAX_TEXT)) {
				return false;
			}
			if (range[0] < range[1]) {
				out.text(at, column, range[0], range[1]);
			}
		}
		if (!trimmed(block, row, fieldOf[UNIT_PRICE], range)) {
			return false;
		}
		if (range[0] < range[1]) {
			long price = PlainValues.decimal(b, range[0], range[1], 4);
			if (price == PlainValues.NOT_PLAIN) {
				return false;
			}
			out.num(at, UNIT_PRICE, price);
		}
		if (!trimmed(block, row, fieldOf[PAY_TIME], range)) {
			return false;
		}
		if (range[0] < range[1]) {
			long pay = PlainValues.time(b, range[0], range[1]);
			if (pay == PlainValues.NOT_PLAIN) {
				return false;
			}
			out.num(at, PAY_TIME, pay);
		}
		return true;
	}

	/**
	 * The trimmed range of a field into {@code range} (empty when the block lacks the field);
	 * false when its ends may be whitespace beyond ASCII.
	 */
	static boolean trimmed(RowBlock block, int row, int field, int[] range) {
		int start = field < 0 ? -1 : block.start(row, field);
		if (start < 0) {
			range[0] = range[1] = 0;
			return true;
		}
		byte[] b = block.bytes();
		int end = block.end(row, field);
		if (start < end && b[start] > ' ' && b[end - 1] > ' ') { // ends neither whitespace nor beyond ASCII
			range[0] = start;
			range[1] = end;
			return true;
		}
		return trimmed(b, start, end, range);
	}

	/** {@link #trimmed} of a value that may begin or end with whitespace: apart, as it is rare. */
	private static boolean trimmed(byte[] b, int start, int end, int[] range) {
		int from = PlainValues.trimStart(b, start, end);
		int to = from < 0 ? -1 : PlainValues.trimEnd(b, from, end);
		if (to < 0) {
			return false;
		}
		range[0] = from;
		range[1] = to;
		return true;
	}

	private static boolean id(RowBlock block, int row, int field, boolean ascii, PlainRows out, int at, int column,
			int[] range) {
		if (!trimmed(block, row, field, range) || !PlainValues.plainId(block.bytes(), range[0], range[1], ascii)) {
			return false;
		}
		out.text(at, column, range[0], range[1]);
		return true;
	}

	private static boolean number(RowBlock block, int row, int field, PlainRows out, int at, int column, int[] range) {
		if (!trimmed(block, row, field, range)) {
			return false;
		}
		if (range[0] < range[1]) {
			long v = PlainValues.whole(block.bytes(), range[0], range[1]);
			if (v == PlainValues.NOT_PLAIN) {
				return false;
			}
			out.num(at, column, v);
		}
		return true;
	}

	@Override
	void plainDefaults(PlainRows rows, int at) {
		if (rows.num(at, LINE_COUNT) == Integer.MIN_VALUE) {
			rows.num(at, LINE_COUNT, 0);
		}
	}

	@Override
	long plainKey(PlainRows rows, int at, byte[] bytes) {
		return PlainValues.hashAscii(bytes, rows.start(at, ORDER_ID), rows.end(at, ORDER_ID));
	}
}
