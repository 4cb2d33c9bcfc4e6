package io.custops.store.internal;

/**
 * Rows of a fact table parsed from a block's bytes ({@link PlainValues}), kept column by column
 * (a column's values of all slots side by side, as they are written to its file): a text value
 * as the range of its bytes in the block (start -1: none), any other value as the long the fact
 * set stores (see {@link FactLayout}).
 */
final class PlainRows {

	final int columns;
	/** Slots per column: a column's values are {@code [column * capacity, (column + 1) * capacity)}. */
	final int capacity;
	final long[] nums;
	final int[] starts;
	final int[] ends;
	/** Room for the trimmed range of the field being parsed (one thread parses into these rows at a time). */
	final int[] range = new int[2];

	PlainRows(int columns, int capacity) {
		this.columns = columns;
		this.capacity = capacity;
		nums = new long[columns * capacity];
		starts = new int[columns * capacity];
		ends = new int[columns * capacity];
	}

	/** Where a column's values begin in {@link #nums}, {@link #starts} and {@link #ends}. */
	int base(int column) {
		return column * capacity;
	}

	/** Empties slots {@code [0, rows)}: no text, no number (the stores' marker for none). */
	void clear(int rows, long[] none) {
		for (int c = 0; c < columns; c++) {
			java.util.Arrays.fill(starts, c * capacity, c * capacity + rows, -1);
			java.util.Arrays.fill(nums, c * capacity, c * capacity + rows, none[c]);
		}
	}

	void text(int at, int column, int start, int end) {
		starts[column * capacity + at] = start;
		ends[column * capacity + at] = end;
	}

	void num(int at, int column, long value) {
		nums[column * capacity + at] = value;
	}

	int start(int at, int column) {
		return starts[column * capacity + at];
	}

	int end(int at, int column) {
		return ends[column * capacity + at];
	}

	long num(int at, int column) {
		return nums[column * capacity + at];
	}
}
