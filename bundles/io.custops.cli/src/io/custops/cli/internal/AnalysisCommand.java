package io.custops.cli.internal;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ClassificationCsv;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * {@code ./custops segment} and {@code ./custops lifecycle}: run a registered strategy or model
 * on the workspace as of a date; print the count per label, write per-customer rows.
 */
final class AnalysisCommand implements Command {

	private final String name;
	private final ServiceKind kind;
	private final String option;

	private AnalysisCommand(String name, ServiceKind kind, String option) {
		this.name = name;
		this.kind = kind;
		this.option = option;
	}

	static AnalysisCommand segment() {
		return new AnalysisCommand("segment", ServiceKind.STRATEGY, "strategy");
	}

	static AnalysisCommand lifecycle() {
		return new AnalysisCommand("lifecycle", ServiceKind.MODEL, "model");
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String summary() {
		return kind == ServiceKind.STRATEGY ? "segment customers with a strategy (rfm, tiers, tags, …)"
				: "place customers in lifecycle stages or run a customer-base model (stages, mbgnbd, bgnbd, paretonbd, …)";
	}

	@Override
	public String usage() {
		return String.format("""
				usage: ./custops %1$s --%2$s ID [--as-of D] [--param k=v]… [--out F.csv] [--json]
				                  [--source ID [--into SCHEMA.TABLE] [--explain]]
				  Runs the %3$s ID on the workspace's data as of D (default: today; only what
				  happened before D 00:00 counts) and prints the customers per label.
				  --%2$s ID     the %3$s (./custops services --kind %2$s lists them)
				  --as-of D      ISO date
				  --param k=v    a parameter of the %3$s (./custops services --json lists them)
				  --out F.csv    one row per classified customer: customer_id, then the %3$s's columns
				  --json         {"counts": {label: customers}, "params": {…}, …} on stdout
				  --source ID    runs inside a registered source (./custops source list) instead of the
				                 workspace: the same output, the rows streamed as they arrive
				  --into T       with --source: writes the rows into a new table T of the source
				  --explain      with --source: prints the SQL that would be sent, runs nothing
				""", name, option, kind == ServiceKind.STRATEGY ? "strategy" : "model");
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of(option, "as-of", "out", "source", "into"));
		String id = inv.requireOption(option);
		LocalDate asOf = asOf(inv.option("as-of"));
		Analyses analyses = services.require(Analyses.class);
		CustomerAnalysis analysis;
		try {
			analysis = analyses.find(kind, id);
		} catch (NoSuchElementException e) {
			throw new UsageException(e.getMessage());
		}
		Parameters parameters = analyses.resolve(analysis, inv.params); // bad params fail before any loading
		Path out = inv.option("out") == null ? null : Path.of(inv.option("out")).toAbsolutePath();
		if (inv.option("source") != null) {
			return new PushdownAnalysis(inv, services, option, id).run(analysis, asOf, parameters, out);
		}
		if (inv.option("into") != null || inv.options.containsKey("explain")) {
			throw new UsageException((inv.option("into") != null ? "--into" : "--explain") + " needs --source ID");
		}

		CustomerDataset data;
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspace())) {
			data = WorkspaceData.dataset(inv, workspace);
		}
		long started = System.nanoTime();
		CustomerClassification result = analyses.run(analysis, data, asOf, parameters, ProgressMonitor.NULL);
		long millis = (System.nanoTime() - started) / 1_000_000;

		long rows = -1;
		if (out != null) {
			if (out.getParent() != null) {
				Files.createDirectories(out.getParent());
			}
			try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
				rows = ClassificationCsv.write(data, result, writer);
			}
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put(option, id);
			doc.put("as_of", asOf.toString());
			doc.put("customers", data.customerCount());
			doc.put("classified", classified(result));
			doc.put("counts", result.counts());
			doc.put("labels", labels(result.labels()));
			result.summary().forEach((key, value) -> {
				if (!key.equals("params")) {
					doc.put(key, value);
				}
			});
			// "params": the parameters used; a fitted model's own estimates come under "params" too
			Object fitted = result.summary().get("params");
			if (fitted != null) {
				doc.put("params", fitted);
				doc.put("parameters", parameters.asText());
			} else {
				doc.put("params", parameters.asText());
			}
			if (out != null) {
				doc.put("out", out.toString());
				doc.put("rows", rows);
			}
			doc.put("millis", millis);
			inv.out.print(Json.write(doc));
			return 0;
		}
		Locale locale = Locale.getDefault();
		inv.out.printf("%s %s as of %s: %d of %d customers classified (%d ms)%n", option, id, asOf, classified(result),
				data.customerCount(), millis);
		long total = Math.max(1, classified(result));
		Map<String, Long> counts = result.counts();
		for (Label label : result.labels()) {
			long n = counts.get(label.id());
			inv.out.printf("  %-24s %-20s %10d  %5.1f%%%n", label.id(), label.text(locale), n, 100.0 * n / total);
		}
		if (out != null) {
			inv.out.printf("%d rows written to %s%n", rows, out);
		}
		printWarnings(inv, result.summary());
		return 0;
	}

	/** The summary's {@code warnings}, one "warning: …" line each, in the text output. */
	static void printWarnings(Invocation inv, Map<String, Object> summary) {
		if (summary.get("warnings") instanceof List<?> warnings) {
			for (Object warning : warnings) {
				inv.out.println("warning: " + warning);
			}
		}
	}

	static List<Map<String, String>> labelsOf(List<Label> labels) {
		return labels(labels);
	}

	private static long classified(CustomerClassification result) {
		long n = 0;
		for (int c = 0; c < result.customerCount(); c++) {
			if (result.isMultiLabel() ? result.labelIndexesOf(c).length > 0
					: result.labelIndexes()[c] != CustomerClassification.UNCLASSIFIED) {
				n++;
			}
		}
		return n;
	}

	private static List<Map<String, String>> labels(List<Label> labels) {
		return labels.stream().map(l -> {
			Map<String, String> label = new LinkedHashMap<>();
			label.put("id", l.id());
			label.put("en", l.text().en());
			label.put("zh", l.text().zh());
			return label;
		}).toList();
	}

	static LocalDate asOf(String text) {
		if (text == null) {
			return LocalDate.now();
		}
		try {
			return LocalDate.parse(text.trim());
		} catch (DateTimeParseException e) {
			throw new UsageException("--as-of '" + text + "' is not an ISO date (yyyy-MM-dd)");
		}
	}

}
