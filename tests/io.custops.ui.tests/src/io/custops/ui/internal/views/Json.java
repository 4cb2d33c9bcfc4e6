package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for the commands' {@code --json} output: objects, arrays, strings, numbers (as BigDecimal), booleans, null. */
final class Json {

	private final String text;
	private int at;

	private Json(String text) {
		this.text = text;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.space();
		if (json.at != text.length()) {
			throw new IllegalArgumentException("text after the JSON value at " + json.at + ": " + text);
		}
		return (Map<String, Object>) value;
	}

	private Object value() {
		space();
		char c = text.charAt(at);
		switch (c) {
		case '{': {
			at++;
			Map<String, Object> map = new LinkedHashMap<>();
			space();
			if (text.charAt(at) == '}') {
				at++;
				return map;
			}
			while (true) {
				space();
				String key = string();
				space();
				expect(':');
				map.put(key, value());
				space();
				if (text.charAt(at) == ',') {
					at++;
					continue;
				}
				expect('}');
				return map;
			}
		}
		case '[': {
			at++;
			List<Object> list = new ArrayList<>();
			space();
			if (text.charAt(at) == ']') {
				at++;
				return list;
			}
			while (true) {
				list.add(value());
				space();
				if (text.charAt(at) == ',') {
					at++;
					continue;
				}
				expect(']');
				return list;
			}
		}
		case '"':
			return string();
		default:
			if (text.startsWith("true", at)) {
				at += 4;
				return Boolean.TRUE;
			}
			if (text.startsWith("false", at)) {
				at += 5;
				return Boolean.FALSE;
			}
			if (text.startsWith("null", at)) {
				at += 4;
				return null;
			}
			int start = at;
			while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
				at++;
			}
			if (start == at) {
				throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
			}
			return new BigDecimal(text.substring(start, at));
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = text.charAt(at++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = text.charAt(at++);
			switch (e) {
			case 'n' -> out.append('\n');
			case 't' -> out.append('\t');
			case 'r' -> out.append('\r');
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case 'u' -> {
				out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
				at += 4;
			}
			default -> out.append(e);
			}
		}
	}

	private void expect(char c) {
		if (text.charAt(at) != c) {
			throw new IllegalArgumentException("expected '" + c + "' at " + at + ", found '" + text.charAt(at) + "'");
		}
		at++;
	}

	private void space() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}
}
