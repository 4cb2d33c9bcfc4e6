package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.core.data.EventTypes;
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
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
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
}
