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
