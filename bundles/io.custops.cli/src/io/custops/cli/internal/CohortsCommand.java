package io.custops.cli.internal;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.ClassificationCsv;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;

/** {@code ./custops cohorts}: retention of first-order cohorts, from the engine's {@link CohortAnalysis}. */
final class CohortsCommand implements Command {

	/** The command's own options, each handed to the analysis as the parameter of that name. */
	private static final Map<String, String> OPTIONS = Map.of("by", CohortAnalysis.BY, "metric", CohortAnalysis.METRIC,
			"from", CohortAnalysis.FROM, "to", CohortAnalysis.TO);

	static final List<String> CSV_COLUMNS = List.of("cohort", "size", "period", "customers", "pct", "orders", "revenue",
			"cumulative_revenue_per_customer");

	@Override
	public String name() {
		return "cohorts";
	}

	@Override
	public String summary() {
		return "cohort retention: customers by first paid order month or week, who bought again and LTV";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops cohorts [--by first-order-month|first-order-week] [--metric customers|orders|revenue]
				                         [--from D --to D] [--param k=v]… [--out F.csv] [--json]
				  Customers are grouped by the month (week) of their first paid order; period k is the k-th month
				  (week) after it. Each cell: the cohort's customers who paid for an order in that period, as a
				  percentage of the cohort, their orders and revenue, and the revenue of periods 0…k per cohort
				  customer (an LTV curve). Only orders before "as of" count.
				  --by first-order-month      (default) or first-order-week (ISO weeks, Monday first)
				  --metric customers          what the table shows: % of the cohort who bought (default), orders
				                              or revenue per cohort customer
				  --from D --to D             only cohorts whose first paid order is in [D, D); as of: --to
				  --param asOf=D              only orders before D count (default: --to, else the day after the last fact)
				  --param breakdown=channel   the first paid order's channel, a customer attribute (province,
				                              attribute:NAME), or an analysis: tier, segment, stage, strategy:ID
				  --param maxPeriods=24       periods after the first shown at most
				  --out F.csv                 one row per cell: [group,]cohort,size,period,customers,pct,orders,
				                              revenue,cumulative_revenue_per_customer
				  --json {"by", "metric", "as_of", "customers", "cohorts": [{"cohort", "size", "periods": [{"period",
				         "customers", "pct", "revenue", "cumulative_revenue_per_customer", "orders", "value"}]}],
				         "breakdown", "groups": [{"group", "cohorts"}]}
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("by", "metric", "from", "to", "out"));
		Map<String, String> params = new LinkedHashMap<>(inv.params);
		OPTIONS.forEach((option, key) -> {
			String value = inv.option(option);
			if (value != null) {
				params.put(key, value);
			}
		});
		CohortAnalysis cohorts = services.require(CohortAnalysis.class);
		CustomerDataset data = WorkspaceData.load(inv, services);
		Path out = inv.option("out") == null ? null : Path.of(inv.option("out")).toAbsolutePath();
		CohortResult result = cohorts.run(data, params, ProgressMonitor.NULL);
		if (out != null) {
			write(result, out);
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>(result.toJson());
			if (out != null) {
				doc.put("out", out.toString());
			}
			inv.out.print(Json.write(doc));
			return 0;
		}
		long customers = result.cohorts().stream().mapToLong(CohortResult.Cohort::size).sum();
		inv.out.printf("%d cohorts by %s, %d customers, orders before %s; cells: %s%n", result.cohorts().size(),
				result.by(), customers, result.asOf(), describe(result.metric()));
		print(inv, result.cohorts(), result.periodCount());
		for (CohortResult.Group group : result.groups()) {
			inv.out.printf("%n%s = %s%n", result.breakdownBy(), group.group());
			print(inv, group.cohorts(), result.periodCount());
		}
		if (out != null) {
			inv.out.printf("cells written to %s%n", out);
		}
		return 0;
	}

	private static String describe(String metric) {
		return switch (metric) {
		case "orders" -> "orders per cohort customer";
		case "revenue" -> "revenue per cohort customer";
		default -> "% of the cohort who bought";
		};
	}

	private static void print(Invocation inv, List<CohortResult.Cohort> cohorts, int periods) {
		StringBuilder line = new StringBuilder(String.format("  %-9s %9s", "cohort", "size"));
		for (int p = 0; p < periods; p++) {
			line.append(String.format(" %7s", "+" + p));
		}
		inv.out.println(line);
		for (CohortResult.Cohort cohort : cohorts) {
			line.setLength(0);
			line.append(String.format("  %-9s %9d", cohort.cohort(), cohort.size()));
			for (CohortResult.Period period : cohort.periods()) {
				line.append(String.format(" %7s", text(period.value())));
			}
			inv.out.println(line);
		}
	}

	static void write(CohortResult result, Path out) throws java.io.IOException {
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		boolean grouped = result.breakdownBy() != null;
		try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder();
			if (grouped) {
				line.append("group,");
			}
			line.append(String.join(",", CSV_COLUMNS)).append("\r\n");
			writer.write(line.toString());
			writeCells(writer, grouped ? "(all)" : null, result.cohorts());
			for (CohortResult.Group group : result.groups()) {
				writeCells(writer, group.group(), group.cohorts());
			}
		}
	}

	private static void writeCells(Writer writer, String group, List<CohortResult.Cohort> cohorts)
			throws java.io.IOException {
		StringBuilder line = new StringBuilder();
		for (CohortResult.Cohort cohort : cohorts) {
			for (CohortResult.Period p : cohort.periods()) {
				line.setLength(0);
				if (group != null) {
					ClassificationCsv.quote(line, group);
					line.append(',');
				}
				ClassificationCsv.quote(line, cohort.cohort());
				line.append(',').append(cohort.size()).append(',').append(p.period()).append(',').append(p.customers())
						.append(',').append(text(p.pct())).append(',').append(p.orders()).append(',')
						.append(text(p.revenue())).append(',').append(text(p.cumulativeRevenuePerCustomer()))
						.append("\r\n");
				writer.write(line.toString());
			}
		}
	}

	private static String text(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}
}
