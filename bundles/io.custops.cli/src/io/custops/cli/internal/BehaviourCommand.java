package io.custops.cli.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;

/** {@code ./custops funnel} and {@code ./custops paths}: behaviour over the workspace's events. */
final class BehaviourCommand implements Command {

	private final boolean funnel;

	private BehaviourCommand(boolean funnel) {
		this.funnel = funnel;
	}

	static BehaviourCommand funnel() {
		return new BehaviourCommand(true);
	}

	static BehaviourCommand paths() {
		return new BehaviourCommand(false);
	}

	@Override
	public String name() {
		return funnel ? "funnel" : "paths";
	}

	@Override
	public String summary() {
		return funnel ? "a behaviour funnel over events: customers per step, conversion, median times"
				: "the most frequent behaviour paths per session, and flows between steps";
	}

	@Override
	public String usage() {
		return funnel ? """
				usage: ./custops funnel --steps view,cart,order [--param k=v]… [--out F.csv] [--json] [--source ID [--explain]]
				  --param window=7d          the whole funnel within 7 days of the first step (default 14d)
				  --param order=ordered      or strict (no other event in between), any (steps in any order)
				  --param exclude=refund     leave out customers who did refund between the steps (refund@2-3)
				  --param stepWindow=1d      each step within a day of the previous one (window.<k> for step k)
				  --param breakdown=channel  or a customer attribute, or an analysis: tier, segment, stage, strategy:ID
				  --param dropAt=K           report (and --out) the customers who did step K-1 but not step K
				  --param from=D --param to=D  only events in [from, to)
				  --out F.csv                the steps; with dropAt, the dropped customers' ids
				  --json {"window", "order", "steps": [{"step", "customers", "pct_of_first", "pct_of_previous",
				         "median_seconds_from_previous", "mean_seconds_from_previous"}…], "time_to_convert_histogram"}
				  --source ID                runs inside a registered source: the steps are matched there by the same
				                             rules, only counts, sums and middle values come back; the same output
				                             (breakdown by channel or a customer attribute; docs/warehouse.md, "Funnels")
				  --explain                  with --source: prints the SQL that would be sent, runs nothing
				""" : """
				usage: ./custops paths [--param k=v]… [--out F.csv] [--json] [--source ID [--explain]]
				  --param top=20          how many paths
				  --param start=search    only paths from this event type on; end=pay: up to it
				  --param exclude=visit   event types left out
				  --param maxLength=8     longer paths are cut (shown with ...)
				  --param by=auto|session|customer
				  --param notReached=pay  only the paths of those who never reached pay (drop-offs)
				  --param from=D --param to=D  only events in [from, to)
				  --out F.csv             rows: path, count, pct_of_units
				  --json {"unit", "units", "distinct_paths", "paths": [{"path", "steps", "count", "pct_of_units"}…],
				         "flows": [{"step", "source", "target", "count"}…], "params"}
				  --source ID             runs inside a registered source: the paths are built there by the same
				                          rules, only the top paths, totals and flows come back; the same output
				                          (docs/warehouse.md, "Paths")
				  --explain               with --source: prints the SQL that would be sent, runs nothing
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(funnel ? Set.of("steps", "out", "source") : Set.of("out", "source"));
		Map<String, String> params = new LinkedHashMap<>(inv.params);
		if (funnel) {
			params.put(FunnelAnalysis.STEPS, inv.requireOption("steps"));
		}
		Path out = inv.option("out") == null ? null : Path.of(inv.option("out")).toAbsolutePath();
		String source = inv.option("source");
		if (source == null && inv.options.containsKey("explain")) {
			throw new UsageException("--explain needs --source ID");
		}
		if (source != null) {
			return funnel ? funnelInSource(inv, services, source, params, out)
					: pathsInSource(inv, services, source, params, out);
		}
		Object service = funnel ? services.require(FunnelAnalysis.class) : services.require(PathAnalysis.class);
		CustomerDataset data = WorkspaceData.load(inv, services);
		Map<String, Object> json;
		List<String[]> rows;
		if (funnel) {
			FunnelResult result = ((FunnelAnalysis) service).run(data, params, ProgressMonitor.NULL);
			json = result.toJson();
			rows = new java.util.ArrayList<>();
			String dropAt = params.get(FunnelAnalysis.DROP_AT);
			if (dropAt != null) {
				rows.add(new String[] { "customer_id" });
				for (int c : result.dropped(Integer.parseInt(dropAt.trim()))) {
					rows.add(new String[] { data.customerId(c) });
				}
			} else {
				rows.addAll(stepRows(result));
			}
			if (!inv.json()) {
				printFunnel(inv, result, null);
			}
		} else {

			PathResult result = ((PathAnalysis) service).run(data, params, ProgressMonitor.NULL);
			json = result.toJson();
			rows = pathRows(result);
			if (!inv.json()) {
				printPaths(inv, result, "");
			}
		}
		if (out != null) {
			writeCsv(out, rows);
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>(json);
			if (out != null) {
				doc.put("out", out.toString());
			}
			inv.out.print(Json.write(doc));
		} else if (out != null) {
			inv.out.printf("%d rows written to %s%n", rows.size() - 1, out);
		}
		return 0;
	}

	private static List<String[]> pathRows(PathResult result) {
		List<String[]> rows = new java.util.ArrayList<>();
		rows.add(new String[] { "path", "count", "pct_of_units" });
		for (PathResult.Path path : result.paths()) {
			rows.add(new String[] { path.text(), Long.toString(path.count()), path.pctOfUnits().toPlainString() });
		}
		return rows;
	}

	private static void printPaths(Invocation inv, PathResult result, String where) {
		inv.out.printf("%d %ss, %d distinct paths%s%n", result.units(), result.unit(), result.distinctPaths(), where);
		for (PathResult.Path path : result.paths()) {
			inv.out.printf("  %8d  %6s%%  %s%n", path.count(), path.pctOfUnits().toPlainString(), path.text());
		}
	}

	/** {@code paths --source ID}: the engine writes the SQL, the source builds the paths and returns the top ones. */
	private int pathsInSource(Invocation inv, CliServices services, String source, Map<String, String> params, Path out)
			throws Exception {
		SourceShared shared = new SourceShared(services, SourceCommand.find(inv, services, source), null,
				inv.workspace());
		io.custops.core.spi.SqlDialect dialect = shared.dialect();
		io.custops.engine.sql.PathQuery query;
		try {
			query = shared.pathQuery(params);
		} catch (io.custops.engine.sql.NoPushdownException e) {
			throw new UsageException(e.getMessage());
		}
		if (inv.options.containsKey("explain")) {
			if (inv.json()) {
				Map<String, Object> doc = new LinkedHashMap<>();
				doc.put("analysis", "paths");
				doc.put("source", source);
				doc.put("dialect", dialect.id());
				doc.put("sql", query.sql());
				inv.out.print(Json.write(doc));
			} else {
				inv.out.println(query.sql().strip() + ";");
			}
			return 0;
		}
		long started = System.nanoTime();
		PathResult result = shared.run(query);
		long millis = (System.nanoTime() - started) / 1_000_000;
		List<String[]> rows = pathRows(result);
		if (out != null) {
			writeCsv(out, rows);
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>(result.toJson());
			if (out != null) {
				doc.put("out", out.toString());
			}
			doc.put("source", source);
			doc.put("dialect", dialect.id());
			doc.put("millis", millis);
			inv.out.print(Json.write(doc));
			return 0;
		}
		printPaths(inv, result, " (in source " + source + ", " + dialect.id() + ", " + millis + " ms)");
		if (out != null) {
			inv.out.printf("%d rows written to %s%n", rows.size() - 1, out);
		}
		return 0;
	}

	/**
	 * The {@code --out} rows: the funnel's steps, then with a breakdown each group's steps, told
	 * apart by the {@code group} column (empty for the whole funnel).
	 */
	private static List<String[]> stepRows(FunnelResult result) {
		List<String[]> rows = new java.util.ArrayList<>();
		boolean grouped = !result.groups().isEmpty();
		List<String> header = new java.util.ArrayList<>(List.of("step", "customers", "pct_of_first", "pct_of_previous",
				"median_seconds_from_previous", "mean_seconds_from_previous"));
		if (grouped) {
			header.add("group");
		}
		rows.add(header.toArray(String[]::new));
		addStepRows(rows, result.steps(), grouped ? "(all)" : null);
		for (FunnelResult.Group g : result.groups()) {
			addStepRows(rows, g.steps(), g.group());
		}
		return rows;
	}

	/** @param group the group's name in the last column, or null without a breakdown (no such column) */
	private static void addStepRows(List<String[]> rows, List<FunnelResult.Step> steps, String group) {
		for (FunnelResult.Step step : steps) {
			Map<String, Object> s = step.toJson();
			List<String> row = new java.util.ArrayList<>(List.of(step.step(), text(s.get("customers")),
					text(s.get("pct_of_first")), text(s.get("pct_of_previous")), text(s.get("median_seconds_from_previous")),
					text(s.get("mean_seconds_from_previous"))));
			if (group != null) {
				row.add(group);
			}
			rows.add(row.toArray(String[]::new));
		}
	}

	private static void printFunnel(Invocation inv, FunnelResult result, String where) {
		inv.out.printf("funnel %s: %s%s%n", String.join(" > ", result.steps().stream().map(FunnelResult.Step::step).toList()),
				result.describeRules(), where == null ? "" : where);
		printSteps(inv, result.steps(), "  ");
		if (!result.groups().isEmpty()) {
			Object breakdown = result.toJson().get("breakdown");
			inv.out.printf("by %s:%n", breakdown instanceof Map<?, ?> m && m.get("by") != null ? m.get("by") : "group");
			for (FunnelResult.Group g : result.groups()) {
				inv.out.printf("  %s%n", g.group());
				printSteps(inv, g.steps(), "    ");
			}
		}
	}

	/** One line a step; times as a person reads them ("2 h 36 min"), "—" where no one converted. */
	private static void printSteps(Invocation inv, List<FunnelResult.Step> steps, String indent) {
		for (FunnelResult.Step step : steps) {
			inv.out.printf("%s%-12s %10s  %8s of first  %8s of previous  median %s  mean %s%n", indent, step.step(),
					String.format("%,d", step.customers()), percent(step.pctOfFirst()), percent(step.pctOfPrevious()),
					io.custops.core.Durations.text(step.medianSecondsFromPrevious(), false),
					io.custops.core.Durations.text(step.meanSecondsFromPrevious(), false));
		}
	}

	private static String percent(java.math.BigDecimal value) {
		return value == null ? "—" : value.toPlainString() + "%";
	}

	private static void writeCsv(Path out, List<String[]> rows) throws java.io.IOException {
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder();
			for (String[] row : rows) {
				line.setLength(0);
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						line.append(',');
					}
					io.custops.engine.ClassificationCsv.quote(line, row[i]);
				}
				writer.write(line.append("\r\n").toString());
			}
		}
	}

	/**
	 * {@code funnel --source ID}: the engine writes the SQL, the source matches the steps and
	 * returns aggregates; with dropAt, {@code --out} gets the dropped customers' ids as they arrive.
	 */
	private int funnelInSource(Invocation inv, CliServices services, String source, Map<String, String> params, Path out)
			throws Exception {
		SourceShared shared = new SourceShared(services, SourceCommand.find(inv, services, source), null,
				inv.workspace());
		io.custops.core.spi.SqlDialect dialect = shared.dialect();
		io.custops.engine.sql.FunnelQuery query;
		try {
			query = shared.funnelQuery(params);
		} catch (io.custops.engine.sql.NoPushdownException e) {
			throw new UsageException(e.getMessage());
		}
		if (inv.options.containsKey("explain")) {
			if (inv.json()) {
				Map<String, Object> doc = new LinkedHashMap<>();
				doc.put("analysis", "funnel");
				doc.put("source", source);
				doc.put("dialect", dialect.id());
				doc.put("sql", query.sql());
				if (query.droppedSql() != null) {
					doc.put("dropped_sql", query.droppedSql());
				}
				inv.out.print(Json.write(doc));
			} else {
				inv.out.println(query.sql().strip() + ";");
				if (query.droppedSql() != null && out != null) {
					inv.out.println(query.droppedSql().strip() + ";");
				}
			}
			return 0;
		}
		long started = System.nanoTime();
		FunnelResult result = shared.run(query);
		long millis = (System.nanoTime() - started) / 1_000_000;
		long rows = -1;
		if (out != null) {
			if (query.droppedSql() != null) {
				if (out.getParent() != null) {
					Files.createDirectories(out.getParent());
				}
				long[] written = new long[1];
				try (Writer writer = new java.io.BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8),
						1 << 16)) {
					writer.write("customer_id\r\n");
					StringBuilder line = new StringBuilder();
					shared.dropped(query, values -> {
						line.setLength(0);
						io.custops.engine.ClassificationCsv.quote(line, values[0]);
						writer.write(line.append("\r\n").toString());
						written[0]++;
					});
				}
				rows = written[0];
			} else {
				List<String[]> steps = stepRows(result);
				writeCsv(out, steps);
				rows = steps.size() - 1;
			}
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>(result.toJson());
			if (out != null) {
				doc.put("out", out.toString());
			}
			doc.put("source", source);
			doc.put("dialect", dialect.id());
			doc.put("millis", millis);
			inv.out.print(Json.write(doc));
			return 0;
		}
		printFunnel(inv, result, " (in source " + source + ", " + dialect.id() + ", " + millis + " ms)");
		if (out != null) {
			inv.out.printf("%d rows written to %s%n", rows, out);
		}
		return 0;
	}

	private static String text(Object value) {
		return value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
	}
}
