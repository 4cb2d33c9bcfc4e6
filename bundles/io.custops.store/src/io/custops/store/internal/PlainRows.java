package io.custops.store.internal;

import java.util.Arrays;

/**
 * Rows of a fact table parsed from a block's bytes ({@link PlainValues}), column by column of the
 * table: a text value as the range of its bytes in the block (start -1: none), any other value
 * as the long the fact set stores (see {@link FactLayout}).
 */
final class PlainRows {

	final int columns;
	long[] nums;
	int[] starts;
	int[] ends;

	PlainRows(int columns, int capacity) {
		this.columns = columns;
		nums = new long[columns * capacity];
		starts = new int[columns * capacity];
		ends = new int[columns * capacity];
	}

	/** Room for {@code rows} rows; a slot is cleared by {@link #clear} before it is filled. */
	void ensure(int rows) {
		if (nums.length < rows * columns) {
			nums = Arrays.copyOf(nums, rows * columns);
			starts = Arrays.copyOf(starts, rows * columns);
			ends = Arrays.copyOf(ends, rows * columns);
		}
	}

	/** Empties slot {@code at}: no text, no number (the stores' marker for none). */
	void clear(int at, long[] none) {
		int base = at * columns;
		Arrays.fill(starts, base, base + columns, -1);
		System.arraycopy(none, 0, nums, base, columns);
	}

	void text(int at, int column, int start, int end) {
		starts[at * columns + column] = start;
		ends[at * columns + column] = end;
	}

	void num(int at, int column, long value) {
		nums[at * columns + column] = value;
	}

	int start(int at, int column) {
		return starts[at * columns + column];
	}

	int end(int at, int column) {
		return ends[at * columns + column];
	}

	long num(int at, int column) {
		return nums[at * columns + column];
	}
}
