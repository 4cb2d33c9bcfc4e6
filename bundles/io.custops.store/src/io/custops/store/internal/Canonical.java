package io.custops.store.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The canonical value checks every import goes through, whatever the connector
 * (docs/formats.md). Each parser returns the value or throws {@link BadValue} with a reason
 * meant for the rejects file.
 */
final class Canonical {

	static final int MAX_ID = 200;
	static final int MAX_TEXT = 1000;
	static final int MIN_YEAR = 1900;
	static final int MAX_YEAR = 2199;
	private static final BigDecimal MAX_MONEY = new BigDecimal("1e15");

	private Canonical() {
	}

	/** A value that fails its check; {@code field} is the canonical field. */
	static final class BadValue extends Exception {
		private static final long serialVersionUID = 1L;
		final String field;

		BadValue(String field, String reason) {
			super(reason, null, false, false); // rejects are frequent: no stack traces
			this.field = field;
		}
	}

	/**
	 * The longest field a row may have, in characters (docs/formats.md, "Limits"): longer is no
	 * value of any kind here, and its row is rejected before any parsing (a 10 MB number took
	 * minutes to convert).
	 */
	static final int MAX_FIELD = 64 * 1024;
	/** The longest row, in characters, as a connector hands it over. */
	static final int MAX_LINE = 1024 * 1024;
	/** The longest number worth converting: money below 1e15 with 4 decimals has fewer digits. */
	private static final int MAX_NUMBER = 40;
	/** How much of a bad value a reason quotes. */
	private static final int QUOTED = 60;

	/** A value as a reason quotes it: whole when short, else its start and its length. */
	static String quote(String value) {
		if (value.length() <= QUOTED) {
			return "'" + value + "'";
		}
		return "'" + value.substring(0, QUOTED) + "…' (" + value.length() + " characters)";
	}

	/** The trimmed text, or null when absent or blank. */
	static String text(String raw) {
		if (raw == null) {
			return null;
		}
		String t = raw.strip();
		return t.isEmpty() ? null : t;
	}

	static String required(String field, String raw) throws BadValue {
		String t = text(raw);
		if (t == null) {
			throw new BadValue(field, "missing " + field);
		}
		return t;
	}

	/**
	 * An identifier: trimmed, at most {@value #MAX_ID} characters. A whole number written as a
	 * decimal ({@code 12923.0}, as spreadsheets write numbers) is read as the whole number.
	 */
	static String id(String field, String raw) throws BadValue {
		String t = required(field, raw);
		t = wholeNumberId(t);
		if (t.length() > MAX_ID) {
			throw new BadValue(field, field + " longer than " + MAX_ID + " characters");
		}
		return t;
	}

	/**
	 * A manual tag: one word of at most {@value #MAX_ID} characters, without spaces, {@code ;},
	 * {@code ,} or quotes (the tags strategy lists a customer's tags separated by {@code ;}).
	 */
	static String tag(String field, String raw) throws BadValue {
		String t = required(field, raw);
		if (t.length() > MAX_ID) {
			throw new BadValue(field, "tag longer than " + MAX_ID + " characters");
		}
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ';' || c == ',' || c == '"'
					|| c == '\'' || c == '\uFF1B') {
				throw new BadValue(field, "tag '" + t + "' is not one word (no spaces, ; , or quotes)");
			}
		}
		return t;
	}

	static String optionalId(String field, String raw) throws BadValue {
		return text(raw) == null ? null : id(field, raw);
	}

	private static String wholeNumberId(String t) {
		int dot = t.indexOf('.');
		if (dot <= 0 || dot == t.length() - 1) {
			return t;
		}
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			boolean ok = i < dot ? (c >= '0' && c <= '9') || (i == 0 && c == '-' && dot > 1) : i == dot || c == '0';
			if (!ok) {
				return t;
			}
		}
		return t.substring(0, dot);
	}

	static String optionalText(String field, String raw, int max) throws BadValue {
		String t = text(raw);
		if (t != null && t.length() > max) {
			throw new BadValue(field, field + " longer than " + max + " characters");
		}
		return t;
	}

	/**
	 * An amount of money: a decimal with at most two decimal places, optionally with a currency
	 * sign in front ({@code ¥ ￥ $ € £}) and thousands separators ({@code 1,234.50}).
	 */
	static BigDecimal money(String field, String raw) throws BadValue {
		String t = required(field, raw);
		BigDecimal value = decimal(field, stripMoney(t), t);
		if (value.stripTrailingZeros().scale() > 2) {
			throw new BadValue(field, field + " " + quote(t) + " has more than 2 decimal places");
		}
		if (value.abs().compareTo(MAX_MONEY) >= 0) {
			throw new BadValue(field, field + " " + quote(t) + " is too large");
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** A unit price: like money, with up to four decimal places. */
	static BigDecimal optionalPrice(String field, String raw) throws BadValue {
		String t = text(raw);
		if (t == null) {
			return null;
		}
		BigDecimal value = decimal(field, stripMoney(t), t);
		if (value.stripTrailingZeros().scale() > 4) {
			throw new BadValue(field, field + " " + quote(t) + " has more than 4 decimal places");
		}
		if (value.abs().compareTo(MAX_MONEY) >= 0) {
			throw new BadValue(field, field + " " + quote(t) + " is too large");
		}
		return value.setScale(4, RoundingMode.UNNECESSARY);
	}

	private static String stripMoney(String t) {
		String s = t;
		boolean negative = false;
		if (s.startsWith("-")) {
			negative = true;
			s = s.substring(1).strip();
		}
		if (!s.isEmpty() && "¥￥$€£".indexOf(s.charAt(0)) >= 0) {
			s = s.substring(1).strip();
		}
		if (s.indexOf(',') > 0 && s.matches("\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
			s = s.replace(",", "");
		}
		return negative ? "-" + s : s;
	}

	private static BigDecimal decimal(String field, String cleaned, String original) throws BadValue {
		if (cleaned.isEmpty() || !isPlainDecimal(cleaned)) {
			throw new BadValue(field, field + " " + quote(original) + " is not a decimal number");
		}
		if (cleaned.length() > MAX_NUMBER) {
			throw new BadValue(field, field + " " + quote(original) + " is too large");
		}
		return new BigDecimal(cleaned);
	}

	private static boolean isPlainDecimal(String s) {
		int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
		boolean digits = false;
		boolean dot = false;
		for (; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				digits = true;
			} else if (c == '.' && !dot) {
				dot = true;
			} else {
				return false;
			}
		}
		return digits;
	}

	/** A whole number; a decimal with only zeros after the point ({@code 3.0}) is accepted. */
	static Integer optionalInt(String field, String raw) throws BadValue {
		String t = text(raw);
		if (t == null) {
			return null;
		}
		String whole = wholeNumberId(t);
		try {
			long v = Long.parseLong(whole.startsWith("+") ? whole.substring(1) : whole);
			if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
				throw new BadValue(field, field + " " + quote(t) + " is too large");
			}
			return (int) v;
		} catch (NumberFormatException e) {
			throw new BadValue(field, field + " " + quote(t) + " is not a whole number");
		}
	}

	/** A ratio in [0, 1]: {@code 0.35} or {@code 35%}. */
	static BigDecimal optionalRatio(String field, String raw) throws BadValue {
		String t = text(raw);
		if (t == null) {
			return null;
		}
		boolean percent = t.endsWith("%");
		String number = percent ? t.substring(0, t.length() - 1).strip() : t;
		if (number.isEmpty() || !isPlainDecimal(number)) {
			throw new BadValue(field, field + " " + quote(t) + " is not a ratio such as 0.35 or 35%");
		}
		if (number.length() > MAX_NUMBER) {
			throw new BadValue(field, field + " " + quote(t) + " is not between 0 and 1 (0% and 100%)");
		}
		BigDecimal value = new BigDecimal(number);
		if (percent) {
			value = value.movePointLeft(2);
		}
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw new BadValue(field, field + " " + quote(t) + " is not between 0 and 1 (0% and 100%)");
		}
		if (value.stripTrailingZeros().scale() > 6) {
			throw new BadValue(field, field + " " + quote(t) + " has more than 6 decimal places");
		}
		return value.setScale(6, RoundingMode.UNNECESSARY);
	}

	static LocalDateTime time(String field, String raw, ZoneId zone) throws BadValue {
		return parseTime(field, required(field, raw), zone);
	}

	static LocalDateTime optionalTime(String field, String raw, ZoneId zone) throws BadValue {
		String t = text(raw);
		return t == null ? null : parseTime(field, t, zone);
	}

	static LocalDate date(String field, String raw) throws BadValue {
		return parseDate(field, required(field, raw));
	}

	/** A date; a date-time is accepted and its date kept (no zone conversion). */
	static LocalDate optionalDate(String field, String raw) throws BadValue {
		String t = text(raw);
		return t == null ? null : parseDate(field, t);
	}

	private static LocalDate parseDate(String field, String t) throws BadValue {
		if (t.length() < 10 || !isDate(t)) {
			throw new BadValue(field, field + " " + quote(t) + " is not an ISO date (yyyy-MM-dd)");
		}
		if (t.length() > 10) {
			return parseTime(field, t, null).toLocalDate();
		}
		try {
			return checkYear(field, t, LocalDate.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10)));
		} catch (DateTimeException e) {
			throw new BadValue(field, field + " " + quote(t) + " is not a valid date");
		}
	}

	/**
	 * ISO date or date-time: {@code yyyy-MM-dd}, {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]]},
	 * optionally followed by {@code Z} or an offset ({@code +08:00}, {@code +0800}, {@code +08}),
	 * in which case the time is converted to {@code zone}. Kept to the millisecond.
	 */
	static LocalDateTime parseTime(String field, String t, ZoneId zone) throws BadValue {
		String bad = field + " " + quote(t) + " is not an ISO date or date-time (yyyy-MM-dd HH:mm:ss)";
		if (t.length() < 10 || !isDate(t)) {
			throw new BadValue(field, bad);
		}
		try {
			int year = num(t, 0, 4);
			int month = num(t, 5, 7);
			int day = num(t, 8, 10);
			if (t.length() == 10) {
				return checkYear(field, t, LocalDateTime.of(year, month, day, 0, 0));
			}
			char sep = t.charAt(10);
			if ((sep != 'T' && sep != ' ') || t.length() < 16 || !digits(t, 11, 13) || t.charAt(13) != ':'
					|| !digits(t, 14, 16)) {
				throw new BadValue(field, bad);
			}
			int hour = num(t, 11, 13);
			int minute = num(t, 14, 16);
			int second = 0;
			int nanos = 0;
			int i = 16;
			if (i < t.length() && t.charAt(i) == ':') {
				if (t.length() < 19 || !digits(t, 17, 19)) {
					throw new BadValue(field, bad);
				}
				second = num(t, 17, 19);
				i = 19;
				if (i < t.length() && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
					int start = ++i;
					while (i < t.length() && Character.isDigit(t.charAt(i))) {
						i++;
					}
					if (i == start) {
						throw new BadValue(field, bad);
					}
					String fraction = (t.substring(start, Math.min(i, start + 9)) + "000000000").substring(0, 9);
					nanos = Integer.parseInt(fraction);
				}
			}
			LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos)
					.truncatedTo(ChronoUnit.MILLIS);
			if (i < t.length()) {
				ZoneOffset offset = offset(t.substring(i).strip());
				if (offset == null) {
					throw new BadValue(field, bad);
				}
				if (zone != null) {
					local = local.atOffset(offset).atZoneSameInstant(zone).toLocalDateTime();
				}
			}
			return checkYear(field, t, local);
		} catch (DateTimeException e) {
			throw new BadValue(field, field + " " + quote(t) + " is not a valid date or time");
		}
	}

	private static <T extends java.time.temporal.Temporal> T checkYear(String field, String t, T value)
			throws BadValue {
		int year = value.get(java.time.temporal.ChronoField.YEAR);
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new BadValue(field, field + " " + quote(t) + " is outside the years " + MIN_YEAR + "–" + MAX_YEAR);
		}
		return value;
	}

	private static ZoneOffset offset(String s) {
		if (s.equals("Z") || s.equals("z")) {
			return ZoneOffset.UTC;
		}
		if (s.length() < 3 || (s.charAt(0) != '+' && s.charAt(0) != '-') || !digits(s, 1, 3)) {
			return null;
		}
		int sign = s.charAt(0) == '-' ? -1 : 1;
		int hours = num(s, 1, 3);
		int minutes = 0;
		String rest = s.substring(3);
		if (rest.startsWith(":")) {
			rest = rest.substring(1);
		}
		if (!rest.isEmpty()) {
			if (rest.length() != 2 || !digits(rest, 0, 2)) {
				return null;
			}
			minutes = num(rest, 0, 2);
		}
		if (hours > 18 || minutes > 59) {
			return null;
		}
		return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
	}

	private static boolean isDate(String t) {
		return digits(t, 0, 4) && t.charAt(4) == '-' && digits(t, 5, 7) && t.charAt(7) == '-' && digits(t, 8, 10);
	}

	private static boolean digits(String t, int from, int to) {
		if (t.length() < to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = t.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int num(String t, int from, int to) {
		int v = 0;
		for (int i = from; i < to; i++) {
			v = v * 10 + (t.charAt(i) - '0');
		}
		return v;
	}

	static String lower(String t) {
		return t == null ? null : t.toLowerCase(Locale.ROOT);
	}
}
