package io.custops.cli.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.custops.core.data.FactKind;
import io.custops.store.AuditEntry;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceInfo;
import io.custops.store.WorkspaceManager;

/** {@code ./custops workspace info|zone|audit}: what a workspace holds, its time zone, its audit log. */
final class WorkspaceCommand implements Command {

	@Override
	public String name() {
		return "workspace";
	}

	@Override
	public String summary() {
		return "what the workspace holds (info), its time zone (zone) and its audit log (audit)";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops workspace info [--workspace DIR] [--json]
				         counts per kind, the time span of orders and events, the import history
				         --json  {"workspace", "zone", "schema_version", "counts": {"customers", "orders",
				                  "order_lines", "events", "campaigns", "campaign-members", "tags"},
				                  "date_range": {"orders": {"first", "last"}, "events": …}, "imports": […]}
				       ./custops workspace zone [ZONE] [--workspace DIR]
				         shows the time zone, or sets it (only before orders or events are imported),
				         e.g. Asia/Shanghai; times with an offset are converted to it on import
				       ./custops workspace audit [--subject ID] [--workspace DIR] [--json]
				         the audit log, oldest first: target lists exported, campaigns created and deleted,
				         personal data revealed in the workbench (subject: the campaign or customer id)
				         --json  {"workspace", "entries": [{"seq", "at", "user", "host", "pid", "action",
				                  "subject", "file", "masked", "rows", "details"}]}
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		String action = inv.words.size() > 1 ? inv.words.get(1) : null;
		inv.allowOnly("audit".equals(action) ? Set.of("subject") : Set.of());
		if (action == null || !(action.equals("info") || action.equals("zone") || action.equals("audit"))) {
			throw new UsageException(action == null ? "workspace needs info, zone or audit" : "unknown action '" + action + "'");
		}
		WorkspaceManager manager = services.require(WorkspaceManager.class);
		try (Workspace ws = manager.open(action.equals("zone") && inv.words.size() > 2 ? inv.workspaceToCreate() : inv.workspace())) {
			if (action.equals("zone")) {
				return zone(inv, ws);
			}
			if (action.equals("audit")) {
				return audit(inv, ws);
			}
			WorkspaceInfo info = ws.info();
			if (inv.json()) {
				inv.out.print(Json.write(json(info)));
			} else {
				print(inv, info);
			}
			return CustopsApplication.OK;
		} catch (WorkspaceException e) {
			inv.err.println("custops workspace: " + e.getMessage());
			return CustopsApplication.FAILURE;
		}
	}

	private static int zone(Invocation inv, Workspace ws) throws WorkspaceException {
		if (inv.words.size() > 2) {
			ZoneId zone;
			try {
				zone = ZoneId.of(inv.words.get(2));
			} catch (DateTimeException e) {
				throw new UsageException("'" + inv.words.get(2) + "' is not a time zone (e.g. Asia/Shanghai, UTC, +08:00)");
			}
			ws.setZone(zone);
		}
		if (inv.json()) {
			inv.out.print(Json.write(Map.of("zone", ws.zone().getId())));
		} else {
			inv.out.println(ws.zone().getId());
		}
		return CustopsApplication.OK;
	}

	private static int audit(Invocation inv, Workspace ws) throws WorkspaceException {
		List<AuditEntry> entries = ws.audit().entries(inv.option("subject"));
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("workspace", ws.directory().toString());
			doc.put("entries", entries.stream().map(CampaignCommand::json).toList());
			inv.out.print(Json.write(doc));
			return CustopsApplication.OK;
		}
		if (entries.isEmpty()) {
			inv.out.println("the audit log holds no entry" + (inv.option("subject") == null ? "" : " about " + inv.option("subject")));
		}
		for (AuditEntry e : entries) {
			inv.out.printf("  #%d  %s  %s@%s  %-22s %s%s%s%s%s%n", e.seq(), e.at(), e.user(), e.host(), e.action(),
					e.subject() == null ? "" : e.subject(), e.masked() == null ? "" : e.masked() ? "  masked" : "  unmasked",
					e.rows() == null ? "" : "  " + e.rows() + " rows", e.file() == null ? "" : "  " + e.file(),
					e.details().isEmpty() ? "" : "  " + e.details());
		}
		return CustopsApplication.OK;
	}

	static Map<String, Object> json(WorkspaceInfo info) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("workspace", info.directory().toString());
		m.put("zone", info.zone().getId());
		m.put("schema_version", info.schemaVersion());
		Map<String, Object> counts = new LinkedHashMap<>();
		for (FactKind kind : List.of(FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS, FactKind.CAMPAIGNS,
				FactKind.CAMPAIGN_MEMBERS)) {
			counts.put(kind.id(), info.counts().get(kind));
			if (kind == FactKind.ORDERS) {
				counts.put("order_lines", info.orderLines());
			}
		}
		counts.put("tags", info.tags());
		m.put("counts", counts);
		Map<String, Object> ranges = new LinkedHashMap<>();
		ranges.put("orders", range(info.orders()));
		ranges.put("events", range(info.events()));
		m.put("date_range", ranges);
		List<Object> imports = new ArrayList<>();
		for (WorkspaceInfo.ImportRecord r : info.imports()) {
			Map<String, Object> i = new LinkedHashMap<>();
			i.put("import_id", r.importId());
			i.put("kind", r.kind().id());
			i.put("connector", r.connector());
			i.put("source", r.source());
			i.put("state", r.state());
			i.put("started", r.started().toString());
			i.put("finished", r.finished() == null ? null : r.finished().toString());
			i.put("user", r.user());
			i.put("read", r.read());
			i.put("imported", r.imported());
			i.put("rejected", r.rejected());
			i.put("unchanged", r.unchanged());
			i.put("rejects_file", r.rejectsFile() == null ? null : r.rejectsFile().toString());
			i.put("parameters", r.parameters());
			i.put("message", r.message());
			imports.add(i);
		}
		m.put("imports", imports);
		return m;
	}

	private static Object range(Optional<WorkspaceInfo.TimeRange> range) {
		if (range.isEmpty()) {
			return null;
		}
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("first", range.get().first().toString());
		r.put("last", range.get().last().toString());
		return r;
	}

	private static void print(Invocation inv, WorkspaceInfo info) {
		inv.out.println("workspace " + info.directory() + " (time zone " + info.zone().getId() + ", schema "
				+ info.schemaVersion() + ")");
		for (FactKind kind : List.of(FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS, FactKind.CAMPAIGNS,
				FactKind.CAMPAIGN_MEMBERS)) {
			String extra = "";
			if (kind == FactKind.ORDERS) {
				extra = (info.orderLines() > 0 ? "  (" + info.orderLines() + " order lines)" : "")
						+ info.orders().map(r -> "  " + r.first() + " … " + r.last()).orElse("");
			} else if (kind == FactKind.EVENTS) {
				extra = info.events().map(r -> "  " + r.first() + " … " + r.last()).orElse("");
			}
			inv.out.printf("  %-17s %10d%s%n", kind.id(), info.counts().get(kind), extra);
		}
		inv.out.printf("  %-17s %10d%n", "tags", info.tags());
		if (info.imports().isEmpty()) {
			inv.out.println("no imports yet");
			return;
		}
		inv.out.println("imports (newest first):");
		for (WorkspaceInfo.ImportRecord r : info.imports()) {
			inv.out.printf("  %s  %-16s %-8s %-11s read %d, imported %d, unchanged %d, rejected %d  %s%n",
					r.importId(), r.kind().id(), r.connector(), r.state(), r.read(), r.imported(), r.unchanged(),
					r.rejected(), r.source() == null ? "" : r.source());
			if (r.message() != null) {
				inv.out.println("      " + r.message());
			}
		}
	}
}
