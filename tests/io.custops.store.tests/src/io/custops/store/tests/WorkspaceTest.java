package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.data.OrderStatus;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceInUseException;
import io.custops.store.WorkspaceInfo;
import io.custops.store.WorkspaceManager;

/** Opening, importing, reading back and the lock, through the registered WorkspaceManager. */
class WorkspaceTest {

	@TempDir
	Path dir;

	@Test
	void importedOrdersComeBackInTheDatasetAndTheSummary() throws Exception {
		WorkspaceManager manager = Stores.manager();
		try (Workspace ws = manager.open(dir.resolve("ws"))) {
			ws.setZone(ZoneId.of("Asia/Shanghai"));
			ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status,channel",
					"o1,c1,2026-01-05,10.00,paid,web", "o2,c2,2026-01-06 08:30,20.5,paid,",
					"o3,c1,2026-02-01T09:00:00,3,refunded,app");
			assertEquals(3, r.read());
			assertEquals(3, r.imported());
			assertEquals(0, r.rejected());
			assertNull(r.rejectsFile());

			CustomerDataset d = ws.dataset();
			assertEquals(ZoneId.of("Asia/Shanghai"), d.zone());
			assertEquals(2, d.customerCount());
			assertEquals(3, d.orderCount());
			int c1 = d.indexOf("c1");
			int first = d.orderOffsets()[c1];
			assertEquals(2, d.orderOffsets()[c1 + 1] - first);
			assertEquals(1000, d.orderAmount()[first]);
			assertEquals(CustomerDataset.localSeconds(LocalDateTime.of(2026, 1, 5, 0, 0)), d.orderTime()[first]);
			assertEquals(OrderStatus.REFUNDED.code(), d.orderStatus()[first + 1]);
			assertEquals("app", d.orderChannel().value(first + 1));
			int c2 = d.indexOf("c2");
			assertEquals(2050, d.orderAmount()[d.orderOffsets()[c2]]);
			assertEquals(null, d.orderChannel().value(d.orderOffsets()[c2]));

			WorkspaceInfo info = ws.info();
			assertEquals(3L, info.counts().get(FactKind.ORDERS));
			assertEquals(0L, info.counts().get(FactKind.EVENTS));
			assertEquals(LocalDateTime.of(2026, 1, 5, 0, 0), info.orders().orElseThrow().first());
			assertEquals(LocalDateTime.of(2026, 2, 1, 9, 0), info.orders().orElseThrow().last());
			assertTrue(info.events().isEmpty());
			assertEquals(1, info.imports().size());
			assertEquals("done", info.imports().get(0).state());
			assertEquals(r.importId(), info.imports().get(0).importId());
		}
		// reopened: everything is still there, the zone too
		try (Workspace ws = manager.open(dir.resolve("ws"))) {
			assertEquals(ZoneId.of("Asia/Shanghai"), ws.zone());
			assertEquals(3, ws.dataset().orderCount());
		}
	}

	@Test
	void aSecondOpenFailsAtOnceNamingTheOwner() throws Exception {
		WorkspaceManager manager = Stores.manager();
		try (Workspace ws = manager.open(dir)) {
			WorkspaceInUseException e = assertThrows(WorkspaceInUseException.class, () -> manager.open(dir));
			assertTrue(e.getMessage().startsWith("workspace " + dir.toAbsolutePath() + " in use by pid "
					+ ProcessHandle.current().pid() + " on "), e.getMessage());
			assertTrue(e.getMessage().contains(" since "), e.getMessage());
		}
		try (Workspace again = manager.open(dir)) {
			assertTrue(Files.exists(dir.resolve("workspace.lock")));
		}
	}
}
