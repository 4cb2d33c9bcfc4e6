package io.custops.connector.csv.internal;

/** Checks UTF-8 as the JDK's decoder does (no overlong forms, no surrogates, nothing past U+10FFFF). */
final class Utf8 {

	private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
			.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

	private Utf8() {
	}

	/** The first byte of {@code b[from, to)} that does not begin a valid character, or -1. */
	static int firstInvalid(byte[] b, int from, int to) {
		int i = from;
		while (i < to) {
			while (i + 8 <= to && ((long) LONG_LE.get(b, i) & 0x8080_8080_8080_8080L) == 0) {
				i += 8; // eight ASCII bytes
			}
			if (i == to) {
				break;
			}
			int c = b[i];
			if (c >= 0) {
				i++;
				continue;
			}
			c &= 0xFF;
			int n;
			int min2 = 0x80;
			int max2 = 0xBF;
			if (c >= 0xC2 && c <= 0xDF) {
				n = 1;
			} else if (c >= 0xE0 && c <= 0xEF) {
				n = 2;
				if (c == 0xE0) {
					min2 = 0xA0;
				} else if (c == 0xED) {
					max2 = 0x9F;
				}
			} else if (c >= 0xF0 && c <= 0xF4) {
				n = 3;
				if (c == 0xF0) {
					min2 = 0x90;
				} else if (c == 0xF4) {
					max2 = 0x8F;
				}
			} else {
				return i;
			}
			if (i + n >= to) {
				return i; // cut at the end (only at the file's end: the caller stops before)
			}
			int second = b[i + 1] & 0xFF;
			if (second < min2 || second > max2) {
				return i;
			}
			for (int k = 2; k <= n; k++) {
				if ((b[i + k] & 0xC0) != 0x80) {
					return i;
				}
			}
			i += n + 1;
		}
		return -1;
	}
}
