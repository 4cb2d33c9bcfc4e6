package io.custops.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.custops.campaign.internal.BehaviourTargets;
import io.custops.campaign.internal.ListFile;
import io.custops.campaign.internal.TargetExpression;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;

/**
 * Resolves a campaign target over a dataset (docs/analyses.md, "Campaign targets"):
 * <ul>
 * <li>{@code strategy:ID=LABEL[,LABEL…]}, {@code model:ID=LABEL…} or {@code ID=LABEL…}: the
 * customers the strategy or model puts in one of the labels as of the date (aliases
 * {@code segment}, {@code tier}, {@code stage} for rfm, tiers, stages); its parameters are
 * the target parameters;</li>
 * <li>{@code tag:TAG[,TAG…]}: the customers carrying one of the manual tags;</li>
 * <li>{@code funnel:STEP,STEP,…@K}: the customers who did step K−1 but not step K of the
 * funnel over the events before the date (funnel parameters such as {@code window} are the
 * target parameters);</li>
 * <li>{@code file:PATH}: the customers listed in a CSV file with a {@code customer_id}
 * column (and optionally a {@code segment} column);</li>
 * <li>{@code unpaid:48h}, {@code cart-abandoned:24h}, {@code second-purchase:7-30d}: behaviour
 * before the date (internal.BehaviourTargets);</li>
 * <li>{@code ID:LABEL[,LABEL…]}: the shorthand of {@code ID=LABEL…} ({@code stage:dormant}).</li>
 * </ul>
 * Targets combine with {@code &}, {@code |} and parentheses ({@code stage:dormant & rfm:at_risk,cannot_lose});
 * a mistake in a combination is named by its position in the spec.
 */
public final class Targets {

	/** Short names for the built-in analyses, as the engine's breakdowns accept them. */
	private static final Map<String, String> ALIASES = Map.of("tier", "tiers", "segment", "rfm", "stage", "stages");

	/** The prefix of the target parameters on the command line: {@code --param target.levels=…}. */
	public static final String PARAMETER_PREFIX = "target.";

	private Targets() {
	}

	/**
	 * @param parameters the target's own parameters (without the {@value #PARAMETER_PREFIX} prefix)
	 * @param asOf       the date strategies and models classify as of; funnels count events before it
	 * @throws ParameterException     for a bad parameter of the target's analysis (named with the prefix)
	 * @throws AnalysisInputException for a malformed target, an unknown analysis, label, tag or
	 *                                step, an unreadable list, or an empty selection
	 */
	public static Target resolve(String spec, Map<String, String> parameters, CustomerDataset data, LocalDate asOf,
			Analyses analyses, FunnelAnalysis funnels, ProgressMonitor monitor) {
		Target target = select(spec, parameters, data, asOf, analyses, funnels, monitor);
		if (target.size() == 0) {
			throw new AnalysisInputException("the target " + target.description() + " selects no customer: a campaign"
					+ " needs members");
		}
		return target;
	}

	/**
	 * {@link #resolve}, where selecting nobody is an answer, not an error (a playbook's run on a
	 * day without unpaid orders).
	 */
	public static Target select(String spec, Map<String, String> parameters, CustomerDataset data, LocalDate asOf,
			Analyses analyses, FunnelAnalysis funnels, ProgressMonitor monitor) {
		if (spec == null || spec.isBlank()) {
			throw new AnalysisInputException("no target: give strategy:ID=LABEL, tag:TAG, funnel:STEPS@K, file:PATH,"
					+ " unpaid:48h, cart-abandoned:24h or second-purchase, combined with & and |");
		}
		String s = spec.strip();
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		Map<String, String> params = parameters == null ? Map.of() : parameters;
		TargetExpression.Node node = TargetExpression.parse(s);
		Target target;
		if (node instanceof TargetExpression.Atom atom) {
			target = atom(atom.text(), params, data, asOf, analyses, funnels, pm);
		} else {
			target = combined(s, node, params, data, asOf, analyses, funnels, pm);
		}
		return target;
	}

	/** One target, without the check that it selects someone (a part of a combination may not). */
	private static Target atom(String s, Map<String, String> params, CustomerDataset data, LocalDate asOf,
			Analyses analyses, FunnelAnalysis funnels, ProgressMonitor pm) {
		int colon = s.indexOf(':');
		String kind = colon < 0 ? s : s.substring(0, colon).strip();
		if (s.startsWith("tag:")) {
			noParameters(s, params);
			return tags(s, data);
		} else if (s.startsWith("funnel:")) {
			return funnel(s, params, data, asOf, funnels, pm);
		} else if (s.startsWith("file:")) {
			return file(s, params, data);
		} else if (BehaviourTargets.isBehaviour(kind) && s.indexOf('=') < 0) {
			noParameters(s, params);
			BehaviourTargets.Selection sel = BehaviourTargets.resolve(kind, colon < 0 ? null : s.substring(colon + 1),
					data, asOf, "target '" + s + "'");
			return selected(s, Map.of(), sel.selected(), kind, s + " as of " + asOf + " (" + sel.description() + ")");
		} else if (colon > 0 && s.indexOf('=') < 0 && !kind.equals("strategy") && !kind.equals("model")) {
			// the ID:LABELS shorthand: stage:dormant is stage=dormant
			Target t = analysis(kind + "=" + s.substring(colon + 1), params, data, asOf, analyses, pm, s);
			return t;
		}
		return analysis(s, params, data, asOf, analyses, pm, s);
	}

	private static Target selected(String spec, Map<String, String> params, boolean[] selected, String segment,
			String description) {
		int k = 0;
		for (boolean b : selected) {
			k += b ? 1 : 0;
		}
		int[] customers = new int[k];
		String[] segments = new String[k];
		k = 0;
		for (int c = 0; c < selected.length; c++) {
			if (selected[c]) {
				customers[k] = c;
				segments[k++] = segment;
			}
		}
		return new Target(spec, params, customers, segments, description);
	}

	// ------------------------------------------------------------------ combinations

	/**
	 * Targets combined by {@code &} and {@code |}: each part is resolved as of the same date; a
	 * customer's segment is the segments of the parts that selected it, joined by {@code ;}.
	 * Parameters name their part: {@code tiers.levels} reaches the parts of analysis {@code tiers}.
	 */
	private static Target combined(String spec, TargetExpression.Node node, Map<String, String> params,
			CustomerDataset data, LocalDate asOf, Analyses analyses, FunnelAnalysis funnels, ProgressMonitor pm) {
		Set<String> used = new HashSet<>();
		Map<String, String> recorded = new LinkedHashMap<>();
		Map<TargetExpression.Atom, Target> parts = new LinkedHashMap<>();
		Set<String> allScopes = new HashSet<>();
		atoms(node).forEach(a -> allScopes.addAll(scopes(a.text(), analyses)));
		for (String key : params.keySet()) {
			int dot = key.indexOf('.');
			if (dot <= 0 || !allScopes.contains(key.substring(0, dot))) {
				throw new ParameterException(PARAMETER_PREFIX + key, "names no part of the target " + spec
						+ "; in a combined target a parameter names its part: " + PARAMETER_PREFIX + "<part>.<key>,"
						+ " e.g. " + PARAMETER_PREFIX + "tiers.levels, " + PARAMETER_PREFIX + "file.column");
			}
		}
		resolveParts(spec, node, params, used, recorded, parts, data, asOf, analyses, funnels, pm);
		int n = data.customerCount();
		Sel sel = evaluate(node, parts, n);
		String written = TargetExpression.format(node, a -> parts.get(a).spec());
		String description = TargetExpression.format(node, a -> parts.get(a).spec()) + " as of " + asOf;
		int k = 0;
		for (int c = 0; c < n; c++) {
			k += sel.in[c] ? 1 : 0;
		}
		int[] customers = new int[k];
		String[] segments = new String[k];
		k = 0;
		for (int c = 0; c < n; c++) {
			if (sel.in[c]) {
				customers[k] = c;
				segments[k++] = sel.segment[c];
			}
		}
		return new Target(written, recorded, customers, segments, description);
	}

	private static List<TargetExpression.Atom> atoms(TargetExpression.Node node) {
		return switch (node) {
		case TargetExpression.Atom a -> List.of(a);
		case TargetExpression.And and -> and.parts().stream().flatMap(p -> atoms(p).stream()).toList();
		case TargetExpression.Or or -> or.parts().stream().flatMap(p -> atoms(p).stream()).toList();
		};
	}

	/** Who a node selects, and each one's segment (null when its parts recorded none). */
	private record Sel(boolean[] in, String[] segment) {
	}

	private static Sel evaluate(TargetExpression.Node node, Map<TargetExpression.Atom, Target> parts, int n) {
		return switch (node) {
		case TargetExpression.Atom a -> {
			Target t = parts.get(a);
			boolean[] in = new boolean[n];
			String[] seg = new String[n];
			for (int i = 0; i < t.size(); i++) {
				in[t.customers()[i]] = true;
				seg[t.customers()[i]] = t.segments()[i];
			}
			yield new Sel(in, seg);
		}
		case TargetExpression.And and -> {
			Sel out = null;
			for (TargetExpression.Node p : and.parts()) {
				Sel s = evaluate(p, parts, n);
				if (out == null) {
					out = s;
					continue;
				}
				for (int c = 0; c < n; c++) {
					out.in[c] &= s.in[c];
					out.segment[c] = out.in[c] ? join(out.segment[c], s.segment[c]) : null;
				}
			}
			yield out;
		}
		case TargetExpression.Or or -> {
			Sel out = null;
			for (TargetExpression.Node p : or.parts()) {
				Sel s = evaluate(p, parts, n);
				if (out == null) {
					out = s;
					continue;
				}
				for (int c = 0; c < n; c++) {
					if (s.in[c]) {
						out.segment[c] = out.in[c] ? join(out.segment[c], s.segment[c]) : s.segment[c];
						out.in[c] = true;
					}
				}
			}
			yield out;
		}
		};
	}

	/** Segments joined by ';', each once, in order. */
	private static String join(String a, String b) {
		if (a == null || a.isEmpty()) {
			return b;
		}
		if (b == null || b.isEmpty()) {
			return a;
		}
		List<String> all = new ArrayList<>(List.of(a.split(";")));
		for (String s : b.split(";")) {
			if (!all.contains(s)) {
				all.add(s);
			}
		}
		return String.join(";", all);
	}

	private static void resolveParts(String spec, TargetExpression.Node node, Map<String, String> params,
			Set<String> used, Map<String, String> recorded, Map<TargetExpression.Atom, Target> parts,
			CustomerDataset data, LocalDate asOf, Analyses analyses, FunnelAnalysis funnels, ProgressMonitor pm) {
		switch (node) {
		case TargetExpression.Atom a -> {
			Set<String> scopes = scopes(a.text(), analyses);
			Map<String, String> own = new LinkedHashMap<>();
			for (Map.Entry<String, String> p : params.entrySet()) {
				int dot = p.getKey().indexOf('.');
				if (dot > 0 && scopes.contains(p.getKey().substring(0, dot))) {
					own.put(p.getKey().substring(dot + 1), p.getValue());
					used.add(p.getKey());
				}
			}
			Target t;
			String scope = scopes.isEmpty() ? "" : scopes.iterator().next();
			try {
				t = atom(a.text(), own, data, asOf, analyses, funnels, pm);
			} catch (ParameterException e) {
				String key = e.key().startsWith(PARAMETER_PREFIX) ? e.key().substring(PARAMETER_PREFIX.length()) : e.key();
				throw new ParameterException(PARAMETER_PREFIX + scope + "." + key, "target '" + spec + "': position "
						+ a.position() + " (" + a.text() + "): " + stripKey(e));
			} catch (AnalysisInputException e) {
				String message = e.getMessage();
				String own1 = "target '" + a.text() + "': ";
				throw new AnalysisInputException("target '" + spec + "': position " + a.position() + " (" + a.text()
						+ "): " + (message.startsWith(own1) ? message.substring(own1.length()) : message));
			}
			t.parameters().forEach((k, v) -> recorded.put(scope + "." + k, v));
			parts.put(a, t);
		}
		case TargetExpression.And and -> and.parts().forEach(p -> resolveParts(spec, p, params, used, recorded, parts,
				data, asOf, analyses, funnels, pm));
		case TargetExpression.Or or -> or.parts().forEach(p -> resolveParts(spec, p, params, used, recorded, parts,
				data, asOf, analyses, funnels, pm));
		}
	}

	private static String stripKey(ParameterException e) {
		String prefix = "parameter '" + e.key() + "': ";
		return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
	}

	/**
	 * The names a part's parameters go by: the analysis as written and by its id
	 * ({@code tier}, {@code tiers}), or {@code funnel}, {@code file}; the first is recorded.
	 */
	private static Set<String> scopes(String atom, Analyses analyses) {
		Set<String> scopes = new LinkedHashSet<>();
		int colon = atom.indexOf(':');
		int eq = atom.indexOf('=');
		String kind = colon < 0 ? atom : atom.substring(0, colon).strip();
		if (kind.equals("funnel") || kind.equals("file") || kind.equals("tag") || BehaviourTargets.isBehaviour(kind)) {
			scopes.add(kind);
			return scopes;
		}
		String id;
		if (eq > 0) {
			id = atom.substring(0, eq).strip();
			if (id.startsWith("strategy:") || id.startsWith("model:")) {
				id = id.substring(id.indexOf(':') + 1).strip();
			}
		} else {
			id = kind;
		}
		String resolved = ALIASES.getOrDefault(id, id);
		scopes.add(resolved);
		scopes.add(id);
		return scopes;
	}

	private static void noParameters(String spec, Map<String, String> params) {
		if (!params.isEmpty()) {
			String key = params.keySet().iterator().next();
			throw new ParameterException(PARAMETER_PREFIX + key, "the target " + spec + " takes no parameters");
		}
	}

	// ------------------------------------------------------------------ strategy or model

	private static Target analysis(String spec, Map<String, String> params, CustomerDataset data, LocalDate asOf,
			Analyses analyses, ProgressMonitor monitor, String written) {
		int eq = spec.indexOf('=');
		if (eq <= 0 || eq == spec.length() - 1) {
			throw new AnalysisInputException("target '" + written + "' is none of strategy:ID=LABEL, model:ID=LABEL,"
					+ " ID=LABEL, ID:LABEL, tag:TAG, funnel:STEPS@K, file:PATH, unpaid:48h, cart-abandoned:24h,"
					+ " second-purchase:7-30d");
		}
		String id = spec.substring(0, eq).strip();
		List<String> wanted = list(spec.substring(eq + 1));
		CustomerAnalysis analysis;
		try {
			if (id.startsWith("strategy:")) {
				analysis = analyses.find(ServiceKind.STRATEGY, id.substring("strategy:".length()).strip());
			} else if (id.startsWith("model:")) {
				analysis = analyses.find(ServiceKind.MODEL, id.substring("model:".length()).strip());
			} else {
				analysis = analyses.find(ALIASES.getOrDefault(id, id));
			}
		} catch (NoSuchElementException e) {
			throw new AnalysisInputException("target '" + written + "': " + e.getMessage());
		}
		Parameters resolved;
		try {
			resolved = analyses.resolve(analysis, params);
		} catch (ParameterException e) {
			throw prefixed(e);
		}
		CustomerClassification result;
		try {
			result = analyses.run(analysis, data, asOf, resolved, monitor);
		} catch (ParameterException e) {
			throw prefixed(e);
		}
		List<Label> labels = result.labels();
		boolean[] chosen = new boolean[labels.size()];
		for (String w : wanted) {
			int index = labelIndex(labels, w);
			if (index < 0) {
				throw new AnalysisInputException("target '" + written + "': " + analysis.id() + " has no label '" + w
						+ "' (its labels: " + String.join(", ", labels.stream().map(Label::id).toList()) + ")");
			}
			chosen[index] = true;
		}
		int n = data.customerCount();
		int[] customers = new int[n];
		String[] segments = new String[n];
		int k = 0;
		StringBuilder joined = new StringBuilder();
		for (int c = 0; c < n; c++) {
			joined.setLength(0);
			if (result.isMultiLabel()) {
				for (int label : result.labelIndexesOf(c)) {
					if (chosen[label]) {
						joined.append(joined.isEmpty() ? "" : ";").append(labels.get(label).id());
					}
				}
			} else {
				int label = result.labelIndexes()[c];
				if (label >= 0 && chosen[label]) {
					joined.append(labels.get(label).id());
				}
			}
			if (!joined.isEmpty()) {
				customers[k] = c;
				segments[k++] = joined.toString();
			}
		}
		String description = written + " as of " + asOf;
		return new Target(written, new LinkedHashMap<>(resolved.asText()), java.util.Arrays.copyOf(customers, k),
				java.util.Arrays.copyOf(segments, k), description);
	}

	/** A label by id, or by its English or Chinese text (any case). */
	private static int labelIndex(List<Label> labels, String wanted) {
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).id().equals(wanted)) {
				return i;
			}
		}
		for (int i = 0; i < labels.size(); i++) {
			Label l = labels.get(i);
			if (l.id().equalsIgnoreCase(wanted) || l.text().en().equalsIgnoreCase(wanted) || l.text().zh().equals(wanted)) {
				return i;
			}
		}
		return -1;
	}

	private static ParameterException prefixed(ParameterException e) {
		String prefix = "parameter '" + e.key() + "': ";
		String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
		return new ParameterException(PARAMETER_PREFIX + e.key(), message);
	}

	// ------------------------------------------------------------------ manual tags

	private static Target tags(String spec, CustomerDataset data) {
		List<String> wanted = list(spec.substring("tag:".length()));
		List<String> names = data.tagNames();
		boolean[] chosen = new boolean[names.size()];
		for (String w : wanted) {
			int index = names.indexOf(w);
			if (index < 0) {
				throw new AnalysisInputException("target '" + spec + "': no customer carries the tag '" + w + "' (tags: "
						+ (names.isEmpty() ? "none; ./custops tags import adds some" : String.join(", ", names)) + ")");
			}
			chosen[index] = true;
		}
		int[] offsets = data.tagOffsets();
		int[] ids = data.tagIds();
		int n = data.customerCount();
		int[] customers = new int[n];
		String[] segments = new String[n];
		int k = 0;
		StringBuilder joined = new StringBuilder();
		for (int c = 0; c < n; c++) {
			joined.setLength(0);
			for (int i = offsets[c]; i < offsets[c + 1]; i++) {
				if (chosen[ids[i]]) {
					joined.append(joined.isEmpty() ? "" : ";").append(names.get(ids[i]));
				}
			}
			if (!joined.isEmpty()) {
				customers[k] = c;
				segments[k++] = joined.toString();
			}
		}
		return new Target(spec, Map.of(), java.util.Arrays.copyOf(customers, k), java.util.Arrays.copyOf(segments, k),
				spec);
	}

	// ------------------------------------------------------------------ funnel drop-off

	private static Target funnel(String spec, Map<String, String> params, CustomerDataset data, LocalDate asOf,
			FunnelAnalysis funnels, ProgressMonitor monitor) {
		String body = spec.substring("funnel:".length());
		int at = body.lastIndexOf('@');
		if (at <= 0 || at == body.length() - 1) {
			throw new AnalysisInputException("target '" + spec + "': write funnel:STEP,STEP,…@K, K the step the"
					+ " customers did not reach (2 … number of steps)");
		}
		List<String> steps = list(body.substring(0, at));
		int step;
		try {
			step = Integer.parseInt(body.substring(at + 1).strip());
		} catch (NumberFormatException e) {
			throw new AnalysisInputException("target '" + spec + "': '" + body.substring(at + 1)
					+ "' is not a step number");
		}
		if (step < 2 || step > steps.size()) {
			throw new AnalysisInputException("target '" + spec + "': step " + step + " is not a step 2 … "
					+ steps.size() + " of the funnel " + steps);
		}
		for (String key : List.of(FunnelAnalysis.STEPS, FunnelAnalysis.BREAKDOWN, FunnelAnalysis.DROP_AT)) {
			if (params.containsKey(key)) {
				throw new ParameterException(PARAMETER_PREFIX + key, "is given by the target " + spec);
			}
		}
		Map<String, String> funnelParams = new LinkedHashMap<>(params);
		funnelParams.put(FunnelAnalysis.STEPS, String.join(",", steps));
		funnelParams.putIfAbsent(FunnelAnalysis.TO, asOf.toString());
		FunnelResult result;
		try {
			result = funnels.run(data, funnelParams, monitor);
		} catch (ParameterException e) {
			throw e.key().equals(FunnelAnalysis.STEPS) ? new AnalysisInputException("target '" + spec + "': "
					+ e.getMessage()) : prefixed(e);
		}
		int[] customers = result.dropped(step);
		String[] segments = new String[customers.length];
		java.util.Arrays.fill(segments, "dropped@" + step + ":" + steps.get(step - 1));
		funnelParams.remove(FunnelAnalysis.STEPS);
		return new Target(spec, funnelParams, customers, segments, spec + " (did " + steps.get(step - 2) + ", not "
				+ steps.get(step - 1) + ", events before " + funnelParams.get(FunnelAnalysis.TO) + ")");
	}

	// ------------------------------------------------------------------ list file

	private static Target file(String spec, Map<String, String> params, CustomerDataset data) {
		String name = spec.substring("file:".length()).strip();
		if (name.isEmpty()) {
			throw new AnalysisInputException("target '" + spec + "': name the file, file:list.csv");
		}
		Path path = Path.of(name).toAbsolutePath().normalize();
		ListFile.Rows rows;
		try {
			rows = ListFile.read(path, params, PARAMETER_PREFIX);
		} catch (IOException e) {
			throw new AnalysisInputException(path + ": " + e.getMessage());
		}
		List<String> examples = new ArrayList<>();
		int unknown = 0;
		int[] customers = new int[rows.ids().size()];
		String[] segments = new String[customers.length];
		boolean[] seen = new boolean[data.customerCount()];
		int k = 0;
		for (int i = 0; i < rows.ids().size(); i++) {
			String id = rows.ids().get(i);
			int c = data.indexOf(id);
			if (c < 0) {
				if (unknown++ < 5) {
					examples.add("line " + rows.lines().get(i) + ": " + id);
				}
			} else if (!seen[c]) {
				seen[c] = true;
				customers[k] = c;
				segments[k++] = rows.segments().get(i);
			}
		}
		if (unknown > 0) {
			throw new AnalysisInputException(path + ": " + unknown + (unknown == 1 ? " customer_id is" : " customer_ids are")
					+ " not customers of the workspace (" + String.join("; ", examples) + (unknown > 5 ? "; …" : "")
					+ "); import them as customers first");
		}
		int[] sorted = java.util.Arrays.copyOf(customers, k);
		String[] sortedSegments = new String[k];
		Integer[] order = new Integer[k];
		for (int i = 0; i < k; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Integer.compare(customers[a], customers[b]));
		for (int i = 0; i < k; i++) {
			sorted[i] = customers[order[i]];
			sortedSegments[i] = segments[order[i]];
		}
		return new Target("file:" + path, params, sorted, sortedSegments, path + " (" + rows.ids().size() + " rows, "
				+ k + " customers)");
	}

	private static List<String> list(String text) {
		List<String> values = new ArrayList<>();
		for (String v : text.split(",")) {
			if (!v.isBlank()) {
				values.add(v.strip());
			}
		}
		if (values.isEmpty()) {
			throw new AnalysisInputException("the target names no label, tag or step");
		}
		return values;
	}
}
