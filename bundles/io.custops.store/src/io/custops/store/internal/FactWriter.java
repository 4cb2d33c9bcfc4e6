package io.custops.store.internal;

import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.spi.RowBlock;

/**
 * Checks and stores the rows of one kind, a chunk at a time. A row whose identity (order_id,
 * customer_id, event identity…) is already held is merged with the held values (an empty
 * value never erases one): when nothing changes the row counts as unchanged, otherwise the
 * held row is updated — unless this same import wrote it, in which case the source holds two
 * different rows for one identity and the later one is rejected.
 */
abstract class FactWriter {

	static final int CHUNK = 20_000;

	/** A checked row: values in the order of the table's columns, plus what belongs to it. */
	static final class Row {
		final long line;
		final String raw;
		Object[] values;
		/** Dependent values compared and stored with the row (attributes, order lines), or null. */
		Object children;
		/** How many source rows this row stands for (order lines make one order). */
		int sourceRows = 1;

		Row(long line, String raw, Object[] values) {
			this.line = line;
			this.raw = raw;
			this.values = values;
		}
	}

	/** A row as held in the workspace. */
	static final class Stored {
		final Object[] values;
		final String importId;
		final long line;
		Object children;
		/** Its row in the fact set's files, or -1 (a database row, or one of this chunk). */
		final long row;

		Stored(Object[] values, String importId, long line, Object children) {
			this(values, importId, line, children, -1);
		}

		Stored(Object[] values, String importId, long line, Object children, long row) {
			this.values = values;
			this.importId = importId;
			this.line = line;
			this.children = children;
			this.row = row;
		}
	}

	final ImportSession session;
	final Table table;
	private final List<Row> chunk = new ArrayList<>();
	/**
	 * When the table held nothing as the import began, only rows this import wrote can be found
	 * again: their identities' hashes, so that rows whose hash is not among them skip the lookup
	 * (a hash collision costs a lookup, never a row). Null when the table held rows.
	 */
	private LongSet writtenHashes;
	private boolean started;
	/** Fact sets: the row of each key held (see {@link FactLayout#key}). */
	private LongIntMap index;
	/**
	 * Instead of {@link #index}, when the fact set held no row as the import began and its rows
	 * are parsed from bytes: rows are appended without a look-up, and those whose keys may repeat
	 * are settled once all are in ({@link #settleRepeats}).
	 */
	private FreshKeys fresh;

	private PreparedStatement insert;
	private PreparedStatement update;

	FactWriter(ImportSession session, Table table) {
		this.session = session;
		this.table = table;
	}

	abstract Row parse(long line, Map<String, String> fields, String raw) throws Canonical.BadValue;

	/** How rows are kept in the columnar files, when this kind is a fact set (orders, events). */
	FactLayout layout() {
		return null;
	}

	private boolean columnar() {
		return session.facts != null;
	}

	void add(Row row) throws SQLException, IOException {
		chunk.add(row);
		if (chunk.size() >= CHUNK) {
			flush();
		}
	}

	void finish() throws SQLException, IOException {
		flush();
		if (fresh != null) {
			settleRepeats();
		}
	}

	/** A 64-bit hash of an identity, for {@link #writtenHashes}. */
	long identityHash(Row row) {
		return hash(identity(row.values));
	}

	static long hash(Object identity) {
		long h = 0xcbf29ce484222325L;
		if (identity instanceof List<?> list) {
			for (Object part : list) {
				h = hashPart(h, String.valueOf(part));
			}
		} else {
			h = hashPart(h, String.valueOf(identity));
		}
		return h ^ (h >>> 29);
	}

	private static long hashPart(long h, String text) {
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= 0x1f;
		return h * 0x100000001b3L;
	}

	/** The identity rows are deduplicated by. */
	Object identity(Object[] values) {
		return table.keyCount == 1 ? values[0] : Arrays.asList(Arrays.copyOf(values, table.keyCount));
	}

	/** The held rows with the identities of a chunk, by identity. Default: one text key. */
	Map<Object, Stored> lookup(List<Row> rows) throws SQLException {
		String[] keys = rows.stream().map(r -> (String) r.values[0]).distinct().toArray(String[]::new);
		return lookup("SELECT " + table.selectList + ", import_id, source_line FROM " + table.name + " WHERE "
				+ table.columns.get(0).name() + " IN (UNNEST(?))", array("VARCHAR", keys));
	}

	final Array array(String type, Object[] values) throws SQLException {
		return session.connection.createArrayOf(type, values);
	}

	final Map<Object, Stored> lookup(String sql, Array... arrays) throws SQLException {
		Map<Object, Stored> found = new HashMap<>();
		try (PreparedStatement ps = session.connection.prepareStatement(sql)) {
			for (int i = 0; i < arrays.length; i++) {
				ps.setArray(i + 1, arrays[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				int n = table.columns.size();
				while (rs.next()) {
					Object[] values = table.read(rs);
					found.put(identity(values), new Stored(values, rs.getString(n + 1), rs.getLong(n + 2), null));
				}
			}
		}
		return found;
	}

	/** Loads the dependent values of held rows into {@link Stored#children}. */
	void loadChildren(Map<Object, Stored> stored) throws SQLException {
	}

	/**
	 * Merges the row's dependent values into the held ones, leaving the result in
	 * {@link Row#children}; returns whether they differ from the held ones.
	 */
	boolean mergeChildren(Row row, Stored base) {
		return false;
	}

	/** Stores a written row's dependent values. */
	void writeChildren(List<Row> inserted, List<Row> updated) throws SQLException {
	}

	/** Fills defaults of a new row (values a merge must not impose on a held row). */
	void defaults(Object[] values) {
	}

	/** Rejects rows that cannot be stored for reasons outside the row (an unknown campaign). */
	List<Row> checkReferences(List<Row> rows) throws SQLException {
		return rows;
	}

	/** Called for each new row after it is stored. */
	void inserted(Row row) throws IOException {
	}

	final void flush() throws SQLException, IOException {
		if (chunk.isEmpty()) {
			return;
		}
		start();
		List<Row> rows = checkReferences(new ArrayList<>(chunk));
		chunk.clear();
		if (columnar()) {
			flushFacts(rows);
		} else {
			flushTable(rows);
		}
	}

	/** Finds what the workspace holds, once, before the first row is stored. */
	private void start() throws SQLException, IOException {
		if (!started) {
			started = true;
			if (columnar()) {
				long[] keys = session.facts.readAll(layout().keyColumn());
				if (keys.length == 0 && parsesPlain()) {
					fresh = new FreshKeys(Math.max(CHUNK, session.expectedRows));
					return;
				}
				index = new LongIntMap(keys.length + Math.max(CHUNK, session.expectedRows));
				java.util.BitSet superseded = session.facts.supersededRows();
				for (int row = 0; row < keys.length; row++) {
					if (superseded == null || !superseded.get(row)) {
						index.put(keys[row], row);
					}
				}
			} else if (Table.count(session.connection, table.name) == 0) {
				writtenHashes = new LongSet();
			}
		}
	}

	// ---------------------------------------------------------------- rows parsed from bytes

	/**
	 * Whether this writer parses rows from a block's bytes ({@link #parsePlain}): fact sets whose
	 * rows stand alone (not orders gathered from their lines).
	 */
	boolean parsesPlain() {
		return false;
	}

	/**
	 * Parses row {@code row} of a block into slot {@code at} of {@code out}: false when a value is
	 * not in its plain form, and the row must be parsed as text ({@link #parse}) instead.
	 *
	 * @param fieldOf per column of the table, the block's field holding it, or -1
	 */
	boolean parsePlain(RowBlock block, int row, int[] fieldOf, PlainRows out, int at) {
		return false;
	}

	/**
	 * Stores a row parsed from bytes whose key is held ({@link #claim} refused it): unchanged
	 * when it changes nothing of the held row; otherwise it becomes a row of text values and
	 * takes the way of every held identity.
	 */
	final void addHeld(RowBlock block, int row, PlainRows rows, int at, long key) throws SQLException, IOException {
		flush(); // rows parsed as text before it are stored before it
		FactLayout layout = layout();
		byte[] bytes = block.bytes();
		if (layout.unchanged(session.facts, rows, at, bytes, index.get(key), none())) {
			session.unchanged++; // as the text way counts a row that changes nothing
			plainUnchanged();
			return;
		}
		add(new Row(block.line(row), block.raw(row), layout.values(rows, at, bytes)));
		// stored by the next flush, before any later row is looked up
	}

	/**
	 * Claims a row parsed from bytes for a run of new rows ({@link #appendRun}) when its key is
	 * not held: the key is then held by the row the run will write it to, the
	 * {@code pending}-th after those written. False when the key is held: the run must be
	 * written before the row takes {@link #addHeld}, which reads the held row back.
	 */
	final boolean claim(RowBlock block, int row, long key, int pending) throws SQLException, IOException {
		if (pending == 0) {
			flush(); // rows parsed as text before the run are stored before it
		}
		if (fresh != null) {
			if (fresh.add(key)) {
				fresh.suspect(session.facts.state().rows + pending, key, block.line(row), block.raw(row));
			}
			return true;
		}
		if (index.get(key) >= 0) {
			return false;
		}
		index.put(key, Math.toIntExact(session.facts.state().rows + pending));
		return true;
	}

	/**
	 * Appends a run of new rows parsed from bytes, slots {@code slots[0, n)}, claimed in order
	 * ({@link #claim}), column by column.
	 *
	 * @param lines scratch room by slot, for the rows' source lines
	 * @param keys  the rows' keys by slot
	 */
	final void appendRun(RowBlock block, PlainRows rows, int[] slots, int n, long[] lines, long[] keys)
			throws IOException {
		if (n == 0) {
			return;
		}
		for (int k = 0; k < n; k++) {
			int at = slots[k];
			plainDefaults(rows, at);
			lines[at] = block.line(at);
		}
		layout().writeRun(session.facts, rows, slots, n, block.bytes(), session.importId, lines, keys);
	}

	/**
	 * The keys of a block's rows parsed from bytes ({@link #plainKey}), into {@code keys} by slot:
	 * on the thread that parses, as it needs nothing the storing thread changes.
	 */
	final void plainKeys(PlainRows rows, int[] plainRows, int n, byte[] bytes, long[] keys) {
		for (int k = 0; k < n; k++) {
			keys[plainRows[k]] = plainKey(rows, plainRows[k], bytes);
		}
	}

	/**
	 * Reads the first places of a block's keys ({@link #plainKeys}) in the identity table or the
	 * filter together before the rows are added one by one: the processor then fetches them in
	 * parallel instead of one miss after the other.
	 */
	final void prepareKeys(int[] plainRows, int n, long[] keys) throws SQLException, IOException {
		start();
		long touched = 0;
		for (int k = 0; k < n; k++) {
			long key = keys[plainRows[k]];
			touched += fresh != null ? fresh.touch(key) : index.touch(key);
		}
		if (touched == 42) { // keeps the reads from being dropped
			Thread.onSpinWait();
		}
	}

	private long[] none;

	/** The layout's markers of no value, once. */
	private long[] none() {
		if (none == null) {
			none = layout().none();
		}
		return none;
	}

	/** What the text way does for a row that turns out unchanged, besides counting it. */
	void plainUnchanged() {
	}

	/** {@link #defaults} of a new row parsed from bytes. */
	void plainDefaults(PlainRows rows, int at) {
	}

	/** {@link FactLayout#key} of a row parsed from bytes. */
	long plainKey(PlainRows rows, int at, byte[] bytes) {
		throw new UnsupportedOperationException(table.name + " rows are not parsed from bytes");
	}

	// ---------------------------------------------------------------- rows as text

	private void flushTable(List<Row> rows) throws SQLException, IOException {
		List<Row> held = rows;
		if (writtenHashes != null) {
			held = new ArrayList<>();
			for (Row row : rows) {
				if (writtenHashes.contains(identityHash(row))) {
					held.add(row);
				}
			}
		}
		Map<Object, Stored> stored = held.isEmpty() ? new HashMap<>() : lookup(held);
		loadChildren(stored);
		Map<Object, Stored> written = new HashMap<>();
		List<Row> inserts = new ArrayList<>();
		List<Row> updates = new ArrayList<>();
		String current = session.importId;
		for (Row row : rows) {
			Object id = identity(row.values);
			Stored base = written.get(id);
			if (base == null) {
				base = stored.get(id);
			}
			if (base == null) {
				defaults(row.values);
				inserts.add(row);
				written.put(id, new Stored(row.values, current, row.line, row.children));
				continue;
			}
			Object[] merged = mergeWithHeld(row, base, id);
			if (merged == null) {
				continue;
			}
			row.values = merged;
			updates.add(row);
			written.put(id, new Stored(merged, current, row.line, row.children));
		}
		writeRows(inserts, updates);
		writeChildren(inserts, updates);
		session.connection.commit();
		for (Row row : inserts) {
			inserted(row);
			session.imported += row.sourceRows;
			if (writtenHashes != null) {
				writtenHashes.add(identityHash(row));
			}
		}
		for (Row row : updates) {
			session.imported += row.sourceRows;
		}
		session.progress(rows.size());
	}

	/**
	 * The rows of a chunk into the fact set's files, one by one: each is looked up by its
	 * identity key among the rows held and those this import wrote before it.
	 */
	private void flushFacts(List<Row> rows) throws SQLException, IOException {
		ColumnStore.Writer facts = session.facts;
		FactLayout layout = layout();
		List<Row> inserts = new ArrayList<>();
		List<Row> updates = new ArrayList<>();
		for (Row row : rows) {
			long key = layout.key(row.values); // the identity's, so a merged row keeps it
			if (fresh != null) { // as claim does for a row parsed from bytes
				if (fresh.add(key)) {
					fresh.suspect(facts.state().rows, key, row.line, row.raw);
				}
				defaults(row.values);
				append(row, key);
				inserts.add(row);
				continue;
			}
			int at = index.get(key);
			Stored base = null;
			Object id = identity(row.values);
			if (at >= 0) {
				base = layout.read(facts, at);
				if (!id.equals(identity(base.values))) {
					base = null; // another identity with the same key: this one is new
				} else {
					loadChildren(new HashMap<>(Map.of(id, base)));
				}
			}
			if (base == null) {
				defaults(row.values);
				append(row, key);
				inserts.add(row);
				continue;
			}
			Object[] merged = mergeWithHeld(row, base, id);
			if (merged == null) {
				continue;
			}
			row.values = merged;
			facts.supersede(base.row);
			append(row, key);
			updates.add(row);
			session.changedExisting = true;
		}
		writeChildren(inserts, updates);
		if (session.lines) {
			session.connection.commit(); // the order lines written beside the facts
		}
		for (List<Row> written : List.of(inserts, updates)) {
			for (Row row : written) {
				session.imported += row.sourceRows;
			}
		}
		session.progress(rows.size());
	}

	private void append(Row row, long key) throws IOException {
		ColumnStore.Writer facts = session.facts;
		long at = facts.state().rows;
		layout().write(facts, row.values, session.importId, row.line, key);
		if (index != null) {
			index.put(key, Math.toIntExact(at));
		}
	}

	/**
	 * Settles the rows a first import into an empty set noted as suspects ({@link #fresh}), once
	 * all rows are in: among the rows holding a suspect's key, the first of each identity stays;
	 * each later one is taken back (superseded, no longer imported) and counts unchanged when it
	 * adds nothing to the first, or is rejected as the text way rejects it (see
	 * {@link #mergeWithHeld}). The rejections follow the other rows' in the rejects file.
	 */
	private void settleRepeats() throws IOException {
		FreshKeys f = fresh;
		if (f.count() == 0) {
			return;
		}
		ColumnStore.Writer facts = session.facts;
		FactLayout layout = layout();
		LongIntMap suspectOfRow = new LongIntMap(f.count());
		LongIntMap suspectKeys = new LongIntMap(f.count());
		for (int i = 0; i < f.count(); i++) {
			suspectOfRow.put(f.row(i), i);
			suspectKeys.put(f.key(i), i);
		}
		Map<Long, List<Long>> holders = new HashMap<>();
		FreshKeys suspected = new FreshKeys(f.count()); // a filter of the suspects' keys, small enough for a cache
		for (int i = 0; i < f.count(); i++) {
			suspected.add(f.key(i));
		}
		facts.scan(layout.keyColumn(), (first, keys, n) -> {
			for (int i = 0; i < n; i++) {
				long key = keys[i];
				if (suspected.mayHold(key) && suspectKeys.get(key) >= 0) {
					holders.computeIfAbsent(key, k -> new ArrayList<>(2)).add(first + i);
				}
			}
		});
		List<Stored[]> repeats = new ArrayList<>(); // {first, repeat}
		for (List<Long> rows : holders.values()) {
			if (rows.size() < 2) {
				continue; // a false alarm of the filter
			}
			List<Stored> firsts = new ArrayList<>();
			for (long row : rows) {
				Stored held = layout.read(facts, row);
				Object id = identity(held.values);
				Stored first = firsts.stream().filter(s -> identity(s.values).equals(id)).findFirst().orElse(null);
				if (first == null) {
					firsts.add(held); // another identity under the same key
				} else {
					repeats.add(new Stored[] { first, held });
				}
			}
		}
		repeats.sort((a, b) -> Long.compare(a[1].row, b[1].row));
		for (Stored[] pair : repeats) {
			Stored first = pair[0];
			Stored repeat = pair[1];
			int suspect = suspectOfRow.get(repeat.row);
			if (suspect < 0) {
				throw new IllegalStateException("row " + repeat.row + " repeats a key but was not noted");
			}
			facts.supersede(repeat.row);
			session.imported--;
			// the first row is of this import, so the repeat counts unchanged or is rejected
			if (mergeWithHeld(new Row(f.line(suspect), f.raw(suspect), repeat.values), first,
					identity(first.values)) != null) {
				throw new IllegalStateException("row " + repeat.row + " repeats a row of another import");
			}
		}
		if (!repeats.isEmpty()) {
			facts.resetTimeRange(); // a rejected row's time is no longer the set's
		}
	}

	private void writeRows(List<Row> inserts, List<Row> updates) throws SQLException {
		String current = session.importId;
		if (!inserts.isEmpty()) {
			if (insert == null) {
				insert = session.connection.prepareStatement(table.insertSql);
			}
			for (Row row : inserts) {
				table.bindInsert(insert, row.values, current, row.line);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		if (!updates.isEmpty()) {
			if (update == null) {
				update = session.connection.prepareStatement(table.updateSql);
			}
			for (Row row : updates) {
				table.bindUpdate(update, row.values, current, row.line);
				update.addBatch();
			}
			update.executeBatch();
			session.changedExisting = true;
		}
	}

	/**
	 * What a row whose identity is held becomes: the merged values to store, or null when it
	 * changes nothing (counted unchanged) or repeats a row of this same import with other values
	 * (rejected: the source holds two different rows for one identity).
	 */
	private Object[] mergeWithHeld(Row row, Stored base, Object id) {
		Object[] merged = merge(base.values, row.values);
		boolean childrenChanged = mergeChildren(row, base);
		if (!childrenChanged && Arrays.equals(merged, base.values)) {
			session.unchanged += row.sourceRows;
			return null;
		}
		if (session.importId.equals(base.importId)) {
			session.rejectRow(row.line, identityField(),
					describe(id) + " appears again with other values (first on line " + base.line + ")", row.raw);
			return null;
		}
		return merged;
	}

	/** Held values overlaid with the row's non-empty ones; key columns stay the held ones. */
	final Object[] merge(Object[] base, Object[] row) {
		Object[] merged = base.clone();
		for (int i = table.keyCount; i < row.length; i++) {
			if (row[i] != null) {
				merged[i] = row[i];
			}
		}
		return merged;
	}

	/** The field named when a row is rejected as a conflicting duplicate. */
	String identityField() {
		return table.columns.get(0).name();
	}

	String describe(Object identity) {
		return table.columns.get(0).name() + " " + identity;
	}
}
