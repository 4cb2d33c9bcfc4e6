package io.custops.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes strictly: bytes that are not valid in the charset raise a
 * {@link java.nio.charset.MalformedInputException} — but only after every character before
 * them has been handed out, so the error's line is known exactly (an
 * {@link java.io.InputStreamReader} drops the characters decoded in the failing read).
 */
final class DecodingReader extends Reader {

	private final InputStream in;
	private final CharsetDecoder decoder;
	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
	private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
	private boolean endOfInput;
	private boolean flushed;
	private CoderResult error;

	DecodingReader(InputStream in, Charset charset) {
		this.in = in;
		this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!chars.hasRemaining()) {
			if (error != null) {
				error.throwException();
			}
			if (flushed) {
				return -1;
			}
			fill();
		}
		int n = Math.min(length, chars.remaining());
		chars.get(buffer, offset, n);
		return n;
	}

	private void fill() throws IOException {
		chars.clear();
		if (!endOfInput) {
			bytes.compact();
			int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
			if (n < 0) {
				endOfInput = true;
			} else {
				bytes.position(bytes.position() + n);
			}
			bytes.flip();
		}
		CoderResult result = decoder.decode(bytes, chars, endOfInput);
		if (result.isError()) {
			error = result;
		} else if (endOfInput && result.isUnderflow()) {
			decoder.flush(chars);
			flushed = true;
		}
		chars.flip();
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
