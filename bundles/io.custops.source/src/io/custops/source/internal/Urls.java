package io.custops.source.internal;

import java.util.regex.Pattern;

/** URLs and messages with any password in them masked. */
final class Urls {

	private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");

	private Urls() {
	}

	static String scheme(String url) {
		if (url == null) {
			return "";
		}
		int colon = url.indexOf(':', url.startsWith("jdbc:") ? 5 : 0);
		return colon < 0 ? url : url.substring(0, colon + 1);
	}

	/** Whether a URL carries a password (refused: it would be kept in plain text). */
	static boolean hasPassword(String url) {
		return url != null && PASSWORD_IN_URL.matcher(url).find();
	}

	static String redact(String url) {
		return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
	}

	static String clean(String message, char[] password) {
		if (message == null) {
			return "";
		}
		if (password == null || password.length == 0) {
			return message;
		}
		return message.replace(new String(password), "***");
	}
}
