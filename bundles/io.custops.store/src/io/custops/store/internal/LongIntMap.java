package io.custops.store.internal;

/**
 * A map from long keys to non-negative ints (open addressing, linear probing), each entry a
 * key and its value side by side so that a lookup touches one cache line; -1 means absent.
 * Sized for the expected entries up front: growing a table of ten million means moving them all.
 */
final class LongIntMap {

	/** Pairs: key, value + 1 (0 marks an empty slot). */
	private long[] slots;
	private int size;

	LongIntMap(long expected) {
		long capacity = 1 << 10;
		while (capacity * 3 < expected * 4) {
			capacity <<= 1;
		}
		slots = new long[Math.toIntExact(capacity * 2)];
	}

	/** Reads the slot a key is looked for first (see {@link StringDict#touch}). */
	long touch(long key) {
		long[] table = slots;
		return table[2 * (mix(key) & (table.length / 2 - 1))];
	}

	int get(long key) {
		int mask = slots.length / 2 - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			long v = slots[2 * i + 1];
			if (v == 0) {
				return -1;
			}
			if (slots[2 * i] == key) {
				return (int) (v - 1);
			}
		}
	}

	void put(long key, int value) {
		if (value < 0) {
			throw new IllegalArgumentException("negative value " + value);
		}
		if ((size + 1) * 4L > (slots.length / 2) * 3L) {
			grow();
		}
		if (insert(slots, key, value)) {
			size++;
		}
	}

	private static boolean insert(long[] slots, long key, int value) {
		int mask = slots.length / 2 - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			if (slots[2 * i + 1] == 0) {
				slots[2 * i] = key;
				slots[2 * i + 1] = value + 1L;
				return true;
			}
			if (slots[2 * i] == key) {
				slots[2 * i + 1] = value + 1L;
				return false;
			}
		}
	}

	private void grow() {
		long[] bigger = new long[slots.length * 2];
		for (int i = 0; i < slots.length; i += 2) {
			if (slots[i + 1] != 0) {
				insert(bigger, slots[i], (int) (slots[i + 1] - 1));
			}
		}
		slots = bigger;
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}
}
