package io.custops.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The dictionary of a text column: code → value and value → code, held as the bytes of its
 * file (each entry a 4-byte length and UTF-8 bytes) plus an open-addressing table of codes.
 * Ten million order ids take ~200 MB this way, where a {@code HashMap<String, Integer>} takes
 * a gigabyte.
 */
final class StringDict {

	private byte[] bytes;
	private int used;
	private int[] offsets;
	private int count;
	/**
	 * Two longs per slot. The first: 28 bits of the value's hash, 4 bits of its length (0–8, or
	 * 15 for a longer value) and its code + 1 in the low half; 0 is an empty slot. The second: a
	 * value of up to 8 bytes itself ({@link #packed}), or else its entry's offset. So a short
	 * value (most customer ids) is found with one memory access into the table instead of three
	 * (slot, offset, bytes): with a million values none of them is in a cache.
	 */
	private long[] slots;

	StringDict() {
		this(new byte[1 << 12], 0);
	}

	/** A dictionary over a file's content: {@code length} valid bytes of {@code content}. */
	private StringDict(byte[] content, int length) {
		bytes = content;
		used = length;
		offsets = new int[256];
		slots = new long[2048];
	}

	/** The dictionary of {@code count} entries at the start of {@code content}. */
	static StringDict of(byte[] content, int count) {
		StringDict d = new StringDict(content, 0);
		int pos = 0;
		d.offsets = new int[Math.max(16, count + 1)];
		d.slots = new long[2 * tableSize(count)];
		for (int code = 0; code < count; code++) {
			if (pos + 4 > content.length) {
				throw new IllegalStateException("dictionary shorter than its " + count + " entries");
			}
			int len = intAt(content, pos);
			if (len < 0 || pos + 4 + len > content.length) {
				throw new IllegalStateException("dictionary entry " + code + " is damaged");
			}
			d.offsets[code] = pos;
			d.place(code, hash(content, pos + 4, len), pos, len);
			pos += 4 + len;
		}
		d.count = count;
		d.used = pos;
		return d;
	}

	int count() {
		return count;
	}

	/** Bytes of the file this dictionary is (its valid length). */
	long byteLength() {
		return used;
	}

	/** The code of a value, or -1. */
	int find(String value) {
		byte[] b = value.getBytes(StandardCharsets.UTF_8);
		return find(b, 0, b.length, hash(b, 0, b.length));
	}

	/** The empty slot the last unsuccessful {@link #find} ended at: where the value goes. */
	private int emptySlot;

	/** The code of a value, or -1 (then {@link #add} adds it). */
	int find(byte[] b, int off, int len, int h) {
		long[] table = slots;
		int mask = (table.length >> 1) - 1;
		long tag = tag(h, len);
		long inline = len <= 8 ? packed(b, off, len) : 0;
		for (int i = home(h, mask);; i = (i + 1) & mask) {
			long s = table[2 * i];
			if (s == 0) {
				emptySlot = i;
				return -1;
			}
			if ((s & 0xFFFF_FFFF_0000_0000L) != tag) {
				continue;
			}
			long v = table[2 * i + 1];
			if (len <= 8) {
				if (v == inline) {
					return (int) s - 1;
				}
				continue;
			}
			int at = (int) v;
			if (intAt(bytes, at) == len && Arrays.equals(bytes, at + 4, at + 4 + len, b, off, off + len)) {
				return (int) s - 1;
			}
		}
	}

	/** The high half of a slot's first long: 28 bits of the hash, 4 of the length. */
	private static long tag(int h, int len) {
		return (long) (h >>> 4) << 36 | (long) Math.min(len, 15) << 32;
	}

	private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
			.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

	/** A value of up to 8 bytes as one long, its first byte lowest (its length is in the slot's tag). */
	static long packed(byte[] b, int off, int len) {
		if (len == 0) {
			return 0;
		}
		if (off + 8 <= b.length) { // one read, the bytes beyond the value masked off
			return (long) LONG_LE.get(b, off) & (-1L >>> (64 - 8 * len));
		}
		long v = 0;
		for (int i = 0; i < len; i++) {
			v |= (b[off + i] & 0xFFL) << (8 * i);
		}
		return v;
	}

	/** The two longs of a value's slot (see {@link #slots}). */
	private void fill(int slot, int h, int code, int entry, int len) {
		slots[2 * slot] = tag(h, len) | (code + 1);
		slots[2 * slot + 1] = len <= 8 ? packed(bytes, entry + 4, len) : entry;
	}

	/**
	 * The code of a value, adding it when new; the new entry's file bytes are then in
	 * {@link #lastAdded}, for the caller to append to the file.
	 */
	int code(String value) {
		byte[] b = value.getBytes(StandardCharsets.UTF_8);
		return code(b);
	}

	int code(byte[] b) {
		return code(b, 0, b.length);
	}

	/** The code of the value whose UTF-8 bytes are {@code b[off, off + len)}, adding it when new. */
	int code(byte[] b, int off, int len) {
		return code(b, off, len, hash(b, off, len));
	}

	/** {@link #code(byte[], int, int)} with the value's {@link #hash} computed before. */
	int code(byte[] b, int off, int len, int h) {
		int found = find(b, off, len, h);
		return found >= 0 ? found : add(b, off, len, h);
	}

	/**
	 * Adds a value {@link #find} has just not found, at the empty slot it ended at. Apart from
	 * the look-up, so that callers coding values already held compile without it.
	 */
	int add(byte[] b, int off, int len, int h) {
		int code = count;
		if (used + 4 + len > bytes.length) {
			long size = Math.max((long) bytes.length * 2, (long) used + 4 + len);
			if (size > Integer.MAX_VALUE - 16) {
				throw new IllegalStateException("a dictionary of more than 2 GB of text");
			}
			bytes = Arrays.copyOf(bytes, (int) size);
		}
		lastOffset = used;
		putInt(bytes, used, len);
		System.arraycopy(b, off, bytes, used + 4, len);
		used += 4 + len;
		if (code + 1 >= offsets.length) {
			offsets = Arrays.copyOf(offsets, offsets.length * 2);
		}
		offsets[code] = lastOffset;
		count++;
		if (count * 8L >= slots.length * 3L) { // three quarters full (slots hold two longs): the table doubles
			rehash();
			place(code, h, lastOffset, len);
		} else {
			fill(emptySlot, h, code, lastOffset, len);
		}
		return code;
	}

	private int lastOffset;

	/** The file bytes of the entry the last {@link #code} call added: array, offset, length. */
	byte[] buffer() {
		return bytes;
	}

	int lastOffset() {
		return lastOffset;
	}

	int lastLength() {
		return used - lastOffset;
	}

	String value(int code) {
		if (code < 0 || code >= count) {
			throw new IndexOutOfBoundsException("code " + code + " of " + count);
		}
		int off = offsets[code];
		return new String(bytes, off + 4, intAt(bytes, off), StandardCharsets.UTF_8);
	}

	/** Every value in code order. */
	String[] values() {
		String[] values = new String[count];
		for (int i = 0; i < count; i++) {
			values[i] = value(i);
		}
		return values;
	}

	private void place(int code, int h, int entry, int len) {
		fill(empty(slots, home(h, (slots.length >> 1) - 1)), h, code, entry, len);
	}

	/** The first empty slot of a table from slot {@code i} on (linear probing). */
	private static int empty(long[] table, int i) {
		int mask = (table.length >> 1) - 1;
		while (table[2 * i] != 0) {
			i = (i + 1) & mask;
		}
		return i;
	}

	/**
	 * The slot a value is looked for first: bits of its hash the slot's tag keeps too, so that a
	 * table can be doubled from its slots alone ({@link #rehash}).
	 */
	private static int home(int h, int mask) {
		return (h >>> 4) & mask;
	}

	/**
	 * Doubles the table. The slots are moved in their order, each to the home its tag gives (see
	 * {@link #home}): the writes go forward through two halves of the new table, where placing
	 * the values by code would write all over it (a million cache misses at a million values).
	 */
	private void rehash() {
		long[] old = slots;
		long[] table = new long[old.length * 2];
		int mask = (table.length >> 1) - 1;
		for (int j = 0; j < old.length; j += 2) {
			long s = old[j];
			if (s == 0) {
				continue;
			}
			int i = empty(table, (int) (s >>> 36) & mask); // the tag holds the hash's bits 4 to 31
			table[2 * i] = s;
			table[2 * i + 1] = old[j + 1];
		}
		slots = table;
	}

	private static int tableSize(int count) {
		int size = 1024;
		while (size * 3L <= count * 4L) { // at most three quarters full
			size *= 2;
		}
		return size;
	}

	/**
	 * Reads the slot a value with this hash is looked for first: called for a block of values
	 * before they are looked up, so that the processor fetches their slots together rather than
	 * one cache miss after the other.
	 */
	long touch(int h) {
		long[] table = slots;
		return table[2 * home(h, (table.length >> 1) - 1)];
	}

	/**
	 * The hash a value is looked up by. Values of up to 8 bytes (most ids, every status) are
	 * hashed from their {@link #packed} long in a few instructions; longer ones byte by byte.
	 * Only the table in memory depends on it: nothing hashed is stored.
	 */
	static int hash(byte[] b, int off, int len) {
		if (len <= 8) {
			long h = (packed(b, off, len) ^ (long) len << 59) * 0x9E3779B97F4A7C15L;
			h ^= h >>> 29;
			h *= 0xBF58476D1CE4E5B9L;
			return (int) (h ^ (h >>> 32));
		}
		int h = 0x9747b28c ^ len;
		for (int i = off; i < off + len; i++) {
			h = (h ^ b[i]) * 0x01000193;
		}
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}

	static int intAt(byte[] b, int off) {
		return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
	}

	private static void putInt(byte[] b, int off, int v) {
		b[off] = (byte) (v >>> 24);
		b[off + 1] = (byte) (v >>> 16);
		b[off + 2] = (byte) (v >>> 8);
		b[off + 3] = (byte) v;
	}
}
