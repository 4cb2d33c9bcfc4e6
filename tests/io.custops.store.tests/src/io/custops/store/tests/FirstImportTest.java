package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;

/**
 * A first import into an empty fact set appends its rows without looking each one up, and
 * settles the rows whose keys may repeat once all are in: the same counts, rejections and
 * stored orders as when every row is looked up.
 */
class FirstImportTest extends WorkspaceFixture {


	@Test
	void repeatedOrdersAreSettledOnceAllRowsAreIn() throws Exception {
		repeatedOrders(0);
	}

	@Test
	void repeatedOrdersInBlocksAreSettledOnceAllRowsAreIn() throws Exception {
		repeatedOrders(1000);
	}

	/** @param blockRows 0: rows one by one (parsed as text); else blocks parsed from bytes */
	private void repeatedOrders(int blockRows) throws Exception {
		List<String> clean = RowsConnector.orders(0, 30_000);
		List<String> lines = new ArrayList<>(clean);
		lines.add("o3,c3,2026-01-04 10:00:00,3.03,paid,app"); // the same as line 5
		lines.add("o7,c7,2026-01-08 10:00:00,7.07,paid,"); // line 9 without its channel: adds nothing
		lines.add("o4,c4,2031-05-05 10:00:00,9.99,paid,web"); // another time and amount
		lines.add(12, "o8,c8,2026-01-09 10:00:00,8.08,refunded,web"); // in the block of its first line
		ImportResult r = ws.importFacts(new RowsConnector(lines).inBlocksOf(blockRows), FactKind.ORDERS,
				Optional.empty(), Map.of(), ProgressMonitor.NULL);

		assertEquals(30_004, r.read());
		assertEquals(30_000, r.imported());
		assertEquals(2, r.unchanged());
		assertEquals(2, r.rejected());
		assertEquals(List.of(
				"13,order_id,order_id o8 appears again with other values (first on line 10),"
						+ "\"o8,c8,2026-01-09 10:00:00,8.08,refunded,web\"",
				"30005,order_id,order_id o4 appears again with other values (first on line 6),"
						+ "\"o4,c4,2031-05-05 10:00:00,9.99,paid,web\""),
				Stores.rejects(r), "in the order the repeats were settled: by the row they were written to");
		assertEquals(30_000, ws.dataset().orderCount());
		assertEquals("4.04", ws.order("o4").orElseThrow().get("amount"), "the first row of o4 is the order");
		assertEquals("paid", ws.order("o8").orElseThrow().get("status"));
		assertEquals(LocalDateTime.of(2026, 1, 28, 10, 0), ws.info().orders().orElseThrow().last(),
				"a rejected row's time is not the set's");

		// the next import finds every order at its first row, not at a repeat taken back
		ImportResult again = ws.importFacts(new RowsConnector(clean).inBlocksOf(blockRows), FactKind.ORDERS,
				Optional.empty(), Map.of(), ProgressMonitor.NULL);
		assertEquals(0, again.imported());
		assertEquals(30_000, again.unchanged());
		assertEquals(0, again.rejected());
	}

	/**
	 * With no size known the filter starts small; 200,000 distinct orders then raise many false
	 * alarms, each of which must end as a stored row.
	 */
	@Test
	void repeatedEventsAreSettledOnceAllRowsAreIn() throws Exception {
		repeatedEvents(0);
	}

	@Test
	void repeatedEventsInBlocksAreSettledOnceAllRowsAreIn() throws Exception {
		repeatedEvents(256);
	}

	private void repeatedEvents(int blockRows) throws Exception {
		List<String> clean = new ArrayList<>();
		clean.add("customer_id,event_time,event_type,channel");
		for (int i = 0; i < 1000; i++) {
			clean.add("c" + i + ",2026-02-01 10:00:00,visit,app");
		}
		List<String> lines = new ArrayList<>(clean);
		lines.add("c5,2026-02-01 10:00:00,visit,app"); // the same event again
		lines.add("c7,2026-02-01 10:00:00,visit,web"); // the same event from another channel
		ImportResult r = ws.importFacts(new RowsConnector(lines).inBlocksOf(blockRows), FactKind.EVENTS,
				Optional.empty(), Map.of(), ProgressMonitor.NULL);
		assertEquals(1002, r.read());
		assertEquals(1000, r.imported());
		assertEquals(1, r.unchanged());
		assertEquals(1, r.rejected());
		assertEquals(1, Stores.rejects(r).size());
		assertTrue(Stores.rejects(r).get(0).startsWith("1003,"), Stores.rejects(r).toString());
		assertEquals(1000, ws.dataset().eventCount());

		ImportResult again = ws.importFacts(new RowsConnector(clean).inBlocksOf(blockRows), FactKind.EVENTS,
				Optional.empty(), Map.of(), ProgressMonitor.NULL);
		assertEquals(0, again.imported());
		assertEquals(1000, again.unchanged());
	}

	@Test
	void falseAlarmsOfTheFilterLoseNoRow() throws Exception {
		falseAlarms(0);
	}

	@Test
	void falseAlarmsOfTheFilterLoseNoRowInBlocks() throws Exception {
		falseAlarms(4096);
	}

	private void falseAlarms(int blockRows) throws Exception {
		ImportResult r = ws.importFacts(new RowsConnector(RowsConnector.orders(0, 200_000)).inBlocksOf(blockRows),
				FactKind.ORDERS, Optional.empty(), Map.of(), ProgressMonitor.NULL);
		assertEquals(200_000, r.imported());
		assertEquals(0, r.unchanged() + r.rejected());
		assertEquals(200_000, ws.dataset().orderCount());
		assertEquals("49.99", ws.order("o199999").orElseThrow().get("amount"));
	}
}
