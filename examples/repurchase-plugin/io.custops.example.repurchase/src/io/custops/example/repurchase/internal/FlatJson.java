package io.custops.example.repurchase.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one flat JSON object ({@code {"key": value, …}} with string, number, boolean or null
 * values) into texts; numbers keep their written form, so amounts stay exact. Nested objects
 * and arrays are refused: an order line has none.
 */
final class FlatJson {

	static final class JsonException extends Exception {
		private static final long serialVersionUID = 1L;

		JsonException(String message, int at) {
			super(message + " at column " + (at + 1));
		}
	}

	private final String text;
	private int pos;

	private FlatJson(String text) {
		this.text = text;
	}

	/** The object's members; a {@code null} value is left out. */
	static Map<String, String> parseObject(String line) throws JsonException {
		FlatJson p = new FlatJson(line);
		Map<String, String> result = new LinkedHashMap<>();
		p.skipSpace();
		p.expect('{');
		p.skipSpace();
		if (p.peek() == '}') {
			p.pos++;
		} else {
			while (true) {
				p.skipSpace();
				String key = p.string();
				p.skipSpace();
				p.expect(':');
				p.skipSpace();
				String value = p.value();
				if (result.containsKey(key)) {
					throw new JsonException("key \"" + key + "\" appears twice", p.pos);
				}
				if (value != null) {
					result.put(key, value);
				}
				p.skipSpace();
				char c = p.next();
				if (c == '}') {
					break;
				}
				if (c != ',') {
					throw new JsonException("expected , or }", p.pos - 1);
				}
			}
		}
		p.skipSpace();
		if (p.pos < line.length()) {
			throw new JsonException("text after the object", p.pos);
		}
		return result;
	}

	private String value() throws JsonException {
		char c = peek();
		if (c == '"') {
			return string();
		}
		if (c == '{' || c == '[') {
			throw new JsonException("nested objects and arrays are not supported", pos);
		}
		int start = pos;
		while (pos < text.length() && ",} \t".indexOf(text.charAt(pos)) < 0) {
			pos++;
		}
		String word = text.substring(start, pos);
		if (word.equals("null")) {
			return null;
		}
		if (word.equals("true") || word.equals("false") || word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
			return word;
		}
		throw new JsonException(word.isEmpty() ? "a value is missing" : "'" + word + "' is not a JSON value", start);
	}

	private String string() throws JsonException {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			if (pos >= text.length()) {
				throw new JsonException("unterminated string", pos);
			}
			char c = text.charAt(pos++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = next();
			switch (e) {
			case '"', '\\', '/' -> out.append(e);
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'u' -> {
				if (pos + 4 > text.length()) {
					throw new JsonException("bad \\u escape", pos);
				}
				try {
					out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
				} catch (NumberFormatException ex) {
					throw new JsonException("bad \\u escape", pos);
				}
				pos += 4;
			}
			default -> throw new JsonException("bad escape \\" + e, pos - 1);
			}
		}
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private char peek() throws JsonException {
		if (pos >= text.length()) {
			throw new JsonException("unexpected end of line", pos);
		}
		return text.charAt(pos);
	}

	private char next() throws JsonException {
		char c = peek();
		pos++;
		return c;
	}

	private void expect(char c) throws JsonException {
		if (pos >= text.length() || text.charAt(pos) != c) {
			throw new JsonException("expected " + c, pos);
		}
		pos++;
	}
}
