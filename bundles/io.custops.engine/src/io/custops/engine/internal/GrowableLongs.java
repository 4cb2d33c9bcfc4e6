package io.custops.engine.internal;

import java.util.Arrays;

/** A growing {@code long[]} with a parallel {@code int[]} (a value and the customer it belongs to). */
final class GrowableLongs {

	long[] values = new long[64];
	int[] owners = new int[64];
	int size;

	void add(long value, int owner) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
			owners = Arrays.copyOf(owners, size * 2);
		}
		values[size] = value;
		owners[size] = owner;
		size++;
	}
}
