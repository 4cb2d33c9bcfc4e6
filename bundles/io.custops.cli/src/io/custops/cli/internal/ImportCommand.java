package io.custops.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ServiceKind;
import io.custops.store.ImportResult;
import io.custops.store.TooManyRejectsException;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceManager;

/** {@code ./custops import}: reads a source through a connector into the workspace. */
final class ImportCommand implements Command {

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String summary() {
		return "import customers, orders, events, campaigns, campaign members or tags through a connector";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops import --kind orders|customers|events|campaigns|campaign-members|tags --connector ID
				                       [--file F] [--param key=value …] [--workspace DIR] [--json]
				  Reads F (or the connector's source) into the workspace, all or nothing. Bad rows are
				  kept in a rejects file under DIR/rejects with their line, field and reason.
				  --param maxRejects=N   abort and undo when more than N rows are rejected (default 1000;
				                         0 none tolerated, -1 any number)
				  --param lines=true     orders: rows are order lines, added up per order_id
				  other --param          the connector's parameters (./custops services --json lists them)
				  --json                 {"import_id", "kind", "read", "imported", "rejected", "unchanged",
				                          "rejects_file", "warnings", …}
				  A workspace forecast to need more memory than the Java heap has is said on stderr
				  ("this workspace needs about N GB …; use a source") and in "warnings".
				  exit status: 0 imported, 2 bad usage, unreadable source or too many rejects, 1 failure
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("kind", "connector", "file"));
		FactKind kind = kind(inv.requireOption("kind"));
		DataConnector connector = connector(services, inv.requireOption("connector"));
		if (!connector.supportedKinds().contains(kind)) {
			throw new UsageException("connector '" + connector.id() + "' does not read " + kind.id() + " (it reads "
					+ connector.supportedKinds().stream().map(FactKind::id).sorted().collect(Collectors.joining(", ")) + ")");
		}
		Optional<Path> file = Optional.ofNullable(inv.option("file")).map(f -> Path.of(f).toAbsolutePath());
		if (connector.needsFile() && file.isEmpty()) {
			throw new UsageException("connector '" + connector.id() + "' reads a file: give --file");
		}
		WorkspaceManager manager = services.require(WorkspaceManager.class);
		try (Workspace ws = manager.open(inv.workspaceToCreate())) {
			ImportResult result = ws.importFacts(connector, kind, file,
					inv.params, ProgressMonitor.NULL);
			// the import may have made the workspace too big for the heap: said now, not at the next analysis
			List<String> warnings = WorkspaceData.warnMemory(inv, ws).stream().toList();
			print(inv, result, connector.id(), file.map(Path::toString).orElse(null), ws.directory(), warnings);
			return CustopsApplication.OK;
		} catch (ConnectorException | TooManyRejectsException e) {
			inv.err.println("custops import: " + e.getMessage());
			return CustopsApplication.USAGE;
		} catch (WorkspaceException e) {
			inv.err.println("custops import: " + e.getMessage());
			return CustopsApplication.FAILURE;
		}
	}

	static FactKind kind(String id) {
		try {
			return FactKind.fromId(id);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	static DataConnector connector(CliServices services, String id) {
		return services.catalog().find(ServiceKind.CONNECTOR, DataConnector.class, id)
				.orElseThrow(() -> new UsageException("no connector '" + id + "' installed (installed: "
						+ services.catalog().services(ServiceKind.CONNECTOR).stream().map(e -> e.id())
								.collect(Collectors.joining(", "))
						+ ")"));
	}

	static Map<String, Object> json(ImportResult r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("import_id", r.importId());
		m.put("kind", r.kind().id());
		m.put("read", r.read());
		m.put("imported", r.imported());
		m.put("rejected", r.rejected());
		m.put("unchanged", r.unchanged());
		m.put("rejects_file", r.rejectsFile() == null ? null : r.rejectsFile().toString());
		m.put("took_ms", r.took().toMillis());
		m.put("notes", r.notes());
		return m;
	}

	private static void print(Invocation inv, ImportResult r, String connector, String file, Path workspace,
			List<String> warnings) {
		if (inv.json()) {
			Map<String, Object> m = json(r);
			m.put("connector", connector);
			m.put("file", file);
			m.put("workspace", workspace.toString());
			m.put("warnings", warnings);
			inv.out.print(Json.write(m));
			return;
		}
		inv.out.printf("imported %s %s with %s into %s (import %s)%n", r.kind().id(), file == null ? "" : "from " + file,
				connector, workspace, r.importId());
		line(inv, r);
	}

	static void line(Invocation inv, ImportResult r) {
		inv.out.printf(Locale.ROOT, "  read %d, imported %d, unchanged %d, rejected %d in %.1f s%n", r.read(),
				r.imported(), r.unchanged(), r.rejected(), r.took().toMillis() / 1000.0);
		r.notes().forEach(note -> inv.out.println("  " + note));
		if (r.rejectsFile() != null) {
			inv.out.println("  rejected rows (line, field, reason, raw): " + r.rejectsFile());
		}
	}
}
