package io.custops.cli.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceEntry;
import io.custops.report.AnalysisRunners;
import io.custops.report.ReportRequest;
import io.custops.report.schedule.CronSchedule;
import io.custops.report.schedule.MissedRuns;
import io.custops.report.schedule.RelativeDates;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.Schedule;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.ScheduleRun;
import io.custops.report.schedule.ScheduledReport;
import io.custops.report.schedule.Scheduler;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** {@code ./custops schedule add|list|remove|history|run|run-due|daemon}: scheduled reports of the workspace. */
final class ScheduleCommand implements Command {

	@Override
	public String name() {
		return "schedule";
	}

	@Override
	public String summary() {
		return "scheduled reports: add, list, remove, history, run-due (for cron), daemon";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops schedule add --id ID --cron EXPR --template ID [--format pdf,html] --out DIR
				                             [--keep N] [--missed run|skip] [--since D] [--param k=v]… [--json]
				       ./custops schedule list [--json]
				       ./custops schedule remove ID [--json]
				       ./custops schedule history [ID] [--limit N] [--json]
				       ./custops schedule run ID [--json]          make one schedule's report now
				       ./custops schedule run-due [--json]         make every report that is due, then exit
				       ./custops schedule daemon                   keep making due reports until SIGTERM
				  --cron     five fields "minute hour day-of-month month day-of-week" in the workspace's zone,
				             e.g. "0 8 * * MON" (Mondays 08:00), or @hourly @daily @weekly @monthly @yearly
				  --out      the output folder; {date:yyyy-MM-dd} (the due day), {schedule}, {template} are replaced
				  --keep N   keep the outputs of the newest N runs, delete older ones (default 0: keep all)
				  --missed   a due time missed while nothing ran: run it once at the next start (run, default),
				             or record it as missed (skip)
				  --since D  count due times from D (a date or 2026-05-01T08:00; default now): with --missed run, a
				             due time between D and now is made at the next run-due
				  --param    the template's parameters; dates may be relative to the due day: @today, @yesterday,
				             @today-7d, @last-week.start, @last-month.start, @last-month.end, @last-quarter.last…
				  --json     a run made by this command (run, run-due) also has "timings_ms", the phases of the
				             render as ./custops report --json gives them
				  run-due exits 1 when a report failed (the others are made all the same), and 1 at once when
				  another process (the workbench, a daemon) holds the workspace: that process makes the reports.
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		if (inv.words.size() < 2) {
			throw new UsageException("missing the subcommand: add, list, remove, history, run, run-due or daemon");
		}
		String sub = inv.words.get(1);
		try {
			return switch (sub) {
			case "add" -> add(inv, services);
			case "list" -> list(inv, services);
			case "remove" -> remove(inv, services);
			case "history" -> history(inv, services);
			case "run" -> runOne(inv, services);
			case "run-due" -> runDue(inv, services);
			case "daemon" -> daemon(inv, services);
			default -> throw new UsageException("unknown subcommand '" + sub + "'");
			};
		} catch (ScheduleException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private static Workspace open(Invocation inv, CliServices services) throws Exception {
		return services.require(WorkspaceManager.class).open(inv.workspace());
	}

	private int add(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id", "cron", "template", "format", "out", "keep", "missed", "since"));
		noMoreWords(inv, 2);
		String templateId = inv.requireOption("template");
		int keep;
		try {
			keep = inv.option("keep") == null ? 0 : Integer.parseInt(inv.option("keep").trim());
		} catch (NumberFormatException e) {
			throw new UsageException("--keep '" + inv.option("keep") + "' is not a whole number");
		}
		Map<String, String> params = new LinkedHashMap<>(inv.params);
		String formats = inv.option("format") != null ? inv.option("format") : params.getOrDefault("format", "pdf");
		params.remove("format");
		Schedule schedule = new Schedule(inv.requireOption("id"), inv.requireOption("cron"), templateId,
				Arrays.stream(formats.split(",")).map(f -> f.trim().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty()).toList(),
				params, absoluteOut(inv.requireOption("out")), keep,
				inv.option("missed") == null ? MissedRuns.RUN : MissedRuns.of(inv.option("missed")));
		checkTemplate(services, schedule);
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			ScheduledReport added = scheduler.add(ws, schedule, since(inv.option("since"), ws.zone()));
			if (inv.json()) {
				inv.out.print(Json.write(Map.of("added", json(added, ws.zone()))));
			} else {
				inv.out.printf("schedule %s added: %s, next at %s%n", schedule.id(), describe(schedule.cron()),
						local(added.nextDue(), ws.zone()));
			}
		}
		return 0;
	}

	/** {@code --since}: due times are counted from then (a date, or a local date-time of the workspace zone); default now. */
	private static Instant since(String text, ZoneId zone) {
		if (text == null) {
			return Instant.now();
		}
		try {
			String t = text.trim();
			return (t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : java.time.LocalDateTime.parse(t.replace(' ', 'T')))
					.atZone(zone).toInstant();
		} catch (java.time.format.DateTimeParseException e) {
			throw new UsageException("--since '" + text + "' is not a date or date-time (2026-05-01 or 2026-05-01T08:00)");
		}
	}

	/** The template exists and takes the parameters (relative dates resolved on today): typos fail now, not at 3 a.m. */
	private static void checkTemplate(CliServices services, Schedule schedule) {
		var catalog = services.catalog();
		ReportTemplate template = catalog.find(ServiceKind.TEMPLATE, ReportTemplate.class, schedule.template())
				.orElseThrow(() -> new UsageException("no template '" + schedule.template() + "' is installed; installed: "
						+ catalog.services(ServiceKind.TEMPLATE).stream().map(ServiceEntry::id).toList()));
		Map<String, String> params = new LinkedHashMap<>(RelativeDates.resolveAll(schedule.parameters(), LocalDate.now()));
		params.put("format", String.join(",", schedule.formats()));
		ReportRequest.of(template, CustomerDataset.empty(), AnalysisRunners.fixed(Map.of()), Locale.ENGLISH, LocalDate.now(),
				params, null);
	}

	private static String absoluteOut(String out) {
		// placeholders stay as they are; a relative folder is taken from where the command runs
		int brace = out.indexOf('{');
		String fixed = brace < 0 ? out : out.substring(0, brace);
		if (Path.of(fixed.isEmpty() ? "." : fixed).isAbsolute()) {
			return out;
		}
		String base = Path.of("").toAbsolutePath().toString();
		return base + (base.endsWith("/") ? "" : "/") + out;
	}

	private int list(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		noMoreWords(inv, 2);
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			List<ScheduledReport> list = scheduler.list(ws);
			if (inv.json()) {
				List<Object> items = new ArrayList<>();
				list.forEach(s -> items.add(json(s, ws.zone())));
				inv.out.print(Json.write(Map.of("schedules", items)));
				return 0;
			}
			if (list.isEmpty()) {
				inv.out.println("no schedules (./custops schedule add …)");
			}
			for (ScheduledReport s : list) {
				Schedule d = s.schedule();
				inv.out.printf("%-20s %-16s %s (%s)%n", d.id(), d.template(), d.cron(), describe(d.cron()));
				inv.out.printf("%-20s next %s, formats %s, keep %s, missed: %s%n", "", local(s.nextDue(), ws.zone()),
						String.join(",", d.formats()), d.keep() == 0 ? "all" : d.keep(), d.missed().id());
				inv.out.printf("%-20s out %s%s%n", "", d.out(), d.parameters().isEmpty() ? "" : ", params " + d.parameters());
			}
		}
		return 0;
	}

	private int remove(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		String id = word(inv, "the schedule id");
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			if (!scheduler.remove(ws, id)) {
				throw new UsageException("no schedule '" + id + "'");
			}
		}
		if (inv.json()) {
			inv.out.print(Json.write(Map.of("removed", id)));
		} else {
			inv.out.println("schedule " + id + " removed (its history is kept)");
		}
		return 0;
	}

	private int history(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("limit"));
		String id = inv.words.size() > 2 ? inv.words.get(2) : null;
		noMoreWords(inv, 3);
		int limit;
		try {
			limit = inv.option("limit") == null ? 50 : Integer.parseInt(inv.option("limit").trim());
		} catch (NumberFormatException e) {
			throw new UsageException("--limit '" + inv.option("limit") + "' is not a whole number");
		}
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			if (id != null && scheduler.get(ws, id).isEmpty() && scheduler.history(ws, id, 1).isEmpty()) {
				throw new UsageException("no schedule '" + id + "'");
			}
			List<ScheduleRun> runs = scheduler.history(ws, id, limit);
			print(inv, runs, ws.zone(), "runs");
		}
		return 0;
	}

	private int runOne(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		String id = word(inv, "the schedule id");
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			ScheduleRun run = scheduler.runNow(ws, id);
			print(inv, List.of(run), ws.zone(), "runs");
			return run.status() == RunStatus.FAILED ? 1 : 0;
		}
	}

	private int runDue(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		noMoreWords(inv, 2);
		Scheduler scheduler = services.require(Scheduler.class);
		try (Workspace ws = open(inv, services)) {
			List<ScheduleRun> runs = scheduler.runDue(ws);
			print(inv, runs, ws.zone(), "runs");
			if (runs.isEmpty() && !inv.json()) {
				inv.out.println("nothing is due");
			}
			return runs.stream().anyMatch(r -> r.status() == RunStatus.FAILED) ? 1 : 0;
		}
	}

	private int daemon(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		noMoreWords(inv, 2);
		Scheduler scheduler = services.require(Scheduler.class);
		Workspace ws = open(inv, services);
		CountDownLatch stopped = new CountDownLatch(1);
		ZoneId zone = ws.zone();
		java.util.function.Consumer<ScheduleRun> printer = run -> print(inv, List.of(run), zone, "runs");
		scheduler.addListener(printer);
		long waitSeconds = Long.getLong("custops.daemon.stopWait", 30);
		Thread hook = new Thread(() -> {
			inv.err.println("custops schedule daemon: stopping (waits up to " + waitSeconds + " s for a report being made)");
			// bounded: a report that hangs (or a plugin inside System.exit) must not keep SIGTERM from working
			Thread stopper = new Thread(() -> {
				scheduler.stop();
				scheduler.removeListener(printer);
				ws.close();
			}, "custops-daemon-stopper");
			stopper.setDaemon(true);
			stopper.start();
			try {
				stopper.join(waitSeconds * 1000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			inv.err.println(stopper.isAlive() ? "custops schedule daemon: stopped without waiting longer for the report being made"
					+ " (its run is recorded as interrupted at the next start; the workspace's lock ends with the process)"
					: "custops schedule daemon: stopped");
			stopped.countDown();
		}, "custops-daemon-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			scheduler.start(ws);
		} catch (Exception | Error e) {
			Runtime.getRuntime().removeShutdownHook(hook);
			ws.close();
			throw e;
		}
		inv.err.printf("custops schedule daemon: running on %s (pid %d); %d schedules; SIGTERM stops it%n", ws.directory(),
				ProcessHandle.current().pid(), scheduler.list(ws).size());
		stopped.await();
		return 0;
	}

	private static void print(Invocation inv, List<ScheduleRun> runs, ZoneId zone, String key) {
		if (inv.json()) {
			List<Object> items = new ArrayList<>();
			runs.forEach(r -> items.add(json(r, zone)));
			inv.out.print(Json.write(Map.of(key, items)));
			return;
		}
		for (ScheduleRun r : runs) {
			inv.out.printf("%-8s %-20s %-16s due %s, started %s, %s%s%n", r.status().id(), r.scheduleId(), r.template(),
					r.due() == null ? "-" : local(r.due(), zone), local(r.started(), zone),
					r.durationMillis() < 0 ? "running" : r.durationMillis() + " ms", r.trigger().equals("due") ? "" : " (" + r.trigger() + ")");
			for (String output : r.outputs()) {
				inv.out.println("         " + output + (r.outputsRemoved() ? " (removed)" : ""));
			}
			if (r.error() != null) {
				inv.out.println("         " + r.error());
			}
		}
		inv.out.flush();
	}

	static Map<String, Object> json(ScheduledReport s, ZoneId zone) {
		Schedule d = s.schedule();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", d.id());
		m.put("cron", d.cron());
		m.put("description", describe(d.cron()));
		m.put("description_zh", CronSchedule.parse(d.cron()).describe(Locale.CHINESE));
		m.put("template", d.template());
		m.put("formats", d.formats());
		m.put("params", d.parameters());
		m.put("out", d.out());
		m.put("keep", d.keep());
		m.put("missed", d.missed().id());
		m.put("created", local(s.created(), zone));
		m.put("last_due", local(s.lastDue(), zone));
		m.put("next_due", local(s.nextDue(), zone));
		m.put("running", s.claimedBy());
		return m;
	}

	static Map<String, Object> json(ScheduleRun r, ZoneId zone) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("run_id", r.runId());
		m.put("schedule", r.scheduleId());
		m.put("template", r.template());
		m.put("due", local(r.due(), zone));
		m.put("started", local(r.started(), zone));
		m.put("duration_ms", r.durationMillis() < 0 ? null : r.durationMillis());
		m.put("status", r.status().id());
		m.put("trigger", r.trigger());
		m.put("outputs", r.outputs());
		m.put("error", r.error());
		m.put("outputs_removed", r.outputsRemoved());
		if (r.made() != null) {
			m.put("timings_ms", ReportCommand.timings(r.made())); // a report made by this process
		}
		return m;
	}

	private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	/** An instant as local date-time of the workspace zone with offset, to the second ("2026-11-30T08:00:00+08:00"). */
	private static String local(Instant instant, ZoneId zone) {
		return instant == null ? null : TIME.format(instant.atZone(zone));
	}

	private static String describe(String cron) {
		return CronSchedule.parse(cron).describe(Locale.ENGLISH);
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
