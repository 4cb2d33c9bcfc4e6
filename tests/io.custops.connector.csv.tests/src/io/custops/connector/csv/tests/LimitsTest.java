package io.custops.connector.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.data.FactKind;
import io.custops.core.spi.ConnectorException;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;

/**
 * The documented limits of docs/formats.md ("Limits"): a field of 64 KiB, a row of 1 MiB, 256
 * extra customer attributes. Beyond them a row is rejected with its reason, or the file refused,
 * at once; the workspace stays as it was and opens. The timeouts guard against the hang these
 * inputs caused (a 10 MB amount ran past 120 s), they measure nothing.
 */
class LimitsTest {

	@TempDir
	Path dir;
	Workspace ws;

	@BeforeEach
	void open() throws Exception {
		ws = Csv.manager().open(dir.resolve("ws"));
	}

	@AfterEach
	void close() {
		ws.close();
		System.clearProperty("custops.csv.rowByRow");
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aTenMegabyteAmountRejectsItsRowAndNoOtherTheBlockWay() throws Exception {
		tenMegabyteAmount(false);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aTenMegabyteAmountRejectsItsRowAndNoOtherTheRowWay() throws Exception {
		tenMegabyteAmount(true);
	}

	/** Both ways of reading: the block way (plain files) and the row way. */
	private void tenMegabyteAmount(boolean rowByRow) throws Exception {
		System.setProperty("custops.csv.rowByRow", Boolean.toString(rowByRow));
		Path file = dir.resolve("orders.csv");
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("order_id,customer_id,order_time,amount,status\n");
			w.write("o1,c1,2026-01-01T10:00:00,12.50,paid\n");
			w.write("o2,c2,2026-01-02T10:00:00,");
			w.write("9".repeat(10_000_000));
			w.write(",paid\n");
			w.write("o3,c3,2026-01-03T10:00:00,7.00,paid\n");
		}
		ImportResult r = Csv.load(ws, FactKind.ORDERS, file, Map.of());
		assertEquals(3, r.read());
		assertEquals(2, r.imported());
		assertEquals(1, r.rejected());
		List<String[]> rejects = Csv.rejects(r);
		assertEquals("3", rejects.get(0)[0]);
		assertEquals("amount", rejects.get(0)[1]);
		String reason = rejects.get(0)[2];
		assertTrue(reason.length() < 300, "the reason quotes the value's start and its length, not the value: " + reason.length());
		assertTrue(reason.contains("10000000 characters") || reason.contains("10000000 characters long"), reason);
		assertEquals(2L, ws.info().counts().get(FactKind.ORDERS));
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aFieldOverSixtyFourKibibytesIsRejectedNamingTheField() throws Exception {
		String note = "x".repeat(70_000);
		Path file = Csv.write(dir, "customers.csv", "customer_id,name,note\nc1,Ann,short\nc2,Bob," + note + "\n");
		ImportResult r = Csv.load(ws, FactKind.CUSTOMERS, file, Map.of());
		assertEquals(2, r.read());
		assertEquals(1, r.imported());
		String[] reject = Csv.rejects(r).get(0);
		assertEquals("note", reject[1]);
		assertEquals("note is 70000 characters long; a field holds at most 65536 (64 KiB)", reject[2]);
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void tenThousandAttributeColumnsAreRefusedBeforeAnythingIsWrittenAndTheWorkspaceStillOpens() throws Exception {
		Path first = Csv.write(dir, "first.csv", "customer_id,name,tier\nc1,Ann,gold\n");
		assertEquals(1, Csv.load(ws, FactKind.CUSTOMERS, first, Map.of()).imported());
		Path wide = wide(10_000);
		ConnectorException e = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.CUSTOMERS, wide, Map.of()));
		assertTrue(e.getMessage().startsWith(wide + ": the file has 10000 columns beyond the customer fields"), e.getMessage());
		assertTrue(e.getMessage().contains("at most 256 extra attributes"), e.getMessage());
		assertEquals(1L, ws.info().counts().get(FactKind.CUSTOMERS), "nothing of the refused file is kept");
		assertEquals("failed", ws.info().imports().get(0).state());
		ws.close();
		ws = Csv.manager().open(dir.resolve("ws"));
		assertEquals(1, ws.dataset().customerCount(), "the workspace opens and loads after the refusal");
		// the user's file was refused, the connector is not at fault: it stays registered and works
		Path next = Csv.write(dir, "next.csv", "customer_id,tier\nc2,silver\n");
		assertEquals(1, Csv.load(ws, FactKind.CUSTOMERS, next, Map.of()).imported());
	}

	@Test
	void theLimitCountsTheWorkspacesAttributesTooAndExactlyTheLimitIsKept() throws Exception {
		// 255 new ones beside the workspace's one: 256 in all, kept
		Path first = Csv.write(dir, "first.csv", "customer_id,tier\nc1,gold\n");
		Csv.load(ws, FactKind.CUSTOMERS, first, Map.of());
		ImportResult kept = Csv.load(ws, FactKind.CUSTOMERS, wide(255), Map.of());
		assertEquals(0, kept.rejected());
		assertEquals(2L, ws.info().counts().get(FactKind.CUSTOMERS));
		// one more is too many
		Path more = Csv.write(dir, "more.csv", "customer_id,extra\nc9,x\n");
		ConnectorException e = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.CUSTOMERS, more, Map.of()));
		assertTrue(e.getMessage().contains("1 of them new to the workspace, which holds 256"), e.getMessage());
	}

	/** A customers file of two customers and {@code n} attribute columns. */
	private Path wide(int n) throws Exception {
		StringBuilder text = new StringBuilder("customer_id");
		for (int i = 0; i < n; i++) {
			text.append(",attr").append(i);
		}
		for (String id : new String[] { "c1", "c2" }) {
			text.append('\n').append(id);
			for (int i = 0; i < n; i++) {
				text.append(",v").append(i);
			}
		}
		return Csv.write(dir, "wide-" + n + ".csv", text.append('\n').toString());
	}
}
