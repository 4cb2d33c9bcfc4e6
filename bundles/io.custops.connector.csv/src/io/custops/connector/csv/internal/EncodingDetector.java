package io.custops.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code encoding=auto}: a byte order mark names the encoding; else a file whose bytes are valid
 * UTF-8 is UTF-8; else it is GB18030 (a superset of GBK and GB2312, what Chinese shop exports are
 * written in). The check reads until it has seen {@value #AFTER_NON_ASCII} bytes past the first
 * non-ASCII one, or {@value #MAX_SCAN} bytes of ASCII: a later invalid byte is still reported by
 * the reading, with its line.
 */
final class EncodingDetector {

	static final String AUTO = "auto";
	static final Charset GB18030 = Charset.forName("GB18030");
	private static final int AFTER_NON_ASCII = 256 * 1024;
	private static final long MAX_SCAN = 64L << 20;

	/** The encoding found and why, in the words the import's note gives. */
	record Detected(Charset charset, String why) {
	}

	private EncodingDetector() {
	}

	static Detected detect(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(3);
			if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
				return new Detected(StandardCharsets.UTF_8, "its byte order mark");
			}
			if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
					|| (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
				return new Detected(StandardCharsets.UTF_16, "its byte order mark");
			}
			CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			bytes.put(head);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			long scanned = 0;
			long firstNonAscii = -1;
			boolean end = false;
			while (!end) {
				int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
				if (n > 0) {
					bytes.position(bytes.position() + n);
				}
				end = n < 0;
				bytes.flip();
				if (firstNonAscii < 0) {
					for (int i = bytes.position(); i < bytes.limit(); i++) {
						if (bytes.get(i) < 0) {
							firstNonAscii = scanned + (i - bytes.position());
							break;
						}
					}
				}
				int before = bytes.position();
				CoderResult r = utf8.decode(bytes, chars, end);
				scanned += bytes.position() - before;
				chars.clear();
				if (r.isError()) {
					return new Detected(GB18030, "it is not valid UTF-8 (byte " + (scanned + 1) + ")");
				}
				bytes.compact();
				if (firstNonAscii >= 0 ? scanned - firstNonAscii >= AFTER_NON_ASCII : scanned >= MAX_SCAN) {
					break;
				}
			}
			return new Detected(StandardCharsets.UTF_8, firstNonAscii < 0 ? "it is ASCII text" : "it is valid UTF-8");
		}
	}
}
