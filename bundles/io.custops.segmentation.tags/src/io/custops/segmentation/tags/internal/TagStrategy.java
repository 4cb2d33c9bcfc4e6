package io.custops.segmentation.tags.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.segmentation.rfm.RfmScoring;
import io.custops.segmentation.rfm.RfmValues;

/**
 * Rule tags written as JEXL expressions over customer attributes and RFM values, plus the
 * manual tags stored with the customers. A customer may carry any number of tags. See
 * docs/segmentation.md.
 */
@Component(service = SegmentationStrategy.class)
public class TagStrategy implements SegmentationStrategy {

	static final String RULE = "rule";
	static final String RULES = "rules";
	static final String MANUAL_TAGS = "manualTags";

	/**
	 * The expression engine, made when the first rule is compiled: the service is created with
	 * the workbench's catalog at start-up, and building JEXL (some 180 classes) is not needed
	 * until a rule runs.
	 */
	private static final class Jexl {
		/** Expressions only: no assignments, loops, local variables, lambdas, object creation or pragmas. */
		static final JexlFeatures FEATURES = new JexlFeatures().script(false).loops(false).sideEffect(false)
				.sideEffectGlobal(false).lambda(false).newInstance(false).annotation(false).pragma(false)
				.localVar(false).importPragma(false).namespacePragma(false);

		/**
		 * Strict: a value a rule needs that is missing (null) makes the rule fail for that customer
		 * instead of being read as 0 or false; failures are counted, not logged.
		 */
		static final JexlEngine ENGINE = new JexlBuilder().features(FEATURES).permissions(JexlPermissions.RESTRICTED)
				.strict(true).silent(false).safe(false).cache(256).create();
	}

	/** One rule: the tag it gives, its expression, and where it was written (for errors). */
	record Rule(String tag, String expression, String key, String where) {
		ParameterException error(String message) {
			return new ParameterException(key, (where.isEmpty() ? "" : where + ": ") + "rule '" + tag + "': " + message);
		}
	}

	@Override
	public String id() {
		return "tags";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Tags", "客户标签");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Rule tags over attributes and RFM values, plus manual tags; many per customer",
				"基于客户属性与 RFM 值的规则标签及手工标签；每个客户可有多个标签");
	}

	@Override
	public List<ParameterSpec> parameters() {
		List<ParameterSpec> specs = new ArrayList<>();
		specs.add(ParameterSpec.builder(RULE + ".*", ParameterType.STRING).label("Tag rule", "标签规则")
				.description("rule.TAG=EXPRESSION, e.g. rule.high-value-active=monetary >= 1000 && recency_days <= 30",
						"rule.标签=表达式，例如 rule.high-value-active=monetary >= 1000 && recency_days <= 30")
				.build());
		specs.add(ParameterSpec.builder(RULES, ParameterType.STRING).label("Rule file", "规则文件")
				.description("a UTF-8 file of 'expression -> tag' lines", "UTF-8 文本，每行“表达式 -> 标签”").build());
		specs.add(ParameterSpec.builder(MANUAL_TAGS, ParameterType.BOOLEAN).defaultValue("true")
				.label("Manual tags", "手工标签").description("include the tags stored with the customers",
						"包含随客户导入的手工标签")
				.build());
		specs.addAll(RfmScoring.parameterSpecs());
		return specs;
	}

	/** The rule tags, in the order first given; manual tags are added by {@link #classify}. */
	@Override
	public List<Label> labels(Parameters parameters) {
		return ruleTags(rules(parameters)).stream().map(TagStrategy::label).toList();
	}

	/** The distinct tags of the rules, in the order first given. */
	private static List<String> ruleTags(List<Rule> rules) {
		List<String> tags = new ArrayList<>();
		for (Rule rule : rules) {
			if (!tags.contains(rule.tag())) {
				tags.add(rule.tag());
			}
		}
		return tags;
	}

	@Override
	public List<String> columnNames(Parameters parameters) {
		return List.of("tags");
	}

	private static Label label(String tag) {
		return new Label(tag, LocalizedText.of(tag));
	}

	/** The rules of the {@code rule.*} parameters, then those of the {@code rules} file. */
	static List<Rule> rules(Parameters parameters) {
		List<Rule> rules = new ArrayList<>();
		parameters.family(RULE).forEach((tag, expression) -> {
			Rule rule = new Rule(tag, expression, RULE + "." + tag, "");
			checkTag(rule);
			rules.add(rule);
		});
		if (parameters.has(RULES)) {
			rules.addAll(readFile(parameters.string(RULES)));
		}
		return rules;
	}

	private static List<Rule> readFile(String file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
		} catch (CharacterCodingException e) {
			throw new ParameterException(RULES, file + ": not UTF-8 text");
		} catch (IOException | RuntimeException e) {
			throw new ParameterException(RULES, file + ": cannot be read (" + e.getMessage() + ")");
		}
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String where = file + ", line " + (i + 1);
			int arrow = line.lastIndexOf("->");
			if (arrow <= 0) {
				throw new ParameterException(RULES, where + ": expected 'expression -> tag', got '" + line + "'");
			}
			Rule rule = new Rule(line.substring(arrow + 2).strip(), line.substring(0, arrow).strip(), RULES, where);
			checkTag(rule);
			rules.add(rule);
		}
		return rules;
	}

	private static void checkTag(Rule rule) {
		String tag = rule.tag();
		if (tag.isEmpty() || tag.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == ';' || ch == '"'
				|| Character.isISOControl(ch))) {
			throw rule.error("the tag must be one word without ; or quotes");
		}
		if (rule.expression().isBlank()) {
			throw rule.error("empty expression");
		}
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		Parameters parameters = input.parameters();
		CustomerDataset data = input.data();
		List<Rule> rules = rules(parameters);
		RfmScoring scoring = RfmScoring.from(parameters);
		boolean manual = parameters.bool(MANUAL_TAGS);

		CustomerContext context = new CustomerContext(data);
		List<String> labelIds = ruleTags(rules);
		List<Label> labels = new ArrayList<>(labelIds.stream().map(TagStrategy::label).toList());
		JexlScript[] scripts = new JexlScript[rules.size()];
		int[] labelOfRule = new int[rules.size()];
		boolean needsRfm = false;
		for (int k = 0; k < scripts.length; k++) {
			Rule rule = rules.get(k);
			scripts[k] = compile(rule, context);
			labelOfRule[k] = labelIds.indexOf(rule.tag());
			needsRfm |= scripts[k].getVariables().stream().anyMatch(v -> CustomerContext.isRfm(v.get(0)));
		}
		if (needsRfm) {
			context.rfm(RfmValues.compute(data, input.asOfDay(), scoring, input.monitor()));
		}
		int[] labelOfManualTag = new int[data.tagNames().size()];
		if (manual) {
			for (int t = 0; t < labelOfManualTag.length; t++) {
				String tag = data.tagNames().get(t);
				int index = labelIds.indexOf(tag);
				if (index < 0) {
					index = labelIds.size();
					labelIds.add(tag);
					labels.add(label(tag));
				}
				labelOfManualTag[t] = index;
			}
		}

		int n = data.customerCount();
		int[] tagOffsets = data.tagOffsets();
		int[] tagIds = data.tagIds();
		int[] offsets = new int[n + 1];
		int[] members = new int[Math.max(16, n)];
		int size = 0;
		int[] mine = new int[scripts.length + labelOfManualTag.length];
		long[] failures = new long[scripts.length];
		String[] column = new String[n];
		StringBuilder text = new StringBuilder();
		for (int c = 0; c < n; c++) {
			if ((c & 0x3FFF) == 0) {
				input.monitor().checkCanceled();
			}
			context.customer = c;
			int count = 0;
			for (int k = 0; k < scripts.length; k++) {
				try {
					if (Boolean.TRUE.equals(scripts[k].execute(context))) {
						mine[count++] = labelOfRule[k];
					}
				} catch (JexlException | ArithmeticException e) {
					failures[k]++;
				}
			}
			if (manual) {
				for (int i = tagOffsets[c]; i < tagOffsets[c + 1]; i++) {
					mine[count++] = labelOfManualTag[tagIds[i]];
				}
			}
			Arrays.sort(mine, 0, count);
			int distinct = 0;
			for (int i = 0; i < count; i++) {
				if (i == 0 || mine[i] != mine[i - 1]) {
					mine[distinct++] = mine[i];
				}
			}
			if (size + distinct > members.length) {
				members = Arrays.copyOf(members, Math.max(members.length * 2, size + distinct));
			}
			text.setLength(0);
			for (int i = 0; i < distinct; i++) {
				members[size++] = mine[i];
				if (i > 0) {
					text.append(';');
				}
				text.append(labelIds.get(mine[i]));
			}
			offsets[c + 1] = size;
			column[c] = distinct == 0 ? null : text.toString();
		}

		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("rules", rules.size());
		summary.put("manual_tags", manual ? labelOfManualTag.length : 0);
		Map<String, Object> unevaluable = new LinkedHashMap<>();
		for (int k = 0; k < scripts.length; k++) {
			if (failures[k] > 0) {
				unevaluable.merge(rules.get(k).tag(), failures[k], (a, b) -> (Long) a + (Long) b);
			}
		}
		// customers for whom a rule could not be evaluated (a missing value, a type mismatch)
		summary.put("unevaluable", unevaluable);
		return CustomerClassification.multiLabel(labels, offsets, Arrays.copyOf(members, size),
				List.of(ResultColumn.ofTexts("tags", column)), summary);
	}

	/** Parses a rule and checks that every variable it reads is an RFM value or an attribute of the dataset. */
	private static JexlScript compile(Rule rule, CustomerContext context) {
		JexlScript script;
		try {
			script = Jexl.ENGINE.createScript(rule.expression());
		} catch (JexlException e) {
			throw rule.error("cannot parse '" + rule.expression() + "': " + e.getMessage());
		}
		for (List<String> variable : script.getVariables()) {
			String name = variable.get(0);
			if (!context.has(name)) {
				throw rule.error("unknown name '" + name + "' in '" + rule.expression() + "'; known: "
						+ String.join(", ", context.names()));
			}
		}
		return script;
	}
}
