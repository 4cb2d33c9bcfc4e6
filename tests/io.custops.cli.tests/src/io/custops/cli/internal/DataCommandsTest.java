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
		} finally {
			registration.unregister();
		}
	}
}
