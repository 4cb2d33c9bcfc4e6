package io.custops.engine.internal;

/** Counts per {@code long} key in open addressing over primitive arrays; key 0 is reserved (empty slot). */
final class LongCounts {

	private long[] keys;
	private long[] counts;
	private int size;
	private int mask;

	LongCounts(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		keys = new long[capacity];
		counts = new long[capacity];
		mask = capacity - 1;
	}

	void add(long key, long count) {
		int slot = slot(key);
		while (true) {
			long k = keys[slot];
			if (k == key) {
				counts[slot] += count;
				return;
			}
			if (k == 0) {
				keys[slot] = key;
				counts[slot] = count;
				if (++size * 2 > keys.length) {
					grow();
				}
				return;
			}
			slot = (slot + 1) & mask;
		}
	}

	int size() {
		return size;
	}

	/** The keys, in no particular order, and the count of each in {@code countsOut}. */
	long[] keys(long[][] countsOut) {
		long[] k = new long[size];
		long[] c = new long[size];
		int i = 0;
		for (int slot = 0; slot < keys.length; slot++) {
			if (keys[slot] != 0) {
				k[i] = keys[slot];
				c[i++] = counts[slot];
			}
		}
		countsOut[0] = c;
		return k;
	}

	private int slot(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32)) & mask;
	}

	private void grow() {
		long[] oldKeys = keys;
		long[] oldCounts = counts;
		keys = new long[oldKeys.length * 2];
		counts = new long[oldKeys.length * 2];
		mask = keys.length - 1;
		size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != 0) {
				add(oldKeys[i], oldCounts[i]);
			}
		}
	}
}
