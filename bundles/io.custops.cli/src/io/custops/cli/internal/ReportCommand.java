package io.custops.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.report.RenderedReport;
import io.custops.report.ReportFormat;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.WorkspaceReports;
import io.custops.engine.sql.NoPushdownException;
import io.custops.store.SourceRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** {@code ./custops report}: renders a report template on the workspace to PDF, HTML and XLSX. */
final class ReportCommand implements Command {

	@Override
	public String name() {
		return "report";
	}

	@Override
	public String summary() {
		return "render a report template (rfm, lifecycle, roi, tier-conversion, behavior-path, clv…) to pdf/html/xlsx";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops report --template ID [--format pdf,html,xlsx] --out DIR [--param k=v]… [--json]
				  Renders the template on the workspace into DIR/<template>.<format> (default format pdf).
				  --param lang=zh            the report in Chinese (default English)
				  --param k=v                the template's parameters, passed to its analyses, e.g.
				                             roi: campaign=ID, breakdown=tier
				                             tier-conversion: from=D1 to=D2 period=month levels=… basis=spend
				                             behavior-path: steps=view,cart,order window=7d
				                             rfm, lifecycle, clv: asOf=D
				                             source=ID: from a registered source (rfm, tier-conversion, roi, behavior-path)
				  Dates may be relative: @today, @yesterday, @today-7d, @last-month.start, @last-month.end…
				  Templates and their parameters: ./custops services --kind template --json
				  --json   {"template", "files": [{"format", "path", "bytes"}], "parameters", "timings_ms": {"load",
				           "engine_start", "prepare", "run", "render": {FORMAT: ms}, "birt" (run + renders), "total"}}
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("template", "format", "out"));
		String templateId = inv.requireOption("template");
		Path out = Path.of(inv.requireOption("out")).toAbsolutePath();
		Map<String, String> params = new LinkedHashMap<>(inv.params);
		if (inv.option("format") != null) {
			if (params.containsKey("format")) {
				throw new UsageException("give --format or --param format=…, not both");
			}
			params.put("format", inv.option("format"));
		}
		WorkspaceReports reports = services.require(WorkspaceReports.class);
		WorkspaceReports.Result result;
		String sourceId = params.remove("source");
		SourceRecord source = sourceId == null ? null : SourceCommand.find(inv, services, sourceId);
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			LocalDate today = LocalDate.now(ws.zone());
			if (source != null) {
				// the data comes from the source; the workspace gives the campaigns only
				result = reports.render(ws, templateId, params, out, today,
						new SourceShared(services, source, ws.campaigns(), inv.workspace()), ProgressMonitor.NULL);
			} else {
				result = reports.render(ws, templateId, params, out, today, ProgressMonitor.NULL);
			}
		} catch (ScheduleException e) {
			throw new UsageException(e.getMessage());
		} catch (NoPushdownException e) {
			throw new UsageException(e.getMessage());
		} catch (io.custops.report.ReportException e) {
			// a template refused inside a source: the user's choice of source, said in plain words (exit 2)
			if (e.getCause() instanceof NoPushdownException refused) {
				throw new UsageException(refused.getMessage());
			}
			throw e;
		}
		RenderedReport report = result.report();
		List<Map<String, Object>> files = new ArrayList<>();
		for (ReportFormat format : ReportFormat.values()) {
			Path file = report.files().get(format);
			if (file != null) {
				Map<String, Object> f = new LinkedHashMap<>();
				f.put("format", format.id());
				f.put("path", file.toAbsolutePath().toString());
				f.put("bytes", Files.size(file));
				files.add(f);
			}
		}
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("template", templateId);
			doc.put("workspace", inv.workspace().toString());
			doc.put("out", out.toString());
			doc.put("files", files);
			if (sourceId != null) {
				doc.put("source", sourceId);
			}
			doc.put("parameters", result.parameters());
			doc.put("timings_ms", timings(result));
			inv.out.print(Json.write(doc));
		} else {
			for (Map<String, Object> f : files) {
				inv.out.println(f.get("path"));
			}
			inv.err.printf("custops report: %s in %d ms (data %d ms, analyses %d ms, run %d ms, render %s ms)%n", templateId,
					result.totalMillis(), result.loadMillis(), report.prepareMillis(), report.runMillis(),
					report.renderMillis().values().stream().mapToLong(Long::longValue).sum());
		}
		return 0;
	}

	/**
	 * The phases of a render in milliseconds: {@code load} (the workspace's dataset),
	 * {@code engine_start} (BIRT, first render of the process only), {@code prepare} (the
	 * template's analyses), {@code run} (BIRT runs the design over the prepared data),
	 * {@code render} per format, {@code birt} (run + every render: BIRT's own time for the
	 * report's data) and {@code total}.
	 */
	static Map<String, Object> timings(WorkspaceReports.Result result) {
		RenderedReport report = result.report();
		Map<String, Object> timings = new LinkedHashMap<>();
		timings.put("load", result.loadMillis());
		timings.put("engine_start", report.engineStartMillis());
		timings.put("prepare", report.prepareMillis());
		timings.put("run", report.runMillis());
		Map<String, Object> render = new LinkedHashMap<>();
		report.renderMillis().entrySet().stream().sorted(Map.Entry.comparingByKey())
				.forEach(e -> render.put(e.getKey().id(), e.getValue()));
		timings.put("render", render);
		timings.put("birt", report.runMillis() + report.renderMillis().values().stream().mapToLong(Long::longValue).sum());
		timings.put("total", result.totalMillis());
		return timings;
	}
}
