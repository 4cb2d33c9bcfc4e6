package io.custops.core;

/**
 * The one rule for masking personal data, wherever it is shown or written: target lists, report
 * formats, the workbench's tables, rejects files' reasons (docs/analyses.md, "Masking"). Masking
 * keeps enough to recognise a customer on the phone or at the door, not enough to contact them
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

	/**
	 * An e-mail address: the first character of the part before {@code @}, {@code ****}, and the
	 * domain ({@code ann.lee@example.com} → {@code a****@example.com}); without {@code @} it is
	 * masked like a name.
	 */
	public static String email(String email) {
		if (email == null || email.isBlank()) {
			return email == null ? null : "";
		}
		String e = email.strip();
		int at = e.lastIndexOf('@');
		if (at <= 0) {
			return name(e);
		}
		return prefix(e, 1) + STARS + e.substring(at);
	}

	/**
	 * A messenger id (WeChat, QQ, …): the first 2 characters (at most a third of it), then
	 * {@code ****} ({@code wxid_ann2026} → {@code wx****}).
	 */
	public static String handle(String handle) {
		if (handle == null || handle.isBlank()) {
			return handle == null ? null : "";
		}
		String h = handle.strip();
		int count = h.codePointCount(0, h.length());
		return prefix(h, Math.min(2, count / 3)) + STARS;
	}

	/**
	 * The customer attributes that hold personal data, masked unless revealed: the ones a
	 * workbench table or an export hides by default.
	 */
	public static final java.util.List<String> PERSONAL_FIELDS = java.util.List.of("name", "phone", "mobile", "birthday",
			"address", "email", "wechat", "qq", "id_card");

	/** Whether an attribute (by its column name, case and separators ignored) holds personal data. */
	public static boolean personal(String attribute) {
		return attribute != null && PERSONAL_FIELDS.contains(normalized(attribute));
	}

	/**
	 * A value of this attribute as it may be shown: masked by the attribute's rule (phone,
	 * name, address, e-mail, messenger id; anything else personal keeps its first and last
	 * character), unchanged when the attribute is not personal.
	 */
	public static String field(String attribute, String value) {
		if (value == null || !personal(attribute)) {
			return value;
		}
		return masked(attribute, value);
	}

	/** A value masked by its attribute's rule, whether or not the attribute is one of {@link #PERSONAL_FIELDS}. */
	public static String masked(String attribute, String value) {
		if (value == null || value.isBlank()) {
			return value == null ? null : "";
		}
		return switch (attribute == null ? "" : normalized(attribute)) {
		case "phone", "mobile" -> phone(value);
		case "name" -> name(value);
		case "address" -> address(value);
		case "email" -> email(value);
		case "wechat", "qq" -> handle(value);
		default -> other(value);
		};
	}

	/** Phone numbers written into a text (a message, a rejects file's reason): each masked by {@link #phone}. */
	public static String phonesIn(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		java.util.regex.Matcher m = PHONE_IN_TEXT.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(phone(m.group())));
		}
		return m.appendTail(out).toString();
	}

	/** A mainland mobile number (1[3-9] and 9 more digits, +86 before it or not), spaces or dashes between groups. */
	private static final java.util.regex.Pattern PHONE_IN_TEXT = java.util.regex.Pattern
			.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]){8}(?![0-9])");

	private static String other(String value) {
		String v = value.strip();
		int n = v.codePointCount(0, v.length());
		if (n <= 2) {
			return STARS;
		}
		return prefix(v, 1) + STARS + suffix(v, 1);
	}

	private static String normalized(String attribute) {
		String a = attribute.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (a) {
		case "e_mail", "mail" -> "email";
		case "we_chat", "weixin", "wx" -> "wechat";
		case "mobile_phone", "tel", "telephone", "phone_number" -> "phone";
		case "birth_date", "date_of_birth", "dob" -> "birthday";
		default -> a;
		};
	}

	private static String prefix(String s, int codePoints) {
		return s.substring(0, s.offsetByCodePoints(0, codePoints));
	}

	private static String suffix(String s, int codePoints) {
		return s.substring(s.offsetByCodePoints(s.length(), -codePoints));
	}
}
