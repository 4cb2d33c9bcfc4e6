package io.custops.store.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends big-endian values to a file from a valid length on (what lies beyond it is cut off
 * first), through a buffer: the writes of a column without a stream's locking and boxing.
 */
final class ColumnOut implements Closeable {

	private final Path file;
	private final FileChannel channel;
	/** Direct: a channel writes a heap buffer by copying it into a direct one first. */
	private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
	/**
	 * The buffer seen as big-endian longs and ints (each over all of it), and room to gather a
	 * run's values in: a bulk put swaps the bytes of a whole array where a put per value checks
	 * the buffer's bounds and state each time.
	 */
	private final java.nio.LongBuffer longs = buffer.duplicate().asLongBuffer();
	private final java.nio.IntBuffer ints = buffer.duplicate().asIntBuffer();
	private long[] gatheredLongs;
	private int[] gatheredInts;

	ColumnOut(Path file, long validLength) throws IOException {
		this.file = file;
		channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		if (channel.size() < validLength) {
			channel.close();
			throw new IOException(file + " is shorter than the manifest says (" + validLength + " bytes)");
		}
		channel.truncate(validLength);
		channel.position(validLength);
	}

	void putByte(byte v) throws IOException {
		if (buffer.remaining() < 1) {
			drain();
		}
		buffer.put(v);
	}

	void putInt(int v) throws IOException {
		if (buffer.remaining() < 4) {
			drain();
		}
		buffer.putInt(v);
	}

	void putLong(long v) throws IOException {
		if (buffer.remaining() < 8) {
			drain();
		}
		buffer.putLong(v);
	}

	void put(byte[] bytes, int offset, int length) throws IOException {
		if (buffer.remaining() < length) {
			drain();
			if (length > buffer.capacity()) {
				write(ByteBuffer.wrap(bytes, offset, length));
				return;
			}
		}
		buffer.put(bytes, offset, length);
	}

	/**
	 * Values {@code src[base + slots[k]]} for k in {@code [0, n)}, as ints ({@code wide} false)
	 * or longs: a column of a run of rows in one pass.
	 */
	void put(long[] src, int base, int[] slots, int n, boolean wide) throws IOException {
		for (int k = 0; k < n;) {
			int to = Math.min(n, k + room(wide));
			int p = buffer.position();
			int m = to - k;
			if (wide) {
				long[] gathered = gatheredLongs();
				for (int j = 0; j < m; j++) {
					gathered[j] = src[base + slots[k + j]];
				}
				putLongs(p, gathered, m);
			} else {
				int[] gathered = gatheredInts();
				for (int j = 0; j < m; j++) {
					gathered[j] = (int) src[base + slots[k + j]];
				}
				putInts(p, gathered, m);
			}
			k = to;
		}
	}

	/** One value {@code n} times, as an int ({@code wide} false) or a long. */
	void fill(long v, int n, boolean wide) throws IOException {
		for (int k = 0; k < n;) {
			int to = Math.min(n, k + room(wide));
			int p = buffer.position();
			int m = to - k;
			if (wide) {
				long[] gathered = gatheredLongs();
				java.util.Arrays.fill(gathered, 0, m, v);
				putLongs(p, gathered, m);
			} else {
				int[] gathered = gatheredInts();
				java.util.Arrays.fill(gathered, 0, m, (int) v);
				putInts(p, gathered, m);
			}
			k = to;
		}
	}

	private long[] gatheredLongs() {
		if (gatheredLongs == null) {
			gatheredLongs = new long[buffer.capacity() / 8];
		}
		return gatheredLongs;
	}

	private int[] gatheredInts() {
		if (gatheredInts == null) {
			gatheredInts = new int[buffer.capacity() / 4];
		}
		return gatheredInts;
	}

	/** {@code m} longs at byte {@code p} of the buffer (which has room for them), and past them. */
	private void putLongs(int p, long[] values, int m) {
		if ((p & 7) == 0) {
			longs.put(p >> 3, values, 0, m);
		} else { // after values of another width: never in a column's file
			for (int j = 0; j < m; j++) {
				buffer.putLong(p + 8 * j, values[j]);
			}
		}
		buffer.position(p + 8 * m);
	}

	private void putInts(int p, int[] values, int m) {
		if ((p & 3) == 0) {
			ints.put(p >> 2, values, 0, m);
		} else {
			for (int j = 0; j < m; j++) {
				buffer.putInt(p + 4 * j, values[j]);
			}
		}
		buffer.position(p + 4 * m);
	}

	/** How many longs ({@code wide}) or ints the buffer has room for, drained first when it has none. */
	private int room(boolean wide) throws IOException {
		int width = wide ? 8 : 4;
		if (buffer.remaining() < width) {
			drain();
		}
		return buffer.remaining() / width;
	}

	private void drain() throws IOException {
		buffer.flip();
		write(buffer);
		buffer.clear();
	}

	private void write(ByteBuffer b) throws IOException {
		while (b.hasRemaining()) {
			channel.write(b);
		}
	}

	void flush() throws IOException {
		if (buffer.position() > 0) {
			drain();
		}
	}

	/** Writes everything through to the disk. */
	void force() throws IOException {
		flush();
		channel.force(false);
	}

	/** Writes what the channel holds so far through to the disk (not the buffer: another thread may). */
	void forceWritten() throws IOException {
		channel.force(false);
	}

	Path file() {
		return file;
	}

	@Override
	public void close() throws IOException {
		try {
			flush();
		} finally {
			channel.close();
		}
	}
}
