package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.store.MemoryForecast;

/**
 * The memory forecast of a workspace: from its counts, against a heap injected through
 * {@link MemoryForecast#HEAP_PROPERTY} (a test cannot start a JVM of a small heap per case).
 */
class MemoryForecastTest extends WorkspaceFixture {

	@AfterEach
	void realHeap() {
		System.clearProperty(MemoryForecast.HEAP_PROPERTY);
	}

	@Test
	void aWorkspaceThatOutgrowsTheHeapIsSaidInPlainWords() throws Exception {
		ws.importFacts(new RowsConnector(RowsConnector.orders(0, 3_000)), FactKind.ORDERS, Optional.empty(), Map.of(),
				ProgressMonitor.NULL);
		MemoryForecast real = MemoryForecast.of(ws.info());
		assertEquals(3_000, real.orders());
		assertEquals(MemoryForecast.BASE_BYTES + 3_000L * MemoryForecast.BYTES_PER_ORDER
				+ real.customers() * MemoryForecast.BYTES_PER_CUSTOMER, real.neededBytes());
		assertTrue(real.fits(), "3,000 orders fit this JVM's heap");
		assertEquals(Optional.empty(), real.warning());

		// a heap just big enough, then just too small
		long enough = (long) Math.ceil(real.neededBytes() / MemoryForecast.WARN_SHARE);
		System.setProperty(MemoryForecast.HEAP_PROPERTY, Long.toString(enough));
		assertTrue(MemoryForecast.of(ws.info()).fits());
		System.setProperty(MemoryForecast.HEAP_PROPERTY, Long.toString(enough - 1024));
		MemoryForecast tight = MemoryForecast.of(ws.info());
		assertFalse(tight.fits());
		assertEquals(enough - 1024, tight.heapBytes());
		String w = tight.warning().orElseThrow();
		String held = real.customers() > 0 ? String.format(java.util.Locale.ROOT, "%,d customers, ", real.customers()) : "";
		assertTrue(w.startsWith("this workspace needs about 97 MB of memory for its analyses (" + held + "3,000 orders),"
				+ " close to the Java heap of 121 MB; use a source"), w);
		assertTrue(tight.warningZh().orElseThrow().startsWith("此工作区的分析约需 97 MB 内存"), tight.warningZh().get());

		System.setProperty(MemoryForecast.HEAP_PROPERTY, "64m");
		assertTrue(MemoryForecast.of(ws.info()).warning().orElseThrow().contains("more than the Java heap of 64 MB"));
	}

	@Test
	void theIssuesShopAtFullSizeNeedsMoreThanFourGigabytes() {
		// 2M customers, 20M orders, 40M events: the size issue 21 measures at
		MemoryForecast f = MemoryForecast.of(2_000_000, 20_000_000, 40_000_000, 4L << 30);
		assertFalse(f.fits(), "needs " + f.neededBytes());
		assertEquals("this workspace needs about 3.4 GB of memory for its analyses (2,000,000 customers, 20,000,000"
				+ " orders, 40,000,000 events), close to the Java heap of 4.0 GB; use a source (./custops source add,"
				+ " docs/warehouse.md) or start with CUSTOPS_HEAP=5g", f.warning().orElseThrow(), "as docs/cli.md shows it");
		MemoryForecast small = MemoryForecast.of(100_000, 1_000_000, 2_000_000, 4L << 30);
		assertTrue(small.fits());
		long limit = MemoryForecast.ordersFitting(4L << 30, 0.1, 2);
		assertTrue(MemoryForecast.of(limit / 10, limit, 2 * limit, 4L << 30).neededBytes() <= 4L << 30);
		assertFalse(MemoryForecast.of(limit / 10 + 1000, limit + 10_000, 2 * limit + 20_000, 4L << 30)
				.neededBytes() <= 4L << 30);
	}
}
