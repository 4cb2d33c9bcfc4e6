package io.custops.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
				usage: ./custops demo [--param customers=N] [--param seed=S] [--param …] [--workspace DIR] [--json]
				  Imports every kind the demo connector generates, in the order customers, orders,
				  events, campaigns, campaign-members, tags; the same seed gives the same shop.
				  --json  {"workspace", "imports": [{"kind", "read", "imported", "rejected", …}]}
				""";
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
		List<Object> results = new ArrayList<>();
		try (Workspace ws = manager.open(inv.workspace())) {
			for (FactKind kind : ORDER) {
				if (!connector.supportedKinds().contains(kind)) {
					continue;
				}
				ImportResult r = ws.importFacts(connector, kind,
						Optional.empty(), inv.params, ProgressMonitor.NULL);
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
