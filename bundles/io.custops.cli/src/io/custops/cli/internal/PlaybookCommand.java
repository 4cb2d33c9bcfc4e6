package io.custops.cli.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.custops.campaign.Playbooks;
import io.custops.campaign.Targets;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.CampaignRoi;
import io.custops.engine.ControlGroups;
import io.custops.engine.RoiResult;
import io.custops.report.schedule.CronSchedule;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.ScheduleRun;
import io.custops.report.schedule.Scheduler;
import io.custops.store.PlaybookRecord;
import io.custops.store.PlaybookRun;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * {@code ./custops playbook add|list|remove|history|run}: targets on a schedule, each run a
 * campaign with a control group and a masked target list (io.custops.campaign.Playbooks).
 */
final class PlaybookCommand implements Command {

	@Override
	public String name() {
		return "playbook";
	}

	@Override
	public String summary() {
		return "scheduled target lists: each run records a campaign with a control group and writes the masked list";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops playbook add --id ID --cron EXPR --target SPEC [--only-new] [--control 10%]
				                              [--cost-per-member X] [--margin M] --out DIR [--format csv|xlsx]
				                              [--missed run|skip] [--since D] [--param days=N] [--param seed=S]
				                              [--param target.<key>=v]… [--json]
				       ./custops playbook list [--json]
				       ./custops playbook remove ID
				       ./custops playbook history ID [--limit N] [--json]
				       ./custops playbook run ID [--as-of D] [--json]
				  add      --cron     five fields or @daily/@weekly…, in the workspace's zone (as schedule add)
				           --target   any campaign target: unpaid:48h, cart-abandoned:24h, second-purchase,
				                      'stage:dormant & rfm:at_risk,cannot_lose', tag:…, file:…
				           --only-new leave out customers of the playbook's earlier runs (either group)
				           --control  the share held out, seeded from the playbook's seed and the run date
				           --cost-per-member  each run's campaign costs X × treated members (default 0)
				           --margin   the gross margin of each run's campaign (0.35 or 35%; default 1)
				           --out DIR  each run writes DIR/ID-yyyy-MM-dd.csv (or .xlsx): treated members, masked
				           --param days=N  each run's campaign window: the run date and N-1 days after (default 7)
				  Due playbooks run with the schedules: ./custops schedule run-due, the schedule daemon and the
				  workbench. Each run evaluates the target as of its date, records campaign ID-yyyy-MM-dd (so
				  ./custops roi --campaign ID-yyyy-MM-dd measures it) and writes the list; a failed run leaves
				  no campaign and no list. run ID runs it now (--as-of D: for date D). history shows each run's
				  ROI and the total; run exits 1 when the run failed.
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		if (inv.words.size() < 2) {
			throw new UsageException("missing the subcommand: add, list, remove, history or run");
		}
		try {
			return switch (inv.words.get(1)) {
			case "add" -> add(inv, services);
			case "list" -> list(inv, services);
			case "remove" -> remove(inv, services);
			case "history" -> history(inv, services);
			case "run" -> runOne(inv, services);
			default -> throw new UsageException("unknown playbook command '" + inv.words.get(1)
					+ "': add, list, remove, history or run");
			};
		} catch (ScheduleException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private static Workspace open(Invocation inv, CliServices services) throws Exception {
		return services.require(WorkspaceManager.class).open(inv.workspace());
	}

	// ------------------------------------------------------------------ add

	private int add(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id", "cron", "target", "only-new", "control", "cost-per-member", "margin", "out",
				"format", "missed", "since"));
		noMoreWords(inv, 2);
		String id = inv.requireOption("id").strip();
		Map<String, String> targetParams = new LinkedHashMap<>();
		int days = 7;
		Long seed = null;
		for (Map.Entry<String, String> p : inv.params.entrySet()) {
			String key = p.getKey();
			if (key.startsWith(Targets.PARAMETER_PREFIX)) {
				targetParams.put(key.substring(Targets.PARAMETER_PREFIX.length()), p.getValue());
			} else if (key.equals("days")) {
				days = whole(key, p.getValue());
			} else if (key.equals("seed")) {
				try {
					seed = Long.parseLong(p.getValue().strip());
				} catch (NumberFormatException e) {
					throw new ParameterException(key, "'" + p.getValue() + "' is not a whole number");
				}
			} else {
				throw new ParameterException(key, "unknown; a playbook takes days, seed and target.<key>");
			}
		}
		String format = inv.option("format") == null ? "csv" : inv.option("format").strip().toLowerCase(Locale.ROOT);
		if (!format.equals("csv") && !format.equals("xlsx")) {
			throw new UsageException("--format '" + inv.option("format") + "' is not csv or xlsx");
		}
		BigDecimal control = share(inv.option("control"));
		BigDecimal cost = amount(inv.option("cost-per-member") == null ? "0" : inv.option("cost-per-member"));
		BigDecimal margin = inv.option("margin") == null ? BigDecimal.ONE : margin(inv.option("margin"));
		Path out = Path.of(inv.requireOption("out")).toAbsolutePath().normalize();
		PlaybookRecord p;
		try {
			p = new PlaybookRecord(id, inv.requireOption("cron"), inv.requireOption("target").strip(),
				targetParams, inv.options.containsKey("only-new"), control, cost, margin, days, out.toString(), format,
				seed != null ? seed : ControlGroups.newSeed(), inv.option("missed") == null ? "run"
						: inv.option("missed").strip().toLowerCase(Locale.ROOT), null, null, null, null);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		try (Workspace ws = open(inv, services)) {
			PlaybookRecord added = Playbooks.add(ws, p, since(inv.option("since"), ws.zone()));
			Instant next = Playbooks.nextDue(added, ws.zone()).orElse(null);
			if (inv.json()) {
				inv.out.print(Json.write(Map.of("added", json(added, ws.zone()))));
			} else {
				inv.out.printf("playbook %s added: %s, target %s, next run at %s%n", added.id(),
						CronSchedule.parse(added.cron()).describe(Locale.ENGLISH), added.target(), local(next, ws.zone()));
				inv.out.printf("  each run: campaign %s-yyyy-MM-dd, list %s%n", added.id(),
						Path.of(added.out(), added.id() + "-yyyy-MM-dd." + added.format()));
			}
		}
		return 0;
	}

	private static int whole(String key, String text) {
		try {
			return Integer.parseInt(text.strip());
		} catch (NumberFormatException e) {
			throw new ParameterException(key, "'" + text + "' is not a whole number");
		}
	}

	private static BigDecimal share(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Playbooks.ratio("--control", text);
		} catch (AnalysisInputException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private static BigDecimal margin(String text) {
		try {
			return Playbooks.ratio("--margin", text);
		} catch (AnalysisInputException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private static BigDecimal amount(String text) {
		try {
			return new BigDecimal(text.strip());
		} catch (NumberFormatException e) {
			throw new UsageException("--cost-per-member '" + text + "' is not an amount such as 0.12");
		}
	}

	private static Instant since(String text, ZoneId zone) {
		if (text == null) {
			return Instant.now();
		}
		try {
			String t = text.trim();
			return (t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : java.time.LocalDateTime.parse(t.replace(' ', 'T')))
					.atZone(zone).toInstant();
		} catch (DateTimeParseException e) {
			throw new UsageException("--since '" + text + "' is not a date or date-time (2026-05-01 or 2026-05-01T08:00)");
		}
	}

	// ------------------------------------------------------------------ list, remove

	private int list(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		noMoreWords(inv, 2);
		try (Workspace ws = open(inv, services)) {
			List<PlaybookRecord> all = ws.playbooks().list();
			if (inv.json()) {
				List<Object> items = new ArrayList<>();
				for (PlaybookRecord p : all) {
					Map<String, Object> m = json(p, ws.zone());
					List<PlaybookRun> last = ws.playbooks().runs(p.id(), 1);
					m.put("last_run", last.isEmpty() ? null : json(last.get(0), ws.zone()));
					items.add(m);
				}
				inv.out.print(Json.write(Map.of("playbooks", items)));
				return 0;
			}
			if (all.isEmpty()) {
				inv.out.println("no playbooks (./custops playbook add)");
				return 0;
			}
			inv.out.printf("%-20s %-14s %-26s %-10s %-25s %s%n", "playbook", "cron", "last run", "status", "next run",
					"target");
			for (PlaybookRecord p : all) {
				List<PlaybookRun> last = ws.playbooks().runs(p.id(), 1);
				inv.out.printf("%-20s %-14s %-26s %-10s %-25s %s%s%n", p.id(), p.cron(),
						last.isEmpty() ? "-" : last.get(0).runDate() + " (" + last.get(0).treatment() + " listed)",
						last.isEmpty() ? "-" : last.get(0).status(), local(Playbooks.nextDue(p, ws.zone()).orElse(null),
								ws.zone()), p.target(), p.onlyNew() ? " (only new)" : "");
			}
			return 0;
		}
	}

	private int remove(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		String id = word(inv, "the playbook id");
		try (Workspace ws = open(inv, services)) {
			if (!ws.playbooks().remove(id)) {
				throw new AnalysisInputException("no playbook '" + id + "' in the workspace");
			}
			inv.out.printf("playbook %s removed; its runs' campaigns and lists stay%n", id);
			return 0;
		}
	}

	// ------------------------------------------------------------------ history, run

	private int history(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("limit"));
		String id = word(inv, "the playbook id");
		int limit = inv.option("limit") == null ? 0 : whole("limit", inv.option("limit"));
		try (Workspace ws = open(inv, services)) {
			if (ws.playbooks().get(id).isEmpty() && ws.playbooks().runs(id, 1).isEmpty()) {
				throw new AnalysisInputException("no playbook '" + id + "' in the workspace");
			}
			Playbooks.History h = Playbooks.history(ws, services.require(CampaignRoi.class), id, limit);
			if (inv.json()) {
				List<Object> runs = new ArrayList<>();
				for (Playbooks.RunRoi r : h.runs()) {
					Map<String, Object> m = json(r.run(), ws.zone());
					m.put("roi", r.figures() == null ? null : roi(r.figures()));
					m.put("roi_error", r.roiError());
					runs.add(m);
				}
				Map<String, Object> total = new LinkedHashMap<>();
				total.put("incremental_profit", h.incrementalProfit());
				total.put("cost", h.cost());
				total.put("roi", h.roi());
				Map<String, Object> doc = new LinkedHashMap<>();
				doc.put("playbook", id);
				doc.put("runs", runs);
				doc.put("total", total);
				inv.out.print(Json.write(doc));
				return 0;
			}
			inv.out.printf("%-10s %-8s %-9s %8s %8s %9s %7s %12s %10s %8s%n", "run date", "status", "trigger", "targeted",
					"excluded", "treatment", "control", "incr.profit", "cost", "roi");
			for (Playbooks.RunRoi r : h.runs()) {
				PlaybookRun run = r.run();
				RoiResult.Figures f = r.figures();
				inv.out.printf("%-10s %-8s %-9s %8d %8d %9d %7d %12s %10s %8s%n", run.runDate(), run.status(), run.trigger(),
						run.targeted(), run.excluded(), run.treatment(), run.control(),
						f == null ? "-" : plain(f.incrementalProfit()), f == null ? "-" : plain(f.cost()),
						f == null ? "-" : plain(f.roi()));
				if (run.campaignId() != null) {
					inv.out.printf("           campaign %s, list %s%n", run.campaignId(), run.file());
				}
				if (run.note() != null) {
					inv.out.printf("           %s%n", run.note());
				}
			}
			inv.out.printf("total: incremental profit %s, cost %s, ROI %s%n", plain(h.incrementalProfit()), plain(h.cost()),
					plain(h.roi()));
			return 0;
		}
	}

	private int runOne(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("as-of"));
		String id = word(inv, "the playbook id");
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			if (ws.playbooks().get(id).isEmpty()) {
				throw new AnalysisInputException("no playbook '" + id + "' in the workspace");
			}
			Instant when = null;
			if (inv.option("as-of") != null) {
				try {
					when = LocalDate.parse(inv.option("as-of").strip()).atStartOfDay(ws.zone()).toInstant();
				} catch (DateTimeParseException e) {
					throw new UsageException("--as-of '" + inv.option("as-of") + "' is not an ISO date (yyyy-MM-dd)");
				}
			}
			ScheduleRun run = scheduler.runNow(ws, Playbooks.KIND, id, when);
			PlaybookRun recorded = ws.playbooks().runs(id, 1).get(0);
			if (inv.json()) {
				inv.out.print(Json.write(Map.of("run", json(recorded, ws.zone()))));
			} else {
				inv.out.printf("playbook %s, %s: %s%n", id, recorded.runDate(), recorded.status());
				inv.out.printf("  targeted %d, excluded %d (earlier runs), treatment %d, control %d%n", recorded.targeted(),
						recorded.excluded(), recorded.treatment(), recorded.control());
				if (recorded.campaignId() != null) {
					inv.out.printf("  campaign %s (./custops roi --campaign %s), list %s (masked)%n",
							recorded.campaignId(), recorded.campaignId(), recorded.file());
				}
				if (recorded.note() != null) {
					inv.out.printf("  %s%n", recorded.note());
				}
			}
			if (run.status() == RunStatus.FAILED) {
				inv.err.println("custops playbook: run failed: " + run.error());
				return 1;
			}
			return 0;
		}
	}

	// ------------------------------------------------------------------ JSON

	private static Map<String, Object> json(PlaybookRecord p, ZoneId zone) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("cron", p.cron());
		m.put("target", p.target());
		m.put("target_params", p.targetParameters());
		m.put("only_new", p.onlyNew());
		m.put("control", p.controlShare());
		m.put("cost_per_member", p.costPerMember());
		m.put("margin", p.margin());
		m.put("days", p.days());
		m.put("out", p.out());
		m.put("format", p.format());
		m.put("seed", p.seed());
		m.put("missed", p.missed());
		m.put("created", local(p.created(), zone));
		m.put("last_due", local(p.lastDue(), zone));
		m.put("next_due", local(Playbooks.nextDue(p, zone).orElse(null), zone));
		m.put("running", p.claimedBy());
		return m;
	}

	private static Map<String, Object> json(PlaybookRun r, ZoneId zone) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("run_id", r.runId());
		m.put("run_date", r.runDate().toString());
		m.put("due", local(r.due(), zone));
		m.put("started", local(r.started(), zone));
		m.put("duration_ms", r.durationMillis() < 0 ? null : r.durationMillis());
		m.put("status", r.status());
		m.put("trigger", r.trigger());
		m.put("campaign", r.campaignId());
		m.put("targeted", r.targeted());
		m.put("excluded", r.excluded());
		m.put("treatment", r.treatment());
		m.put("control", r.control());
		m.put("file", r.file());
		m.put("note", r.note());
		return m;
	}

	private static Map<String, Object> roi(RoiResult.Figures f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("incremental", f.incremental());
		m.put("treatment_revenue", f.treatmentRevenue());
		m.put("control_revenue", f.controlRevenue());
		m.put("incremental_revenue", f.incrementalRevenue());
		m.put("incremental_profit", f.incrementalProfit());
		m.put("cost", f.cost());
		m.put("roi", f.roi());
		return m;
	}

	private static String plain(BigDecimal v) {
		return v == null ? "-" : v.toPlainString();
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static String local(Instant instant, ZoneId zone) {
		return instant == null ? null : TIME.format(instant.atZone(zone));
	}

	private static String word(Invocation inv, String what) {
		if (inv.words.size() < 3) {
			throw new UsageException("missing " + what);
		}
		noMoreWords(inv, 3);
		return inv.words.get(2);
	}

	private static void noMoreWords(Invocation inv, int allowed) {
		if (inv.words.size() > allowed) {
			throw new UsageException("unexpected '" + inv.words.get(allowed) + "'");
		}
	}
}
