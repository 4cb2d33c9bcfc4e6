package io.custops.cli.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.custops.connector.jdbc.JdbcSecrets;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.source.SourceCheck;
import io.custops.source.SourceException;
import io.custops.source.SourceRuntime;
import io.custops.store.SourceRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * {@code ./custops source add|list|test|remove}: the databases the analyses can run inside. A
 * password is read from standard input and kept in secure storage, never in the workspace.
 */
final class SourceCommand implements Command {

	private static final Set<String> KINDS = Set.of("orders", "events", "customers");

	@Override
	public String name() {
		return "source";
	}

	@Override
	public String summary() {
		return "register, list, test and remove sources: databases the analyses run inside (SQL pushdown)";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops source add --id ID --url URL [--user U] [--password-stdin]
				                           --table orders=SCHEMA.TABLE [--table events=…] [--table customers=…]
				                           [--map FIELD=COLUMN]… [--json]
				       ./custops source list [--json]
				       ./custops source test ID [--json]
				       ./custops source remove ID [--json]
				  --url             jdbc:postgresql://…, jdbc:trino://…, jdbc:duckdb:…, jdbc:hsqldb:…, or sc://HOST:PORT
				                    (Spark Connect); the dialect comes from it. No password in the URL.
				  --password-stdin  reads the password from the first line of standard input into secure storage
				  --table KIND=T    the table of a kind of facts: orders, events, customers
				  --map FIELD=COL   the source column of a canonical field named differently (order_time=created_at)
				  test              connects, checks every mapped column's type, prints rows and date range
				  Then: ./custops segment --source ID …, lifecycle, conversion, funnel, paths, roi (docs/warehouse.md).
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		if (inv.words.size() < 2) {
			throw new UsageException("source needs add, list, test or remove");
		}
		String action = inv.words.get(1);
		return switch (action) {
		case "add" -> add(inv, services);
		case "list" -> list(inv, services);
		case "test" -> test(inv, services);
		case "remove" -> remove(inv, services);
		default -> throw new UsageException("unknown source action '" + action + "' (add, list, test, remove)");
		};
	}

	private static String idWord(Invocation inv) {
		if (inv.words.size() >= 3) {
			return inv.words.get(2);
		}
		if (inv.option("id") != null) {
			return inv.option("id");
		}
		throw new UsageException("which source? ./custops source " + inv.words.get(1) + " ID");
	}

	private int add(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id", "url", "user", "table", "map"));
		String id = inv.requireOption("id");
		String url = inv.requireOption("url").strip();
		SourceRuntime runtime = services.require(SourceRuntime.class);
		try {
			runtime.dialect(url);
		} catch (SourceException e) {
			throw new UsageException("--url: " + e.getMessage());
		}
		if (url.matches("(?is).*[?&;:](password|pwd)=.*")) {
			throw new UsageException("--url must not hold a password (it would be kept in plain text): use --password-stdin");
		}
		Map<String, String> tables = pairs(inv, "table");
		for (String kind : tables.keySet()) {
			if (!KINDS.contains(kind)) {
				throw new UsageException("--table " + kind + "=…: the kinds are orders, events and customers");
			}
		}
		if (tables.isEmpty()) {
			throw new UsageException("missing --table orders=SCHEMA.TABLE (and events=…, customers=… as available)");
		}
		Map<String, String> columns = pairs(inv, "map");
		try {
			new SourceTables(tables, columns);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		boolean password = inv.options.containsKey("password-stdin");
		SourceRecord record;
		try {
			record = new SourceRecord(id, url, inv.option("user"), tables, columns, password, Instant.now());
		} catch (IllegalArgumentException e) {
			throw new UsageException("--id: " + e.getMessage());
		}
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspaceToCreate())) {
			if (workspace.sources().get(id).isPresent()) {
				throw new UsageException("source '" + id + "' is already registered (./custops source remove " + id + ")");
			}
			if (password) {
				char[] secret = readPassword();
				services.require(JdbcSecrets.class).store(record.passwordKey(), secret);
				java.util.Arrays.fill(secret, '\0');
			}
			workspace.sources().add(record);
		}
		if (inv.json()) {
			inv.out.print(Json.write(describe(record)));
		} else {
			inv.out.printf("source %s added (%s%s); check it with ./custops source test %s%n", id,
					services.require(SourceRuntime.class).dialect(url).id(), password ? ", password in secure storage" : "", id);
		}
		return 0;
	}

	private static char[] readPassword() throws java.io.IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line = in.readLine();
		if (line == null || line.isEmpty()) {
			throw new UsageException("--password-stdin: no password on standard input");
		}
		return line.toCharArray();
	}

	private static Map<String, String> pairs(Invocation inv, String option) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String value : inv.repeated.getOrDefault(option, List.of())) {
			int eq = value.indexOf('=');
			if (eq <= 0 || eq == value.length() - 1) {
				throw new UsageException("--" + option + " needs NAME=VALUE, got '" + value + "'");
			}
			map.put(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
		}
		return map;
	}

	private int list(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of());
		List<SourceRecord> all;
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspace())) {
			all = workspace.sources().list();
		}
		SourceRuntime runtime = services.require(SourceRuntime.class);
		if (inv.json()) {
			List<Map<String, Object>> list = new ArrayList<>();
			for (SourceRecord s : all) {
				list.add(describe(s));
			}
			inv.out.print(Json.write(Map.of("sources", list)));
			return 0;
		}
		if (all.isEmpty()) {
			inv.out.println("no sources (./custops source add --help)");
		}
		for (SourceRecord s : all) {
			inv.out.printf("%-16s %-10s %s%s%n", s.id(), runtime.dialect(s.url()).id(), s.url(),
					s.user() == null ? "" : " as " + s.user());
			s.tables().forEach((kind, table) -> inv.out.printf("  %-10s %s%n", kind, table));
			s.columns().forEach((field, column) -> inv.out.printf("  %-10s %s = %s%n", "", field, column));
		}
		return 0;
	}

	static Map<String, Object> describe(SourceRecord s) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("id", s.id());
		doc.put("dialect", io.custops.core.spi.SqlDialect.ofUrl(s.url()).map(d -> d.id()).orElse(null));
		doc.put("url", s.url());
		doc.put("user", s.user());
		doc.put("tables", s.tables());
		doc.put("columns", s.columns());
		doc.put("password_stored", s.password());
		doc.put("created", s.created() == null ? null : s.created().toString());
		return doc;
	}

	static SourceRecord find(Invocation inv, CliServices services, String id) throws Exception {
		Optional<SourceRecord> source;
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspace())) {
			source = workspace.sources().get(id);
		}
		return source.orElseThrow(() -> new UsageException("no source '" + id + "' in the workspace (./custops source list)"));
	}

	private int test(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id"));
		SourceRecord source = find(inv, services, idWord(inv));
		SourceCheck check = services.require(SourceRuntime.class).test(source);
		if (inv.json()) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("id", check.id());
			doc.put("dialect", check.dialect());
			doc.put("product", check.product());
			doc.put("ok", check.ok());
			List<Map<String, Object>> tables = new ArrayList<>();
			for (SourceCheck.TableCheck t : check.tables()) {
				Map<String, Object> table = new LinkedHashMap<>();
				table.put("kind", t.kind());
				table.put("table", t.table());
				table.put("rows", t.rows());
				table.put("first", t.first());
				table.put("last", t.last());
				List<Map<String, Object>> columns = new ArrayList<>();
				for (SourceCheck.ColumnCheck c : t.columns()) {
					Map<String, Object> column = new LinkedHashMap<>();
					column.put("field", c.field());
					column.put("column", c.column());
					column.put("type", c.type());
					column.put("usable", c.usable());
					columns.add(column);
				}
				table.put("columns", columns);
				table.put("other_columns", t.otherColumns());
				if (t.kind().equals("events")) {
					table.put("event_types", t.eventTypes());
				}
				tables.add(table);
			}
			doc.put("tables", tables);
			doc.put("problems", check.problems());
			inv.out.print(Json.write(doc));
		} else {
			inv.out.printf("source %s: %s (%s)%n", check.id(), check.product(), check.dialect());
			for (SourceCheck.TableCheck t : check.tables()) {
				inv.out.printf("  %-10s %-30s %,12d rows%s%n", t.kind(), t.table(), t.rows(),
						t.first() == null ? "" : ", " + t.first() + " … " + t.last());
				for (SourceCheck.ColumnCheck c : t.columns()) {
					inv.out.printf("    %-12s %-20s %s%s%n", c.field(), c.column(), c.type() == null ? "missing" : c.type(),
							c.usable() ? "" : "  ← not usable");
				}
				if (!t.otherColumns().isEmpty()) {
					inv.out.printf("    other columns: %s%n", String.join(", ", t.otherColumns()));
				}
				if (!t.eventTypes().isEmpty()) {
					inv.out.printf("    event types: %s%n", String.join(", ", t.eventTypes()));
				}
			}
			check.problems().forEach(p -> inv.out.println("  problem: " + p));
			inv.out.println(check.ok() ? "ok" : "not usable: " + check.problems().size() + " problem(s)");
		}
		return check.ok() ? 0 : 1;
	}

	private int remove(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("id"));
		String id = idWord(inv);
		boolean removed;
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspace())) {
			removed = workspace.sources().remove(id);
		}
		if (!removed) {
			throw new UsageException("no source '" + id + "' in the workspace");
		}
		services.require(JdbcSecrets.class).remove("source." + id);
		if (inv.json()) {
			inv.out.print(Json.write(Map.of("removed", id)));
		} else {
			inv.out.println("source " + id + " removed (its password too)");
		}
		return 0;
	}
}
