package io.custops.source.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ServiceCatalog;
import io.custops.source.PushdownRun;
import io.custops.source.PushdownUnsupportedException;
import io.custops.source.SourceRuntime;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * The same analyses in memory and inside each engine, on the same generated shop, compared
 * customer by customer: every label and every column's text, the customer count and the summary.
 * The shop is imported into a workspace by the csv connector (as a user would) and loaded into
 * each engine from the same files.
 */
class EqualityTest {

	static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 9, 15), LocalDate.of(2026, 3, 1),
			LocalDate.of(2026, 7, 1));

	static Path work;
	static Workspace workspace;
	static CustomerDataset data;
	static List<EngineUnderTest> engines;
	static final Map<String, Long> LOAD_MILLIS = new LinkedHashMap<>();
	static final List<String> TIMINGS = new ArrayList<>();

	@BeforeAll
	static void shop() throws Exception {
		work = Files.createTempDirectory("equality");
		Shop shop = Shop.write(work);
		workspace = Services.get(WorkspaceManager.class).open(work.resolve("workspace"));
		DataConnector csv = Services.get(ServiceCatalog.class).find(ServiceKind.CONNECTOR, DataConnector.class, "csv")
				.orElseThrow();
		workspace.importFacts(csv, FactKind.CUSTOMERS, Optional.of(shop.customers), Map.of(), ProgressMonitor.NULL);
		workspace.importFacts(csv, FactKind.ORDERS, Optional.of(shop.orders), Map.of(), ProgressMonitor.NULL);
		workspace.importFacts(csv, FactKind.EVENTS, Optional.of(shop.events), Map.of(), ProgressMonitor.NULL);
		data = workspace.dataset();
		assertTrue(data.customerCount() > 19_000, "customers: " + data.customerCount());
		engines = EngineUnderTest.selected(work);
		for (EngineUnderTest engine : engines) {
			long t = System.nanoTime();
			engine.load(shop);
			LOAD_MILLIS.put(engine.name, (System.nanoTime() - t) / 1_000_000);
		}
		System.out.printf("equality shop: %d customers, %d orders, %d events; loaded %s (ms)%n", data.customerCount(),
				shop.orderRows, shop.eventRows, LOAD_MILLIS);
	}

	@AfterAll
	static void close() {
		TIMINGS.forEach(System.out::println);
		if (workspace != null) {
			workspace.close();
		}
	}

	@TestFactory
	Stream<DynamicTest> rfm() {
		return cases(ServiceKind.STRATEGY, "rfm", List.of(Map.of(), Map.of("segmentMap", "cn8"),
				Map.of("scoring", "fixed", "monetaryThresholds", "20,100,300,800.50")));
	}

	@TestFactory
	Stream<DynamicTest> tiers() {
		return cases(ServiceKind.STRATEGY, "tiers",
				List.of(Map.of(), Map.of("basis", "orders", "levels", "one:1,two:2,many:4", "windowDays", "0")));
	}

	@TestFactory
	Stream<DynamicTest> stages() {
		return cases(ServiceKind.MODEL, "stages", List.of(Map.of(), Map.of("usageCycle", "true", "dormantDays", "90",
				"fanOrders", "3")));
	}

	private Stream<DynamicTest> cases(ServiceKind kind, String id, List<Map<String, String>> paramSets) {
		List<DynamicTest> tests = new ArrayList<>();
		for (EngineUnderTest engine : engines) {
			for (Map<String, String> params : paramSets) {
				for (LocalDate asOf : DATES) {
					tests.add(DynamicTest.dynamicTest(engine + " " + id + " " + params + " as of " + asOf,
							() -> compare(engine, kind, id, params, asOf)));
				}
			}
		}
		return tests.stream();
	}

	/** label, then the column texts, per customer id: what --out would write, plus unclassified ones left out. */
	static void compare(EngineUnderTest engine, ServiceKind kind, String id, Map<String, String> raw, LocalDate asOf)
			throws Exception {
		Analyses analyses = Services.get(Analyses.class);
		CustomerAnalysis analysis = analyses.find(kind, id);
		Parameters parameters = analyses.resolve(analysis, raw);
		if (!analysis.sqlPushdown().orElseThrow().supports(engine.dialect, parameters)) {
			// refused at once, by name, before anything is read
			PushdownUnsupportedException refused = assertThrows(PushdownUnsupportedException.class,
					() -> Services.get(SourceRuntime.class).run(engine.source(), analysis, asOf, parameters,
							(customer, label, values) -> fail("a row was read")));
			assertTrue(refused.getMessage().contains(id) && refused.getMessage().contains(engine.dialect.id()),
					refused.getMessage());
			return;
		}
		CustomerClassification memory = analyses.run(analysis, data, asOf, parameters, ProgressMonitor.NULL);
		Map<String, List<String>> expected = new HashMap<>();
		int[] labels = memory.labelIndexes();
		for (int c = 0; c < data.customerCount(); c++) {
			if (labels[c] == CustomerClassification.UNCLASSIFIED) {
				continue;
			}
			List<String> row = new ArrayList<>();
			row.add(memory.labels().get(labels[c]).id());
			for (ResultColumn column : memory.columns()) {
				row.add(column.format(c));
			}
			expected.put(data.customerId(c), row);
		}

		Map<String, List<String>> actual = new HashMap<>();
		long t = System.nanoTime();
		PushdownRun run = Services.get(SourceRuntime.class).run(engine.source(), analysis, asOf, parameters,
				(customer, label, values) -> {
					if (label == null) {
						return;
					}
					List<String> row = new ArrayList<>();
					row.add(label);
					row.addAll(List.of(values));
					if (actual.put(customer, row) != null) {
						fail("customer " + customer + " twice in the result");
					}
				});
		TIMINGS.add(String.format("%-10s %-7s %-60s %6d ms", engine, id, raw + " " + asOf, (System.nanoTime() - t) / 1_000_000));

		assertEquals(data.customerCount(), run.counts().customers(), "customers");
		if (!expected.equals(actual)) {
			TreeSet<String> ids = new TreeSet<>(expected.keySet());
			ids.addAll(actual.keySet());
			StringBuilder diff = new StringBuilder();
			int shown = 0;
			long differ = 0;
			for (String customer : ids) {
				if (!java.util.Objects.equals(expected.get(customer), actual.get(customer))) {
					differ++;
					if (shown++ < 8) {
						diff.append("\n  ").append(customer).append(": memory ").append(expected.get(customer))
								.append(" / ").append(engine).append(' ').append(actual.get(customer));
					}
				}
			}
			fail(differ + " of " + ids.size() + " customers differ (columns " + analysis.columnNames(parameters) + "):"
					+ diff);
		}
		assertEquals(memory.counts(), Map.copyOf(run.counts().perLabel()), "counts per label");
		Map<String, Object> summary = new LinkedHashMap<>();
		memory.summary().forEach((k, v) -> summary.put(k, v instanceof Number n ? n.longValue() : v));
		Map<String, Object> pushed = new LinkedHashMap<>();
		run.summary().forEach((k, v) -> pushed.put(k, v instanceof Number n ? n.longValue() : v));
		assertEquals(summary, pushed, "summary");
	}
}
