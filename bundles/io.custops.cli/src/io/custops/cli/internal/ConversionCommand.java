package io.custops.cli.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.ConversionResult;
import io.custops.engine.TierConversion;
import io.custops.engine.sql.ConversionQuery;
import io.custops.engine.sql.NoPushdownException;
import io.custops.core.spi.SqlDialect;
import io.custops.store.SourceRecord;

/** {@code ./custops conversion}: moves between the levels of a strategy or model from D1 to D2. */
final class ConversionCommand implements Command {

	@Override
	public String name() {
		return "conversion";
	}

	@Override
	public String summary() {
		return "tier (or stage) conversion between two dates: moves, up/down rates, entrants";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops conversion [--strategy ID | --model ID] --from D1 --to D2 [--param k=v]… [--out F.csv] [--json]
				                            [--source ID [--explain]]
				  Classifies the customers with a paid order before D1 as of D1 and as of D2 with the
				  same parameters, and counts the moves. Default analysis: tiers.
				  --param period=month|quarter|year   also a series of consecutive periods
				  --out F.csv    rows: from, to, customers
				  --json         the matrix, per-level retained/upgraded/downgraded and rates, entrants
				  --source ID    runs inside a registered source: the analysis's own SQL at each date, only the
				                 counts come back; the same output (docs/warehouse.md, "Tier conversion")
				  --explain      with --source: prints the SQL that would be sent, runs nothing
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("strategy", "model", "from", "to", "out", "source"));
		if (inv.option("strategy") != null && inv.option("model") != null) {
			throw new UsageException("give --strategy or --model, not both");
		}
		String id = inv.option("strategy") != null ? inv.option("strategy") : inv.option("model");
		LocalDate from = date(inv.requireOption("from"), "from");
		LocalDate to = date(inv.requireOption("to"), "to");
		if (!from.isBefore(to)) {
			throw new UsageException("--from " + from + " must be before --to " + to);
		}
		TierConversion conversion = services.require(TierConversion.class);
		ConversionResult result;
		String source = inv.option("source");
		long millis = -1;
		SqlDialect dialect = null;
		if (source != null) {
			SourceShared shared = new SourceShared(services, SourceCommand.find(inv, services, source), null,
					inv.workspace());
			SourceRecord record = shared.record();
			dialect = shared.dialect();
			ConversionQuery query;
			try {
				query = shared.conversionQuery(id, from, to, inv.params);
			} catch (NoPushdownException e) {
				throw new UsageException(e.getMessage());
			}
			if (inv.options.containsKey("explain")) {
				if (inv.json()) {
					Map<String, Object> doc = new LinkedHashMap<>();
					doc.put("analysis", id == null ? TierConversion.DEFAULT_ANALYSIS : id);
					doc.put("source", record.id());
					doc.put("dialect", dialect.id());
					doc.put("sql", query.sql());
					inv.out.print(Json.write(doc));
				} else {
					inv.out.println(query.sql().strip() + ";");
				}
				return 0;
			}
			long started = System.nanoTime();
			result = shared.run(query);
			millis = (System.nanoTime() - started) / 1_000_000;
		} else {
			if (inv.options.containsKey("explain")) {
				throw new UsageException("--explain needs --source ID");
			}
			CustomerDataset data = WorkspaceData.load(inv, services);
			result = conversion.run(data, id, from, to, inv.params, ProgressMonitor.NULL);
		}
		Path out = inv.option("out") == null ? null : Path.of(inv.option("out")).toAbsolutePath();
		long rows = -1;
		if (out != null) {
			if (out.getParent() != null) {
				Files.createDirectories(out.getParent());
			}
			try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
				rows = result.writeCsv(writer);
			}
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>(result.toJson());
			if (out != null) {
				doc.put("out", out.toString());
				doc.put("rows", rows);
			}
			if (source != null) {
				doc.put("source", source);
				doc.put("dialect", dialect.id());
				doc.put("millis", millis);
			}
			inv.out.print(Json.write(doc));
			return 0;
		}
		inv.out.printf("%s from %s to %s%s%n", result.analysis(), from, to,
				source == null ? "" : " in source " + source + " (" + dialect.id() + ", " + millis + " ms)");
		inv.out.printf("  %-20s %10s %10s %10s %10s%n", "level", "customers", "retained", "upgraded", "downgraded");
		for (ConversionResult.Level level : result.perLevel()) {
			inv.out.printf("  %-20s %10d %10d %10d %10d%n", level.level(), level.customers(), level.retained(),
					level.upgraded(), level.downgraded());
		}
		if (out != null) {
			inv.out.printf("%d rows written to %s%n", rows, out);
		}
		return 0;
	}

	static LocalDate date(String text, String option) {
		try {
			return LocalDate.parse(text.trim());
		} catch (java.time.format.DateTimeParseException e) {
			throw new UsageException("--" + option + " '" + text + "' is not an ISO date (yyyy-MM-dd)");
		}
	}
}
