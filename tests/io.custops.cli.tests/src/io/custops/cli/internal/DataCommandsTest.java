package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.custops.core.LocalizedText;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** {@code ./custops import | workspace | demo} as the application runs them: exit status, stdout, stderr. */
class DataCommandsTest {

	@TempDir
	Path dir;

	record Run(int status, String out, String err) {
	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CustopsApplication().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path orders() throws Exception {
		Path file = dir.resolve("orders.csv");
		Files.writeString(file, "order_id,customer_id,order_time,amount,status\n" + "o1,c1,2026-01-05 10:00:00,10.00,paid\n"
				+ "o2,c2,2026-02-06,abc,paid\n" + "o3,c2,2026-03-07T08:00:00,5,refunded\n");
		return file;
	}

	@Test
	void importPrintsTheCountsAndJson() throws Exception {
		String ws = dir.resolve("ws").toString();
		Run r = run("import", "--kind", "orders", "--connector", "csv", "--file", orders().toString(), "--workspace", ws,
				"--json");
		assertEquals(0, r.status(), r.err());
		assertTrue(r.out().startsWith("{"), "only JSON on stdout: " + r.out());
		assertTrue(r.out().contains("\"read\": 3,"), r.out());
		assertTrue(r.out().contains("\"imported\": 2,"), r.out());
		assertTrue(r.out().contains("\"rejected\": 1,"), r.out());
		assertTrue(r.out().contains("\"rejects_file\": \"" + ws + "/rejects/"), r.out());

		Run human = run("import", "--kind", "orders", "--connector", "csv", "--file", orders().toString(),
				"--workspace", ws);
		assertEquals(0, human.status());
		assertTrue(human.out().contains("read 3, imported 0, unchanged 2, rejected 1"), human.out());

		Run info = run("workspace", "info", "--json", "--workspace", ws);
		assertEquals(0, info.status(), info.err());
		assertTrue(info.out().contains("\"orders\": 2,"), info.out());
		assertTrue(info.out().contains("\"first\": \"2026-01-05T10:00\""), info.out());
		assertTrue(info.out().contains("\"last\": \"2026-03-07T08:00\""), info.out());
		assertTrue(info.out().contains("\"events\": null"), info.out());
	}

	@Test
	void badInputExitsWithTwoAndSaysWhatAndWhere() throws Exception {
		String ws = dir.resolve("ws").toString();
		Run unknownParam = run("import", "--kind", "orders", "--connector", "csv", "--file", orders().toString(),
				"--workspace", ws, "--param", "delimeter=;");
		assertEquals(2, unknownParam.status());
		assertTrue(unknownParam.err().contains("parameter 'delimeter': unknown"), unknownParam.err());

		Run unknownConnector = run("import", "--kind", "orders", "--connector", "nope", "--file", "x.csv");
		assertEquals(2, unknownConnector.status());
		assertTrue(unknownConnector.err().contains("no connector 'nope' installed (installed: "), unknownConnector.err());

		Path missing = dir.resolve("missing.csv");
		Run noFile = run("import", "--kind", "orders", "--connector", "csv", "--file", missing.toString(), "--workspace", ws);
		assertEquals(2, noFile.status());
		assertEquals("custops import: " + missing + ": no such file\n", noFile.err());

		Run badKind = run("import", "--kind", "refunds", "--connector", "csv", "--file", "x.csv");
		assertEquals(2, badKind.status());
		assertTrue(badKind.err().contains("unknown kind 'refunds'"), badKind.err());

		Run tooMany = run("import", "--kind", "orders", "--connector", "csv", "--file", orders().toString(), "--workspace",
				ws, "--param", "maxRejects=0");
		assertEquals(2, tooMany.status());
		assertTrue(tooMany.err().contains("more than 0 rows rejected"), tooMany.err());

		Run info = run("workspace", "info", "--json", "--workspace", ws);
		assertTrue(info.out().contains("\"orders\": 0,"), "nothing was imported: " + info.out());
	}

	@Test
	void aWorkspaceInUseIsAFailureNamingTheOwner() throws Exception {
		Path ws = dir.resolve("ws");
		WorkspaceManager manager = FrameworkUtil.getBundle(getClass()).getBundleContext().getService(
				FrameworkUtil.getBundle(getClass()).getBundleContext().getServiceReference(WorkspaceManager.class));
		try (Workspace held = manager.open(ws)) {
			Run r = run("workspace", "info", "--workspace", ws.toString());
			assertEquals(1, r.status());
			assertTrue(r.err().startsWith("custops workspace: workspace " + ws + " in use by pid "), r.err());
		}
	}

	@Test
	void demoImportsEveryKindOfTheDemoConnectorInOrder() throws Exception {
		String ws = dir.resolve("ws").toString();
		Run none = run("demo", "--workspace", ws);
		assertEquals(1, none.status());
		assertEquals("custops demo: no connector 'demo' installed\n", none.err());

		List<String> calls = new ArrayList<>();
		DataConnector demo = new DataConnector() {
			@Override
			public String id() {
				return "demo";
			}

			@Override
			public LocalizedText name() {
				return LocalizedText.of("test demo");
			}

			@Override
			public List<ParameterSpec> parameters() {
				return List.of(ParameterSpec.builder("customers", ParameterType.INTEGER).defaultValue("2").build());
			}

			@Override
			public Set<FactKind> supportedKinds() {
				return EnumSet.of(FactKind.CAMPAIGNS, FactKind.ORDERS, FactKind.CUSTOMERS, FactKind.CAMPAIGN_MEMBERS);
			}

			@Override
			public boolean needsFile() {
				return false;
			}

			@Override
			public void read(ImportRequest request, RecordSink sink) {
				long n = request.parameters().integer("customers");
				calls.add(request.kind().id() + ":" + n);
				for (int i = 0; i < n; i++) {
					switch (request.kind()) {
					case CUSTOMERS -> sink.accept(i + 2, Map.of("customer_id", "d" + i), "d" + i);
					case ORDERS -> sink.accept(i + 2, Map.of("order_id", "do" + i, "customer_id", "d" + i, "order_time",
							"2026-01-01", "amount", "1", "status", "paid"), "do" + i);
					case CAMPAIGNS -> sink.accept(i + 2, Map.of("campaign_id", "k" + i, "name", "K", "start", "2026-01-01",
							"end", "2026-01-31", "cost", "10"), "k" + i);
					default -> sink.accept(i + 2, Map.of("campaign_id", "k0", "customer_id", "d" + i, "group",
							i % 2 == 0 ? "treatment" : "control"), "m" + i);
					}
				}
			}
		};
		ServiceRegistration<DataConnector> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
				.registerService(DataConnector.class, demo, null);
		try {
			Run r = run("demo", "--param", "customers=3", "--workspace", ws, "--json");
			assertEquals(0, r.status(), r.err());
			assertEquals(List.of("customers:3", "orders:3", "campaigns:3", "campaign-members:3"), calls);
			assertTrue(r.out().indexOf("\"kind\": \"customers\"") < r.out().indexOf("\"kind\": \"campaign-members\""));
			Run info = run("workspace", "info", "--json", "--workspace", ws);
			assertTrue(info.out().contains("\"customers\": 3,"), info.out());
			assertTrue(info.out().contains("\"campaign-members\": 3,"), info.out());

			// a second demo would mix with the shop there (campaigns replaced, old members kept): refused
			calls.clear();
			Run again = run("demo", "--param", "customers=2", "--workspace", ws);
			assertEquals(2, again.status(), again.err());
			assertTrue(again.err().contains("already holds data (3 customers, 3 orders, 3 campaigns, 3 campaign-members)"),
					again.err());
			assertTrue(again.err().contains("--param replace=true"), again.err());
			assertEquals(List.of(), calls, "nothing was read");
			assertTrue(run("workspace", "info", "--json", "--workspace", ws).out().contains("\"customers\": 3,"));

			Run badValue = run("demo", "--param", "replace=yes", "--workspace", ws);
			assertEquals(2, badValue.status());
			assertTrue(badValue.err().contains("--param replace: true or false, not 'yes'"), badValue.err());

			Run replaced = run("demo", "--param", "customers=2", "--param", "replace=true", "--workspace", ws);
			assertEquals(0, replaced.status(), replaced.err());
			assertTrue(replaced.out().startsWith("emptied " + ws + " (it held 3 customers"), replaced.out());
			assertEquals(List.of("customers:2", "orders:2", "campaigns:2", "campaign-members:2"), calls,
					"replace is the command's, not the connector's parameter");
			Run after = run("workspace", "info", "--json", "--workspace", ws);
			assertTrue(after.out().contains("\"customers\": 2,"), after.out());
			assertTrue(after.out().contains("\"campaign-members\": 2,"), "the old members are gone: " + after.out());
		} finally {
			registration.unregister();
		}
	}

	/** {@code paths --source}: the SQL the engine writes for the source's dialect, or a refusal naming it (nothing is read). */
	@Test
	void pathsInsideASourceExplainOrRefuse() throws Exception {
		String ws = dir.resolve("ws").toString();
		Run pg = run("source", "add", "--id", "dw", "--url", "jdbc:postgresql://127.0.0.1:1/shop", "--table",
				"events=shop.events", "--map", "event_time=happened_at", "--workspace", ws);
		assertEquals(0, pg.status(), pg.err());
		Run explain = run("paths", "--source", "dw", "--explain", "--param", "end=pay", "--param", "by=customer", "--json",
				"--workspace", ws);
		assertEquals(0, explain.status(), explain.err());
		assertTrue(explain.out().contains("\"analysis\": \"paths\""), explain.out());
		assertTrue(explain.out().contains("\"dialect\": \"postgresql\""), explain.out());
		assertTrue(explain.out().contains("happened_at AS event_time") && explain.out().contains("FROM shop.events)")
				&& explain.out().contains("string_agg("),
				explain.out());
		Run hsqldb = run("source", "add", "--id", "small", "--url", "jdbc:hsqldb:mem:paths", "--table", "events=PUBLIC.EVENTS",
				"--workspace", ws);
		assertEquals(0, hsqldb.status(), hsqldb.err());
		Run refused = run("paths", "--source", "small", "--workspace", ws);
		assertEquals(2, refused.status(), refused.out());
		assertTrue(refused.err().contains("paths cannot run inside a hsqldb source"), refused.err());
		assertEquals(2, run("paths", "--explain", "--workspace", ws).status(), "--explain needs --source");
	}

	@Test
	void aReadOnAFolderWithoutAWorkspaceExitsTwoAndCreatesNothing() throws Exception {
		Path none = dir.resolve("no-such-workspace");
		for (String[] read : new String[][] { { "workspace", "info" }, { "segment", "--strategy", "tiers" },
				{ "funnel", "--steps", "view,cart" }, { "source", "list" },
				{ "campaign", "list" } }) {
			List<String> args = new ArrayList<>(List.of(read));
			args.addAll(List.of("--workspace", none.toString()));
			Run r = run(args.toArray(String[]::new));
			assertEquals(2, r.status(), String.join(" ", read) + ": " + r.err());
			assertTrue(r.err().contains(": no workspace at " + none + " (no such folder); ./custops import or ./custops demo"),
					r.err());
			assertEquals("", r.out(), "no zeros reported");
			assertTrue(Files.notExists(none), String.join(" ", read) + " created " + none);
		}
		Files.createDirectories(none);
		Run empty = run("workspace", "info", "--workspace", none.toString());
		assertEquals(2, empty.status());
		assertTrue(empty.err().contains("no workspace at " + none + " (the folder holds none)"), empty.err());
		assertEquals(List.of(), Files.list(none).toList(), "the folder is left as it was");

		// the commands that bring data in, or set it up, create it
		Run zone = run("workspace", "zone", "Asia/Shanghai", "--workspace", none.toString());
		assertEquals(0, zone.status(), zone.err());
		assertEquals(0, run("workspace", "info", "--workspace", none.toString()).status());
	}

	@Test
	void anImportThatRejectsEveryRowExitsTwoWithTheFirstReasonsAndKeepsThem() throws Exception {
		String ws = dir.resolve("ws").toString();
		Path file = dir.resolve("bad.csv");
		Files.writeString(file, "order_id,customer_id,order_time,amount,status\n" + "o1,c1,2026-01-05,ten,paid\n"
				+ "o2,c2,2026-02-30,5.00,paid\n");
		Run r = run("import", "--kind", "orders", "--connector", "csv", "--file", file.toString(), "--workspace", ws);
		assertEquals(2, r.status(), r.err());
		assertTrue(r.err().startsWith("custops import: "), r.err());
		assertTrue(r.err().contains("every one of the 2 rows was rejected, nothing was imported (line 2, amount: "), r.err());
		assertTrue(r.err().contains("; line 3, order_time: "), r.err());
		Path rejects = Path.of(r.err().substring(r.err().lastIndexOf(" in ") + 4).strip());
		assertTrue(Files.readString(rejects).contains("ten"), "the rejected rows are kept with their reasons: " + rejects);

		Run info = run("workspace", "info", "--json", "--workspace", ws);
		assertTrue(info.out().contains("\"orders\": 0,"), info.out());
		assertTrue(info.out().contains("\"state\": \"failed\""), "recorded as failed: " + info.out());
	}
}
