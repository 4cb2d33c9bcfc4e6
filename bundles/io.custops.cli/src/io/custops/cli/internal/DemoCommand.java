package io.custops.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ServiceKind;
import io.custops.store.ImportResult;
import io.custops.store.TooManyRejectsException;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceInfo;
import io.custops.store.WorkspaceManager;

/** {@code ./custops demo}: imports a generated shop from the connector with id {@code demo}. */
final class DemoCommand implements Command {

	static final String DEMO = "demo";
	/** Customers first, so that the rest refers to known customers; campaigns before their members. */
	static final List<FactKind> ORDER = List.of(FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS,
			FactKind.CAMPAIGNS, FactKind.CAMPAIGN_MEMBERS, FactKind.TAGS);

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String summary() {
		return "import a generated demo shop (customers, orders, events, campaigns, tags) into the workspace";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops demo [--param customers=N] [--param seed=S] [--param replace=true] [--param …]
				       [--workspace DIR] [--json]
				  Imports every kind the demo connector generates, in the order customers, orders,
				  events, campaigns, campaign-members, tags; the same seed gives the same shop.
				  A workspace that already holds data is refused, unless replace=true: that empties it
				  first (its imports, campaigns, tags, sources, schedules and playbooks).
				  --json  {"workspace", "imports": [{"kind", "read", "imported", "rejected", …}]}
				""";
	}

	/** {@code --param replace=true}: empty a workspace that holds data before the demo goes in. */
	static final String REPLACE = "replace";

	/** What the store keeps in a workspace folder; nothing else there is touched. */
	private static final List<String> WORKSPACE_ENTRIES = List.of("db", "columns", "rejects", "pending", "import.running");

	private static boolean replace(String value) {
		if (value == null || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		throw new UsageException("--param " + REPLACE + ": true or false, not '" + value + "'");
	}

	/** The workspace's facts in words ("20 customers, 44 orders"), or null when it holds none. */
	static String held(WorkspaceInfo info) {
		List<String> parts = new ArrayList<>();
		for (FactKind kind : List.of(FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS, FactKind.CAMPAIGNS,
				FactKind.CAMPAIGN_MEMBERS)) {
			Long n = info.counts().get(kind);
			if (n != null && n > 0) {
				parts.add(n + " " + kind.id());
			}
		}
		if (info.tags() > 0) {
			parts.add(info.tags() + " tags");
		}
		return parts.isEmpty() ? null : String.join(", ", parts);
	}

	/** Deletes the store's own entries of a closed workspace (its lock file stays, as the folder does). */
	private static void empty(Path dir) throws IOException {
		for (String entry : WORKSPACE_ENTRIES) {
			Path path = dir.resolve(entry);
			if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
				continue;
			}
			try (Stream<Path> tree = Files.walk(path)) {
				for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		Optional<DataConnector> demo = services.catalog().find(ServiceKind.CONNECTOR, DataConnector.class, DEMO);
		if (demo.isEmpty()) {
			inv.err.println("custops demo: no connector '" + DEMO + "' installed");
			return CustopsApplication.FAILURE;
		}
		DataConnector connector = demo.get();
		WorkspaceManager manager = services.require(WorkspaceManager.class);
		Map<String, String> params = new LinkedHashMap<>(inv.params);
		boolean replace = replace(params.remove(REPLACE));
		Path dir = inv.workspaceToCreate();
		if (Invocation.isWorkspace(dir)) {
			String held;
			try (Workspace ws = manager.open(dir)) {
				held = held(ws.info());
			} catch (WorkspaceException e) {
				inv.err.println("custops demo: " + e.getMessage());
				return CustopsApplication.FAILURE;
			}
			if (held != null && !replace) {
				// the demo's rows would mix with the shop's own: its campaigns replaced, their old members kept
				inv.err.println("custops demo: the workspace " + dir + " already holds data (" + held
						+ "); the demo shop would mix with it. --param replace=true empties the workspace first");
				return CustopsApplication.USAGE;
			}
			if (held != null) {
				empty(dir);
				if (!inv.json()) {
					inv.out.println("emptied " + dir + " (it held " + held + ")");
				}
			}
		}
		List<Object> results = new ArrayList<>();
		try (Workspace ws = manager.open(dir)) {
			for (FactKind kind : ORDER) {
				if (!connector.supportedKinds().contains(kind)) {
					continue;
				}
				ImportResult r = ws.importFacts(connector, kind,
						Optional.empty(), params, ProgressMonitor.NULL);
				results.add(ImportCommand.json(r));
				if (!inv.json()) {
					inv.out.println(kind.id() + ":");
					ImportCommand.line(inv, r);
				}
			}
			if (inv.json()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("workspace", ws.directory().toString());
				m.put("connector", DEMO);
				m.put("imports", results);
				inv.out.print(Json.write(m));
			} else {
				inv.out.println("demo shop imported into " + ws.directory());
			}
			return CustopsApplication.OK;
		} catch (ConnectorException | TooManyRejectsException e) {
			inv.err.println("custops demo: " + e.getMessage());
			return CustopsApplication.USAGE;
		} catch (WorkspaceException e) {
			inv.err.println("custops demo: " + e.getMessage());
			return CustopsApplication.FAILURE;
		}
	}
}
