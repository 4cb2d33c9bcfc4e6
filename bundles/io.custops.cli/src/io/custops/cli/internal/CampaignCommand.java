package io.custops.cli.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.custops.campaign.CampaignCreator;
import io.custops.campaign.Target;
import io.custops.campaign.TargetListExport;
import io.custops.campaign.Targets;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.FunnelAnalysis;
import io.custops.store.AuditEntry;
import io.custops.store.CampaignRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * {@code ./custops campaign create|list|show|export}: campaigns created from a target with a
 * held-out control group, and their target lists for SMS and coupon tools.
 */
final class CampaignCommand implements Command {

	static final List<ParameterSpec> CREATE_PARAMETERS = List.of(
			ParameterSpec.builder("control", ParameterType.PERCENT).range(BigDecimal.ZERO, BigDecimal.ONE)
					.label("Control group", "对照组比例")
					.description("the share of the target held out, not contacted: 20% or 0.2",
							"从目标客户中随机留出、不触达的比例：20% 或 0.2")
					.build(),
			ParameterSpec.builder("controlSize", ParameterType.INTEGER).min(1).label("Control group size", "对照组人数")
					.description("the number of target customers held out", "从目标客户中随机留出的人数").build(),
			ParameterSpec.builder("seed", ParameterType.INTEGER).label("Seed", "随机种子")
					.description("the seed of the random split (recorded; default: a fresh one)",
							"随机划分的种子（会被记录；默认随机生成）")
					.build(),
			ParameterSpec.builder(Targets.PARAMETER_PREFIX + "*", ParameterType.STRING)
					.label("Target parameter", "目标参数")
					.description("target.levels=…: a parameter of the target's strategy, model, funnel or list file",
							"target.levels=…：目标所用策略、模型、漏斗或名单文件的参数")
					.build());

	@Override
	public String name() {
		return "campaign";
	}

	@Override
	public String summary() {
		return "create a campaign from a segment with a control group, list campaigns, export target lists";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops campaign create --id ID --name N --start D --end D --cost X [--margin 0.35]
				                                --target SPEC [--as-of D] [--description T]
				                                [--param control=20%|controlSize=N] [--param seed=S]
				                                [--param target.<key>=value]… [--json]
				       ./custops campaign plan --baseline-rate R --uplift U [--power 0.8] [--alpha 0.05]
				                                [--members N | --campaign ID] [--json]
				       ./custops campaign list [--json]
				       ./custops campaign show --id ID [--json]
				       ./custops campaign export --id ID --out F.csv|F.xlsx [--group treatment|control|all]
				                                [--unmask] [--json]
				  create   --target strategy:ID=LABEL[,LABEL]  a segment of a strategy (model:ID=…, or ID=…;
				                                              segment, tier, stage for rfm, tiers, stages)
				           --target tag:TAG[,TAG]             customers with a manual tag
				           --target funnel:view,cart,order@3  customers who did step 2 but not step 3
				           --target file:list.csv             customers listed in a CSV (customer_id column)
				           --target unpaid:48h                an unpaid order in the last 48h, not paid since
				           --target cart-abandoned:24h        a cart event in the last 24h, no order since
				           --target second-purchase[:7-30d]   one paid order, 7 to 30 days ago
				           --target 'stage:dormant & (rfm:at_risk | tag:vip)'  combined with & | ( );
				                          ID:LABEL is ID=LABEL
				           --param target.<key>=v  a parameter of the target's strategy, model, funnel or file;
				                          in a combined target target.<part>.<key> (target.tiers.levels=…)
				           --as-of D      the target is evaluated as of D (default: the start)
				           --start/--end  the attribution window, both days included
				           --cost X       coupons, SMS…; --margin the gross margin (0.35 or 35%; default 1)
				           --param control=20%  a random control group held out (seeded; the seed is recorded)
				  plan     members needed per arm to detect an uplift U (0.01 = one point) on a response rate R
				           (two-proportion z test); with a target of N members (--members, or a campaign's
				           members), the control group to hold out, or that N is too small
				  list     the campaigns, imported and created, with their group sizes
				  show     one campaign, its target and seed, and its audit trail (exports)
				  export   the target list: customer_id, name, phone, province, city (+ address), group,
				           segment; name, phone and address masked (138****5678) unless --unmask;
				           --group treatment (default), control or all; every export is recorded
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		if (inv.words.size() != 2) {
			throw new UsageException("say create, list, show, export or plan");
		}
		return switch (inv.words.get(1)) {
		case "plan" -> plan(inv, services);
		case "create" -> create(inv, services);
		case "list" -> list(inv, services);
		case "show" -> show(inv, services);
		case "export" -> export(inv, services);
		default -> throw new UsageException("unknown campaign command '" + inv.words.get(1)
				+ "': create, list, show, export or plan");
		};
	}

	// ------------------------------------------------------------------ plan

	private int plan(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("baseline-rate", "uplift", "power", "alpha", "members", "campaign"));
		double rate = probability(inv, "baseline-rate", inv.requireOption("baseline-rate"));
		double uplift = probability(inv, "uplift", inv.requireOption("uplift"));
		double power = probability(inv, "power", inv.option("power") == null ? "0.8" : inv.option("power"));
		double alpha = probability(inv, "alpha", inv.option("alpha") == null ? "0.05" : inv.option("alpha"));
		Long target = null;
		if (inv.option("members") != null && inv.option("campaign") != null) {
			throw new UsageException("give --members or --campaign, not both");
		}
		if (inv.option("members") != null) {
			try {
				target = Long.parseLong(inv.option("members").strip());
			} catch (NumberFormatException e) {
				throw new UsageException("--members '" + inv.option("members") + "' is not a whole number");
			}
		} else if (inv.option("campaign") != null) {
			String id = inv.option("campaign").strip();
			try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
				CampaignRecord r = ws.campaigns().get(id)
						.orElseThrow(() -> new AnalysisInputException("no campaign '" + id + "' in the workspace"));
				target = (long) r.treatmentSize() + r.controlSize();
			}
		}
		io.custops.engine.CampaignPlan plan;
		try {
			plan = io.custops.engine.CampaignPlan.of(rate, uplift, power, alpha, target);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		if (inv.json()) {
			inv.out.print(Json.write(plan.toJson()));
		} else {
			inv.out.print(plan.describe());
		}
		return CustopsApplication.OK;
	}

	private static double probability(Invocation inv, String option, String text) {
		String t = text.strip();
		try {
			return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
					: Double.parseDouble(t);
		} catch (NumberFormatException e) {
			throw new UsageException("--" + option + " '" + text + "' is not a ratio such as 0.05 or 5%");
		}
	}

	// ------------------------------------------------------------------ create

	private int create(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id", "name", "start", "end", "cost", "margin", "target", "as-of", "description"));
		String id = inv.requireOption("id").strip();
		String name = inv.requireOption("name").strip();
		LocalDate start = date(inv, "start");
		LocalDate end = date(inv, "end");
		BigDecimal cost = amount(inv.requireOption("cost"));
		BigDecimal margin = inv.option("margin") == null ? BigDecimal.ONE : ratio(inv.option("margin"));
		String spec = inv.requireOption("target");
		LocalDate asOf = inv.option("as-of") == null ? start : date(inv, "as-of");
		Parameters params = Parameters.resolve(CREATE_PARAMETERS, inv.params);
		if (params.has("control") && params.has("controlSize")) {
			throw new ParameterException("controlSize", "give control (a share) or controlSize, not both");
		}
		CampaignCreator.Control control = new CampaignCreator.Control(
				params.has("control") ? params.decimal("control") : null,
				params.has("controlSize") ? params.intValue("controlSize") : null,
				params.has("seed") ? params.integer("seed") : null);
		CampaignCreator.Draft draft = new CampaignCreator.Draft(id, name, start, end, cost, margin,
				inv.option("description"), asOf);
		Analyses analyses = services.require(Analyses.class);
		FunnelAnalysis funnels = services.require(FunnelAnalysis.class);
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			CampaignCreator.check(ws.campaigns(), draft); // before loading anything
			CustomerDataset data = WorkspaceData.dataset(inv, ws);
			Target target = Targets.resolve(spec, params.family("target"), data, asOf, analyses, funnels,
					ProgressMonitor.NULL);
			CampaignCreator.Created created = CampaignCreator.create(ws.campaigns(), data, draft, target, control);
			CampaignRecord r = created.record();
			Map<String, Long> bySegment = new TreeMap<>();
			for (String s : target.segments()) {
				bySegment.merge(s == null ? "(none)" : s, 1L, Long::sum);
			}
			if (inv.json()) {
				Map<String, Object> doc = json(r);
				doc.put("targeted", (long) target.size());
				doc.put("target_description", target.description());
				doc.put("segments", bySegment);
				doc.put("workspace", ws.directory().toString());
				inv.out.print(Json.write(doc));
				return CustopsApplication.OK;
			}
			inv.out.printf("campaign %s created: %s%n", r.id(), r.name());
			inv.out.printf("  target     %s: %d customers%n", target.description(), target.size());
			if (r.hasControl()) {
				inv.out.printf("  control    %d held out (%s of the target), seed %d%n", r.controlSize(),
						percent(r.controlShare()), r.seed());
			} else {
				inv.out.println("  control    none: ROI will be gross, not incremental (--param control=20% holds one out)");
			}
			inv.out.printf("  treatment  %d to contact; export them with ./custops campaign export --id %s --out F.csv%n",
					r.treatmentSize(), r.id());
			inv.out.printf("  window     %s … %s, cost %s, margin %s%n", r.start(), r.end(), r.cost().toPlainString(),
					r.margin().toPlainString());
			return CustopsApplication.OK;
		}
	}

	static LocalDate date(Invocation inv, String option) {
		String text = inv.requireOption(option);
		try {
			return LocalDate.parse(text.strip());
		} catch (DateTimeParseException e) {
			throw new UsageException("--" + option + " '" + text + "' is not an ISO date (yyyy-MM-dd)");
		}
	}

	private static BigDecimal amount(String text) {
		try {
			BigDecimal value = new BigDecimal(text.strip());
			if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
				throw new UsageException("--cost " + text + " is not an amount of zero or more with at most 2 decimals");
			}
			return value.setScale(2);
		} catch (NumberFormatException e) {
			throw new UsageException("--cost '" + text + "' is not an amount such as 1200.50");
		}
	}

	private static BigDecimal ratio(String text) {
		String t = text.strip();
		try {
			BigDecimal value = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2)
					: new BigDecimal(t);
			if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || value.stripTrailingZeros().scale() > 6) {
				throw new UsageException("--margin " + text + " is not a ratio between 0 and 1 (0.35 or 35%)");
			}
			return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
		} catch (NumberFormatException e) {
			throw new UsageException("--margin '" + text + "' is not a ratio such as 0.35 or 35%");
		}
	}

	private static String percent(BigDecimal share) {
		return share == null ? "" : share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	// ------------------------------------------------------------------ list and show

	private int list(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			List<CampaignRecord> all = ws.campaigns().list();
			if (inv.json()) {
				inv.out.print(Json.write(Map.of("campaigns", all.stream().map(CampaignCommand::json).toList())));
				return CustopsApplication.OK;
			}
			if (all.isEmpty()) {
				inv.out.println("no campaigns (./custops campaign create, or ./custops import --kind campaigns)");
				return CustopsApplication.OK;
			}
			inv.out.printf("%-16s %-10s %-10s %10s %6s %9s %8s  %-8s %s%n", "campaign", "start", "end", "cost",
					"margin", "treatment", "control", "origin", "target / segment");
			for (CampaignRecord r : all) {
				inv.out.printf("%-16s %-10s %-10s %10s %6s %9d %8d  %-8s %s%n", r.id(), r.start(), r.end(),
						r.cost().toPlainString(), r.margin().toPlainString(), r.treatmentSize(), r.controlSize(),
						r.origin(), r.segment() == null ? "" : r.segment());
			}
			return CustopsApplication.OK;
		}
	}

	private int show(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id"));
		String id = inv.requireOption("id");
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			CampaignRecord r = ws.campaigns().get(id)
					.orElseThrow(() -> new AnalysisInputException("no campaign '" + id + "' in the workspace"));
			List<AuditEntry> audit = ws.audit().entries(id);
			if (inv.json()) {
				Map<String, Object> doc = json(r);
				doc.put("audit", audit.stream().map(CampaignCommand::json).toList());
				inv.out.print(Json.write(doc));
				return CustopsApplication.OK;
			}
			inv.out.printf("campaign %s: %s (%s)%n", r.id(), r.name(), r.origin());
			inv.out.printf("  window %s … %s, cost %s, margin %s%n", r.start(), r.end(), r.cost().toPlainString(),
					r.margin().toPlainString());
			inv.out.printf("  treatment %d, control %d%s%n", r.treatmentSize(), r.controlSize(),
					r.seed() == null ? "" : " (" + percent(r.controlShare()) + ", seed " + r.seed() + ")");
			if (r.target() != null) {
				inv.out.printf("  target %s as of %s%s%n", r.target(), r.asOf(),
						r.targetParameters().isEmpty() ? "" : " " + r.targetParameters());
				inv.out.printf("  created %s by %s%n", r.created(), r.createdBy());
			} else if (r.segment() != null) {
				inv.out.printf("  segment %s%n", r.segment());
			}
			if (r.description() != null) {
				inv.out.printf("  %s%n", r.description());
			}
			inv.out.println(audit.isEmpty() ? "  no recorded actions" : "  audit:");
			for (AuditEntry e : audit) {
				inv.out.printf("    #%d %s %s@%s %s%s%s%n", e.seq(), e.at(), e.user(), e.host(), e.action(),
						e.file() == null ? "" : " " + e.file(),
						e.masked() == null ? "" : e.masked() ? " (masked)" : " (UNMASKED)");
			}
			return CustopsApplication.OK;
		}
	}

	static Map<String, Object> json(CampaignRecord r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("campaign", r.id());
		m.put("name", r.name());
		m.put("start", r.start().toString());
		m.put("end", r.end().toString());
		m.put("cost", r.cost());
		m.put("margin", r.margin());
		m.put("origin", r.origin());
		m.put("segment", r.segment());
		m.put("description", r.description());
		m.put("target", r.target());
		m.put("target_params", r.targetParameters());
		m.put("as_of", r.asOf() == null ? null : r.asOf().toString());
		m.put("treatment_size", r.treatmentSize());
		m.put("control_size", r.controlSize());
		m.put("control_share", r.controlShare());
		m.put("seed", r.seed());
		m.put("created", r.created() == null ? null : r.created().toString());
		m.put("created_by", r.createdBy());
		return m;
	}

	static Map<String, Object> json(AuditEntry e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("seq", e.seq());
		m.put("at", e.at().toString());
		m.put("user", e.user());
		m.put("host", e.host());
		m.put("pid", e.pid());
		m.put("action", e.action());
		m.put("subject", e.subject());
		m.put("file", e.file());
		m.put("masked", e.masked());
		m.put("rows", e.rows());
		m.put("details", e.details());
		return m;
	}

	// ------------------------------------------------------------------ export

	private int export(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id", "out", "group"));
		String id = inv.requireOption("id");
		Path out = Path.of(inv.requireOption("out")).toAbsolutePath();
		TargetListExport.Format.of(out); // a bad file name fails before the workspace is opened
		TargetListExport.Groups groups = TargetListExport.Groups
				.of(inv.option("group") == null ? "treatment" : inv.option("group"));
		if (!inv.params.isEmpty()) {
			String key = inv.params.keySet().iterator().next();
			throw new ParameterException(key, "unknown; campaign export takes no parameters");
		}
		boolean unmask = inv.options.containsKey("unmask");
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			TargetListExport.Result r = TargetListExport.write(ws, WorkspaceData.dataset(inv, ws), id, out, groups, unmask);
			if (unmask) {
				inv.err.printf(Locale.ROOT, "custops campaign export: %d rows with UNMASKED names, phones and addresses"
						+ " written to %s; recorded in the audit log (entry #%d, %s@%s)%n", r.rows(), r.file(),
						r.audit().seq(), r.audit().user(), r.audit().host());
			}
			if (inv.json()) {
				Map<String, Object> doc = new LinkedHashMap<>();
				doc.put("campaign", id);
				doc.put("file", r.file().toString());
				doc.put("format", r.format().id());
				doc.put("group", r.groups().id());
				doc.put("masked", r.masked());
				doc.put("rows", r.rows());
				doc.put("columns", r.columns());
				doc.put("audit", json(r.audit()));
				inv.out.print(Json.write(doc));
			} else {
				inv.out.printf("%d %s members of %s written to %s (%s)%n", r.rows(), r.groups().id(), id, r.file(),
						r.masked() ? "name, phone and address masked" : "UNMASKED");
				inv.out.printf("recorded in the audit log: entry #%d by %s@%s at %s%n", r.audit().seq(),
						r.audit().user(), r.audit().host(), r.audit().at());
			}
			return CustopsApplication.OK;
		}
	}
}
