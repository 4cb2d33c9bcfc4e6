package io.custops.example.repurchase.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.FactKind;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisRunner;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ServiceCatalog;

/**
 * The plugin's three services, found through the OSGi service registry as the workbench finds
 * them, on a shop whose expected labels are worked out by hand in the comments.
 */
class RepurchasePluginTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
	private static ServiceTracker<ServiceCatalog, ServiceCatalog> catalogs;
	private static ServiceTracker<Analyses, Analyses> analysesTracker;

	@BeforeAll
	static void open() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(RepurchasePluginTest.class).getBundleContext();
		for (var b : context.getBundles()) {
			if ("io.custops.engine".equals(b.getSymbolicName())) {
				b.start();
			}
		}
		catalogs = new ServiceTracker<>(context, ServiceCatalog.class, null);
		catalogs.open();
		analysesTracker = new ServiceTracker<>(context, Analyses.class, null);
		analysesTracker.open();
		assertNotNull(catalogs.waitForService(10_000), "the engine's service catalog");
		assertNotNull(analysesTracker.waitForService(10_000), "the engine's analyses");
	}

	@AfterAll
	static void close() {
		catalogs.close();
		analysesTracker.close();
	}

	private static <T extends io.custops.core.spi.CustopsService> T service(ServiceKind kind, Class<T> type, String id) {
		Optional<T> s = catalogs.getService().find(kind, type, id);
		assertTrue(s.isPresent(), kind.id() + " " + id + " is registered: " + catalogs.getService().services());
		return s.get();
	}

	private static long at(String dateTime) {
		return CustomerDataset.localSeconds(LocalDateTime.parse(dateTime));
	}

	private static void paid(CustomerDatasetBuilder b, String customer, String... days) {
		for (String d : days) {
			b.order(customer, at(d + "T10:00"), 10_000, OrderStatus.PAID, 1, 0, null);
		}
	}

	static CustomerDataset shop() {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		// A: gaps 31, 30, 30 → median 30; last 04-02, 90 days before 07-01 = 3 × 30 → lapsed
		paid(b, "A", "2026-01-01", "2026-02-01", "2026-03-03", "2026-04-02");
		// B: gaps 20, 20 → median 20; last 06-10, 21 days ago ≥ 20 → due; next due 06-30.
		// Its order at 07-01 00:00 is "as of" itself: the future, not counted.
		paid(b, "B", "2026-05-01", "2026-05-21", "2026-06-10");
		b.order("B", at("2026-07-01T00:00"), 10_000, OrderStatus.PAID, 1, 0, null);
		// C: gap 20; last 06-21, 10 days ago < 20 → not due (due with 10 days of notice: 10 ≥ 20 − 10)
		paid(b, "C", "2026-06-01", "2026-06-21");
		// D: two paid orders on one day → one purchase day → single purchase
		paid(b, "D", "2026-03-01", "2026-03-01");
		// E: only an unpaid order → no purchase
		b.order("E", at("2026-06-01T10:00"), 5_000, OrderStatus.UNPAID, 1, 0, null);
		// F: gaps 10, 20, 10, 30 → median (10 + 20) / 2 = 15; last 03-21, 102 days ago ≥ 45 → lapsed
		paid(b, "F", "2026-01-10", "2026-01-20", "2026-02-09", "2026-02-19", "2026-03-21");
		// G: a refunded order does not count: paid 05-02 and 06-01 (gap 30), 30 days ago → due (boundary)
		paid(b, "G", "2026-05-02", "2026-06-01");
		b.order("G", at("2026-06-20T10:00"), 10_000, OrderStatus.REFUNDED, 1, 0, null);
		return b.build();
	}

	private static CustomerClassification run(Map<String, String> params) {
		Analyses analyses = analysesTracker.getService();
		CustomerAnalysis strategy = analyses.find(ServiceKind.STRATEGY, "repurchase-cycle");
		return analyses.run(strategy, shop(), AS_OF, analyses.resolve(strategy, params), ProgressMonitor.NULL);
	}

	private static String label(CustomerClassification r, CustomerDataset data, String customer) {
		return r.labelOf(data.indexOf(customer)).map(l -> l.id()).orElse("-");
	}

	@Test
	void classifiesByEachCustomersOwnRhythm() {
		CustomerClassification r = run(Map.of());
		CustomerDataset data = shop();
		assertEquals("lapsed", label(r, data, "A"));
		assertEquals("due", label(r, data, "B"));
		assertEquals("not-due", label(r, data, "C"));
		assertEquals("single-purchase", label(r, data, "D"));
		assertEquals("no-purchase", label(r, data, "E"));
		assertEquals("lapsed", label(r, data, "F"));
		assertEquals("due", label(r, data, "G"));
		int b = data.indexOf("B");
		assertEquals("3", r.column("paid_orders").orElseThrow().format(b));
		assertEquals("20", r.column("median_interval_days").orElseThrow().format(b));
		assertEquals("21", r.column("days_since_last").orElseThrow().format(b));
		assertEquals("2026-06-30", r.column("next_due").orElseThrow().format(b));
		assertEquals("15", r.column("median_interval_days").orElseThrow().format(data.indexOf("F")));
		assertEquals("2", r.column("paid_orders").orElseThrow().format(data.indexOf("D")));
		assertEquals("1", r.column("purchase_days").orElseThrow().format(data.indexOf("D")));
		assertEquals("", r.column("days_since_last").orElseThrow().format(data.indexOf("E")));
		assertEquals(Map.of("no-purchase", 1L, "single-purchase", 1L, "not-due", 1L, "due", 2L, "lapsed", 2L), r.counts());
	}

	@Test
	void parametersMoveTheBoundaries() {
		CustomerDataset data = shop();
		CustomerClassification notice = run(Map.of("lead_days", "10"));
		assertEquals("due", label(notice, data, "C"), "10 days since ≥ 20 − 10");
		CustomerClassification patient = run(Map.of("lapse_factor", "7"));
		assertEquals("due", label(patient, data, "F"), "102 < 7 × 15");
		assertEquals("lapsed", label(run(Map.of("lapse_factor", "6.8")), data, "F"), "102 ≥ 6.8 × 15");
		assertThrows(ParameterException.class, () -> run(Map.of("lapse_factor", "0.5")));
		assertThrows(ParameterException.class, () -> run(Map.of("lead_days", "-1")));
	}

	@Test
	void connectorReadsJsonLinesAndRejectsBadLines() throws Exception {
		DataConnector connector = service(ServiceKind.CONNECTOR, DataConnector.class, "orders-jsonl");
		Path file = Files.createTempFile("orders", ".jsonl");
		Files.writeString(file, """
				{"order_id":"A1","buyer":"C1","order_time":"2026-03-01 10:00:00","amount":129.00,"status":"paid","note":null}

				{"order_id":"A2","buyer":"C2","order_time":"2026-03-02 11:00:00","amount":"59.90","status":"paid"}
				{"order_id":"A3","buyer":"C3", oops}
				[1,2]
				""", StandardCharsets.UTF_8);
		List<String> accepted = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		Parameters params = Parameters.resolve(connector.parameters(), Map.of("map.customer_id", "buyer"));
		connector.read(new ImportRequest(FactKind.ORDERS, Optional.of(file), params, ZoneOffset.UTC, null), new RecordSink() {
			@Override
			public void accept(long line, Map<String, String> fields, String raw) {
				accepted.add(line + ":" + fields.get("customer_id") + ":" + fields.get("amount") + ":" + fields.containsKey("note"));
			}

			@Override
			public void reject(long line, String field, String reason, String raw) {
				rejected.add(line + ":" + reason);
			}
		});
		Files.delete(file);
		assertEquals(List.of("1:C1:129.00:false", "3:C2:59.90:false"), accepted);
		assertEquals(2, rejected.size(), rejected.toString());
		assertTrue(rejected.get(0).startsWith("4:not a flat JSON object: expected \""), rejected.get(0));
		assertTrue(rejected.get(1).startsWith("5:not a flat JSON object: expected {"), rejected.get(1));
	}

	@Test
	void templateListsTheDueCustomersMostOverdueFirst() throws Exception {
		ReportTemplate template = service(ServiceKind.TEMPLATE, ReportTemplate.class, "repurchase-due");
		assertNotNull(template.design(), "the design is in the bundle");
		CustomerDataset data = shop();
		Analyses analyses = analysesTracker.getService();
		AnalysisRunner runner = (id, asOf, raw) -> {
			CustomerAnalysis a = analyses.find(ServiceKind.STRATEGY, id);
			return analyses.run(a, data, asOf, analyses.resolve(a, raw), null);
		};
		Parameters params = Parameters.resolve(template.parameters(), Map.of());
		ReportData report = template.prepare(new ReportContext() {
			public Parameters parameters() { return params; }
			public Locale locale() { return Locale.SIMPLIFIED_CHINESE; }
			public LocalDate today() { return AS_OF; }
			public CustomerDataset dataset() { return data; }
			public AnalysisRunner analyses() { return runner; }
			public ProgressMonitor monitor() { return ProgressMonitor.NULL; }
		});
		assertEquals("复购提醒名单", report.values().get("title"));
		ReportData.Table due = report.tables().get("due");
		// B: 21 days of a 20-day rhythm (1.05) before G: 30 of 30 (1.0)
		assertEquals(List.of("B", "G"), due.rows().stream().map(row -> (String) row[0]).toList());
		assertEquals(LocalDate.of(2026, 6, 30), due.rows().get(0)[4]);
		ReportData.Table counts = report.tables().get("counts");
		assertEquals("到期应复购", counts.rows().get(3)[0]);
		assertEquals(2L, counts.rows().get(3)[1]);
	}
}
