package io.custops.store.internal;

/**
 * The canonical values of {@link Canonical} read straight from UTF-8 bytes, for the values
 * written in their plain form ({@code 2025-11-11 17:06:03}, {@code 117.48}, {@code paid}); each
 * reader answers {@link #NOT_PLAIN} for anything else, and the row then takes the way of text
 * through {@link Canonical}, whose checks decide and word the rejection. So a value read here is
 * always the one Canonical would give, and no reason is written twice.
 */
final class PlainValues {

	/** Not a value in plain form: parse the row as text. */
	static final long NOT_PLAIN = Long.MIN_VALUE + 1;

	private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
			.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
	private static final long ONES = 0x0101_0101_0101_0101L;
	private static final long HIGHS = 0x8080_8080_8080_8080L;

	private static final int[] MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	private static final long[] POW10 = { 1, 10, 100, 1000, 10_000 };

	private PlainValues() {
	}

	/**
	 * Where a value begins once the whitespace {@link String#strip} removes is skipped, or -1 when
	 * the value begins with a character that may be whitespace beyond ASCII (then: not plain).
	 */
	static int trimStart(byte[] b, int start, int end) {
		int i = start;
		while (i < end && asciiSpace(b[i])) {
			i++;
		}
		return i < end && b[i] < 0 && !nonSpaceLead(b, i, end) ? -1 : i;
	}

	/** Where a value ends once trailing whitespace is dropped, or -1 (see {@link #trimStart}). */
	static int trimEnd(byte[] b, int start, int end) {
		int i = end;
		while (i > start && asciiSpace(b[i - 1])) {
			i--;
		}
		if (i > start && b[i - 1] < 0) {
			int lead = i - 1;
			while (lead > start && (b[lead] & 0xC0) == 0x80) {
				lead--;
			}
			if (!nonSpaceLead(b, lead, i)) {
				return -1;
			}
		}
		return i;
	}

	/** Whitespace of {@link Character#isWhitespace} below 128. */
	private static boolean asciiSpace(byte c) {
		return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
	}

	/** Whether the UTF-8 character at {@code i} is surely not whitespace (CJK and the like). */
	private static boolean nonSpaceLead(byte[] b, int i, int end) {
		int c = b[i] & 0xFF;
		if (c >= 0xC0 && c < 0xE0 && i + 1 < end) {
			int cp = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
			return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp);
		}
		if (c >= 0xE0 && c < 0xF0 && i + 2 < end) {
			int cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
			return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp);
		}
		return false;
	}

	/**
	 * An identifier of at most {@link Canonical#MAX_ID} characters that {@link Canonical#id}
	 * keeps as it is (no decimal point, which may make it a whole number); {@code ascii} asks for
	 * ASCII only (a key hashed over its characters). Answers whether the trimmed range is one.
	 */
	static boolean plainId(byte[] b, int start, int end, boolean ascii) {
		int len = end - start;
		if (len <= 0 || len > Canonical.MAX_ID) {
			return false;
		}
		long beyondAscii = ascii ? HIGHS : 0;
		int i = start;
		for (; i + 8 <= end; i += 8) {
			if (!idWord((long) LONG_LE.get(b, i), beyondAscii)) {
				return false;
			}
		}
		if (i == end) {
			return true;
		}
		if (end - 8 >= start) { // the last eight bytes again: some are checked twice
			return idWord((long) LONG_LE.get(b, end - 8), beyondAscii);
		}
		if (start + 8 <= b.length) { // a value under eight bytes, the bytes beyond it masked to zero
			return idWord((long) LONG_LE.get(b, start) & (-1L >>> (64 - 8 * len)), beyondAscii);
		}
		for (; i < end; i++) {
			if (b[i] == '.' || (ascii && b[i] < 0)) {
				return false;
			}
		}
		return true;
	}

	/** Whether eight bytes hold no decimal point and none of the bits {@code beyondAscii}. */
	private static boolean idWord(long w, long beyondAscii) {
		long dots = w ^ (ONES * '.');
		return ((dots - ONES) & ~dots & HIGHS) == 0 && (w & beyondAscii) == 0;
	}

	/** A text of at most {@code max} characters (counted in bytes, never fewer than characters). */
	static boolean plainText(int start, int end, int max) {
		return end - start <= max;
	}

	/**
	 * A local date-time ({@code yyyy-MM-dd}, {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]]}, no
	 * offset, a year Canonical accepts) as milliseconds of the local date-time, as the fact sets
	 * keep it.
	 */
	static long time(byte[] b, int start, int end) {
		int len = end - start;
		if ((len == 19 || len == 16 || len == 10) && start + 19 <= b.length) {
			long t = commonTime(b, start, len);
			if (t != NOT_PLAIN) {
				return t;
			}
		}
		return anyTime(b, start, end);
	}

	private static final long DATE_DIGITS = 0x00FF_FF00_FFFF_FFFFL; // yyyy-MM-
	private static final long DATE_DASHES = 0x2D00_002D_0000_0000L;
	private static final long CLOCK_DIGITS = 0xFFFF_00FF_FF00_FFFFL; // HH:mm:ss
	private static final long CLOCK_COLONS = 0x0000_3A00_003A_0000L;

	/**
	 * {@link #time} of the forms nearly every export uses, {@code yyyy-MM-dd HH:mm:ss} (or with
	 * {@code T}), {@code yyyy-MM-dd HH:mm} and {@code yyyy-MM-dd}, checked eight bytes at a time
	 * (the array holds 19 bytes from {@code start}); NOT_PLAIN for anything else, which
	 * {@link #anyTime} then reads (it decides the same for these forms).
	 */
	private static long commonTime(byte[] b, int start, int len) {
		long date = (long) LONG_LE.get(b, start);
		int d1 = b[start + 8] - '0';
		int d2 = b[start + 9] - '0';
		if ((date & ~DATE_DIGITS) != DATE_DASHES || !digitsIn(date, DATE_DIGITS) || (d1 | d2) < 0 || d1 > 9
				|| d2 > 9) {
			return NOT_PLAIN;
		}
		int year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
		int month = digit(date, 5) * 10 + digit(date, 6);
		int day = d1 * 10 + d2;
		if (!validDate(year, month, day)) {
			return NOT_PLAIN;
		}
		long millis = epochDay(year, month, day) * 86_400_000L;
		if (len == 10) {
			return millis;
		}
		long mask = len == 19 ? -1L : 0xFF_FFFF_FFFFL; // HH:mm:ss, or HH:mm and what follows it
		long clock = (long) LONG_LE.get(b, start + 11) & mask;
		byte between = b[start + 10];
		if ((between != ' ' && between != 'T') || (clock & ~CLOCK_DIGITS) != (CLOCK_COLONS & mask)
				|| !digitsIn(clock, CLOCK_DIGITS & mask)) {
			return NOT_PLAIN;
		}
		int hour = digit(clock, 0) * 10 + digit(clock, 1);
		int minute = digit(clock, 3) * 10 + digit(clock, 4);
		int second = digit(clock, 6) * 10 + digit(clock, 7); // 0 for HH:mm (masked off)
		if (hour > 23 || minute > 59 || second > 59) {
			return NOT_PLAIN;
		}
		return millis + ((hour * 60L + minute) * 60 + second) * 1000;
	}

	/** Whether a date exists and lies in the years a workspace holds. */
	private static boolean validDate(int year, int month, int day) {
		return year >= Canonical.MIN_YEAR && year <= Canonical.MAX_YEAR && month >= 1 && month <= 12 && day >= 1
				&& day <= (month == 2 && java.time.Year.isLeap(year) ? 29 : MONTH_DAYS[month - 1]);
	}

	/** Whether the bytes of {@code w} under {@code mask} (whole bytes) are all ASCII digits. */
	private static boolean digitsIn(long w, long mask) {
		long highs = 0xF0F0_F0F0_F0F0_F0F0L & mask;
		long threes = 0x3030_3030_3030_3030L & mask;
		long v = w & mask; // each byte under the mask 0x30-0x3F after the first test: adding 6 carries nowhere
		return (v & highs) == threes && ((v + 0x0606_0606_0606_0606L) & highs) == threes;
	}

	/** The digit in byte {@code i} of {@code w} (first byte lowest). */
	private static int digit(long w, int i) {
		return (int) (w >>> (8 * i)) & 0xF;
	}

	/** {@link #time} of any form it reads. */
	private static long anyTime(byte[] b, int start, int end) {
		int len = end - start;
		if (len < 10 || !digits(b, start, 4) || b[start + 4] != '-' || !digits(b, start + 5, 2) || b[start + 7] != '-'
				|| !digits(b, start + 8, 2)) {
			return NOT_PLAIN;
		}
		int year = num(b, start, 4);
		int month = num(b, start + 5, 2);
		int day = num(b, start + 8, 2);
		if (!validDate(year, month, day)) {
			return NOT_PLAIN;
		}
		long millis = epochDay(year, month, day) * 86_400_000L;
		if (len == 10) {
			return millis;
		}
		int at = start + 10;
		if ((b[at] != ' ' && b[at] != 'T') || len < 16 || !digits(b, at + 1, 2) || b[at + 3] != ':'
				|| !digits(b, at + 4, 2)) {
			return NOT_PLAIN;
		}
		int hour = num(b, at + 1, 2);
		int minute = num(b, at + 4, 2);
		int second = 0;
		int fractionMillis = 0;
		int i = at + 6;
		if (i < end) {
			if (b[i] != ':' || end - i < 3 || !digits(b, i + 1, 2)) {
				return NOT_PLAIN;
			}
			second = num(b, i + 1, 2);
			i += 3;
			if (i < end) {
				if (b[i] != '.' && b[i] != ',') {
					return NOT_PLAIN; // an offset or something else: the text way
				}
				int digitsStart = ++i;
				while (i < end && b[i] >= '0' && b[i] <= '9') {
					i++;
				}
				int n = i - digitsStart;
				if (i != end || n == 0) {
					return NOT_PLAIN;
				}
				for (int k = 0; k < 3; k++) {
					fractionMillis = fractionMillis * 10 + (k < n ? b[digitsStart + k] - '0' : 0);
				}
			}
		}
		if (hour > 23 || minute > 59 || second > 59) {
			return NOT_PLAIN;
		}
		return millis + ((hour * 60L + minute) * 60 + second) * 1000 + fractionMillis;
	}

	/**
	 * A decimal ({@code 117.48}, {@code -3}, {@code .5}) with at most {@code scale} significant
	 * decimal places and under 10^15, in units of 10^-scale; no sign but {@code -}, no currency,
	 * no separators.
	 */
	static long decimal(byte[] b, int start, int end, int scale) {
		int len = end - start;
		if (len >= 1 && len <= 8 && start + 8 <= b.length) {
			long v = shortDecimal((long) LONG_LE.get(b, start) & (-1L >>> (64 - 8 * len)), len, scale);
			if (v != NOT_PLAIN) {
				return v;
			}
		}
		return anyDecimal(b, start, end, scale);
	}

	/**
	 * {@link #decimal} of up to 8 bytes read as one long ({@code 117.48}, {@code 5}): digits with
	 * at most one point, a digit before it and 1 to {@code scale} digits after it; NOT_PLAIN for
	 * anything else (a sign, more places), which {@link #anyDecimal} reads.
	 */
	private static long shortDecimal(long w, int len, int scale) {
		long points = w ^ (ONES * '.');
		points = (points - ONES) & ~points & HIGHS & (-1L >>> (64 - 8 * len));
		int point = points == 0 ? len : Long.numberOfTrailingZeros(points) >>> 3;
		int places = point == len ? 0 : len - point - 1;
		long pointByte = point < len ? 0xFFL << (8 * point) : 0;
		if (point == 0 || places > scale || (point < len && places == 0)
				|| !digitsIn(w, (-1L >>> (64 - 8 * len)) & ~pointByte)) {
			return NOT_PLAIN;
		}
		long v = 0;
		for (int i = 0; i < len; i++) {
			if (i != point) {
				v = v * 10 + digit(w, i);
			}
		}
		return v * POW10[scale - places];
	}

	/** {@link #decimal} of any form it reads. */
	private static long anyDecimal(byte[] b, int start, int end, int scale) {
		int i = start;
		boolean negative = i < end && b[i] == '-';
		if (negative) {
			i++;
		}
		long whole = 0;
		int wholeDigits = 0;
		while (i < end && b[i] >= '0' && b[i] <= '9') {
			if (whole != 0 || b[i] != '0') {
				if (++wholeDigits > 15) {
					return NOT_PLAIN;
				}
			}
			whole = whole * 10 + (b[i] - '0');
			i++;
		}
		boolean anyDigit = i > start + (negative ? 1 : 0);
		long fraction = 0;
		if (i < end && b[i] == '.') {
			i++;
			int k = 0;
			while (i < end && b[i] >= '0' && b[i] <= '9') {
				if (k < scale) {
					fraction = fraction * 10 + (b[i] - '0');
				} else if (b[i] != '0') {
					return NOT_PLAIN; // more decimal places than the field keeps: rejected there
				}
				k++;
				i++;
				anyDigit = true;
			}
			if (k < scale) {
				fraction *= POW10[scale - k];
			}
		} else {
			fraction = 0;
		}
		if (i != end || !anyDigit) {
			return NOT_PLAIN;
		}
		long v = whole * POW10[scale] + fraction;
		return negative ? -v : v;
	}

	/** A whole number of at most nine digits, optionally negative. */
	static long whole(byte[] b, int start, int end) {
		int i = start;
		boolean negative = i < end && b[i] == '-';
		if (negative) {
			i++;
		}
		if (i == end || end - i > 9) {
			return NOT_PLAIN;
		}
		long v = 0;
		for (; i < end; i++) {
			if (b[i] < '0' || b[i] > '9') {
				return NOT_PLAIN;
			}
			v = v * 10 + (b[i] - '0');
		}
		return negative ? -v : v;
	}

	/**
	 * A fixed list of ASCII words (statuses, event types) a value is looked up in: a value of up
	 * to 8 bytes is compared as one long with each word of its length.
	 */
	static final class Words {
		private final String[] words;
		private final long[] packed;

		Words(String... words) {
			this.words = words.clone();
			packed = new long[words.length];
			for (int i = 0; i < words.length; i++) {
				byte[] w = words[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				packed[i] = w.length <= 8 ? StringDict.packed(w, 0, w.length) : 0;
			}
		}

		/** The index of the word {@code [start, end)} holds exactly, or -1. */
		int indexOf(byte[] b, int start, int end) {
			int len = end - start;
			long value = len <= 8 ? StringDict.packed(b, start, len) : 0;
			for (int i = 0; i < words.length; i++) {
				if (words[i].length() == len && (len <= 8 ? packed[i] == value : PlainValues.equals(b, start, end, words[i]))) {
					return i;
				}
			}
			return -1;
		}
	}

	/** Whether {@code [start, end)} holds exactly the ASCII text {@code word}. */
	static boolean equals(byte[] b, int start, int end, String word) {
		if (end - start != word.length()) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			if (b[start + i] != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@link FactWriter#hash} of an ASCII identifier, from its bytes: the same 64 bits as the hash
	 * of its string, so rows read either way find each other.
	 */
	static long hashAscii(byte[] b, int start, int end) {
		long h = 0xcbf29ce484222325L;
		for (int i = start; i < end; i++) {
			h ^= b[i];
			h *= 0x100000001b3L;
		}
		h ^= 0x1f;
		h *= 0x100000001b3L;
		return h ^ (h >>> 29);
	}

	/**
	 * The day of a valid date counted from 1970-01-01, as {@link java.time.LocalDate#toEpochDay}
	 * counts it (proleptic Gregorian), without making a date: years from March, so that the leap
	 * day ends a year.
	 */
	static long epochDay(int year, int month, int day) {
		long y = month <= 2 ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	private static boolean digits(byte[] b, int from, int n) {
		for (int i = from; i < from + n; i++) {
			if (b[i] < '0' || b[i] > '9') {
				return false;
			}
		}
		return true;
	}

	private static int num(byte[] b, int from, int n) {
		int v = 0;
		for (int i = from; i < from + n; i++) {
			v = v * 10 + (b[i] - '0');
		}
		return v;
	}
}
