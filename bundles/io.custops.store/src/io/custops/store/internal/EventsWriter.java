package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.core.data.EventTypes;
import io.custops.core.spi.RowBlock;
import io.custops.store.internal.Table.Type;

/**
 * Behaviour events. Their identity is (customer_id, event_time, event_type, item_id,
 * session_id); the table is keyed by a 64-bit hash of it plus a sequence number, and rows
 * found by the hash are compared in full, so hash collisions cost a comparison, never a row.
 */
final class EventsWriter extends FactWriter {

	static final Table TABLE = new Table("events", 2, col("ekey", Type.BIGINT), col("seq", Type.BIGINT),
			col("customer_id", Type.TEXT), col("event_time", Type.TIMESTAMP), col("event_type", Type.TEXT),
			col("item_id", Type.TEXT), col("session_id", Type.TEXT), col("channel", Type.TEXT),
			col("query", Type.TEXT));

	static final int EKEY = 0, SEQ = 1, CUSTOMER = 2, TIME = 3, TYPE = 4, ITEM = 5, SESSION = 6, CHANNEL = 7,
			QUERY = 8;

	EventsWriter(ImportSession session) {
		super(session, TABLE);
	}

	@Override
	Row parse(long line, Map<String, String> f, String raw) throws Canonical.BadValue {
		Object[] v = new Object[TABLE.columns.size()];
		v[CUSTOMER] = Canonical.id("customer_id", f.get("customer_id"));
		v[TIME] = Canonical.time("event_time", f.get("event_time"), session.zone);
		String type = Canonical.required("event_type", f.get("event_type"));
		String lower = type.toLowerCase(Locale.ROOT);
		v[TYPE] = EventTypes.STANDARD.contains(lower) ? lower : type;
		if (type.length() > Canonical.MAX_ID) {
			throw new Canonical.BadValue("event_type", "event_type longer than " + Canonical.MAX_ID + " characters");
		}
		String item = Canonical.optionalId("item_id", f.get("item_id"));
		String sessionId = Canonical.optionalId("session_id", f.get("session_id"));
		v[ITEM] = item == null ? "" : item;
		v[SESSION] = sessionId == null ? "" : sessionId;
		v[CHANNEL] = Canonical.optionalText("channel", f.get("channel"), Canonical.MAX_TEXT);
		v[QUERY] = Canonical.optionalText("query", f.get("query"), Canonical.MAX_TEXT);
		v[EKEY] = hash(v);
		return new Row(line, raw, v);
	}

	/** The sequence is given where rows are stored, in order (parse may run on another thread). */
	@Override
	void add(Row row) throws java.sql.SQLException, java.io.IOException {
		row.values[SEQ] = session.nextEventSeq++;
		super.add(row);
	}

	@Override
	long identityHash(Row row) {
		return (Long) row.values[EKEY];
	}

	@Override
	Object identity(Object[] v) {
		return Arrays.asList(v[CUSTOMER], v[TIME], v[TYPE], v[ITEM], v[SESSION]);
	}

	@Override
	Map<Object, Stored> lookup(List<Row> rows) throws java.sql.SQLException {
		Long[] keys = rows.stream().map(r -> (Long) r.values[EKEY]).distinct().toArray(Long[]::new);
		return lookup("SELECT " + TABLE.selectList + ", import_id, source_line FROM events WHERE ekey IN (UNNEST(?))",
				array("BIGINT", keys));
	}

	/**
	 * The stored key of an event's identity: FNV-1a over its parts, then a final mix.
	 * Stored in the database: never change it.
	 */
	static long hash(Object[] v) {
		long h = 0xcbf29ce484222325L;
		for (Object part : new Object[] { v[CUSTOMER], v[TIME].toString(), v[TYPE], v[ITEM], v[SESSION] }) {
			String s = (String) part;
			for (int i = 0; i < s.length(); i++) {
				h ^= s.charAt(i);
				h *= 0x100000001b3L;
			}
			h ^= 0x1f;
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	/** The final mix of the stored key (see {@link #hash}). */
	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

	@Override
	String identityField() {
		return "event";
	}

	@Override
	String describe(Object identity) {
		return "event " + identity;
	}

	@Override
	FactLayout layout() {
		return FactLayout.EVENTS;
	}

	// ---------------------------------------------------------------- rows parsed from bytes

	private static final PlainValues.Words TYPES = new PlainValues.Words(EventTypes.STANDARD.toArray(String[]::new));

	@Override
	boolean parsesPlain() {
		return true;
	}

	/**
	 * The fields {@link #parse} reads, in their plain forms; the parts of the identity must be
	 * ASCII, because its {@link #hash} runs over characters.
	 */
	@Override
	boolean parsePlain(RowBlock block, int row, int[] fieldOf, PlainRows out, int at) {
		byte[] b = block.bytes();
		int[] range = out.range;
		if (!OrdersWriter.trimmed(block, row, fieldOf[CUSTOMER], range)
				|| !PlainValues.plainId(b, range[0], range[1], true)) {
			return false;
		}
		out.text(at, CUSTOMER, range[0], range[1]);
		if (!OrdersWriter.trimmed(block, row, fieldOf[TIME], range) || range[0] == range[1]) {
			return false;
		}
		long time = PlainValues.time(b, range[0], range[1]);
		if (time == PlainValues.NOT_PLAIN) {
			return false;
		}
		out.num(at, TIME, time);
		if (!OrdersWriter.trimmed(block, row, fieldOf[TYPE], range)) {
			return false;
		}
		if (TYPES.indexOf(b, range[0], range[1]) < 0) {
			return false; // another type, or a standard one in capitals: the text way
		}
		out.text(at, TYPE, range[0], range[1]);
		for (int column : new int[] { ITEM, SESSION }) {
			if (!OrdersWriter.trimmed(block, row, fieldOf[column], range)) {
				return false;
			}
			if (range[0] < range[1] && !PlainValues.plainId(b, range[0], range[1], true)) {
				return false;
			}
			out.text(at, column, range[0], range[1]); // none is kept as "" (an empty range)
		}
		for (int column : new int[] { CHANNEL, QUERY }) {
			if (!OrdersWriter.trimmed(block, row, fieldOf[column], range)
					|| !PlainValues.plainText(range[0], range[1], Canonical.MAX_TEXT)) {
				return false;
			}
			if (range[0] < range[1]) {
				out.text(at, column, range[0], range[1]);
			}
		}
		out.num(at, EKEY, plainHash(b, out, at));
		return true;
	}

	/** {@link #hash} of a row parsed from bytes (ASCII parts, the time as its ISO text). */
	private static long plainHash(byte[] b, PlainRows rows, int at) {
		long h = 0xcbf29ce484222325L;
		h = part(h, b, rows.start(at, CUSTOMER), rows.end(at, CUSTOMER));
		String time = FactLayout.time(rows.num(at, TIME)).toString();
		for (int i = 0; i < time.length(); i++) {
			h ^= time.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= 0x1f;
		h *= 0x100000001b3L;
		for (int column : new int[] { TYPE, ITEM, SESSION }) {
			h = part(h, b, rows.start(at, column), rows.end(at, column));
		}
		return mix(h);
	}

	private static long part(long h, byte[] b, int start, int end) {
		for (int i = start; i < end; i++) {
			h ^= b[i];
			h *= 0x100000001b3L;
		}
		h ^= 0x1f;
		return h * 0x100000001b3L;
	}

	/** The sequence is given where rows are stored, in order, as {@link #add} gives it. */
	@Override
	void plainDefaults(PlainRows rows, int at) {
		rows.num(at, SEQ, session.nextEventSeq++);
	}

	/** The text way gives every row it stores or finds unchanged a sequence number ({@link #add}). */
	@Override
	void plainUnchanged() {
		session.nextEventSeq++;
	}

	@Override
	long plainKey(PlainRows rows, int at, byte[] bytes) {
		return rows.num(at, EKEY);
	}
}
