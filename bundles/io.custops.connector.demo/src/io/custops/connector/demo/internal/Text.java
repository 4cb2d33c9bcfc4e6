package io.custops.connector.demo.internal;

import java.time.LocalDate;

/** Fast, allocation-light text forms of the generated values (millions of rows per run). */
final class Text {

	private Text() {
	}

	/** Cents as a decimal with two places: 12345 → "123.45". */
	static String cents(long cents) {
		long whole = cents / 100;
		int frac = (int) Math.abs(cents % 100);
		return (cents < 0 && whole == 0 ? "-" : "") + whole + (frac < 10 ? ".0" : ".") + frac;
	}

	/** Local epoch seconds as an ISO local date-time: 2026-11-11T00:03:12. */
	static String dateTime(long epochSecond) {
		long day = Math.floorDiv(epochSecond, 86_400L);
		int sod = (int) Math.floorMod(epochSecond, 86_400L);
		LocalDate d = LocalDate.ofEpochDay(day);
		char[] c = new char[19];
		int y = d.getYear();
		c[0] = (char) ('0' + y / 1000);
		c[1] = (char) ('0' + y / 100 % 10);
		c[2] = (char) ('0' + y / 10 % 10);
		c[3] = (char) ('0' + y % 10);
		c[4] = '-';
		two(c, 5, d.getMonthValue());
		c[7] = '-';
		two(c, 8, d.getDayOfMonth());
		c[10] = 'T';
		two(c, 11, sod / 3600);
		c[13] = ':';
		two(c, 14, sod / 60 % 60);
		c[16] = ':';
		two(c, 17, sod % 60);
		return new String(c);
	}

	private static void two(char[] c, int at, int v) {
		c[at] = (char) ('0' + v / 10);
		c[at + 1] = (char) ('0' + v % 10);
	}

	/** A prefix and a zero-padded number: ('C', 42, 7) → "C0000042". */
	static String padded(char prefix, long number, int width) {
		String digits = Long.toString(number);
		StringBuilder b = new StringBuilder(width + 1).append(prefix);
		for (int i = digits.length(); i < width; i++) {
			b.append('0');
		}
		return b.append(digits).toString();
	}
}
