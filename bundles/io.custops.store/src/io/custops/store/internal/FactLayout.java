package io.custops.store.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the rows of a fact table (orders, events) are kept in the columnar files: one column per
 * field of the table, then the import and the source line of the row. Text is a dictionary
 * code (-1 for none), whole numbers and times are fixed-width with a marker for none: amounts
 * as hundredths (unit prices as ten-thousandths), times as milliseconds of the local
 * date-time, dates as days.
 */
final class FactLayout {

	/**
	 * Order ids are nearly all distinct: kept as plain strings (no dictionary to grow), with a
	 * 64-bit hash of each beside them ({@code order_key}) by which an import finds them.
	 */
	static final FactLayout ORDERS = new FactLayout(OrdersWriter.TABLE, Map.of("unit_price", 4), "order_id");
	/** Events are found by their {@code ekey}, the table's first column, a hash of their identity. */
	static final FactLayout EVENTS = new FactLayout(EventsWriter.TABLE, Map.of(), null);

	static final String IMPORT = "import_id";
	static final String LINE = "source_line";
	static final String KEY_SUFFIX = "_key";

	private static final int NO_INT = Integer.MIN_VALUE;
	private static final long NO_LONG = Long.MIN_VALUE;

	final Table table;
	final List<ColumnStore.Column> columns;
	private final int[] scales;
	private final Table.Type[] types;
	private final boolean[] strings;
	/**
	 * Text columns coded where rows are stored rather than where they are parsed: the customer
	 * id, whose dictionary grows with the data (a million values, most look-ups a cache miss);
	 * coding it there shares an import's work about equally between the two threads.
	 */
	private final boolean[] codedOnStore;
	/** The column hashed into the key column that follows the line, or -1 for none. */
	private final int hashed;

	private FactLayout(Table table, Map<String, Integer> scales, String stringKey) {
		this.table = table;
		List<ColumnStore.Column> cols = new ArrayList<>();
		this.scales = new int[table.columns.size()];
		this.types = new Table.Type[table.columns.size()];
		this.strings = new boolean[table.columns.size()];
		this.codedOnStore = new boolean[table.columns.size()];
		this.hashed = stringKey == null ? -1 : table.index(stringKey);
		for (int i = 0; i < table.columns.size(); i++) {
			Table.Column c = table.columns.get(i);
			this.scales[i] = scales.getOrDefault(c.name(), 2);
			this.types[i] = c.type();
			this.strings[i] = c.name().equals(stringKey);
			this.codedOnStore[i] = c.name().equals("customer_id");
			cols.add(new ColumnStore.Column(c.name(), switch (c.type()) {
			case TEXT -> strings[i] ? ColumnStore.Type.STR : ColumnStore.Type.DICT;
			case INT -> ColumnStore.Type.I32;
			case BIGINT, DECIMAL, TIMESTAMP, DATE -> ColumnStore.Type.I64;
			}));
		}
		cols.add(new ColumnStore.Column(IMPORT, ColumnStore.Type.DICT));
		cols.add(new ColumnStore.Column(LINE, ColumnStore.Type.I64));
		if (stringKey != null) {
			cols.add(new ColumnStore.Column(stringKey + KEY_SUFFIX, ColumnStore.Type.I64));
		}
		this.columns = List.copyOf(cols);
	}

	/**
	 * The long a row is found by: the hash of its string key, or else the table's first column
	 * (already a hash). Rows found by it are compared in full, so equal keys of different
	 * identities cost a comparison, never a row.
	 */
	long key(Object[] values) {
		return hashed >= 0 ? FactWriter.hash(values[hashed]) : (Long) values[0];
	}

	/** The column holding each row's {@link #key}. */
	int keyColumn() {
		return hashed >= 0 ? table.columns.size() + 2 : 0;
	}

	/** Writes a row: the table's values, the import, the line and the row's {@link #key}. */
	void write(ColumnStore.Writer w, Object[] values, String importId, long line, long key) throws IOException {
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			switch (types[i]) {
			case TEXT -> {
				if (strings[i]) {
					w.putString(i, (String) v);
				} else {
					w.putText(i, (String) v);
				}
			}
			case INT -> w.putInt(i, v == null ? NO_INT : (Integer) v);
			case BIGINT -> w.putLong(i, v == null ? NO_LONG : (Long) v);
			case DECIMAL -> w.putLong(i, v == null ? NO_LONG : unscaled((BigDecimal) v, scales[i]));
			case TIMESTAMP -> w.putLong(i, v == null ? NO_LONG : millis((LocalDateTime) v));
			case DATE -> w.putLong(i, v == null ? NO_LONG : ((LocalDate) v).toEpochDay());
			}
		}
		w.putText(values.length, importId);
		w.putLong(values.length + 1, line);
		if (hashed >= 0) {
			w.putLong(values.length + 2, key);
		}
		w.endRow();
	}

	/** Per column of the table, the stored marker of no value: what a {@link PlainRows} slot starts as. */
	long[] none() {
		long[] none = new long[types.length];
		for (int i = 0; i < types.length; i++) {
			none[i] = types[i] == Table.Type.INT ? NO_INT : NO_LONG;
		}
		return none;
	}

	/**
	 * Writes a run of new rows parsed from bytes, slots {@code slots[0, n)} of {@code rows}, column
	 * by column (the same bytes as {@link #write(ColumnStore.Writer, Object[], String, long, long)}
	 * writes for the same rows parsed as text): {@code lines} and {@code keys} are by slot.
	 */
	void writeRun(ColumnStore.Writer w, PlainRows rows, int[] slots, int n, byte[] bytes, String importId,
			long[] lines, long[] keys) throws IOException {
		int columns = types.length;
		for (int i = 0; i < columns; i++) {
			int base = rows.base(i);
			if (strings[i]) {
				w.putStrings(i, bytes, rows.starts, rows.ends, base, slots, n);
			} else if (allSame(rows.nums, base, slots, n)) { // a column the file leaves empty, a constant
				w.fill(i, rows.nums[base + slots[0]], n);
			} else {
				w.putAll(i, rows.nums, base, slots, n); // codes for text (see code), numbers else
			}
		}
		w.fill(columns, w.code(columns, importId), n);
		w.putAll(columns + 1, lines, 0, slots, n);
		if (hashed >= 0) {
			w.putAll(columns + 2, keys, 0, slots, n);
		}
		w.endRows(n);
	}

	private boolean allSame(long[] values, int base, int[] slots, int n) {
		long first = values[base + slots[0]];
		for (int k = 1; k < n; k++) {
			if (values[base + slots[k]] != first) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Codes the text values of the rows of a block parsed from bytes ({@code rows[0, n)} are
	 * their slots), in the dictionaries of the fact set, kept as the columns' numbers: in the
	 * rows' order, the columns {@link #codedOnStore} on the storing thread ({@code onStore}), the
	 * others on the thread that parses, each holding its {@link ColumnStore.Writer#dictionary} lock.
	 * A column with few values so far goes through {@link #codeFew}. Any other, the values' hashes
	 * first and their slots read together (memory fetched in parallel: a big dictionary's slots
	 * are never in a cache), then the look-ups; a value equal to the previous row's reuses its code.
	 */
	void code(ColumnStore.Writer w, PlainRows plain, int[] rows, int n, byte[] bytes, int[] hashes, boolean onStore)
			throws IOException {
		for (int i = 0; i < types.length; i++) {
			if (types[i] != Table.Type.TEXT || strings[i] || codedOnStore[i] != onStore) {
				continue;
			}
			synchronized (w.dictionary(i)) {
				code(w, i, plain, rows, n, bytes, hashes);
			}
		}
	}

	/** {@link #code} of one column. */
	private static void code(ColumnStore.Writer w, int i, PlainRows plain, int[] rows, int n, byte[] bytes, int[] hashes)
			throws IOException {
		if (w.dictionarySize(i) <= 64) {
			codeFew(w, i, plain, rows, n, bytes);
			return;
		}
		int base = plain.base(i);
		int[] starts = plain.starts;
		int[] ends = plain.ends;
		long touched = 0;
		for (int k = 0; k < n; k++) {
			int at = base + rows[k];
			int start = starts[at];
			if (start >= 0) {
				int h = StringDict.hash(bytes, start, ends[at] - start);
				hashes[k] = h;
				touched += w.touch(i, h);
			}
		}
		int lastStart = -1;
		int lastEnd = -1;
		int lastHash = 0;
		int lastCode = -1;
		long[] nums = plain.nums;
		for (int k = 0; k < n; k++) {
			int at = base + rows[k];
			int start = starts[at];
			int code;
			if (start < 0) {
				code = -1;
			} else {
				int end = ends[at];
				int h = hashes[k];
				if (h == lastHash && lastStart >= 0
						&& java.util.Arrays.equals(bytes, start, end, bytes, lastStart, lastEnd)) {
					code = lastCode;
				} else {
					code = w.code(i, bytes, start, end, h);
					lastStart = start;
					lastEnd = end;
					lastHash = h;
					lastCode = code;
				}
			}
			nums[at] = code;
		}
		if (touched == 42) { // keeps the reads of the first loop from being dropped
			Thread.onSpinWait();
		}
	}

	/**
	 * {@link #code} of a column with few values so far (a status, a channel): each value of up
	 * to 8 bytes is looked up first in a small table of the values seen lately, by the value
	 * itself as a long ({@link ColumnStore.Writer#recentCodes}); its dictionary is asked only for
	 * a value new to the table.
	 */
	private static void codeFew(ColumnStore.Writer w, int i, PlainRows plain, int[] rows, int n, byte[] bytes)
			throws IOException {
		ColumnStore.Writer.RecentCodes recent = w.recentCodes(i);
		long[] values = recent.values;
		int[] lengths = recent.lengths;
		int[] codes = recent.codes;
		int base = plain.base(i);
		int[] starts = plain.starts;
		int[] ends = plain.ends;
		long[] nums = plain.nums;
		for (int k = 0; k < n; k++) {
			int at = base + rows[k];
			int start = starts[at];
			if (start < 0) {
				nums[at] = -1;
				continue;
			}
			int len = ends[at] - start;
			if (len > 8) {
				nums[at] = w.code(i, bytes, start, start + len);
				continue;
			}
			long value = StringDict.packed(bytes, start, len);
			int place = (int) ((value + len) * 0x9E3779B97F4A7C15L >>> 58);
			if (codes[place] == 0 || values[place] != value || lengths[place] != len) {
				values[place] = value;
				lengths[place] = len;
				codes[place] = w.code(i, bytes, start, start + len) + 1;
			}
			nums[at] = codes[place] - 1;
		}
	}

	/**
	 * Whether a row parsed from bytes changes nothing of the stored row {@code held}: each value
	 * it has is the stored one (a value it lacks keeps the stored one, as a merge does). False
	 * for another identity under the same key, or a changed value: the text way decides those.
	 */
	boolean unchanged(ColumnStore.Writer w, PlainRows rows, int at, byte[] bytes, long held, long[] none)
			throws IOException {
		for (int i = 0; i < types.length; i++) {
			if (types[i] == Table.Type.TEXT) {
				int start = rows.start(at, i);
				if (start < 0) {
					continue;
				}
				boolean same = strings[i] ? w.sameString(i, held, bytes, start, rows.end(at, i))
						: rows.num(at, i) == w.read(i, held); // codes: coded where the row was parsed
				if (!same) {
					return false;
				}
			} else if (rows.num(at, i) != none[i] && rows.num(at, i) != w.read(i, held)) {
				return false;
			}
		}
		return true;
	}

	/** A row parsed from bytes as the values {@link FactWriter} parses from text. */
	Object[] values(PlainRows rows, int at, byte[] bytes) {
		Object[] values = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			long raw = rows.num(at, i);
			int start = rows.start(at, i);
			values[i] = switch (types[i]) {
			case TEXT -> start < 0 ? null
					: new String(bytes, start, rows.end(at, i) - start, java.nio.charset.StandardCharsets.UTF_8);
			case INT -> raw == NO_INT ? null : (Integer) (int) raw;
			case BIGINT -> raw == NO_LONG ? null : (Long) raw;
			case DECIMAL -> raw == NO_LONG ? null : BigDecimal.valueOf(raw, scales[i]);
			case TIMESTAMP -> raw == NO_LONG ? null : time(raw);
			case DATE -> raw == NO_LONG ? null : LocalDate.ofEpochDay(raw);
			};
		}
		return values;
	}

	/** The value in units of 10^-scale; the scale is the canonical one, so this is exact. */
	private static long unscaled(BigDecimal v, int scale) {
		// scale 0 after the move: longValueExact then reads the compact value, no BigInteger made
		return (v.scale() == scale ? v : v.setScale(scale)).movePointRight(scale).longValueExact();
	}

	/** A stored row read back: the table's values, its import and its line. */
	FactWriter.Stored read(ColumnStore.Writer writer, long row) throws IOException {
		int n = table.columns.size();
		Object[] values = new Object[n];
		for (int i = 0; i < n; i++) {
			long raw = writer.read(i, row);
			values[i] = switch (table.columns.get(i).type()) {
			case TEXT -> strings[i] ? writer.readString(i, row) : raw < 0 ? null : writer.text(i, (int) raw);
			case INT -> raw == NO_INT ? null : (Integer) (int) raw;
			case BIGINT -> raw == NO_LONG ? null : (Long) raw;
			case DECIMAL -> raw == NO_LONG ? null : BigDecimal.valueOf(raw, scales[i]);
			case TIMESTAMP -> raw == NO_LONG ? null : time(raw);
			case DATE -> raw == NO_LONG ? null : LocalDate.ofEpochDay(raw);
			};
		}
		long importCode = writer.read(n, row);
		String importId = importCode < 0 ? null : writer.text(n, (int) importCode);
		return new FactWriter.Stored(values, importId, writer.read(n + 1, row), null, row);
	}

	static long millis(LocalDateTime t) {
		return t.toEpochSecond(ZoneOffset.UTC) * 1000 + t.getNano() / 1_000_000;
	}

	static LocalDateTime time(long millis) {
		return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
				ZoneOffset.UTC);
	}

	static boolean isNone(int value) {
		return value == NO_INT;
	}
}
