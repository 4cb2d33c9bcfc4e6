package io.custops.cli.internal;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** Writes maps, lists, texts, numbers and booleans as indented JSON. */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, 0);
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, int depth) {
		switch (value) {
		case null -> out.append("null");
		case String s -> quote(out, s);
		case Boolean b -> out.append(b);
		case BigDecimal d -> out.append(d.toPlainString());
		case Double d -> out.append(Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "null");
		case Float f -> write(out, f.doubleValue(), depth);
		case Number n -> out.append(n);
		case Map<?, ?> map -> {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append('{');
			Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
			while (it.hasNext()) {
				Map.Entry<?, ?> entry = it.next();
				newline(out, depth + 1);
				quote(out, String.valueOf(entry.getKey()));
				out.append(": ");
				write(out, entry.getValue(), depth + 1);
				if (it.hasNext()) {
					out.append(',');
				}
			}
			newline(out, depth);
			out.append('}');
		}
		case Iterable<?> list -> {
			Iterator<?> it = list.iterator();
			if (!it.hasNext()) {
				out.append("[]");
				return;
			}
			out.append('[');
			while (it.hasNext()) {
				newline(out, depth + 1);
				write(out, it.next(), depth + 1);
				if (it.hasNext()) {
					out.append(',');
				}
			}
			newline(out, depth);
			out.append(']');
		}
		default -> quote(out, value.toString());
		}
	}

	private static void newline(StringBuilder out, int depth) {
		out.append('\n');
		out.append("  ".repeat(depth));
	}

	private static void quote(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		out.append('"');
	}
}
