package io.custops.connector.csv.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through to the CSV parser and keeps those not yet claimed, so that the
 * source text of each record (the "raw line" of the rejects file) can be cut out exactly,
 * quotes, embedded line breaks and all.
 */
final class RecordingReader extends Reader {

	private final Reader in;
	private final StringBuilder kept = new StringBuilder();
	/** Absolute position of {@code kept}'s first character. */
	private long base;
	private long position;

	RecordingReader(Reader in) {
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n = in.read(buffer, offset, length);
		if (n > 0) {
			kept.append(buffer, offset, n);
			position += n;
		}
		return n;
	}

	/** Characters read so far. */
	long position() {
		return position;
	}

	/** The text between two absolute positions (both at or after the last {@link #release}). */
	String text(long from, long to) {
		return kept.substring((int) (from - base), (int) (to - base));
	}

	/** Forgets the text before an absolute position. */
	void release(long upTo) {
		kept.delete(0, (int) (upTo - base));
		base = upTo;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
