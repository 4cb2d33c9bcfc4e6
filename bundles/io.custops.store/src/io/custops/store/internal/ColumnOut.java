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
			if (wide) {
				for (; k < to; k++, p += 8) {
					buffer.putLong(p, src[base + slots[k]]);
				}
			} else {
				for (; k < to; k++, p += 4) {
					buffer.putInt(p, (int) src[base + slots[k]]);
				}
			}
			buffer.position(p);
		}
	}

	/** One value {@code n} times, as an int ({@code wide} false) or a long. */
	void fill(long v, int n, boolean wide) throws IOException {
		for (int k = 0; k < n;) {
			int to = Math.min(n, k + room(wide));
			int p = buffer.position();
			if (wide) {
				for (; k < to; k++, p += 8) {
					buffer.putLong(p, v);
				}
			} else {
				for (; k < to; k++, p += 4) {
					buffer.putInt(p, (int) v);
				}
			}
			buffer.position(p);
		}
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
