package io.custops.campaign;

/**
 * How personal data is masked in target lists (docs/analyses.md, "Masking"). Masking keeps
 * enough to recognise a customer on the phone or at the door, not enough to contact them
 * without the workspace.
 */
public final class Masking {

	/** What replaces the hidden part. */
	public static final String STARS = "****";

	private Masking() {
	}

	/**
	 * A phone number, spaces, dashes, dots and brackets left out: from 11 characters on, the
	 * first 3 and the last 4 are kept ({@code 13812345678} → {@code 138****5678},
	 * {@code +8613812345678} → {@code +86****5678}); from 7 to 10 characters only the last 2
	 * ({@code 62345678} → {@code ****78}); anything shorter becomes {@code ****}. Empty stays empty.
	 */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone == null ? null : "";
		}
		StringBuilder compact = new StringBuilder();
		phone.codePoints().filter(c -> !Character.isWhitespace(c) && c != '-' && c != '.' && c != '(' && c != ')')
				.forEach(compact::appendCodePoint);
		String p = compact.toString();
		int n = p.codePointCount(0, p.length());
		if (n >= 11) {
			return prefix(p, 3) + STARS + suffix(p, 4);
		}
		if (n >= 7) {
			return STARS + suffix(p, 2);
		}
		return STARS;
	}

	/**
	 * A name: its first character, then one {@code *} for each other character
	 * ({@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}); a one-character name becomes
	 * {@code *}. Spaces are kept ({@code Ann Lee} → {@code A** ***}).
	 */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return name == null ? null : "";
		}
		String n = name.strip();
		int count = n.codePointCount(0, n.length());
		if (count == 1) {
			return "*";
		}
		StringBuilder out = new StringBuilder(prefix(n, 1));
		n.codePoints().skip(1).forEach(c -> out.append(Character.isWhitespace(c) ? ' ' : '*'));
		return out.toString();
	}

	/**
	 * An address: truncated to its first 6 characters (at most half of it) followed by
	 * {@code ****} ({@code 浙江省杭州市西湖区文三路100号} → {@code 浙江省杭州市****}), so the district,
	 * street and number are gone.
	 */
	public static String address(String address) {
		if (address == null || address.isBlank()) {
			return address == null ? null : "";
		}
		String a = address.strip();
		int count = a.codePointCount(0, a.length());
		return prefix(a, Math.min(6, count / 2)) + STARS;
	}

	private static String prefix(String s, int codePoints) {
		return s.substring(0, s.offsetByCodePoints(0, codePoints));
	}

	private static String suffix(String s, int codePoints) {
		return s.substring(s.offsetByCodePoints(s.length(), -codePoints));
	}
}
