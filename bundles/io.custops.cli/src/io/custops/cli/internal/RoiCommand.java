package io.custops.cli.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.custops.campaign.CampaignLoader;
import io.custops.campaign.CampaignRois;
import io.custops.campaign.LoadedCampaign;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiStatistics;
import io.custops.core.spi.SqlDialect;
import io.custops.engine.sql.NoPushdownException;
import io.custops.engine.sql.RoiQuery;
import io.custops.store.CampaignRecord;
import io.custops.store.SourceRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** {@code ./custops roi --campaign ID}: what a campaign returned over its attribution window. */
final class RoiCommand implements Command {

	@Override
	public String name() {
		return "roi";
	}

	@Override
	public String summary() {
		return "a campaign's revenue, incremental revenue against its control group, ROI, response and uplift";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops roi --campaign ID [--param breakdown=…] [--param breakdown.<key>=v]… [--json]
				                     [--source ID [--explain]]
				  Revenue of the members' paid orders dated in the campaign's window [start, end];
				  incremental revenue = (treatment revenue / treatment size − control revenue / control size)
				  × treatment size; ROI = (incremental revenue × margin − cost) / cost, a ratio (−0.25 = −25 %).
				  Without a control group the figures are gross, and the output says so.
				  --param breakdown=target       by the segment each member was in when the campaign was created
				  --param breakdown=rfm          by any strategy or model as of the start (segment, tier, stage,
				                                 strategy:ID, model:ID) or a customer attribute (province)
				  --param breakdown.<key>=v      a parameter of that strategy or model
				  --param alpha=0.05             significance level; intervals at 1 − alpha (95 %)
				  --json  {"treatment_revenue", "control_revenue", "incremental_revenue", "cost", "roi",
				           "treatment_response_rate", "control_response_rate", "uplift", …, "uplift_ci",
				           "incremental_revenue_ci", "roi_ci", "p_value", "significant", "warnings", "by_segment"}
				  Intervals: response rates Wilson, uplift Newcombe, incremental revenue Welch's t; an arm with
				  fewer than 100 members or 10 responders, or an interval including zero: "too few customers to tell".
				  --source ID    the orders of a registered source instead of the workspace's: the members (from the
				                 workspace) go to a temporary table of the session (inline on Trino and Spark), the
				                 source sums each arm; the same figures (docs/warehouse.md, "Campaign ROI")
				  --explain      with --source: prints the SQL that would be sent, runs nothing
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("campaign", "source"));
		String id = inv.requireOption("campaign");
		CampaignRoi roi = services.require(CampaignRoi.class);
		RoiResult result;
		CampaignRecord record;
		String sourceId = inv.option("source");
		SqlDialect dialect = null;
		long millis = -1;
		if (inv.options.containsKey("explain") && sourceId == null) {
			throw new UsageException("--explain needs --source ID");
		}
		if (sourceId != null) {
			SourceShared shared = new SourceShared(services, SourceCommand.find(inv, services, sourceId), null,
					inv.workspace());
			SourceRecord source = shared.record();
			dialect = shared.dialect();
			SourceShared.Loaded campaign = shared.campaign(id);
			record = campaign.record();
			int members = campaign.members().size();
			RoiQuery query;
			try {
				query = shared.roiQuery(campaign, inv.params);
			} catch (NoPushdownException e) {
				throw new UsageException(e.getMessage());
			}
			if (inv.options.containsKey("explain")) {
				String sql = (query.inline() ? "" : query.create() + ";\n-- then " + members + " rows: "
						+ query.insert() + ";\n") + query.sql().strip() + ";";
				if (inv.json()) {
					Map<String, Object> doc = new LinkedHashMap<>();
					doc.put("campaign", record.id());
					doc.put("source", source.id());
					doc.put("dialect", dialect.id());
					doc.put("members_table", query.inline() ? null : query.create());
					doc.put("sql", query.sql());
					inv.out.print(Json.write(doc));
				} else {
					inv.out.println(sql);
				}
				return CustopsApplication.OK;
			}
			long started = System.nanoTime();
			result = shared.run(query, id);
			millis = (System.nanoTime() - started) / 1_000_000;
		} else
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			CustomerDataset data = WorkspaceData.dataset(inv, ws);
			LoadedCampaign loaded = CampaignLoader.load(ws.campaigns(), id, data);
			record = loaded.record();
			result = CampaignRois.run(roi, data, loaded, inv.params, ProgressMonitor.NULL);
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>(result.toJson());
			doc.put("origin", record.origin());
			doc.put("target", record.target());
			doc.put("control_share", record.controlShare());
			doc.put("seed", record.seed());
			if (sourceId != null) {
				doc.put("source", sourceId);
				doc.put("dialect", dialect.id());
				doc.put("millis", millis);
			}
			inv.out.print(Json.write(doc));
			return CustopsApplication.OK;
		}
		if (sourceId != null) {
			inv.out.printf("in source %s (%s, %d ms)%n", sourceId, dialect.id(), millis);
		}
		print(inv, result);
		return CustopsApplication.OK;
	}

	private static void print(Invocation inv, RoiResult r) {
		RoiResult.Figures f = r.total();
		inv.out.printf("campaign %s (%s), %s … %s, margin %s%n", r.campaign(), r.name(), r.start(), r.end(),
				r.margin().toPlainString());
		if (r.gross()) {
			inv.out.println("  no control group: revenue and ROI are gross, not incremental");
		}
		inv.out.printf("  %-22s %14s %14s%n", "", "treatment", "control");
		inv.out.printf("  %-22s %14d %14s%n", "members", f.treatmentSize(), f.incremental() ? f.controlSize() : "-");
		inv.out.printf("  %-22s %14d %14s%n", "responders", f.treatmentResponders(),
				f.incremental() ? f.controlResponders() : "-");
		inv.out.printf("  %-22s %14s %14s%n", "response rate", text(f.treatmentResponseRate()),
				text(f.controlResponseRate()));
		inv.out.printf("  %-22s %14s %14s%n", "revenue", text(f.treatmentRevenue()), text(f.controlRevenue()));
		inv.out.printf("  %-22s %14s %14s%n", "revenue per member", text(f.treatmentRevenuePerMember()),
				text(f.controlRevenuePerMember()));
		inv.out.printf("  %-22s %14s%n", f.incremental() ? "incremental revenue" : "gross revenue",
				text(f.incrementalRevenue()));
		inv.out.printf("  %-22s %14s%n", "× margin", text(f.incrementalProfit()));
		inv.out.printf("  %-22s %14s%n", "cost", text(f.cost()));
		inv.out.printf("  %-22s %14s%n", "net return", text(f.netReturn()));
		inv.out.printf("  %-22s %14s%s%n", "ROI", text(f.roi()),
				f.roi() == null ? "  (no cost)" : "  (" + f.roi().movePointRight(2).stripTrailingZeros().toPlainString() + " %)");
		if (f.incremental()) {
			inv.out.printf("  %-22s %14s%n", "uplift", text(f.uplift()));
			inv.out.printf("  %-22s %14s%n", "relative uplift", text(f.relativeUplift()));
		}
		RoiStatistics.Result stats = f.statistics();
		if (stats != null) {
			String level = stats.confidence().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
			inv.out.printf("%s intervals (rates: Wilson; uplift: Newcombe; revenue: Welch's t from each arm's n, sum "
					+ "and sum of squares):%n", level);
			inv.out.printf("  %-22s %s%s%n", "response rate", ci(stats.treatmentRate()),
					stats.controlRate() == null ? "" : "  control " + ci(stats.controlRate()));
			if (stats.uplift() != null) {
				inv.out.printf("  %-22s %s  p = %s%n", "uplift", ci(stats.uplift()), text(stats.upliftPValue()));
			}
			if (stats.incrementalRevenue() != null) {
				inv.out.printf("  %-22s %s%n", "incremental / member", ci(stats.incrementalRevenuePerMember()));
				inv.out.printf("  %-22s %s%n", "incremental revenue", ci(stats.incrementalRevenue()));
				inv.out.printf("  %-22s %s%n", "ROI", ci(stats.roi()));
				inv.out.printf("  %-22s %s (alpha %s): %s%n", "p-value", text(stats.pValue()),
						stats.alpha().stripTrailingZeros().toPlainString(),
						Boolean.TRUE.equals(stats.significant()) ? "significant" : "not significant");
			}
			for (String w : stats.warnings()) {
				inv.out.println("  " + w);
			}
		}
		if (r.breakdownBy() != null) {
			inv.out.printf("by %s (as of %s):%n", r.breakdownBy(),
					r.breakdownBy().equals(CampaignRois.TARGET) ? "the campaign's creation" : r.start().toString());
			inv.out.printf("  %-24s %9s %8s %14s %14s %10s %10s%n", "segment", "treatment", "control", "revenue",
					"incremental", "cost", "roi");
			for (RoiResult.Segment s : r.segments()) {
				RoiResult.Figures g = s.figures();
				inv.out.printf("  %-24s %9d %8d %14s %14s %10s %10s%s%n", s.segment(), g.treatmentSize(),
						g.controlSize(), text(g.treatmentRevenue()), text(g.incrementalRevenue()), text(g.cost()),
						text(g.roi()), (g.incremental() ? "" : "  gross")
								+ (g.tooFewToTell() ? "  " + RoiStatistics.TOO_FEW : ""));
			}
		}
	}

	private static String ci(RoiStatistics.Interval interval) {
		return interval == null ? "-" : interval.toString();
	}

	private static String text(BigDecimal value) {
		return value == null ? "-" : value.toPlainString();
	}
}
