package io.custops.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ClassificationCsv;

class AnalysesTest {

	private ServiceTracker<Analyses, Analyses> tracker;
	private Analyses analyses;

	@BeforeEach
	void setUp() throws Exception {
		tracker = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), Analyses.class, null);
		tracker.open();
		analyses = tracker.waitForService(10_000);
		assertNotNull(analyses);
	}

	@AfterEach
	void tearDown() {
		tracker.close();
	}

	private static CustomerDataset data() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				.order("c1", CustomerDataset.localSeconds(LocalDateTime.parse("2026-01-01T08:00")), 1000, OrderStatus.PAID, 1, 0, null)
				.event("c2", CustomerDataset.localSeconds(LocalDateTime.parse("2026-01-02T08:00")), "view", null, null)
				.build();
	}

	@Test
	void findsStrategiesAndModelsByIdThroughTheRegistry() {
		CustomerAnalysis strategy = analyses.find(ServiceKind.STRATEGY, "fixture-strategy");
		CustomerClassification result = analyses.run(strategy, data(), LocalDate.of(2026, 2, 1), Parameters.empty(),
				ProgressMonitor.NULL);
		assertEquals(Map.of("other", 1L, "buyer", 1L), result.counts());
		assertEquals("fixture-model", analyses.find(ServiceKind.MODEL, "fixture-model").id());
	}

	@Test
	void unknownIdNamesWhatIsInstalled() {
		NoSuchElementException e = assertThrows(NoSuchElementException.class,
				() -> analyses.find(ServiceKind.STRATEGY, "nope"));
		assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("fixture-strategy"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> analyses.find(ServiceKind.CONNECTOR, "fixture-connector"));
	}

	@Test
	void csvHasCustomerIdFirstAndOnlyClassifiedCustomers() throws Exception {
		CustomerDataset data = CustomerDataset.builder(ZoneOffset.UTC).attribute("a", "x", "1")
				.attribute("b,\"q\"", "x", "2").attribute("c", "x", "3").build();
		CustomerClassification result = new CustomerClassification(List.of(Label.of("l", "L", "L")),
				new int[] { 0, 0, -1 }, List.of(ResultColumn.ofCents("monetary", new long[] { 12345, -5, 0 }, Long.MIN_VALUE),
						ResultColumn.ofTexts("segment", new String[] { "loyal", "at risk, soon", null })),
				Map.of());
		StringWriter out = new StringWriter();
		assertEquals(2, ClassificationCsv.write(data, result, out));
		assertEquals("customer_id,monetary,segment\r\na,123.45,loyal\r\n\"b,\"\"q\"\"\",-0.05,\"at risk, soon\"\r\n",
				out.toString());
	}
}
