package io.custops.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of a source, a block at a time, each field a range of UTF-8 bytes in one buffer that
 * also holds each row as it stood in the source. A connector that delimits its source itself
 * fills blocks and hands them to a {@link BlockSink}, so that the workspace parses values
 * from bytes instead of receiving a map and a string per field; a million rows then cost a few
 * hundred blocks instead of tens of millions of objects.
 *
 * <p>Filling a row: {@link #addRow} copies the row's source bytes into the block and returns
 * where they begin; {@link #field} then names the range of each field (inside the copied row,
 * or inside bytes added with {@link #addBytes}, e.g. a quoted value without its quotes);
 * fields never named are absent. A row the connector cannot map is added and then
 * {@link #reject rejected}. Values are given as they stand: the workspace trims and checks
 * them exactly as it does the values of {@link RecordSink#accept}.
 */
public final class RowBlock {

	private final List<String> fields;
	private final int width;
	private final int capacity;
	private int rows;
	private long[] lines;
	private int[] rawStart;
	private int[] rawEnd;
	/** Per row and field: start and end offsets in {@link #bytes}; start -1 = absent. */
	private int[] ranges;
	private String[][] rejections;
	private boolean anyRejected;
	private byte[] bytes;
	private int used;

	/**
	 * @param fields   the canonical field names (or attribute names) of the block's columns
	 * @param capacity how many rows the block holds before it is {@link #isFull full}
	 */
	public RowBlock(List<String> fields, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity " + capacity);
		}
		this.fields = List.copyOf(fields);
		this.width = this.fields.size();
		this.capacity = capacity;
		this.lines = new long[capacity];
		this.rawStart = new int[capacity];
		this.rawEnd = new int[capacity];
		this.ranges = new int[capacity * width * 2];
		Arrays.fill(ranges, -1);
		this.rejections = new String[capacity][];
		this.bytes = new byte[Math.max(1 << 12, capacity * 64)];
	}

	/** The names of the block's columns, in the order {@link #field} numbers them. */
	public List<String> fields() {
		return fields;
	}

	public int width() {
		return width;
	}

	public int rows() {
		return rows;
	}

	/** How many rows the block holds when full. */
	public int capacity() {
		return capacity;
	}

	public boolean isFull() {
		return rows == capacity;
	}

	/** Empties the block for the next rows (the same fields). */
	public void clear() {
		Arrays.fill(ranges, 0, rows * width * 2, -1);
		// a loop of its own, not Arrays.fill: the JDK's fill of Object[] is compiled for the element
		// types other callers give it, and a String[][] met later threw the caller's code away
		if (anyRejected) {
			for (int i = 0; i < rows; i++) {
				rejections[i] = null;
			}
			anyRejected = false;
		}
		rows = 0;
		used = 0;
	}

	// ---------------------------------------------------------------- filling

	/**
	 * Adds a row: its source line (1-based, as in {@link RecordSink}) and its bytes as they stood
	 * in the source (UTF-8, without the line break), copied into the block.
	 *
	 * @return the offset in {@link #bytes()} where the row's bytes begin
	 * @throws IllegalStateException when the block is full
	 */
	public int addRow(long line, byte[] source, int offset, int length) {
		if (rows == capacity) {
			throw new IllegalStateException("the block is full (" + capacity + " rows)");
		}
		int at = addBytes(source, offset, length);
		lines[rows] = line;
		rawStart[rows] = at;
		rawEnd[rows] = at + length;
		rows++;
		return at;
	}

	/**
	 * Adds bytes a field of the last row may point at (a value the connector had to rewrite).
	 *
	 * @return their offset in {@link #bytes()}
	 */
	public int addBytes(byte[] source, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, source.length);
		if (used + length > bytes.length) {
			long size = Math.max((long) bytes.length * 2, (long) used + length);
			if (size > Integer.MAX_VALUE - 16) {
				throw new IllegalStateException("a block of more than 2 GB");
			}
			bytes = Arrays.copyOf(bytes, (int) size);
		}
		System.arraycopy(source, offset, bytes, used, length);
		int at = used;
		used += length;
		return at;
	}

	/** Names the bytes {@code [start, end)} of {@link #bytes()} as field {@code field} of the last row. */
	public void field(int field, int start, int end) {
		Objects.checkIndex(field, width);
		if (start < 0 || end < start || end > used) {
			throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + used + " bytes");
		}
		int at = ((rows - 1) * width + field) * 2;
		ranges[at] = start;
		ranges[at + 1] = end;
	}

	/** Rejects the last row: it is kept in the rejects file with the field and the reason. */
	public void reject(String field, String reason) {
		anyRejected = true;
		rejections[rows - 1] = new String[] { Objects.requireNonNull(field, "field"), Objects.requireNonNull(reason, "reason") };
	}

	// ---------------------------------------------------------------- reading

	/** The buffer the offsets point into; valid until the block is filled again. */
	public byte[] bytes() {
		return bytes;
	}

	public long line(int row) {
		return lines[Objects.checkIndex(row, rows)];
	}

	/** The row as it stood in the source. */
	public String raw(int row) {
		Objects.checkIndex(row, rows);
		return new String(bytes, rawStart[row], rawEnd[row] - rawStart[row], StandardCharsets.UTF_8);
	}

	/** Whether the connector rejected the row; then {@link #rejectedField} and {@link #rejection} say why. */
	public boolean isRejected(int row) {
		return rejections[Objects.checkIndex(row, rows)] != null;
	}

	public String rejectedField(int row) {
		String[] r = rejections[Objects.checkIndex(row, rows)];
		return r == null ? null : r[0];
	}

	public String rejection(int row) {
		String[] r = rejections[Objects.checkIndex(row, rows)];
		return r == null ? null : r[1];
	}

	/** Where a field of a row begins in {@link #bytes()}, or -1 when the row does not have it. */
	public int start(int row, int field) {
		return ranges[index(row, field)];
	}

	/** Where a field of a row ends in {@link #bytes()} (exclusive), or -1 when the row does not have it. */
	public int end(int row, int field) {
		return ranges[index(row, field) + 1];
	}

	/** A field's value as text, or null when the row does not have it. */
	public String text(int row, int field) {
		int at = index(row, field);
		int start = ranges[at];
		return start < 0 ? null : new String(bytes, start, ranges[at + 1] - start, StandardCharsets.UTF_8);
	}

	/** The row as {@link RecordSink#accept} takes it: the fields it has, by name. */
	public Map<String, String> map(int row) {
		Map<String, String> map = new HashMap<>();
		for (int f = 0; f < width; f++) {
			String value = text(row, f);
			if (value != null) {
				map.put(fields.get(f), value);
			}
		}
		return map;
	}

	/**
	 * Hands every row to a sink one by one, as {@link RecordSink#accept} and
	 * {@link RecordSink#reject} take them: what a sink that parses no bytes does with a block.
	 */
	public void replay(RecordSink sink) {
		for (int row = 0; row < rows; row++) {
			if (rejections[row] != null) {
				sink.reject(lines[row], rejections[row][0], rejections[row][1], raw(row));
			} else {
				sink.accept(lines[row], map(row), raw(row));
			}
		}
	}

	private int index(int row, int field) {
		Objects.checkIndex(row, rows);
		Objects.checkIndex(field, width);
		return (row * width + field) * 2;
	}
}
