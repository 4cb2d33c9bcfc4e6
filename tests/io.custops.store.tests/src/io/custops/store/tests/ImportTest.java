package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.ConnectorException;
import io.custops.store.ImportResult;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceInfo;

/** Whole imports: idempotency, all-or-nothing, maxRejects, order lines, the columnar copy. */
class ImportTest extends WorkspaceFixture {


	private ImportResult orders(int from, int count) throws Exception {
		return ws.importFacts(new RowsConnector(RowsConnector.orders(from, count)), FactKind.ORDERS, Optional.empty(),
				Map.of(), ProgressMonitor.NULL);
	}

	/** The orders table as sorted text, to compare states exactly. */
	private List<String> ordersTable() throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection c = ws.connection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT order_id, customer_id, order_time, amount, status, channel,"
						+ " import_id FROM orders ORDER BY order_id")) {
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= 7; i++) {
					row.append(rs.getString(i)).append('|');
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	/** The size of a column's file of a workspace's orders (the set's directory is named in its manifest). */
	private static long columnBytes(Path workspace, String column) throws Exception {
		try (var files = Files.walk(workspace.resolve("columns"))) {
			return Files.size(files.filter(f -> f.getFileName().toString().equals(column + ".col")).findFirst()
					.orElseThrow());
		}
	}

	@Test
	void aColumnTheFilesLeaveEmptyTakesNoBytesUntilAValueComes() throws Exception {
		for (int blockRows : new int[] { 0, 100 }) { // rows one by one, then a second set of orders in blocks
			Path at = dir.resolve("ws" + blockRows);
			try (io.custops.store.Workspace w = Stores.manager().open(at)) {
				ImportResult plain = w.importFacts(new RowsConnector(RowsConnector.orders(0, 500)).inBlocksOf(blockRows),
						FactKind.ORDERS, Optional.empty(), Map.of(), ProgressMonitor.NULL);
				assertEquals(500, plain.imported());
				List<String> withProducts = new ArrayList<>();
				withProducts.add("order_id,customer_id,order_time,amount,status,product_id,quantity");
				for (int i = 500; i < 700; i++) {
					withProducts.add("o" + i + ",c1,2026-02-01 10:00:00,5.00,paid,P" + (i % 7) + ",2");
				}
				ImportResult more = w.importFacts(new RowsConnector(withProducts).inBlocksOf(blockRows), FactKind.ORDERS,
						Optional.empty(), Map.of(), ProgressMonitor.NULL);
				assertEquals(200, more.imported());
				assertNull(w.order("o499").orElseThrow().get("product_id"));
				assertNull(w.order("o499").orElseThrow().get("quantity"));
				assertEquals("P0", w.order("o504").orElseThrow().get("product_id"));
				assertEquals("2", w.order("o504").orElseThrow().get("quantity"));
				assertEquals(700, w.dataset().orderCount());
				// the unchanged check reads the none of rows past a short file's end
				assertEquals(500, w.importFacts(new RowsConnector(RowsConnector.orders(0, 500)).inBlocksOf(blockRows),
						FactKind.ORDERS, Optional.empty(), Map.of(), ProgressMonitor.NULL).unchanged());
			}
			try (io.custops.store.Workspace w = Stores.manager().open(at)) {
				assertEquals("P6", w.order("o699").orElseThrow().get("product_id"));
				assertNull(w.order("o0").orElseThrow().get("product_id"));
			}
		}
		Path first = dir.resolve("ws0");
		assertEquals(700L * 4, columnBytes(first, "product_id"), "filled with none up to the first product");
		assertEquals(0, columnBytes(first, "province"), "no province in any file: an empty file");
		assertEquals(700L * 4, columnBytes(first, "customer_id"));
	}

	@Test
	void reimportingTheSameRowsChangesNothing() throws Exception {
		ImportResult first = orders(0, 45_000);
		assertEquals(45_000, first.imported());
		List<String> before = ordersTable();
		CustomerDataset d1 = ws.dataset();

		ImportResult second = orders(0, 45_000);
		assertEquals(45_000, second.read());
		assertEquals(0, second.imported());
		assertEquals(45_000, second.unchanged());
		assertEquals(0, second.rejected());
		assertEquals(before, ordersTable(), "not even the import id of a row changed");
		assertTrue(d1 == ws.dataset(), "nothing changed, so the same dataset is returned");

		// overlapping: 5,000 held, 5,000 new
		ImportResult third = orders(40_000, 10_000);
		assertEquals(5_000, third.imported());
		assertEquals(5_000, third.unchanged());
		assertEquals(50_000, ws.dataset().orderCount());
		assertEquals(50_000L, ws.info().counts().get(FactKind.ORDERS));
	}

	@Test
	void aChangedRowUpdatesTheHeldOneAndEmptyValuesEraseNothing() throws Exception {
		Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status,channel",
				"o1,c1,2026-01-05,10,unpaid,web", "o2,c1,2026-01-06,20,paid,web");
		CustomerDataset before = ws.dataset();
		assertEquals(OrderStatus.UNPAID.code(), before.orderStatus()[0]);
		ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status,channel",
				"o1,c1,2026-01-05,10,paid,", "o2,c1,2026-01-06,20,paid,");
		assertEquals(1, r.imported(), "o1 paid now");
		assertEquals(1, r.unchanged(), "o2: an empty channel keeps the held one");
		CustomerDataset after = ws.dataset();
		assertEquals(OrderStatus.PAID.code(), after.orderStatus()[0]);
		assertEquals("web", after.orderChannel().value(0));
		assertEquals("web", after.orderChannel().value(1));
	}

	@Test
	void aRepeatedIdWithOtherValuesIsRejectedAnIdenticalOneIsUnchanged() throws Exception {
		List<String> lines = new ArrayList<>(RowsConnector.orders(0, 25_000));
		lines.add("o3,c3,2026-01-04 10:00:00,3.03,paid,app"); // identical to line 5, in another chunk
		lines.add("o4,c4,2026-01-05 10:00:00,9.99,paid,web"); // o4 with another amount
		ImportResult r = ws.importFacts(new RowsConnector(lines), FactKind.ORDERS, Optional.empty(), Map.of(),
				ProgressMonitor.NULL);
		assertEquals(25_002, r.read());
		assertEquals(25_000, r.imported());
		assertEquals(1, r.unchanged());
		assertEquals(1, r.rejected());
		assertEquals(List.of("25003,order_id,order_id o4 appears again with other values (first on line 6),"
				+ "\"o4,c4,2026-01-05 10:00:00,9.99,paid,web\""), Stores.rejects(r));
	}

	@Test
	void tooManyRejectsUndoTheWholeImportAndKeepTheRejects() throws Exception {
		orders(0, 10);
		List<String> before = ordersTable();
		List<String> lines = new ArrayList<>(RowsConnector.orders(100, 30_000));
		lines.add(5, "bad1,c1,never,1,paid,web");
		lines.add(25_000, "bad2,c1,2026-01-01,x,paid,web");
		lines.add("bad3,c1,2026-01-01,1,lost,web");
		io.custops.store.TooManyRejectsException e = assertThrows(io.custops.store.TooManyRejectsException.class, () -> ws.importFacts(new RowsConnector(lines),
				FactKind.ORDERS, Optional.empty(), Map.of("maxRejects", "2"), ProgressMonitor.NULL));
		assertTrue(e.getMessage().contains("more than 2 rows rejected (maxRejects=2)"), e.getMessage());
		assertEquals(before, ordersTable(), "the 30,000 good rows, committed in chunks, are undone");
		assertEquals(10, ws.dataset().orderCount());
		WorkspaceInfo.ImportRecord failed = ws.info().imports().get(0);
		assertEquals("failed", failed.state());
		assertEquals(3, failed.rejected());
		assertEquals(0, failed.imported());
		assertTrue(Files.readString(failed.rejectsFile()).contains("status 'lost' is not one of"));

		// exactly at the limit is fine
		ImportResult ok = ws.importFacts(new RowsConnector(lines), FactKind.ORDERS, Optional.empty(),
				Map.of("maxRejects", "3"), ProgressMonitor.NULL);
		assertEquals(3, ok.rejected());
		assertEquals(30_000, ok.imported());
		// -1: any number; 0: none
		assertEquals(3, ws.importFacts(new RowsConnector(lines), FactKind.ORDERS, Optional.empty(),
				Map.of("maxRejects", "-1"), ProgressMonitor.NULL).rejected());
		assertThrows(WorkspaceException.class, () -> Stores.load(ws, FactKind.ORDERS, Map.of("maxRejects", "0"),
				"order_id,customer_id,order_time,amount,status", "z1,c1,2026-01-01,1,paid", "z2,c1,2026-01-01,1,?"));
		assertEquals(30_010, ws.dataset().orderCount());
	}

	@Test
	void aFileLevelErrorHalfWayWritesNothing() throws Exception {
		orders(0, 10);
		List<String> before = ordersTable();
		List<String> lines = new ArrayList<>(RowsConnector.orders(100, 50_000));
		lines.add(3, "bad,c1,never,1,paid,web");
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> ws.importFacts(new RowsConnector(lines).failingAfter(45_000), FactKind.ORDERS, Optional.empty(),
						Map.of(), ProgressMonitor.NULL));
		assertEquals("test source: broken at line 45002", e.getMessage());
		assertEquals(before, ordersTable());
		assertEquals(10, ws.dataset().orderCount());
		WorkspaceInfo.ImportRecord failed = ws.info().imports().get(0);
		assertEquals("failed", failed.state());
		assertEquals("test source: broken at line 45002", failed.message());
		assertNull(failed.rejectsFile());
		assertFalse(Files.exists(dir.resolve("rejects").resolve(failed.importId() + "-orders.csv")),
				"a failed source leaves no rejects file behind");
		// and the workspace goes on working
		assertEquals(50_000, orders(100, 50_000).imported());
	}

	@Test
	void cancellingUndoesTheImport() throws Exception {
		AtomicLong worked = new AtomicLong();
		ProgressMonitor monitor = new ProgressMonitor() {
			@Override
			public void worked(long work) {
				worked.addAndGet(work);
			}

			@Override
			public boolean isCanceled() {
				return worked.get() >= 20_000;
			}
		};
		assertThrows(CancellationException.class,
				() -> ws.importFacts(new RowsConnector(RowsConnector.orders(0, 60_000)), FactKind.ORDERS,
						Optional.empty(), Map.of(), monitor));
		assertTrue(worked.get() >= 20_000, "a chunk was committed before the cancel");
		assertEquals(0L, ws.info().counts().get(FactKind.ORDERS));
		assertEquals("cancelled", ws.info().imports().get(0).message());
	}

	@Test
	void parametersAreCheckedBeforeAnythingIsRead() throws Exception {
		ParameterException unknown = assertThrows(ParameterException.class,
				() -> Stores.load(ws, FactKind.ORDERS, Map.of("delimter", ";"), "order_id"));
		assertEquals("delimter", unknown.key());
		assertTrue(unknown.getMessage().contains("maxRejects"), unknown.getMessage());
		assertEquals("maxRejects",
				assertThrows(ParameterException.class,
						() -> Stores.load(ws, FactKind.ORDERS, Map.of("maxRejects", "-2"), "order_id")).key());
		assertEquals("lines", assertThrows(ParameterException.class,
				() -> Stores.load(ws, FactKind.EVENTS, Map.of("lines", "true"), "customer_id")).key());
		assertTrue(ws.info().imports().isEmpty(), "nothing was started");
	}

	@Test
	void orderLinesAddUpToOneOrder() throws Exception {
		String header = "order_id,customer_id,order_time,status,quantity,unit_price,product_id";
		String[] lines = { header, "A1,c1,2011-12-01 10:01,paid,2,1.50,P1", "A2,c2,2011-12-01 11:00,paid,1,9.99,P9",
				"A1,c1,2011-12-01 10:00,paid,3,0.20,P2", "A1,c9,2011-12-01 10:00,paid,1,1,P3",
				"A1,c1,2011-12-01 10:00,cancelled,1,1,P3", "A1,c1,2011-12-01 10:02,paid,1,0,P1" };
		ImportResult r = Stores.load(ws, FactKind.ORDERS, Map.of("lines", "true"), lines);
		assertEquals(6, r.read());
		assertEquals(4, r.imported());
		assertEquals(2, r.rejected());
		assertEquals(List.of("5,customer_id,\"order A1 has customer_id c1 (line 2), not c9\",\"A1,c9,2011-12-01 10:00,paid,1,1,P3\"",
				"6,status,\"order A1 has status paid (line 2), not cancelled\",\"A1,c1,2011-12-01 10:00,cancelled,1,1,P3\""),
				Stores.rejects(r));
		Map<String, String> a1 = ws.order("A1").orElseThrow();
		assertEquals("3.60", a1.get("amount"), "2 × 1.50 + 3 × 0.20 + 1 × 0");
		assertEquals("6", a1.get("quantity"));
		assertEquals("2011-12-01T10:00", a1.get("order_time"), "the earliest line's time");
		assertNull(a1.get("product_id"), "lines of several products");
		assertEquals("3", a1.get("line_count"));
		assertTrue(ws.order("A9").isEmpty());
		try (Connection c = ws.connection(); Statement s = c.createStatement()) {
			ResultSet rs;
			rs = s.executeQuery("SELECT line_no, product_id, amount FROM order_lines WHERE order_id = 'A1' ORDER BY line_no");
			List<String> l = new ArrayList<>();
			while (rs.next()) {
				l.add(rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getBigDecimal(3));
			}
			assertEquals(List.of("1:P1:3.00", "2:P2:0.60", "3:P1:0.00"), l);
		}
		CustomerDataset d = ws.dataset();
		assertEquals(2, d.orderCount());
		assertEquals(360, d.orderAmount()[d.orderOffsets()[d.indexOf("c1")]]);

		ImportResult again = Stores.load(ws, FactKind.ORDERS, Map.of("lines", "true"), lines);
		assertEquals(4, again.unchanged());
		assertEquals(0, again.imported());
		assertEquals(2, again.rejected());

		// one line changed: the order is replaced with its new lines
		lines[6] = "A1,c1,2011-12-01 10:02,paid,2,0,P1";
		ImportResult changed = Stores.load(ws, FactKind.ORDERS, Map.of("lines", "true"), lines);
		assertEquals(3, changed.imported(), "the three lines of A1");
		assertEquals(1, changed.unchanged(), "A2");
		CustomerDataset updated = ws.dataset();
		assertEquals(7, updated.orderQuantity()[updated.orderOffsets()[updated.indexOf("c1")]]);
		assertEquals(4L, ws.info().orderLines(), "A1 has 3 lines and A2 one");
	}

	@Test
	void factSetsAreAppendedAndTheCustomersCopyIsRebuiltWhenLost() throws Exception {
		orders(0, 30_000);
		Stores.load(ws, FactKind.EVENTS, "customer_id,event_time,event_type,session_id",
				"c1,2026-01-05 10:00:00,visit,s1", "c1,2026-01-05 10:01:00,view,s1", "c2,2026-01-06,visit,");
		Stores.load(ws, FactKind.CUSTOMERS, "customer_id,province", "c1,浙江", "c2,广东");
		orders(30_000, 5_000); // appended to the fact set
		CustomerDataset d = ws.dataset();
		assertEquals(35_000, d.orderCount());
		assertEquals(3, d.eventCount());
		assertEquals("浙江", d.attribute("province").value(d.indexOf("c1")));
		long[] amounts = d.orderAmount().clone();
		long sum = java.util.Arrays.stream(amounts).sum();
		long expected = 0;
		for (int i = 0; i < 35_000; i++) {
			expected += (i % 50) * 100 + i % 100;
		}
		assertEquals(expected, sum);
		Path columns = dir.resolve("columns");
		Path manifest = columns.resolve("manifest.properties");
		assertTrue(Files.exists(manifest));
		ws.close();

		// lose the customers' copy: the next open rebuilds it from the database
		try (var list = Files.list(columns)) {
			for (Path set : list.filter(p -> p.getFileName().toString().startsWith("customers.")).toList()) {
				try (var walk = Files.walk(set)) {
					for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
						Files.delete(p);
					}
				}
			}
		}
		ws = Stores.manager().open(dir);
		CustomerDataset rebuilt = ws.dataset();
		assertEquals(35_000, rebuilt.orderCount());
		assertEquals(sum, java.util.Arrays.stream(rebuilt.orderAmount()).sum());
		assertEquals(3, rebuilt.eventCount());
		assertEquals("广东", rebuilt.attribute("province").value(rebuilt.indexOf("c2")));
		for (int c = 0; c < d.customerCount(); c++) {
			String id = d.customerId(c);
			int r = rebuilt.indexOf(id);
			assertEquals(d.orderOffsets()[c + 1] - d.orderOffsets()[c], rebuilt.orderOffsets()[r + 1] - rebuilt.orderOffsets()[r], id);
		}
		ws.close();

		// a damaged manifest is refused by name, not read as an empty workspace
		String good = Files.readString(manifest);
		Files.writeString(manifest, "orders.generation=99\norders.rows=x\n");
		WorkspaceException e = assertThrows(WorkspaceException.class, () -> Stores.manager().open(dir));
		assertTrue(e.getMessage().contains("manifest.properties") && e.getMessage().contains("orders.rows"), e.getMessage());
		Files.writeString(manifest, good);
		ws = Stores.manager().open(dir);
		assertEquals(35_000, ws.dataset().orderCount());
	}

	@Test
	void readingAnOrderChangesNoFile() throws Exception {
		orders(0, 10);
		Path amounts;
		try (var files = Files.walk(dir.resolve("columns"))) {
			amounts = files.filter(f -> f.getFileName().toString().equals("amount.col")).findFirst().orElseThrow();
		}
		// bytes past the valid length, as an interrupted import leaves them: only an import cuts them
		Files.write(amounts, new byte[] { 1, 2, 3 }, java.nio.file.StandardOpenOption.APPEND);
		long length = Files.size(amounts);
		assertEquals("o1", ws.order("o1").orElseThrow().get("order_id"));
		assertEquals(length, Files.size(amounts), "reading an order wrote to the order files");
		assertEquals(5, orders(10, 5).imported(), "the next import appends after the valid rows");
		assertEquals(length - 3 + 5 * 8, Files.size(amounts));
	}

	@Test
	void aChangedOrderReplacesItsRowAndAnUnknownOneIsAdded() throws Exception {
		Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status,channel",
				"o1,c1,2026-01-05 10:00,10.00,paid,app", "o2,c1,2026-01-06,20.00,paid,");
		// o1 refunded, o2 unchanged (an empty channel does not erase one), o3 new
		ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status,channel",
				"o1,c1,2026-01-05 10:00,10.00,refunded,", "o2,c1,2026-01-06,20.00,paid,", "o3,c2,2026-01-07,5.5,paid,web");
		assertEquals(2, r.imported());
		assertEquals(1, r.unchanged());
		assertEquals("refunded", ws.order("o1").orElseThrow().get("status"));
		assertEquals("app", ws.order("o1").orElseThrow().get("channel"), "kept from the first import");
		CustomerDataset d = ws.dataset();
		assertEquals(3, d.orderCount(), "the old row of o1 is superseded");
		assertEquals(3L, ws.info().counts().get(FactKind.ORDERS));
		ws.close();
		ws = Stores.manager().open(dir);
		assertEquals(3, ws.dataset().orderCount());
		ImportResult again = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status",
				"o1,c1,2026-01-05 10:00,10.00,refunded", "o3,c2,2026-01-07,5.50,paid");
		assertEquals(2, again.unchanged());
	}

	@Test
	void tagsComeWithTheDataset() throws Exception {
		Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "o1,c1,2026-01-05,1,paid");
		assertTrue(ws.addTag("c1", "vip"));
		assertFalse(ws.addTag("c1", "vip"));
		assertTrue(ws.addTag("c7", "complained"));
		CustomerDataset d = ws.dataset();
		int c1 = d.indexOf("c1");
		assertEquals(List.of("vip"), tags(d, c1));
		assertEquals(List.of("complained"), tags(d, d.indexOf("c7")));
		assertTrue(ws.removeTag("c1", "vip"));
		assertFalse(ws.removeTag("c1", "vip"));
		CustomerDataset after = ws.dataset();
		assertEquals(List.of(), tags(after, after.indexOf("c1")));
		assertEquals(1L, ws.info().tags());
	}

	private static List<String> tags(CustomerDataset d, int c) {
		List<String> out = new ArrayList<>();
		for (int i = d.tagOffsets()[c]; i < d.tagOffsets()[c + 1]; i++) {
			out.add(d.tagNames().get(d.tagIds()[i]));
		}
		return out;
	}

	@Test
	void aConnectorThatDoesNotReadTheKindIsRefused() throws Exception {
		io.custops.core.spi.DataConnector ordersOnly = new io.custops.core.spi.DataConnector() {
			@Override
			public String id() {
				return "only-orders";
			}

			@Override
			public io.custops.core.LocalizedText name() {
				return io.custops.core.LocalizedText.of("x");
			}

			@Override
			public java.util.Set<FactKind> supportedKinds() {
				return java.util.Set.of(FactKind.ORDERS);
			}

			@Override
			public void read(io.custops.core.spi.ImportRequest request, io.custops.core.spi.RecordSink sink) {
			}
		};
		WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.importFacts(ordersOnly, FactKind.EVENTS,
				Optional.of(Path.of("x.csv")), Map.of(), ProgressMonitor.NULL));
		assertEquals("connector 'only-orders' does not read events (it reads orders)", e.getMessage());
		e = assertThrows(WorkspaceException.class,
				() -> ws.importFacts(ordersOnly, FactKind.ORDERS, Optional.empty(), Map.of(), ProgressMonitor.NULL));
		assertEquals("connector 'only-orders' reads a file: name it (--file)", e.getMessage());
	}
}
