package io.custops.segmentation.rfm.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.custops.core.param.ParameterException;
import io.custops.core.spi.Label;

/**
 * Named segments over the 5 × 5 × 5 cells of (R, F, M) scores, compiled to a 125-entry lookup
 * table so that naming a customer's segment is one array read.
 *
 * <p>A rule is one or more alternatives separated by {@code |}; an alternative is conditions
 * separated by {@code ,} that must all hold; a condition compares a score — {@code r},
 * {@code f}, {@code m}, or {@code fm} (the mean of F and M rounded up) — with a score 1–5:
 * {@code r>=4}, {@code fm<=2}, {@code m=5}, {@code f!=1}, or a range {@code r=2-3}.
 */
public final class SegmentMap {

	public static final String EN = "en";
	public static final String CN8 = "cn8";
	public static final String CUSTOM = "custom";

	static final Label OTHER = Label.of("other", "Other", "其他");

	private static final Pattern CONDITION = Pattern.compile("(fm|r|f|m)(<=|>=|==|!=|=|<|>)([0-9]+)(?:-([0-9]+))?");

	/** A named segment and the rule that defines it. */
	public record Segment(Label label, String rule) {
	}

	/** Where a user's rule was given: the parameter key, and a file and line when from a file. */
	public record Source(String key, String where) {
		ParameterException error(String message) {
			return new ParameterException(key, where.isEmpty() ? message : where + ": " + message);
		}
	}

	/** The widely used English set over R and FM; the rules are disjoint and cover every cell. */
	public static final List<Segment> ENGLISH = List.of(
			new Segment(Label.of("champions", "Champions", "冠军客户"), "r>=4, fm>=4"),
			new Segment(Label.of("loyal", "Loyal", "忠诚客户"), "r=3, fm>=4"),
			new Segment(Label.of("potential_loyalist", "Potential loyalist", "潜在忠诚客户"), "r>=4, fm=2-3"),
			new Segment(Label.of("new", "New", "新客户"), "r=5, fm=1"),
			new Segment(Label.of("promising", "Promising", "有潜力客户"), "r=4, fm=1"),
			new Segment(Label.of("needs_attention", "Needs attention", "需要关注客户"), "r=3, fm=3"),
			new Segment(Label.of("about_to_sleep", "About to sleep", "即将沉睡客户"), "r=3, fm<=2"),
			new Segment(Label.of("at_risk", "At risk", "有流失风险客户"), "r<=2, fm=3-4"),
			new Segment(Label.of("cannot_lose", "Cannot lose", "不能失去的客户"), "r<=2, fm=5"),
			new Segment(Label.of("hibernating", "Hibernating", "冬眠客户"), "r=2, fm<=2"),
			new Segment(Label.of("lost", "Lost", "已流失客户"), "r=1, fm<=2"));

	/** The Chinese 8-cell map: each of R, F, M is high (score 4–5) or low (1–3). */
	public static final List<Segment> CHINESE_8 = List.of(
			new Segment(Label.of("important_value", "Important value", "重要价值客户"), "r>=4, f>=4, m>=4"),
			new Segment(Label.of("important_development", "Important development", "重要发展客户"), "r>=4, f<=3, m>=4"),
			new Segment(Label.of("important_retention", "Important retention", "重要保持客户"), "r<=3, f>=4, m>=4"),
			new Segment(Label.of("important_recall", "Important recall", "重要挽留客户"), "r<=3, f<=3, m>=4"),
			new Segment(Label.of("general_value", "General value", "一般价值客户"), "r>=4, f>=4, m<=3"),
			new Segment(Label.of("general_development", "General development", "一般发展客户"), "r>=4, f<=3, m<=3"),
			new Segment(Label.of("general_retention", "General retention", "一般保持客户"), "r<=3, f>=4, m<=3"),
			new Segment(Label.of("general_recall", "General recall", "一般挽留客户"), "r<=3, f<=3, m<=3"));

	private final String name;
	private final List<Label> labels;
	private final byte[] labelOfCell;

	private SegmentMap(String name, List<Label> labels, byte[] labelOfCell) {
		this.name = name;
		this.labels = List.copyOf(labels);
		this.labelOfCell = labelOfCell;
	}

	/** A built-in map; its rules must give every cell exactly one segment. */
	public static SegmentMap builtIn(String name) {
		List<Segment> segments = switch (name) {
		case EN -> ENGLISH;
		case CN8 -> CHINESE_8;
		default -> throw new IllegalArgumentException(name);
		};
		byte[] table = new byte[125];
		Arrays.fill(table, (byte) -1);
		for (int s = 0; s < segments.size(); s++) {
			boolean[] cells = cells(segments.get(s).rule(), new Source("built-in " + name, ""));
			for (int cell = 0; cell < 125; cell++) {
				if (cells[cell]) {
					if (table[cell] >= 0) {
						throw new IllegalStateException(name + ": cell " + cell + " is in two segments");
					}
					table[cell] = (byte) s;
				}
			}
		}
		for (byte label : table) {
			if (label < 0) {
				throw new IllegalStateException(name + ": a cell has no segment");
			}
		}
		return new SegmentMap(name, segments.stream().map(Segment::label).toList(), table);
	}

	/**
	 * A map of the user's rules, in order: the first rule that matches a cell names it; cells
	 * no rule matches go to {@code other} (the user's own {@code other} segment if one is
	 * named so). A segment named twice keeps its first place and matches either rule.
	 *
	 * @param rules   segment name → rule, in order
	 * @param sources segment name → where it was given, for errors
	 */
	public static SegmentMap custom(Map<String, String> rules, Map<String, Source> sources) {
		List<Label> labels = new ArrayList<>();
		byte[] table = new byte[125];
		Arrays.fill(table, (byte) -1);
		for (Map.Entry<String, String> rule : rules.entrySet()) {
			Source source = sources.getOrDefault(rule.getKey(), new Source(rule.getKey(), ""));
			String segment = checkName(source, rule.getKey());
			int label = indexOf(labels, segment);
			if (label < 0) {
				if (labels.size() == 120) {
					throw source.error("at most 120 segments");
				}
				label = labels.size();
				labels.add(Label.of(segment, segment, segment));
			}
			boolean[] cells = cells(rule.getValue(), source);
			for (int cell = 0; cell < 125; cell++) {
				if (cells[cell] && table[cell] < 0) {
					table[cell] = (byte) label;
				}
			}
		}
		int other = -1;
		for (int cell = 0; cell < 125; cell++) {
			if (table[cell] < 0) {
				if (other < 0) {
					other = indexOf(labels, OTHER.id());
					if (other < 0) {
						other = labels.size();
						labels.add(OTHER);
					}
				}
				table[cell] = (byte) other;
			}
		}
		return new SegmentMap(CUSTOM, labels, table);
	}

	/**
	 * Reads {@code name = rule} lines (UTF-8; blank lines and lines starting with {@code #}
	 * skipped) into {@code rules}, recording {@code key} with the line for errors. A name given
	 * again has its rules combined (either holds) at its first place.
	 */
	public static void readFile(String key, String file, Map<String, String> rules, Map<String, Source> sources) {
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
		} catch (CharacterCodingException e) {
			throw new ParameterException(key, file + ": not UTF-8 text");
		} catch (IOException | RuntimeException e) {
			throw new ParameterException(key, file + ": cannot be read (" + e.getMessage() + ")");
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Source source = new Source(key, file + ", line " + (i + 1));
			int eq = line.indexOf('=');
			if (eq <= 0) {
				throw source.error("expected 'name = rule', got '" + line + "'");
			}
			String name = checkName(source, line.substring(0, eq).strip());
			cells(line.substring(eq + 1), source);
			if (!rules.containsKey(name)) {
				rules.put(name, line.substring(eq + 1));
				sources.put(name, source);
			} else {
				rules.put(name, rules.get(name) + " | " + line.substring(eq + 1));
			}
		}
	}

	private static String checkName(Source source, String name) {
		if (name.isEmpty() || name.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == ';' || ch == ','
				|| ch == '"' || Character.isISOControl(ch))) {
			throw source.error("segment name '" + name + "' must be one word without ; , or quotes");
		}
		return name;
	}

	private static int indexOf(List<Label> labels, String id) {
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	/** The cells (index {@code 25(r-1) + 5(f-1) + (m-1)}) where a rule holds. */
	public static boolean[] cells(String rule, Source source) {
		boolean[] result = new boolean[125];
		String text = rule.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
		if (text.isEmpty()) {
			throw source.error("empty rule");
		}
		for (String alternative : text.split("\\|", -1)) {
			if (alternative.isEmpty()) {
				throw source.error("empty alternative in rule '" + rule + "'");
			}
			boolean[] holds = new boolean[125];
			Arrays.fill(holds, true);
			for (String condition : alternative.split(",", -1)) {
				restrict(holds, condition, rule, source);
			}
			for (int cell = 0; cell < 125; cell++) {
				result[cell] |= holds[cell];
			}
		}
		return result;
	}

	private static void restrict(boolean[] holds, String condition, String rule, Source source) {
		Matcher m = CONDITION.matcher(condition);
		if (!m.matches()) {
			throw source.error("'" + condition + "' in rule '" + rule
					+ "' is not a condition such as r>=4, fm<=2, m=5 or f=2-3");
		}
		String score = m.group(1);
		String op = m.group(2);
		int low = score(m.group(3), rule, source);
		int high = low;
		if (m.group(4) != null) {
			if (!op.equals("=") && !op.equals("==")) {
				throw source.error("a range such as f=2-3 takes '=', in rule '" + rule + "'");
			}
			high = score(m.group(4), rule, source);
			if (high < low) {
				throw source.error("empty range " + low + "-" + high + " in rule '" + rule + "'");
			}
		}
		for (int r = 1; r <= 5; r++) {
			for (int f = 1; f <= 5; f++) {
				for (int mm = 1; mm <= 5; mm++) {
					int value = switch (score) {
					case "r" -> r;
					case "f" -> f;
					case "m" -> mm;
					default -> fm(f, mm);
					};
					boolean ok = switch (op) {
					case "<=" -> value <= low;
					case ">=" -> value >= low;
					case "<" -> value < low;
					case ">" -> value > low;
					case "!=" -> value != low;
					default -> value >= low && value <= high;
					};
					if (!ok) {
						holds[cell(r, f, mm)] = false;
					}
				}
			}
		}
	}

	private static int score(String text, String rule, Source source) {
		int value = Integer.parseInt(text.length() > 2 ? "99" : text);
		if (value < 1 || value > 5) {
			throw source.error("score " + text + " out of 1-5 in rule '" + rule + "'");
		}
		return value;
	}

	/** The mean of F and M, rounded up. */
	public static int fm(int f, int m) {
		return (f + m + 1) / 2;
	}

	public static int cell(int r, int f, int m) {
		return 25 * (r - 1) + 5 * (f - 1) + (m - 1);
	}

	public String name() {
		return name;
	}

	public List<Label> labels() {
		return labels;
	}

	/** The label index of a cell of scores 1–5. */
	public int labelOf(int r, int f, int m) {
		return labelOfCell[cell(r, f, m)];
	}
}
