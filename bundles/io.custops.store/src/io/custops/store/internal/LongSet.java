package io.custops.store.internal;

/** A set of longs (open addressing, linear probing); 0 is kept apart since it marks empty slots. */
final class LongSet {

	private long[] slots = new long[1 << 16];
	private int size;
	private boolean hasZero;

	boolean contains(long value) {
		if (value == 0) {
			return hasZero;
		}
		int mask = slots.length - 1;
		for (int i = mix(value) & mask;; i = (i + 1) & mask) {
			long s = slots[i];
			if (s == value) {
				return true;
			}
			if (s == 0) {
				return false;
			}
		}
	}

	void add(long value) {
		if (value == 0) {
			hasZero = true;
			return;
		}
		if (size * 3L >= slots.length * 2L) {
			grow();
		}
		if (insert(slots, value)) {
			size++;
		}
	}

	private static boolean insert(long[] table, long value) {
		int mask = table.length - 1;
		for (int i = mix(value) & mask;; i = (i + 1) & mask) {
			if (table[i] == value) {
				return false;
			}
			if (table[i] == 0) {
				table[i] = value;
				return true;
			}
		}
	}

	private void grow() {
		long[] bigger = new long[slots.length * 2];
		for (long s : slots) {
			if (s != 0) {
				insert(bigger, s);
			}
		}
		slots = bigger;
	}

	private static int mix(long v) {
		long h = v * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}
}
