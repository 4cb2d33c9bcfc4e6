package io.custops.store.internal;

import java.util.Arrays;

/** A map from long keys to non-negative ints (open addressing, linear probing); -1 means absent. */
final class LongIntMap {

	private long[] keys;
	private int[] values;
	private int size;

	LongIntMap(int expected) {
		int capacity = 1 << 10;
		while (capacity * 3L < expected * 4L) {
			capacity <<= 1;
		}
		keys = new long[capacity];
		values = new int[capacity];
		Arrays.fill(values, -1);
	}

	int get(long key) {
		int mask = keys.length - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			if (values[i] < 0) {
				return -1;
			}
			if (keys[i] == key) {
				return values[i];
			}
		}
	}

	void put(long key, int value) {
		if (value < 0) {
			throw new IllegalArgumentException("negative value " + value);
		}
		if ((size + 1) * 4L > keys.length * 3L) {
			grow();
		}
		if (insert(keys, values, key, value)) {
			size++;
		}
	}

	private static boolean insert(long[] keys, int[] values, long key, int value) {
		int mask = keys.length - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			if (values[i] < 0) {
				keys[i] = key;
				values[i] = value;
				return true;
			}
			if (keys[i] == key) {
				values[i] = value;
				return false;
			}
		}
	}

	private void grow() {
		long[] k = new long[keys.length * 2];
		int[] v = new int[keys.length * 2];
		Arrays.fill(v, -1);
		for (int i = 0; i < keys.length; i++) {
			if (values[i] >= 0) {
				insert(k, v, keys[i], values[i]);
			}
		}
		keys = k;
		values = v;
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}
}
