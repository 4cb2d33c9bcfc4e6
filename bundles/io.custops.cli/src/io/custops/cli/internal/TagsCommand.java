package io.custops.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.store.ImportResult;
import io.custops.store.TooManyRejectsException;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceManager;

/** {@code ./custops tags import|add|remove|list}: manual tags stored with the customers. */
final class TagsCommand implements Command {

	@Override
	public String name() {
		return "tags";
	}

	@Override
	public String summary() {
		return "manual customer tags: import a file, add or remove one, count customers per tag";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops tags import --file F [--connector csv] [--param key=value …] [--json]
				       ./custops tags add --customer ID --tag TAG [--json]
				       ./custops tags remove --customer ID --tag TAG [--json]
				       ./custops tags list [--json]
				  import   a file with a customer_id column and a tag column (one tag per row) or a tags
				           column (several separated by ;); all or nothing, bad rows kept in a rejects
				           file with their line and reason; importing the same file again changes nothing.
				           --param: the connector's (csv: delimiter, encoding, map.tag=标签 …) and maxRejects
				  add/remove  one tag of one customer; a tag is one word without spaces, ; , or quotes
				  list     customers per tag ({"counts": {tag: customers}, …})
				  The tags strategy (./custops segment --strategy tags) reads them; a campaign targets
				  them with --target tag:TAG.
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		if (inv.words.size() != 2) {
			throw new UsageException("say import, add, remove or list");
		}
		return switch (inv.words.get(1)) {
		case "import" -> importFile(inv, services);
		case "add", "remove" -> change(inv, services, inv.words.get(1).equals("add"));
		case "list" -> list(inv, services);
		default -> throw new UsageException("unknown tags command '" + inv.words.get(1) + "': import, add, remove or list");
		};
	}

	private int importFile(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("file", "connector"));
		Path file = Path.of(inv.requireOption("file")).toAbsolutePath();
		DataConnector connector = ImportCommand.connector(services,
				inv.option("connector") == null ? "csv" : inv.option("connector"));
		if (!connector.supportedKinds().contains(FactKind.TAGS)) {
			throw new UsageException("connector '" + connector.id() + "' does not read tags");
		}
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			ImportResult r = ws.importFacts(connector, FactKind.TAGS,
					Optional.of(file), inv.params, ProgressMonitor.NULL);
			if (inv.json()) {
				Map<String, Object> m = ImportCommand.json(r);
				m.put("connector", connector.id());
				m.put("file", file.toString());
				m.put("workspace", ws.directory().toString());
				m.put("tags", ws.tagCounts().size());
				inv.out.print(Json.write(m));
			} else {
				inv.out.printf("imported tags from %s into %s (import %s)%n", file, ws.directory(), r.importId());
				ImportCommand.line(inv, r);
			}
			return CustopsApplication.OK;
		} catch (ConnectorException | TooManyRejectsException e) {
			inv.err.println("custops tags: " + e.getMessage());
			return CustopsApplication.USAGE;
		} catch (WorkspaceException e) {
			inv.err.println("custops tags: " + e.getMessage());
			return CustopsApplication.FAILURE;
		}
	}

	private int change(Invocation inv, CliServices services, boolean add) throws Exception {
		inv.allowOnly(Set.of("customer", "tag"));
		String customer = inv.requireOption("customer");
		String tag = inv.requireOption("tag");
		if (!inv.params.isEmpty()) {
			throw new UsageException("tags " + (add ? "add" : "remove") + " takes no --param");
		}
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			boolean changed;
			try {
				changed = add ? ws.addTag(customer, tag) : ws.removeTag(customer, tag);
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
			if (inv.json()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("customer_id", customer.strip());
				m.put("tag", tag.strip());
				m.put(add ? "added" : "removed", changed);
				m.put("customers_with_tag", ws.tagCounts().getOrDefault(tag.strip(), 0L));
				inv.out.print(Json.write(m));
			} else if (add) {
				inv.out.println(changed ? "customer " + customer.strip() + " now has the tag " + tag.strip()
						: "customer " + customer.strip() + " already had the tag " + tag.strip());
			} else {
				inv.out.println(changed ? "tag " + tag.strip() + " taken from customer " + customer.strip()
						: "customer " + customer.strip() + " did not have the tag " + tag.strip());
			}
			return CustopsApplication.OK;
		}
	}

	private int list(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		try (Workspace ws = services.require(WorkspaceManager.class).open(inv.workspace())) {
			SortedMap<String, Long> counts = ws.tagCounts();
			long assignments = counts.values().stream().mapToLong(Long::longValue).sum();
			if (inv.json()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("counts", counts);
				m.put("tags", (long) counts.size());
				m.put("assignments", assignments);
				inv.out.print(Json.write(m));
				return CustopsApplication.OK;
			}
			if (counts.isEmpty()) {
				inv.out.println("no manual tags (./custops tags import --file F, or ./custops tags add)");
				return CustopsApplication.OK;
			}
			counts.forEach((tag, n) -> inv.out.printf("  %-30s %10d%n", tag, n));
			inv.out.printf("%d tags, %d customer-tag pairs%n", counts.size(), assignments);
			return CustopsApplication.OK;
		}
	}
}
