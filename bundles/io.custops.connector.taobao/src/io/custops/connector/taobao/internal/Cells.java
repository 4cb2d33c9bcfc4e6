package io.custops.connector.taobao.internal;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning of the seller centre's cell values and headers. */
final class Cells {

	private static final Pattern EXCEL_TEXT = Pattern.compile("^=\"(.*)\"$", Pattern.DOTALL);
	private static final Pattern DATE_TIME = Pattern
			.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?$");

	private Cells() {
	}

	/**
	 * The value as the seller meant it: {@code ="3761…"} (written so that Excel keeps the digits)
	 * and {@code '138…} (the same trick for phones) lose their wrapping; tabs and spaces go;
	 * the export's {@code null} is empty.
	 */
	static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		String v = raw.strip();
		Matcher m = EXCEL_TEXT.matcher(v);
		if (m.matches()) {
			v = m.group(1).strip();
		}
		while (v.startsWith("'") || v.startsWith("`")) {
			v = v.substring(1).strip();
		}
		if (v.equalsIgnoreCase("null")) {
			return "";
		}
		return v;
	}

	/**
	 * Whether a buyer nickname is masked as newer exports write them ({@code t**1}, {@code 小***店}):
	 * a run of {@code *} with text before and after it.
	 */
	static boolean isMasked(String nick) {
		int star = nick.indexOf('*');
		return star > 0 && nick.lastIndexOf('*') < nick.length() - 1;
	}

	/** A short, stable digest of a text (12 hex digits of its SHA-256): an id part that shows no personal data. */
	static String digest(String text) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash, 0, 6);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every JDK has SHA-256
		}
	}

	/** A header as a key: no BOM, quotes, equals signs or (full-width) spaces. */
	static String header(String raw) {
		return raw == null ? "" : raw.replaceAll("[\\s\u3000\uFEFF\"'=]", "");
	}

	/** An amount: {@code 1,299.00}, {@code ￥99.00}, {@code 99元}; null when it is not a number. */
	static BigDecimal amount(String value) {
		String v = value.replace(",", "").replace("￥", "").replace("¥", "").replace("元", "").strip();
		if (v.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(v);
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/**
	 * A time as ISO-8601 local date-time ({@code 2026-11-11T00:00:05}); the export writes
	 * {@code 2026-11-11 00:00:05}, Excel re-saves it as {@code 2026/11/11 0:00}. Text that is not
	 * a time is returned as it is, for the workspace to reject with its own message.
	 */
	static String dateTime(String value) {
		Matcher m = DATE_TIME.matcher(value);
		if (!m.matches()) {
			return value;
		}
		StringBuilder b = new StringBuilder(19).append(m.group(1)).append('-').append(two(m.group(2))).append('-')
				.append(two(m.group(3)));
		if (m.group(4) != null) {
			b.append('T').append(two(m.group(4))).append(':').append(two(m.group(5))).append(':')
					.append(m.group(6) == null ? "00" : two(m.group(6)));
		}
		return b.toString();
	}

	private static String two(String digits) {
		return digits.length() == 1 ? "0" + digits : digits;
	}
}
