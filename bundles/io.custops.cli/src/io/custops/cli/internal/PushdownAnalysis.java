package io.custops.cli.internal;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.Label;
import io.custops.engine.ClassificationCsv;
import io.custops.source.PushdownRun;
import io.custops.source.PushdownUnsupportedException;
import io.custops.source.SourceRuntime;
import io.custops.store.SourceRecord;

/**
 * {@code segment|lifecycle --source ID}: the analysis's SQL runs in the source; the rows are
 * written to {@code --out} as they arrive (or into a table of the source with {@code --into}),
 * and the summary has the in-memory run's keys.
 */
final class PushdownAnalysis {

	private final Invocation inv;
	private final CliServices services;
	private final String option;
	private final String id;

	PushdownAnalysis(Invocation inv, CliServices services, String option, String id) {
		this.inv = inv;
		this.services = services;
		this.option = option;
		this.id = id;
	}

	int run(CustomerAnalysis analysis, LocalDate asOf, Parameters parameters, Path out) throws Exception {
		SourceRecord source = SourceCommand.find(inv, services, inv.option("source"));
		SourceRuntime runtime = services.require(SourceRuntime.class);
		String into = inv.option("into");
		if (into != null && out != null) {
			throw new UsageException("--into and --out: choose one");
		}
		try {
			if (inv.options.containsKey("explain")) {
				String sql = runtime.explain(source, analysis, asOf, parameters);
				if (inv.json()) {
					Map<String, Object> doc = new LinkedHashMap<>();
					doc.put(option, id);
					doc.put("source", source.id());
					doc.put("dialect", runtime.dialect(source.url()).id());
					doc.put("sql", sql);
					inv.out.print(Json.write(doc));
				} else {
					inv.out.println(sql.strip() + ";");
				}
				return 0;
			}
			PushdownRun run;
			long rows = -1;
			if (into != null) {
				run = runtime.into(source, analysis, asOf, parameters, into);
			} else if (out != null) {
				if (out.getParent() != null) {
					Files.createDirectories(out.getParent());
				}
				long[] written = new long[1];
				try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
					StringBuilder line = new StringBuilder("customer_id");
					for (String column : analysis.columnNames(parameters)) {
						line.append(',');
						ClassificationCsv.quote(line, column);
					}
					writer.write(line.append("\r\n").toString());
					run = runtime.run(source, analysis, asOf, parameters, (customer, label, values) -> {
						if (label == null) {
							return; // counted, not classified: the in-memory file has no row for it either
						}
						line.setLength(0);
						ClassificationCsv.quote(line, customer);
						for (String value : values) {
							line.append(',');
							ClassificationCsv.quote(line, value);
						}
						writer.write(line.append("\r\n").toString());
						written[0]++;
					});
				}
				rows = written[0];
			} else {
				run = runtime.run(source, analysis, asOf, parameters, (customer, label, values) -> {
				});
			}
			return print(analysis, asOf, parameters, source, run, out, rows, into);
		} catch (PushdownUnsupportedException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private int print(CustomerAnalysis analysis, LocalDate asOf, Parameters parameters, SourceRecord source,
			PushdownRun run, Path out, long rows, String into) {
		List<Label> labels = analysis.labels(parameters);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Label label : labels) {
			counts.put(label.id(), run.counts().perLabel().getOrDefault(label.id(), 0L));
		}
		long classified = run.counts().classified();
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put(option, id);
			doc.put("as_of", asOf.toString());
			doc.put("customers", run.counts().customers());
			doc.put("classified", classified);
			doc.put("counts", counts);
			doc.put("labels", AnalysisCommand.labelsOf(labels));
			run.summary().forEach(doc::put);
			doc.put("params", parameters.asText());
			if (out != null) {
				doc.put("out", out.toString());
				doc.put("rows", rows);
			}
			doc.put("millis", run.millis());
			doc.put("source", source.id());
			doc.put("dialect", run.dialect().id());
			if (into != null) {
				doc.put("into", into);
				doc.put("rows", classified);
			}
			inv.out.print(Json.write(doc));
			return 0;
		}
		Locale locale = Locale.getDefault();
		inv.out.printf("%s %s as of %s in source %s (%s): %d of %d customers classified (%d ms)%n", option, id, asOf,
				source.id(), run.dialect().id(), classified, run.counts().customers(), run.millis());
		long total = Math.max(1, classified);
		for (Label label : labels) {
			long n = counts.get(label.id());
			inv.out.printf("  %-24s %-20s %10d  %5.1f%%%n", label.id(), label.text(locale), n, 100.0 * n / total);
		}
		if (out != null) {
			inv.out.printf("%d rows written to %s%n", rows, out);
		}
		if (into != null) {
			inv.out.printf("%d rows written into %s in the source%n", run.counts().rows(), into);
		}
		AnalysisCommand.printWarnings(inv, run.summary());
		return 0;
	}
}
