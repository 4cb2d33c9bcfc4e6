package io.custops.store.internal;

import java.util.Arrays;

/**
 * The keys a first import into an empty fact set has written, as a filter: a row whose key the
 * filter has surely not seen is new, and is appended without a look-up; a row whose key it may
 * have seen (a repeat, or now and then a false alarm) is appended too and noted as a suspect, to
 * be settled once the whole file is in ({@link FactWriter}). A table of ten million keys and
 * their rows costs a random access into 256 MB per row; this filter one into 16 bits per row.
 */
final class FreshKeys {

	private final long[] words;
	private final int shift;

	/** Suspects: their row in the set, key, source line and raw text, in the order written. */
	private long[] rows = new long[256];
	private long[] keys = new long[256];
	private long[] lines = new long[256];
	private String[] raws = new String[256];
	private int count;

	FreshKeys(long expectedRows) {
		int bits = 1 << 16;
		while (bits < (1 << 30) && bits < expectedRows * 16) {
			bits <<= 1;
		}
		words = new long[bits >>> 6];
		shift = 64 - Integer.numberOfTrailingZeros(words.length);
	}

	/** Adds a key; true when the filter may have held it before (two bits of one word, both set). */
	boolean add(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		int word = (int) (h >>> shift);
		long mask = 1L << h | 1L << (h >>> 6);
		long w = words[word];
		words[word] = w | mask;
		return (w & mask) == mask;
	}

	/** Reads the word of a key, for a block of keys before they are added (see {@link StringDict#touch}). */
	long touch(long key) {
		return words[(int) (key * 0x9E3779B97F4A7C15L >>> shift)];
	}

	/** Whether the filter may hold a key ({@link #add} without adding). */
	boolean mayHold(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		long mask = 1L << h | 1L << (h >>> 6);
		return (words[(int) (h >>> shift)] & mask) == mask;
	}

	/** Notes a row whose key {@link #add} may have seen before. */
	void suspect(long row, long key, long line, String raw) {
		if (count == rows.length) {
			int n = count * 2;
			rows = Arrays.copyOf(rows, n);
			keys = Arrays.copyOf(keys, n);
			lines = Arrays.copyOf(lines, n);
			raws = Arrays.copyOf(raws, n);
		}
		rows[count] = row;
		keys[count] = key;
		lines[count] = line;
		raws[count] = raw;
		count++;
	}

	int count() {
		return count;
	}

	long row(int i) {
		return rows[i];
	}

	long key(int i) {
		return keys[i];
	}

	long line(int i) {
		return lines[i];
	}

	String raw(int i) {
		return raws[i];
	}
}
