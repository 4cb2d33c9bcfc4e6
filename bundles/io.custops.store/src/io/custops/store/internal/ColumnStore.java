package io.custops.store.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The columnar files in {@code DIR/columns}: per set one file of fixed-width values per column,
 * text columns as codes into an append-only dictionary file. A manifest says, per set, which
 * directory holds it and how many rows and dictionary bytes are valid; bytes beyond the valid
 * lengths (left by a crash or a failed import) are ignored and cut off by the next append. The
 * manifest is replaced atomically, so it is the commit point of everything written here.
 *
 * <p>Orders and events are <em>fact sets</em>: these files are where they are kept (the database
 * holds their imports, order lines and everything else), with every canonical field, the import
 * and source line of each row, and a list of superseded rows (a changed fact is appended again
 * and its old row superseded). Imports append to them in place ({@link #appender}) and commit
 * with {@link #commitAppend}, keeping the lengths before the import so that an import the
 * database does not know of (its process died between the two commits) is undone at the next
 * open ({@link #rollback}).
 *
 * <p>Customers are a <em>copy</em> of the database, rebuilt when its generation differs from the
 * database's.
 */
final class ColumnStore {

	/** DICT: codes into a dictionary; STR: each row's end offset into a file of the values' bytes. */
	enum Type {
		I8(1), I32(4), I64(8), DICT(4), STR(8);

		final int width;

		Type(int width) {
			this.width = width;
		}
	}

	record Column(String name, Type type) {
	}

	static final String ORDERS = "orders";
	static final String EVENTS = "events";
	static final String CUSTOMERS = "customers";

	/** The layout of the fact sets' files; sets of another layout are rebuilt (a migration). */
	static final String FACT_LAYOUT = "2";

	private static final String MANIFEST = "manifest.properties";
	private static final String SUPERSEDED = "superseded";

	private final Path dir;
	private final Properties manifest = new Properties();

	ColumnStore(Path dir) throws IOException {
		this.dir = dir;
		Files.createDirectories(dir);
		Path file = dir.resolve(MANIFEST);
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				manifest.load(in);
			} catch (IllegalArgumentException e) {
				throw new IOException(file + " is damaged: " + e.getMessage(), e);
			}
			for (String key : manifest.stringPropertyNames()) {
				if (NUMBERS.matcher(key).find()) {
					try {
						Long.parseLong(manifest.getProperty(key));
					} catch (NumberFormatException e) {
						throw new IOException(file + " is damaged: " + key + " is not a number ('"
								+ manifest.getProperty(key) + "'); restore the workspace from a backup");
					}
				}
			}
		}
	}

	private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern
			.compile("\\.(rows|count|bytes|superseded|minTime|maxTime|generation|next|attributes)$");

	/** What a number or code column holds for no value: -1 for a code, the smallest value else. */
	static long none(Type type) {
		return switch (type) {
		case DICT -> -1;
		case I32 -> Integer.MIN_VALUE;
		case I64 -> Long.MIN_VALUE;
		case I8, STR -> throw new IllegalArgumentException(type + " has no none");
		};
	}

	static boolean isFactSet(String set) {
		return ORDERS.equals(set) || EVENTS.equals(set);
	}

	/** The database generation a copied set reflects, or -1 when it has none. */
	synchronized long generation(String set) {
		Path setDir = setDir(set);
		return setDir == null || !Files.isDirectory(setDir) ? -1 : number(set + ".generation", -1);
	}

	/** Whether a fact set is held in the current layout (false: none yet, or an older layout). */
	synchronized boolean hasFacts(String set) {
		return FACT_LAYOUT.equals(manifest.getProperty(set + ".layout")) && setDir(set) != null;
	}

	synchronized long rows(String set) {
		return number(set + ".rows", 0);
	}

	/** Rows of a set that are not superseded. */
	synchronized long liveRows(String set) {
		return rows(set) - number(set + "." + SUPERSEDED, 0);
	}

	private long number(String key, long otherwise) {
		String v = manifest.getProperty(key);
		if (v == null) {
			return otherwise;
		}
		try {
			return Long.parseLong(v);
		} catch (NumberFormatException e) {
			throw new IllegalStateException(dir.resolve(MANIFEST) + ": " + key + " is not a number: " + v);
		}
	}

	/** Min and max of the set's time column, or null when it has no rows. */
	synchronized long[] timeRange(String set) {
		String min = manifest.getProperty(set + ".minTime");
		String max = manifest.getProperty(set + ".maxTime");
		return min == null || max == null ? null : new long[] { Long.parseLong(min), Long.parseLong(max) };
	}

	synchronized List<Column> columns(String set) {
		return switch (set) {
		case ORDERS -> FactLayout.ORDERS.columns;
		case EVENTS -> FactLayout.EVENTS.columns;
		default -> customerColumns(attributeNames());
		};
	}

	static List<Column> customerColumns(List<String> attributes) {
		List<Column> columns = new ArrayList<>();
		columns.add(new Column("id", Type.DICT));
		for (int i = 0; i < attributes.size(); i++) {
			columns.add(new Column("a" + i, Type.DICT));
		}
		return columns;
	}

	synchronized List<String> attributeNames() {
		int n = (int) number(CUSTOMERS + ".attributes", 0);
		List<String> names = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			names.add(manifest.getProperty(CUSTOMERS + ".attribute." + i));
		}
		return names;
	}

	/** Where a set's files are now, or null. */
	synchronized Path setDir(String set) {
		String name = manifest.getProperty(set + ".dir");
		return name == null ? null : dir.resolve(name);
	}

	/** The set's valid lengths and dictionaries, for appending rows to it. */
	synchronized State state(String set) throws IOException {
		State state = new State(columns(set));
		state.shortColumns = isFactSet(set);
		Path setDir = setDir(set);
		if (setDir == null || (isFactSet(set) && !hasFacts(set))) {
			return state;
		}
		state.rows = rows(set);
		state.superseded = number(set + "." + SUPERSEDED, 0);
		long[] range = timeRange(set);
		if (range != null) {
			state.minTime = range[0];
			state.maxTime = range[1];
		}
		for (Column c : state.columns) {
			long stored = number(set + ".col." + c.name() + ".rows", -1);
			if (stored >= 0) {
				state.columnRows.put(c.name(), stored);
			}
			if (c.type() == Type.STR) {
				state.strBytes.put(c.name(), number(set + ".str." + c.name() + ".bytes", 0));
			}
			if (c.type() == Type.DICT) {
				int count = (int) number(set + ".dict." + c.name() + ".count", 0);
				long bytes = number(set + ".dict." + c.name() + ".bytes", 0);
				state.dicts.put(c.name(), StringDict.of(readPrefix(setDir.resolve(c.name() + ".dict"), bytes), count));
			}
		}
		return state;
	}

	/** Valid lengths of a set and its dictionaries. */
	static final class State {
		final List<Column> columns;
		final Map<String, StringDict> dicts = new LinkedHashMap<>();
		/** Valid bytes of each STR column's values file. */
		final Map<String, Long> strBytes = new HashMap<>();
		long rows;
		/**
		 * Whether the files of number and code columns may stop short of the rows (fact sets): a
		 * column's rows past its file's end hold its none ({@link #none}), so a column a source
		 * leaves empty costs no bytes. The rows each such file holds, when fewer than the set's.
		 */
		boolean shortColumns;
		final Map<String, Long> columnRows = new HashMap<>();
		long superseded;
		long minTime = Long.MAX_VALUE;
		long maxTime = Long.MIN_VALUE;

		State(List<Column> columns) {
			this.columns = columns;
			for (Column c : columns) {
				if (c.type() == Type.DICT) {
					dicts.put(c.name(), new StringDict());
				}
				if (c.type() == Type.STR) {
					strBytes.put(c.name(), 0L);
				}
			}
		}

		int index(String column) {
			for (int i = 0; i < columns.size(); i++) {
				if (columns.get(i).name().equals(column)) {
					return i;
				}
			}
			throw new IllegalArgumentException("no column " + column);
		}
	}

	/**
	 * Appends rows to the files of a directory from the state's valid lengths on (what lies
	 * beyond them is cut off first), and reads rows back.
	 */
	static final class Writer implements Closeable {
		/** Dictionaries up to this size are also looked up by a HashMap of the column's values. */
		private static final int SMALL = 4096;

		private final Path target;
		private final State state;
		private final ColumnOut[] values;
		private final ColumnOut[] dicts;
		private final StringDict[] dictOf;
		private final ColumnOut[] strs;
		private final long[] strEnd;
		private final long[] heldStrBytes;
		private ByteBuffer[] heldStr;
		private FileChannel[] strReaders;
		private final ColumnOut superseded;
		private final int timeColumn;
		private FileChannel[] readers;
		/** Per text column: the last value and its code, and the codes of a small dictionary. */
		private final String[] lastValue;
		private final int[] lastCode;
		private final HashMap<String, Integer>[] small;
		/** The rows held before this writer began, mapped per column when first read back. */
		private final long heldRows;
		/**
		 * Per column: whether its file may stop short of the rows (see {@link State#shortColumns}),
		 * the rows its file holds (written and buffered), those it held as this writer began, and
		 * its none.
		 */
		private final boolean[] shortable;
		private final long[] stored;
		private final long[] heldStored;
		private final long[] noneOf;
		private ByteBuffer[] held;
		private boolean dirty;

		Writer(Path target, State state) throws IOException {
			this(target, state, false);
		}

		/**
		 * @param readOnly opens nothing for writing and changes no file: a view of the rows held
		 *                 (see {@link ColumnStore#reader})
		 */
		private Writer(Path target, State state, boolean readOnly) throws IOException {
			this.target = target;
			this.state = state;
			this.heldRows = state.rows;
			if (!readOnly) {
				Files.createDirectories(target);
			}
			List<Column> columns = state.columns;
			int n = columns.size();
			values = new ColumnOut[n];
			dicts = new ColumnOut[n];
			dictOf = new StringDict[n];
			strs = new ColumnOut[n];
			strEnd = new long[n];
			heldStrBytes = new long[n];
			lastValue = new String[n];
			lastCode = new int[n];
			shortable = new boolean[n];
			stored = new long[n];
			heldStored = new long[n];
			noneOf = new long[n];
			for (int i = 0; i < n; i++) {
				Column c = columns.get(i);
				shortable[i] = state.shortColumns
						&& (c.type() == Type.I32 || c.type() == Type.I64 || c.type() == Type.DICT);
				stored[i] = shortable[i] ? Math.min(state.rows, state.columnRows.getOrDefault(c.name(), state.rows))
						: state.rows;
				heldStored[i] = stored[i];
				noneOf[i] = shortable[i] ? none(c.type()) : 0;
			}
			@SuppressWarnings("unchecked")
			HashMap<String, Integer>[] maps = new HashMap[n];
			small = maps;
			int time = -1;
			List<Closeable> opened = new ArrayList<>();
			try {
				for (int i = 0; i < n; i++) {
					Column c = columns.get(i);
					if (!readOnly) {
						values[i] = new ColumnOut(target.resolve(c.name() + ".col"), stored[i] * c.type().width);
						opened.add(values[i]);
					}
					if (c.type() == Type.DICT) {
						dictOf[i] = state.dicts.get(c.name());
						if (!readOnly) {
							dicts[i] = new ColumnOut(target.resolve(c.name() + ".dict"), dictOf[i].byteLength());
							opened.add(dicts[i]);
						}
					}
					if (c.type() == Type.STR) {
						strEnd[i] = state.strBytes.get(c.name());
						heldStrBytes[i] = strEnd[i];
						if (!readOnly) {
							strs[i] = new ColumnOut(target.resolve(c.name() + ".str"), strEnd[i]);
							opened.add(strs[i]);
						}
					}
					if (time < 0 && (c.name().equals("time") || c.name().endsWith("_time"))) {
						time = i;
					}
				}
				superseded = readOnly ? null : new ColumnOut(target.resolve(SUPERSEDED + ".col"), state.superseded * 8);
			} catch (IOException | RuntimeException e) {
				for (Closeable c : opened) {
					try {
						c.close();
					} catch (IOException suppressed) {
						e.addSuppressed(suppressed);
					}
				}
				throw e;
			}
			timeColumn = time;
		}

		State state() {
			return state;
		}

		/**
		 * One row: String (or null) for text columns, Number for the others. Time columns hold
		 * what the set's time is (seconds or milliseconds); the range kept is of those values.
		 */
		void row(Object... row) throws IOException {
			List<Column> columns = state.columns;
			for (int i = 0; i < row.length; i++) {
				switch (columns.get(i).type()) {
				case I8 -> values[i].putByte(((Number) row[i]).byteValue());
				case I32 -> putInt(i, ((Number) row[i]).intValue());
				case I64 -> putLong(i, ((Number) row[i]).longValue());
				case DICT -> putText(i, (String) row[i]);
				case STR -> putString(i, (String) row[i]);
				}
			}
			endRow();
		}

		/** Field by field: the values of one row in column order, then {@link #endRow}. */
		void putInt(int column, int v) throws IOException {
			if (shortable[column]) {
				if (v == noneOf[column]) {
					return; // the column's file stops short (see State.shortColumns)
				}
				reach(column, 1);
			}
			values[column].putInt(v);
		}

		/**
		 * Before values of the next {@code n} rows of a column whose file may stop short (see
		 * {@link State#shortColumns}): the rows it lacks before them are filled with none.
		 */
		private void reach(int column, int n) throws IOException {
			long missing = state.rows - stored[column];
			boolean wide = wide(column);
			while (missing > 0) {
				int k = (int) Math.min(missing, 1 << 20);
				values[column].fill(noneOf[column], k, wide);
				missing -= k;
			}
			stored[column] = state.rows + n;
		}

		void putLong(int column, long v) throws IOException {
			if (shortable[column]) {
				if (v == noneOf[column]) {
					return;
				}
				reach(column, 1);
			}
			values[column].putLong(v);
			if (column == timeColumn && v != Long.MIN_VALUE) {
				widenTimeRange(v, v);
			}
		}

		void putText(int column, String v) throws IOException {
			putCode(column, code(column, v));
		}

		/**
		 * The code of a text value given as UTF-8 bytes {@code [start, end)}, added to the
		 * dictionary when new. Unlike the rest of the writer this may be called from another
		 * thread (rows are coded where they are parsed, beside the thread that stores them),
		 * holding the column's {@link #dictionary} lock, which every use of a dictionary here holds too.
		 */
		int code(int column, byte[] b, int start, int end) throws IOException {
			return code(column, b, start, end, StringDict.hash(b, start, end - start));
		}

		/** {@link #code(int, byte[], int, int)} with the value's {@link StringDict#hash} computed before. */
		int code(int column, byte[] b, int start, int end, int hash) throws IOException {
			int code = dictOf[column].find(b, start, end - start, hash);
			return code >= 0 ? code : add(column, b, start, end, hash);
		}

		/**
		 * Adds a value to a column's dictionary and its file. Apart from {@link #code}, so that
		 * the loops coding values already held (most of them) compile without the file's writes.
		 */
		private int add(int column, byte[] b, int start, int end, int hash) throws IOException {
			StringDict d = dictOf[column];
			int code = d.add(b, start, end - start, hash);
			dicts[column].put(d.buffer(), d.lastOffset(), d.lastLength());
			return code;
		}

		/**
		 * Codes of recent values of a column with few values (see FactLayout.codeFew), kept for
		 * the whole import under the column's {@link #dictionary} lock: a value is then looked up
		 * in the dictionary once, not once per block, and that look-up is cold enough that the
		 * coding loop compiles without it.
		 */
		static final class RecentCodes {
			final long[] values = new long[64];
			final int[] lengths = new int[64];
			/** code + 1; 0: an empty place */
			final int[] codes = new int[64];
		}

		private RecentCodes[] recent;

		RecentCodes recentCodes(int column) {
			if (recent == null) {
				recent = new RecentCodes[state.columns.size()];
			}
			if (recent[column] == null) {
				recent[column] = new RecentCodes();
			}
			return recent[column];
		}

		/** How many values a text column's dictionary holds. */
		int dictionarySize(int column) {
			return dictOf[column].count();
		}

		/** Reads the first slot of a value of a text column (see {@link StringDict#touch}). */
		long touch(int column, int hash) {
			return dictOf[column].touch(hash);
		}

		/**
		 * The lock of a text column's dictionary (and its file): held by a thread that codes rows
		 * ({@link #code(int, byte[], int, int)}) for a whole block of rows rather than per value.
		 * One per column, so that two threads code different columns at once.
		 */
		Object dictionary(int column) {
			return dictOf[column];
		}

		/** A text value as its code ({@link #code(int, byte[], int, int)}); -1 for none. */
		void putCode(int column, int code) throws IOException {
			putInt(column, code);
		}

		/** The text of a code of a text column. */
		String text(int column, int code) {
			synchronized (dictOf[column]) {
				return dictOf[column].value(code);
			}
		}

		/**
		 * A column's values of a run of rows, {@code src[base + slots[k]]} for k in {@code [0, n)}:
		 * numbers as the column's width takes them, text as codes. With {@link #fill},
		 * {@link #putStrings} and {@link #endRows}, a block's new rows are written column by
		 * column instead of value by value.
		 */
		void putAll(int column, long[] src, int base, int[] slots, int n) throws IOException {
			if (shortable[column]) {
				reach(column, n);
			}
			values[column].put(src, base, slots, n, wide(column));
			if (column == timeColumn) {
				long min = Long.MAX_VALUE;
				long max = Long.MIN_VALUE;
				for (int k = 0; k < n; k++) {
					long v = src[base + slots[k]];
					if (v != Long.MIN_VALUE) {
						min = Math.min(min, v);
						max = Math.max(max, v);
					}
				}
				widenTimeRange(min, max);
			}
		}

		/** One value for a run of {@code n} rows of a column. */
		void fill(int column, long v, int n) throws IOException {
			if (shortable[column]) {
				if (v == noneOf[column]) {
					return;
				}
				reach(column, n);
			}
			values[column].fill(v, n, wide(column));
			if (column == timeColumn && v != Long.MIN_VALUE && n > 0) {
				widenTimeRange(v, v);
			}
		}

		/** Takes values from {@code min} to {@code max} into the range of the set's time. */
		private void widenTimeRange(long min, long max) {
			state.minTime = Math.min(state.minTime, min);
			state.maxTime = Math.max(state.maxTime, max);
		}

		/** A STR column's values of a run of rows: bytes {@code [starts[i], ends[i])}, i = base + slots[k]; start -1 for none. */
		void putStrings(int column, byte[] b, int[] starts, int[] ends, int base, int[] slots, int n) throws IOException {
			ColumnOut str = strs[column];
			ColumnOut offsets = values[column];
			long end = strEnd[column];
			for (int k = 0; k < n; k++) {
				int i = base + slots[k];
				int start = starts[i];
				if (start >= 0) {
					str.put(b, start, ends[i] - start);
					end += ends[i] - start;
				}
				offsets.putLong(end);
			}
			strEnd[column] = end;
		}

		/** Whether a column's values are longs (else ints): the widths a run is written in. */
		private boolean wide(int column) {
			int width = state.columns.get(column).type().width;
			if (width != 4 && width != 8) {
				throw new IllegalArgumentException(state.columns.get(column) + " is not written in runs");
			}
			return width == 8;
		}

		/** Ends a run of {@code n} rows written column by column. */
		void endRows(int n) {
			state.rows += n;
			rowsEnded(n);
		}

		/** A value of a STR column; none is kept as an empty value. */
		void putString(int column, String v) throws IOException {
			if (v != null) {
				byte[] b = v.getBytes(StandardCharsets.UTF_8);
				strs[column].put(b, 0, b.length);
				strEnd[column] += b.length;
			}
			values[column].putLong(strEnd[column]);
		}

		/** Whether a row's value of a STR column is the UTF-8 bytes {@code b[start, end)}. */
		boolean sameString(int column, long row, byte[] b, int start, int end) throws IOException {
			long to = read(column, row);
			long from = row == 0 ? 0 : read(column, row - 1);
			if (to - from != end - start) {
				return false;
			}
			if (row < heldRows && heldStrBytes[column] <= Integer.MAX_VALUE) {
				ByteBuffer held = heldStr(column);
				for (int i = 0; i < end - start; i++) {
					if (held.get((int) from + i) != b[start + i]) {
						return false;
					}
				}
				return true;
			}
			return java.util.Arrays.equals(readString(column, row).getBytes(StandardCharsets.UTF_8), 0, end - start, b, start,
					end);
		}

		private ByteBuffer heldStr(int column) throws IOException {
			if (heldStr == null) {
				heldStr = new ByteBuffer[values.length];
			}
			if (heldStr[column] == null) {
				heldStr[column] = map(target.resolve(state.columns.get(column).name() + ".str"), heldStrBytes[column]);
			}
			return heldStr[column];
		}

		/** A row's value of a STR column, read back. */
		String readString(int column, long row) throws IOException {
			long end = read(column, row);
			long start = row == 0 ? 0 : read(column, row - 1);
			if (row < heldRows && heldStrBytes[column] <= Integer.MAX_VALUE) {
				byte[] b = new byte[Math.toIntExact(end - start)];
				heldStr(column).get((int) start, b);
				return new String(b, StandardCharsets.UTF_8);
			}
			if (dirty) {
				flush();
			}
			if (strReaders == null) {
				strReaders = new FileChannel[values.length];
			}
			if (strReaders[column] == null) {
				strReaders[column] = FileChannel.open(target.resolve(state.columns.get(column).name() + ".str"),
						StandardOpenOption.READ);
			}
			ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(end - start));
			while (b.hasRemaining()) {
				if (strReaders[column].read(b, start + b.position()) < 0) {
					throw new IOException(target.resolve(state.columns.get(column).name() + ".str") + ": no row " + row);
				}
			}
			return new String(b.array(), StandardCharsets.UTF_8);
		}

		void endRow() {
			state.rows++;
			rowsEnded(1);
		}

		/**
		 * After {@code n} rows were appended: marks the files dirty, and starts a write-back each
		 * time the rows pass a multiple of 256k. Writes no field per row: the parsing thread reads
		 * this object's fields (code) all along.
		 */
		private void rowsEnded(int n) {
			if (!dirty) {
				dirty = true;
			}
			if ((state.rows >>> 18) != ((state.rows - n) >>> 18)) {
				writeBack();
			}
		}

		/** Marks a row superseded by a later one. */
		void supersede(long row) throws IOException {
			superseded.putLong(row);
			state.superseded++;
			dirty = true;
		}

		/**
		 * The code of a text value, added to the dictionary when new; a {@link #putText} of the
		 * same value next costs nothing.
		 */
		int code(int column, String value) throws IOException {
			if (value == null) {
				lastValue[column] = null;
				return lastCode[column] = -1;
			}
			if (value.equals(lastValue[column])) {
				return lastCode[column];
			}
			StringDict d = dictOf[column];
			synchronized (d) { // see code(int, byte[], int, int)
				return lastCode[column] = codeLocked(column, d, value);
			}
		}

		private int codeLocked(int column, StringDict d, String value) throws IOException {
			HashMap<String, Integer> cache = small[column];
			if (cache == null && d.count() <= SMALL) {
				cache = small[column] = new HashMap<>();
			}
			Integer cached = cache == null ? null : cache.get(value);
			int code;
			if (cached != null) {
				code = cached;
			} else {
				int before = d.count();
				code = d.code(value);
				if (d.count() != before) {
					dicts[column].put(d.buffer(), d.lastOffset(), d.lastLength());
				}
				if (cache != null) {
					if (d.count() > SMALL) {
						small[column] = null; // a big dictionary: its own table is the faster one
					} else {
						cache.put(value, code);
					}
				}
			}
			lastValue[column] = value;
			return code;
		}

		/** The dictionary of a text column. */
		StringDict dict(int column) {
			return dictOf[column];
		}

		/** A row's fixed-width value (a code for text columns), read back from the files. */
		long read(int column, long row) throws IOException {
			Column c = state.columns.get(column);
			if (row >= stored[column] && shortable[column]) {
				return noneOf[column]; // past the end of a column's file that stops short
			}
			if (row < heldStored[column] && heldStored[column] * c.type().width <= Integer.MAX_VALUE) {
				if (held == null) {
					held = new ByteBuffer[values.length];
				}
				if (held[column] == null) {
					held[column] = map(target.resolve(c.name() + ".col"), heldStored[column] * c.type().width);
				}
				return value(held[column], (int) (row * c.type().width), c.type());
			}
			if (dirty) {
				flush();
			}
			if (readers == null) {
				readers = new FileChannel[values.length];
			}
			if (readers[column] == null) {
				readers[column] = FileChannel.open(target.resolve(c.name() + ".col"), StandardOpenOption.READ);
			}
			ByteBuffer b = ByteBuffer.allocate(c.type().width);
			long pos = row * c.type().width;
			while (b.hasRemaining()) {
				if (readers[column].read(b, pos + b.position()) < 0) {
					throw new IOException(target.resolve(c.name() + ".col") + ": no row " + row);
				}
			}
			return value(b, 0, c.type());
		}

		/** Every value of a fixed-width column held before this writer began. */
		long[] readAll(int column) throws IOException {
			long[] all = new long[Math.toIntExact(state.rows)];
			Column c = state.columns.get(column);
			int inFile = shortable[column] ? (int) Math.min(all.length, stored[column]) : all.length;
			if (all.length == 0) {
				return all;
			}
			ByteBuffer b = map(target.resolve(c.name() + ".col"), (long) inFile * c.type().width);
			for (int i = 0; i < inFile; i++) {
				all[i] = value(b, i * c.type().width, c.type());
			}
			java.util.Arrays.fill(all, inFile, all.length, noneOf[column]);
			return all;
		}

		/** What {@link #scan} hands a column's values to, a chunk of rows at a time. */
		interface RowValues {
			/** Values of rows {@code [first, first + n)} in {@code values[0, n)}. */
			void accept(long first, long[] values, int n) throws IOException;
		}

		/** The values of an I64 column, rows written by this writer included, in row order. */
		void scan(int column, RowValues each) throws IOException {
			if (dirty) {
				flush();
			}
			Column c = state.columns.get(column);
			if (c.type().width != 8) {
				throw new IllegalArgumentException(c + " is not a column of longs");
			}
			long inFile = shortable[column] ? Math.min(state.rows, stored[column]) : state.rows;
			long[] chunk = new long[(int) Math.max(1, Math.min(state.rows, 1 << 16))];
			for (long from = 0; from < inFile;) { // a map of up to 1 GB at a time
				long n = Math.min(inFile - from, 1 << 27);
				java.nio.LongBuffer b = map(target.resolve(c.name() + ".col"), from * 8, n * 8).asLongBuffer();
				for (long at = from; b.hasRemaining(); at += chunk.length) {
					int k = Math.min(chunk.length, b.remaining());
					b.get(chunk, 0, k);
					each.accept(at, chunk, k);
				}
				from += n;
			}
			java.util.Arrays.fill(chunk, noneOf[column]); // rows past a short column's file
			for (long at = inFile; at < state.rows; at += chunk.length) {
				each.accept(at, chunk, (int) Math.min(chunk.length, state.rows - at));
			}
		}

		/** The rows marked superseded, or null when none is. */
		java.util.BitSet supersededRows() throws IOException {
			if (state.superseded == 0) {
				return null;
			}
			if (dirty) {
				flush();
			}
			java.util.BitSet rows = new java.util.BitSet();
			java.nio.LongBuffer list = map(target.resolve(SUPERSEDED + ".col"), 0, state.superseded * 8).asLongBuffer();
			while (list.hasRemaining()) {
				rows.set(Math.toIntExact(list.get()));
			}
			return rows;
		}

		/**
		 * Sets the range of the set's time to that of the rows not superseded: after rows of a
		 * set that held none before were taken back (see {@link FactWriter}).
		 */
		void resetTimeRange() throws IOException {
			if (timeColumn < 0) {
				return;
			}
			java.util.BitSet dead = supersededRows();
			long[] range = { Long.MAX_VALUE, Long.MIN_VALUE };
			scan(timeColumn, (first, values, n) -> {
				for (int i = 0; i < n; i++) {
					long v = values[i];
					if (v != Long.MIN_VALUE && (dead == null || !dead.get(Math.toIntExact(first + i)))) {
						range[0] = Math.min(range[0], v);
						range[1] = Math.max(range[1], v);
					}
				}
			});
			state.minTime = range[0];
			state.maxTime = range[1];
		}

		/** The fixed-width value at a byte offset of a column's buffer. */
		private static long value(ByteBuffer b, int at, Type type) {
			return switch (type) {
			case I8 -> b.get(at);
			case I32, DICT -> b.getInt(at);
			case I64, STR -> b.getLong(at);
			};
		}

		/** Every file this writer appends to. */
		private List<ColumnOut> outputs() {
			List<ColumnOut> all = new ArrayList<>();
			for (ColumnOut[] outs : List.of(values, dicts, strs, new ColumnOut[] { superseded })) {
				for (ColumnOut s : outs) {
					if (s != null) {
						all.add(s);
					}
				}
			}
			return all;
		}

		void flush() throws IOException {
			for (ColumnOut[] outs : List.of(values, strs, new ColumnOut[] { superseded })) {
				for (ColumnOut s : outs) {
					if (s != null) {
						s.flush();
					}
				}
			}
			for (int i = 0; i < dicts.length; i++) { // they may be written on another thread (see code)
				if (dicts[i] != null) {
					synchronized (dictOf[i]) {
						dicts[i].flush();
					}
				}
			}
			syncStrBytes();
			dirty = false;
		}

		/** The write-back running in the background (see {@link #writeBack}), or null; what stopped one. */
		private Thread writeBack;
		private volatile IOException writeBackFailure;

		/**
		 * Starts writing what the files hold so far through to the disk on a thread of its own,
		 * unless one does already. Called as rows are appended (every 256k rows), so that
		 * {@link #force} at the commit finds little left: ten million orders' gigabyte forced at
		 * once took half a second after everything else was done.
		 */
		private void writeBack() {
			if (writeBack != null && writeBack.isAlive()) {
				return;
			}
			List<ColumnOut> outs = outputs();
			writeBack = Thread.ofPlatform().daemon().name("custops-writeback").start(() -> {
				try {
					for (ColumnOut o : outs) {
						o.forceWritten();
					}
				} catch (IOException e) {
					writeBackFailure = e;
				}
			});
		}

		/** Waits for the background write-back, if any. */
		private void awaitWriteBack() throws java.io.InterruptedIOException {
			if (writeBack != null) {
				try {
					writeBack.join();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new java.io.InterruptedIOException("interrupted while writing to " + target);
				}
				writeBack = null;
			}
		}

		/** Writes everything through to the disk (before the manifest may name it). */
		void force() throws IOException {
			for (int i = 0; i < stored.length; i++) { // the rows of files that stop short, for the manifest
				if (shortable[i] && stored[i] < state.rows) {
					state.columnRows.put(state.columns.get(i).name(), stored[i]);
				} else {
					state.columnRows.remove(state.columns.get(i).name());
				}
			}
			awaitWriteBack();
			if (writeBackFailure != null) {
				throw writeBackFailure;
			}
			for (ColumnOut s : outputs()) {
				s.force();
			}
			syncStrBytes();
			dirty = false;
		}

		private void syncStrBytes() {
			for (int i = 0; i < strs.length; i++) {
				if (strs[i] != null) {
					state.strBytes.put(state.columns.get(i).name(), strEnd[i]);
				}
			}
		}

		@Override
		public void close() throws IOException {
			awaitWriteBack();
			IOException failure = null;
			List<Closeable> all = new ArrayList<>(outputs());
			for (FileChannel[] channels : java.util.Arrays.asList(readers, strReaders)) {
				if (channels != null) {
					for (FileChannel r : channels) {
						if (r != null) {
							all.add(r);
						}
					}
				}
			}
			for (Closeable s : all) {
				try {
					s.close();
				} catch (IOException e) {
					failure = failure == null ? e : failure;
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
	}

	/**
	 * The rows a fact set holds, to read ({@link Writer#read}, {@link Writer#readString},
	 * {@link Writer#readAll}, {@link Writer#text}): opens nothing for writing. Null when the set
	 * holds no facts.
	 */
	synchronized Writer reader(String set) throws IOException {
		Path target = setDir(set);
		return target == null || !hasFacts(set) ? null : new Writer(target, state(set), true);
	}

	/**
	 * A writer appending to a fact set in place (its directory made when the set has none);
	 * commit with {@link #commitAppend}, or drop the writer: nothing it wrote counts then.
	 */
	synchronized Writer appender(String set) throws IOException {
		State state = state(set);
		Path target = setDir(set);
		if (target == null || !hasFacts(set)) {
			target = newSetDir(set);
			saveManifest();
		}
		return new Writer(target, state);
	}

	/** A fresh directory for rebuilding a set; commit with {@link #commitRebuild}. */
	synchronized Path newSetDir(String set) throws IOException {
		int n = (int) number(set + ".next", 1);
		Path target;
		do {
			target = dir.resolve(set + "." + n++);
		} while (Files.exists(target));
		manifest.setProperty(set + ".next", Integer.toString(n));
		Files.createDirectories(target);
		return target;
	}

	/** Makes a rebuilt directory the set's, and drops the old one. */
	synchronized void commitRebuild(String set, Path built, State state, List<String> attributes, long generation)
			throws IOException {
		Path old = setDir(set);
		manifest.setProperty(set + ".dir", built.getFileName().toString());
		if (set.equals(CUSTOMERS)) {
			manifest.setProperty(CUSTOMERS + ".attributes", Integer.toString(attributes.size()));
			for (int i = 0; i < attributes.size(); i++) {
				manifest.setProperty(CUSTOMERS + ".attribute." + i, attributes.get(i));
			}
		}
		if (isFactSet(set)) {
			manifest.setProperty(set + ".layout", FACT_LAYOUT);
			clearBefore(set);
		}
		record(set, "", state);
		manifest.setProperty(set + ".generation", Long.toString(generation));
		saveManifest();
		if (old != null && !old.equals(built)) {
			deleteTree(old);
		}
		// directories of this set left by a crash or a lost manifest
		try (Stream<Path> list = Files.list(dir)) {
			for (Path p : list.toList()) {
				String name = p.getFileName().toString();
				if (name.startsWith(set + ".") && name.substring(set.length() + 1).chars().allMatch(Character::isDigit)
						&& !p.equals(built) && Files.isDirectory(p)) {
					deleteTree(p);
				}
			}
		}
	}

	/**
	 * Makes what an appender wrote part of the fact set, remembering the lengths before it so
	 * that {@link #rollback} can undo it while the database does not know the import.
	 */
	synchronized void commitAppend(String set, Writer writer, String importId) throws IOException {
		writer.force();
		Path target = writer.target;
		String previousDir = manifest.getProperty(set + ".dir");
		Properties before = new Properties();
		for (String key : manifest.stringPropertyNames()) {
			if (key.startsWith(set + ".") && !key.startsWith(set + ".before.")) {
				before.setProperty(key, manifest.getProperty(key));
			}
		}
		clearBefore(set);
		before.forEach((k, v) -> manifest.setProperty(set + ".before." + ((String) k).substring(set.length() + 1),
				(String) v));
		if (previousDir == null) {
			manifest.setProperty(set + ".before.none", "true");
		}
		manifest.setProperty(set + ".dir", target.getFileName().toString());
		manifest.setProperty(set + ".layout", FACT_LAYOUT);
		record(set, importId, writer.state);
		saveManifest();
	}

	/** The import that last appended to a fact set, or null. */
	synchronized String lastImport(String set) {
		return manifest.getProperty(set + ".import");
	}

	/** Undoes the last append to a fact set when it was made by {@code importId}. */
	synchronized boolean rollback(String set, String importId) throws IOException {
		if (importId == null || !importId.equals(lastImport(set))) {
			return false;
		}
		Properties restored = new Properties();
		boolean none = "true".equals(manifest.getProperty(set + ".before.none"));
		for (String key : manifest.stringPropertyNames()) {
			if (key.startsWith(set + ".before.") && !none) {
				restored.setProperty(set + "." + key.substring((set + ".before.").length()), manifest.getProperty(key));
			}
		}
		for (String key : manifest.stringPropertyNames()) {
			if (key.startsWith(set + ".") && !key.equals(set + ".next")) {
				manifest.remove(key);
			}
		}
		restored.forEach(manifest::put);
		saveManifest();
		return true;
	}

	private void clearBefore(String set) {
		for (String key : manifest.stringPropertyNames()) {
			if (key.startsWith(set + ".before.")) {
				manifest.remove(key);
			}
		}
	}

	private void record(String set, String importId, State state) {
		manifest.setProperty(set + ".rows", Long.toString(state.rows));
		for (String key : manifest.stringPropertyNames()) {
			if (key.startsWith(set + ".col.")) {
				manifest.remove(key);
			}
		}
		state.columnRows.forEach((name, stored) -> manifest.setProperty(set + ".col." + name + ".rows", Long.toString(stored)));
		manifest.setProperty(set + "." + SUPERSEDED, Long.toString(state.superseded));
		if (importId.isEmpty()) {
			manifest.remove(set + ".import");
		} else {
			manifest.setProperty(set + ".import", importId);
		}
		state.strBytes.forEach((name, bytes) -> manifest.setProperty(set + ".str." + name + ".bytes", Long.toString(bytes)));
		for (Map.Entry<String, StringDict> e : state.dicts.entrySet()) {
			manifest.setProperty(set + ".dict." + e.getKey() + ".count", Integer.toString(e.getValue().count()));
			manifest.setProperty(set + ".dict." + e.getKey() + ".bytes", Long.toString(e.getValue().byteLength()));
		}
		if (state.rows > 0 && state.minTime <= state.maxTime) {
			manifest.setProperty(set + ".minTime", Long.toString(state.minTime));
			manifest.setProperty(set + ".maxTime", Long.toString(state.maxTime));
		} else {
			manifest.remove(set + ".minTime");
			manifest.remove(set + ".maxTime");
		}
	}

	/** Marks a copied set out of date (its files stay until the rebuild replaces them). */
	synchronized void invalidate(String set) throws IOException {
		if (manifest.containsKey(set + ".generation")) {
			manifest.setProperty(set + ".generation", "-1");
			saveManifest();
		}
	}

	private void saveManifest() throws IOException {
		Path tmp = dir.resolve(MANIFEST + ".tmp");
		try (OutputStream out = Files.newOutputStream(tmp)) {
			manifest.store(out, "CustOps columnar files; the commit point of the orders and events");
		}
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
			ch.force(true);
		}
		Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** The columns of a set, read whole. */
	static final class Data {
		long rows;
		final Map<String, Object> values = new HashMap<>();
		final Map<String, String[]> dicts = new HashMap<>();
		/** Rows superseded by later ones (fact sets), or null when none are. */
		BitSet superseded;

		int[] ints(String column) {
			return (int[]) values.get(column);
		}

		long[] longs(String column) {
			return (long[]) values.get(column);
		}

		byte[] bytes(String column) {
			return (byte[]) values.get(column);
		}

		String[] dict(String column) {
			return dicts.get(column);
		}

		boolean live(int row) {
			return superseded == null || !superseded.get(row);
		}
	}

	/** The named columns of a set (all when none are named), with its superseded rows. */
	synchronized Data read(String set, String... names) throws IOException {
		Data data = new Data();
		data.rows = rows(set);
		Path setDir = setDir(set);
		int n = Math.toIntExact(data.rows);
		long superseded = number(set + "." + SUPERSEDED, 0);
		if (superseded > 0) {
			data.superseded = new BitSet(n);
			java.nio.LongBuffer rows = map(setDir.resolve(SUPERSEDED + ".col"), 8 * superseded).asLongBuffer();
			while (rows.hasRemaining()) {
				data.superseded.set(Math.toIntExact(rows.get()));
			}
		}
		List<String> wanted = List.of(names);
		for (Column c : columns(set)) {
			if (!wanted.isEmpty() && !wanted.contains(c.name())) {
				continue;
			}
			Path file = setDir == null ? null : setDir.resolve(c.name() + ".col");
			int stored = (int) Math.min(n, number(set + ".col." + c.name() + ".rows", n)); // see State.shortColumns
			switch (c.type()) {
			case I8 -> {
				byte[] a = new byte[n];
				map(file, n).get(a);
				data.values.put(c.name(), a);
			}
			case I32, DICT -> {
				int[] a = new int[n];
				map(file, 4L * stored).asIntBuffer().get(a, 0, stored);
				java.util.Arrays.fill(a, stored, n, (int) none(c.type()));
				data.values.put(c.name(), a);
			}
			case I64, STR -> {
				long[] a = new long[n];
				map(file, 8L * stored).asLongBuffer().get(a, 0, stored);
				if (stored < n) {
					java.util.Arrays.fill(a, stored, n, none(c.type()));
				}
				data.values.put(c.name(), a);
			}
			}
			if (c.type() == Type.DICT) {
				int count = (int) number(set + ".dict." + c.name() + ".count", 0);
				data.dicts.put(c.name(), setDir == null ? new String[0] : readDict(setDir.resolve(c.name() + ".dict"), count));
			}
		}
		return data;
	}

	private static ByteBuffer map(Path file, long length) throws IOException {
		return map(file, 0, length);
	}

	/** Bytes {@code [from, from + length)} of a file, mapped. */
	private static ByteBuffer map(Path file, long from, long length) throws IOException {
		if (length == 0) {
			return ByteBuffer.allocate(0);
		}
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			if (ch.size() < from + length) {
				throw new IOException(file + " is shorter than the manifest says");
			}
			MappedByteBuffer buffer = ch.map(FileChannel.MapMode.READ_ONLY, from, length);
			return buffer;
		}
	}

	/** The first {@code length} bytes of a file. */
	private static byte[] readPrefix(Path file, long length) throws IOException {
		if (length == 0) {
			return new byte[1 << 12];
		}
		if (length > Integer.MAX_VALUE - 16) {
			throw new IOException(file + ": a dictionary of more than 2 GB");
		}
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			if (ch.size() < length) {
				throw new IOException(file + " is shorter than the manifest says");
			}
			ByteBuffer b = ByteBuffer.allocate((int) length);
			while (b.hasRemaining()) {
				if (ch.read(b) < 0) {
					throw new IOException(file + " ended early");
				}
			}
			return b.array();
		} catch (NoSuchFileException e) {
			throw new IOException(file + " is missing", e);
		}
	}

	private static String[] readDict(Path file, int count) throws IOException {
		String[] values = new String[count];
		if (count == 0) {
			return values;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			for (int i = 0; i < count; i++) {
				byte[] bytes = new byte[in.readInt()];
				in.readFully(bytes);
				values[i] = new String(bytes, StandardCharsets.UTF_8);
			}
		} catch (NoSuchFileException e) {
			throw new IOException(file + " is missing", e);
		}
		return values;
	}

	static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	Path dir() {
		return dir;
	}
}
