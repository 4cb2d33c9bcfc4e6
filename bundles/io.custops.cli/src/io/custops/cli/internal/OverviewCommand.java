package io.custops.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.OverviewAnalysis;
import io.custops.engine.OverviewResult;

/** {@code ./custops overview}: the shop at a glance, from the engine's {@link OverviewAnalysis}. */
final class OverviewCommand implements Command {

	private static final Map<String, String> OPTIONS = Map.of("from", OverviewAnalysis.FROM, "to", OverviewAnalysis.TO,
			"period", OverviewAnalysis.PERIOD);

	@Override
	public String name() {
		return "overview";
	}

	@Override
	public String summary() {
		return "GMV, orders, buyers, AOV, repurchase rate, new vs returning per period, peaks, stages, top segments";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops overview [--from D --to D] [--period day|week|month] [--param k=v]… [--json]
				  Paid orders dated in [from, to) (default: the year before the day after the last fact), per
				  period, each with the period before and the same period a year earlier; the 6.18 and 11.11 peak
				  days; customers per stage and the largest segments as of 'to'.
				  --period month             (default) or week (ISO, Monday first) or day
				  --param top=5              segments listed
				  --param stages=stages      the lifecycle model counted; segments=rfm: the segmentation listed
				  --json {"from", "to", "period", "totals", "periods": [{"period", "start", "end", "gmv",
				         "paid_orders", "buying_customers", "aov", "repurchase_rate", "new_customers",
				         "returning_customers", "new_revenue", "returning_revenue", "peak", "previous", "year_ago",
				         "vs_previous", "vs_year_ago"}], "peaks", "stages", "top_segments", "params"}
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("from", "to", "period"));
		Map<String, String> params = new LinkedHashMap<>(inv.params);
		OPTIONS.forEach((option, key) -> {
			String value = inv.option(option);
			if (value != null) {
				params.put(key, value);
			}
		});
		OverviewAnalysis overview = services.require(OverviewAnalysis.class);
		CustomerDataset data = WorkspaceData.load(inv, services);
		OverviewResult r = overview.run(data, params, ProgressMonitor.NULL);
		if (inv.json()) {
			inv.out.print(Json.write(r.toJson()));
			return 0;
		}
		OverviewResult.Figures t = r.totals();
		inv.out.printf("paid orders in [%s, %s): GMV %s, %d orders, %d buying customers, AOV %s, repurchase rate %s, "
				+ "new %d (%s), returning %d (%s)%n", r.from(), r.to(), t.gmv().toPlainString(), t.paidOrders(),
				t.buyingCustomers(), text(t.aov()), pct(t.repurchaseRate()), t.newCustomers(), t.newRevenue().toPlainString(),
				t.returningCustomers(), t.returningRevenue().toPlainString());
		inv.out.printf("  %-10s %14s %8s %8s %9s %7s %7s %7s %9s %9s  %s%n", r.periodUnit(), "GMV", "orders", "buyers", "AOV",
				"repeat", "new", "return", "vs prev", "vs year", "peak");
		for (OverviewResult.Period p : r.periods()) {
			OverviewResult.Figures f = p.figures();
			inv.out.printf("  %-10s %14s %8d %8d %9s %7s %7d %7d %9s %9s  %s%n", p.period(), f.gmv().toPlainString(),
					f.paidOrders(), f.buyingCustomers(), text(f.aov()), pct(f.repurchaseRate()), f.newCustomers(),
					f.returningCustomers(), change(f.gmv(), p.previous().gmv()), change(f.gmv(), p.yearAgo().gmv()),
					p.peak() == null ? "" : p.peak());
		}
		for (OverviewResult.Peak peak : r.peaks()) {
			inv.out.printf("peak %s (%s): GMV %s, %d orders, %d buying customers%n", peak.name(), peak.day(),
					peak.figures().gmv().toPlainString(), peak.figures().paidOrders(), peak.figures().buyingCustomers());
		}
		print(inv, "stages", r.stages());
		print(inv, "top segments", r.segments());
		return 0;
	}

	private static void print(Invocation inv, String what, List<OverviewResult.Count> counts) {
		if (counts == null) {
			inv.out.printf("%s: none installed%n", what);
			return;
		}
		StringBuilder line = new StringBuilder(what).append(':');
		counts.forEach(c -> line.append(' ').append(c.label()).append(' ').append(c.customers()).append(','));
		line.setLength(line.length() - 1);
		inv.out.println(line);
	}

	private static String text(BigDecimal v) {
		return v == null ? "—" : v.toPlainString();
	}

	private static String pct(BigDecimal ratio) {
		return ratio == null ? "—" : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	private static String change(BigDecimal now, BigDecimal before) {
		if (before == null || before.signum() == 0) {
			return "—";
		}
		return now.subtract(before).movePointRight(2).divide(before, 1, RoundingMode.HALF_UP).toPlainString() + "%";
	}
}
