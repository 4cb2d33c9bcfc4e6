package io.custops.store.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The columnar copy of the big facts beside the database, in {@code DIR/columns}: per set
 * (orders, events, customers) one file of fixed-width values per column, text columns as
 * codes into an append-only dictionary file. A manifest says, per set, which directory holds
 * it, how many rows and dictionary entries are valid, and which database generation it
 * reflects; bytes beyond the valid lengths (left by a crash) are ignored and cut off.
 *
 * <p>The copy is derived data: when its generation differs from the database's it is rebuilt
 * from the database, so nothing here has to survive a crash.
 */
final class ColumnStore {

	enum Type {
		I8(1), I32(4), I64(8), DICT(4);

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

	static final List<Column> ORDER_COLUMNS = List.of(new Column("customer", Type.DICT), new Column("time", Type.I64),
			new Column("amount", Type.I64), new Column("status", Type.I8), new Column("quantity", Type.I32),
			new Column("usage", Type.I32), new Column("channel", Type.DICT));
	static final List<Column> EVENT_COLUMNS = List.of(new Column("customer", Type.DICT), new Column("time", Type.I64),
			new Column("type", Type.DICT), new Column("session", Type.DICT), new Column("channel", Type.DICT));

	private static final String MANIFEST = "manifest.properties";

	private final Path dir;
	private final Properties manifest = new Properties();

	ColumnStore(Path dir) throws IOException {
		this.dir = dir;
		Files.createDirectories(dir);
		Path file = dir.resolve(MANIFEST);
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				manifest.load(in);
				for (String key : manifest.stringPropertyNames()) {
					if (!key.endsWith(".dir") && !key.contains(".attribute.")) {
						Long.parseLong(manifest.getProperty(key));
					}
				}
			} catch (IOException | IllegalArgumentException e) {
				manifest.clear(); // unreadable: every set counts as out of date and is rebuilt
			}
		}
	}

	/** The database generation a set reflects, or -1 when it has none. */
	synchronized long generation(String set) {
		return Long.parseLong(manifest.getProperty(set + ".generation", "-1"));
	}

	synchronized long rows(String set) {
		return Long.parseLong(manifest.getProperty(set + ".rows", "0"));
	}

	/** Min and max of the set's {@code time} column, or null when it has no rows. */
	synchronized long[] timeRange(String set) {
		String min = manifest.getProperty(set + ".minTime");
		String max = manifest.getProperty(set + ".maxTime");
		return min == null || max == null ? null : new long[] { Long.parseLong(min), Long.parseLong(max) };
	}

	synchronized List<Column> columns(String set) {
		return switch (set) {
		case ORDERS -> ORDER_COLUMNS;
		case EVENTS -> EVENT_COLUMNS;
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
		int n = Integer.parseInt(manifest.getProperty(CUSTOMERS + ".attributes", "0"));
		List<String> names = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			names.add(manifest.getProperty(CUSTOMERS + ".attribute." + i));
		}
		return names;
	}

	/** Where a set's files are now, or null. */
	private Path setDir(String set) {
		String name = manifest.getProperty(set + ".dir");
		return name == null ? null : dir.resolve(name);
	}

	/** The set's valid lengths and dictionaries, for appending rows to it. */
	synchronized State state(String set) throws IOException {
		State state = new State(columns(set));
		if (generation(set) < 0) {
			return state;
		}
		state.rows = rows(set);
		Path setDir = setDir(set);
		for (Column c : state.columns) {
			if (c.type() == Type.DICT) {
				Dict d = state.dicts.get(c.name());
				d.count = Integer.parseInt(manifest.getProperty(set + ".dict." + c.name() + ".count", "0"));
				d.bytes = Long.parseLong(manifest.getProperty(set + ".dict." + c.name() + ".bytes", "0"));
				String[] values = readDict(setDir.resolve(c.name() + ".dict"), d.count);
				for (int i = 0; i < values.length; i++) {
					d.codes.put(values[i], i);
				}
			}
		}
		return state;
	}

	/** Valid lengths of a set and the codes of its dictionaries. */
	static final class State {
		final List<Column> columns;
		final Map<String, Dict> dicts = new LinkedHashMap<>();
		long rows;
		long minTime = Long.MAX_VALUE;
		long maxTime = Long.MIN_VALUE;

		State(List<Column> columns) {
			this.columns = columns;
			for (Column c : columns) {
				if (c.type() == Type.DICT) {
					dicts.put(c.name(), new Dict());
				}
			}
		}
	}

	static final class Dict {
		int count;
		long bytes;
		final Map<String, Integer> codes = new HashMap<>();
	}

	/**
	 * Writes rows into a directory, appending to what is there: the set's own directory when
	 * rebuilding, a pending directory during an import (later appended to the set).
	 */
	static final class Writer implements Closeable {
		private final State state;
		private final DataOutputStream[] values;
		private final DataOutputStream[] dicts;
		private final int timeColumn;

		Writer(Path target, State state) throws IOException {
			this.state = state;
			Files.createDirectories(target);
			List<Column> columns = state.columns;
			values = new DataOutputStream[columns.size()];
			dicts = new DataOutputStream[columns.size()];
			int time = -1;
			for (int i = 0; i < columns.size(); i++) {
				Column c = columns.get(i);
				values[i] = open(target.resolve(c.name() + ".col"));
				if (c.type() == Type.DICT) {
					dicts[i] = open(target.resolve(c.name() + ".dict"));
				}
				if (c.name().equals("time")) {
					time = i;
				}
			}
			timeColumn = time;
		}

		private static DataOutputStream open(Path file) throws IOException {
			OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
			return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
		}

		State state() {
			return state;
		}

		/** One row: String (or null) for text columns, Number for the others. */
		void row(Object... row) throws IOException {
			List<Column> columns = state.columns;
			for (int i = 0; i < row.length; i++) {
				Column c = columns.get(i);
				switch (c.type()) {
				case I8 -> values[i].writeByte(((Number) row[i]).byteValue());
				case I32 -> values[i].writeInt(((Number) row[i]).intValue());
				case I64 -> values[i].writeLong(((Number) row[i]).longValue());
				case DICT -> values[i].writeInt(code(i, c.name(), (String) row[i]));
				}
			}
			if (timeColumn >= 0) {
				long t = ((Number) row[timeColumn]).longValue();
				state.minTime = Math.min(state.minTime, t);
				state.maxTime = Math.max(state.maxTime, t);
			}
			state.rows++;
		}

		private int code(int column, String name, String value) throws IOException {
			if (value == null || value.isEmpty()) {
				return -1;
			}
			Dict d = state.dicts.get(name);
			Integer code = d.codes.get(value);
			if (code == null) {
				code = d.count++;
				d.codes.put(value, code);
				byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
				dicts[column].writeInt(bytes.length);
				dicts[column].write(bytes);
				d.bytes += 4 + bytes.length;
			}
			return code;
		}

		@Override
		public void close() throws IOException {
			IOException failure = null;
			for (DataOutputStream[] streams : List.of(values, dicts)) {
				for (DataOutputStream s : streams) {
					if (s != null) {
						try {
							s.close();
						} catch (IOException e) {
							failure = failure == null ? e : failure;
						}
					}
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
	}

	/** A fresh state and directory for rebuilding a set; commit with {@link #commitRebuild}. */
	synchronized Path newSetDir(String set) throws IOException {
		int n = Integer.parseInt(manifest.getProperty(set + ".next", "1"));
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
		record(set, state, generation);
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

	/** The valid lengths of a set before an import appends to it. */
	record Snapshot(long rows, Map<String, Long> dictBytes) {
		static Snapshot of(State state) {
			Map<String, Long> bytes = new HashMap<>();
			state.dicts.forEach((name, d) -> bytes.put(name, d.bytes));
			return new Snapshot(state.rows, bytes);
		}
	}

	/**
	 * Appends the rows an import wrote to {@code pending} to the set. {@code after} is the
	 * pending writer's state: the valid lengths once appended.
	 */
	synchronized void commitAppend(String set, Path pending, Snapshot before, State after, long generation)
			throws IOException {
		Path setDir = setDir(set);
		if (setDir == null) {
			setDir = newSetDir(set);
			manifest.setProperty(set + ".dir", setDir.getFileName().toString());
		}
		for (Column c : after.columns) {
			append(setDir.resolve(c.name() + ".col"), before.rows() * c.type().width, pending.resolve(c.name() + ".col"));
			if (c.type() == Type.DICT) {
				append(setDir.resolve(c.name() + ".dict"), before.dictBytes().get(c.name()),
						pending.resolve(c.name() + ".dict"));
			}
		}
		if (before.rows() > 0) {
			long[] range = timeRange(set);
			if (range != null) {
				after.minTime = Math.min(after.minTime, range[0]);
				after.maxTime = Math.max(after.maxTime, range[1]);
			}
		}
		record(set, after, generation);
	}

	private static void append(Path file, long validLength, Path tail) throws IOException {
		try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			if (out.size() < validLength) {
				throw new IOException(file + " is shorter than the manifest says");
			}
			out.truncate(validLength);
			out.position(validLength);
			if (Files.exists(tail)) {
				try (FileChannel in = FileChannel.open(tail, StandardOpenOption.READ)) {
					long size = in.size();
					long done = 0;
					while (done < size) {
						done += in.transferTo(done, size - done, out);
					}
				}
			}
			out.force(false);
		}
	}

	private void record(String set, State state, long generation) throws IOException {
		manifest.setProperty(set + ".rows", Long.toString(state.rows));
		manifest.setProperty(set + ".generation", Long.toString(generation));
		for (Map.Entry<String, Dict> e : state.dicts.entrySet()) {
			manifest.setProperty(set + ".dict." + e.getKey() + ".count", Integer.toString(e.getValue().count));
			manifest.setProperty(set + ".dict." + e.getKey() + ".bytes", Long.toString(e.getValue().bytes));
		}
		if (state.rows > 0 && state.minTime <= state.maxTime) {
			manifest.setProperty(set + ".minTime", Long.toString(state.minTime));
			manifest.setProperty(set + ".maxTime", Long.toString(state.maxTime));
		} else {
			manifest.remove(set + ".minTime");
			manifest.remove(set + ".maxTime");
		}
		saveManifest();
	}

	/** Marks a set out of date (its files stay until the rebuild replaces them). */
	synchronized void invalidate(String set) throws IOException {
		if (manifest.containsKey(set + ".generation")) {
			manifest.setProperty(set + ".generation", "-1");
			saveManifest();
		}
	}

	private void saveManifest() throws IOException {
		Path tmp = dir.resolve(MANIFEST + ".tmp");
		try (OutputStream out = Files.newOutputStream(tmp)) {
			manifest.store(out, "CustOps columnar copy; derived from the database, rebuilt when out of date");
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
	}

	synchronized Data read(String set) throws IOException {
		Data data = new Data();
		data.rows = rows(set);
		Path setDir = setDir(set);
		int n = Math.toIntExact(data.rows);
		for (Column c : columns(set)) {
			Path file = setDir == null ? null : setDir.resolve(c.name() + ".col");
			switch (c.type()) {
			case I8 -> {
				byte[] a = new byte[n];
				map(file, n).get(a);
				data.values.put(c.name(), a);
			}
			case I32, DICT -> {
				int[] a = new int[n];
				map(file, 4L * n).asIntBuffer().get(a);
				data.values.put(c.name(), a);
			}
			case I64 -> {
				long[] a = new long[n];
				map(file, 8L * n).asLongBuffer().get(a);
				data.values.put(c.name(), a);
			}
			}
			if (c.type() == Type.DICT) {
				int count = Integer.parseInt(manifest.getProperty(set + ".dict." + c.name() + ".count", "0"));
				data.dicts.put(c.name(), setDir == null ? new String[0] : readDict(setDir.resolve(c.name() + ".dict"), count));
			}
		}
		return data;
	}

	private static ByteBuffer map(Path file, long length) throws IOException {
		if (length == 0) {
			return ByteBuffer.allocate(0);
		}
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			if (ch.size() < length) {
				throw new IOException(file + " is shorter than the manifest says");
			}
			MappedByteBuffer buffer = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
			return buffer;
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
