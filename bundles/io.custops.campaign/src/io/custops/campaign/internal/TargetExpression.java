package io.custops.campaign.internal;

import java.util.ArrayList;
import java.util.List;

import io.custops.engine.AnalysisInputException;

/**
 * A target spec read as an expression: targets combined with {@code &} (both), {@code |}
 * (either) and parentheses; {@code &} binds tighter than {@code |}. Everything between
 * operators is one target, spaces around it dropped (spaces inside a label are kept).
 * Positions are 1-based character offsets into the spec, for messages.
 */
public final class TargetExpression {

	/** A node of the expression. */
	public sealed interface Node permits Atom, And, Or {
	}

	/** One target, as written, and where it starts. */
	public record Atom(String text, int position) implements Node {
	}

	public record And(List<Node> parts) implements Node {
	}

	public record Or(List<Node> parts) implements Node {
	}

	private enum Kind {
		ATOM, AND, OR, OPEN, CLOSE, END
	}

	private record Token(Kind kind, String text, int position) {
	}

	private final String spec;
	private final List<Token> tokens;
	private int next;

	private TargetExpression(String spec) {
		this.spec = spec;
		this.tokens = tokens(spec);
	}

	/**
	 * @throws AnalysisInputException naming the spec and the position of a missing target, an
	 *                                operator in the wrong place, or an unbalanced parenthesis
	 */
	public static Node parse(String spec) {
		TargetExpression p = new TargetExpression(spec);
		Node node = p.or();
		Token t = p.tokens.get(p.next);
		if (t.kind() == Kind.CLOSE) {
			throw p.error(t.position(), "a ')' without its '('");
		}
		if (t.kind() != Kind.END) {
			throw p.error(t.position(), "'" + t.text() + "' after a target; put & or | between targets");
		}
		return node;
	}

	/** The expression written back with single spaces around operators and the parentheses it needs. */
	public static String format(Node node, java.util.function.Function<Atom, String> atom) {
		return switch (node) {
		case Atom a -> atom.apply(a);
		case And and -> String.join(" & ", and.parts().stream().map(p -> p instanceof Or ? "(" + format(p, atom) + ")"
				: format(p, atom)).toList());
		case Or or -> String.join(" | ", or.parts().stream().map(p -> format(p, atom)).toList());
		};
	}

	private Node or() {
		List<Node> parts = new ArrayList<>();
		parts.add(and());
		while (tokens.get(next).kind() == Kind.OR) {
			next++;
			parts.add(and());
		}
		return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
	}

	private Node and() {
		List<Node> parts = new ArrayList<>();
		parts.add(primary());
		while (tokens.get(next).kind() == Kind.AND) {
			next++;
			parts.add(primary());
		}
		return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
	}

	private Node primary() {
		Token t = tokens.get(next);
		switch (t.kind()) {
		case ATOM -> {
			next++;
			return new Atom(t.text(), t.position());
		}
		case OPEN -> {
			next++;
			Node inner = or();
			Token close = tokens.get(next);
			if (close.kind() != Kind.CLOSE) {
				throw error(t.position(), "the '(' is not closed");
			}
			next++;
			return inner;
		}
		default -> {
			Token before = next > 0 ? tokens.get(next - 1) : null;
			String where = t.kind() == Kind.END ? (before == null ? "nothing" : "nothing after '" + before.text() + "'")
					: "'" + t.text() + "'" + (before == null ? " at the start" : " after '" + before.text() + "'");
			throw error(t.position(), "a target is missing: found " + where);
		}
		}
	}

	private AnalysisInputException error(int position, String what) {
		return new AnalysisInputException("target '" + spec + "': position " + position + ": " + what);
	}

	private static List<Token> tokens(String spec) {
		List<Token> tokens = new ArrayList<>();
		StringBuilder atom = new StringBuilder();
		int atomStart = -1;
		for (int i = 0; i <= spec.length(); i++) {
			char ch = i < spec.length() ? spec.charAt(i) : 0;
			Kind kind = i == spec.length() ? Kind.END : switch (ch) {
			case '&' -> Kind.AND;
			case '|' -> Kind.OR;
			case '(' -> Kind.OPEN;
			case ')' -> Kind.CLOSE;
			default -> null;
			};
			if (kind == null) {
				if (atomStart < 0 && !Character.isWhitespace(ch)) {
					atomStart = i;
				}
				if (atomStart >= 0) {
					atom.append(ch);
				}
				continue;
			}
			if (atomStart >= 0) {
				tokens.add(new Token(Kind.ATOM, atom.toString().strip(), atomStart + 1));
				atom.setLength(0);
				atomStart = -1;
			}
			tokens.add(new Token(kind, kind == Kind.END ? "" : String.valueOf(ch), i + 1));
		}
		return tokens;
	}
}
