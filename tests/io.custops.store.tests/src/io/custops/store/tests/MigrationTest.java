package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Map;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/** A workspace made by an older version opens in this one; one made by a newer version is refused. */
class MigrationTest {

	@TempDir
	Path dir;

	/** Creates the database of a workspace from a script, as an old CustOps would have left it. */
	private void createDatabase(String script) throws Exception {
		Files.createDirectories(dir.resolve("db"));
		JDBCDataSource source = new JDBCDataSource();
		source.setUrl("jdbc:hsqldb:file:" + dir.resolve("db").resolve("workspace")
				+ ";hsqldb.default_table_type=cached;hsqldb.lock_file=false");
		source.setUser("SA");
		source.setPassword("");
		try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
			for (String sql : script.split(";\\s*\\n")) {
				String statement = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
				if (!statement.isEmpty()) {
					s.execute(statement);
				}
			}
			s.execute("SHUTDOWN");
		}
	}

	private static String resource(String path) throws Exception {
		try (InputStream in = FrameworkUtil.getBundle(MigrationTest.class).getEntry(path).openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void aVersionOneWorkspaceOpensWithItsDataAndTakesOrderLines() throws Exception {
		createDatabase(resource("data/workspace-v1.sql"));
		try (Workspace ws = Stores.manager().open(dir)) {
			assertEquals(7, ws.info().schemaVersion());
			assertEquals(ZoneId.of("Asia/Shanghai"), ws.zone());
			assertEquals(2L, ws.info().counts().get(FactKind.ORDERS));
			assertEquals("20260110-090000-1", ws.info().imports().get(0).importId());
			CustomerDataset d = ws.dataset(); // no columnar copy yet: built from the migrated database
			assertEquals(2, d.orderCount());
			assertEquals(2550, d.orderAmount()[d.orderOffsets()[d.indexOf("c2")]]);
			assertEquals(30, d.orderUsageDays()[d.orderOffsets()[d.indexOf("c2")]]);
			assertEquals(2, d.eventCount(), "the events moved out of the database too");
			assertEquals(2L, ws.info().counts().get(FactKind.EVENTS));
			assertEquals("vip", d.tagNames().get(0));

			// what version 2 added works on the old data
			ImportResult r = Stores.load(ws, FactKind.ORDERS, Map.of("lines", "true"),
					"order_id,customer_id,order_time,status,quantity,unit_price", "v2-o1,c1,2026-02-01,paid,2,5",
					"v2-o1,c1,2026-02-01,paid,1,1", "v1-o1,c1,2026-01-02 10:00,paid,1,10");
			assertEquals(3, r.imported(), "v1-o1 now has a line, which it had not");
			assertEquals(3L, ws.info().orderLines());
			assertTrue(ws.info().imports().get(0).importId().endsWith("-2"), "the import sequence went on");
			try (Connection c = ws.connection(); Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
				rs.next();
				assertEquals(1, rs.getInt(1));
				rs.next();
				assertEquals(2, rs.getInt(1));
				rs.next();
				assertEquals(3, rs.getInt(1), "version 3: campaign records, imported tags, audit log");
				rs.next();
				assertEquals(4, rs.getInt(1), "version 4: report schedules and runs");
				rs.next();
				assertEquals(5, rs.getInt(1), "version 5: orders and events in the columnar fact sets");
				rs.next();
				assertEquals(6, rs.getInt(1), "version 6: sources for SQL pushdown");
				rs.next();
				assertEquals(7, rs.getInt(1), "version 7: playbooks and their runs");
				try (ResultSet left = s.executeQuery(
						"SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM events) FROM (VALUES(0))")) {
					left.next();
					assertEquals(0, left.getInt(1), "the facts moved out of the database");
				}
			}

			// what version 3 added: tags imported with their source, campaigns created with members, the audit log
			Stores.load(ws, FactKind.TAGS, "customer_id,tags", "c2,vip;new");
			assertEquals(java.util.Map.of("new", 1L, "vip", 2L), ws.tagCounts());
			ws.campaigns().create(io.custops.store.CampaignRecord.toCreate("k", "K", java.time.LocalDate.of(2026, 3, 1),
					java.time.LocalDate.of(2026, 3, 31), java.math.BigDecimal.TEN, java.math.BigDecimal.ONE, null,
					"tag:vip", java.util.Map.of(), java.time.LocalDate.of(2026, 3, 1), null, null),
					java.util.List.of(new io.custops.store.CampaignMember("c1", io.custops.store.CampaignMember.Group.TREATMENT,
							"vip")));
			assertEquals("vip", ws.campaigns().members("k").get(0).segment());
			assertEquals("campaign-create", ws.audit().entries("k").get(0).action());
		}
	}

	@Test
	void aWorkspaceOfANewerVersionIsRefusedUntouched() throws Exception {
		createDatabase("""
				CREATE TABLE schema_version(version INT PRIMARY KEY, description VARCHAR(200) NOT NULL,
				 applied TIMESTAMP WITH TIME ZONE NOT NULL);
				INSERT INTO schema_version VALUES(99, 'from the future', CURRENT_TIMESTAMP);
				""");
		WorkspaceException e = assertThrows(WorkspaceException.class, () -> Stores.manager().open(dir));
		assertTrue(e.getMessage().contains("has schema version 99, made by a newer CustOps; this one knows versions up to 7"),
				e.getMessage());
		// the lock was released: the error is repeatable, not "in use"
		e = assertThrows(WorkspaceException.class, () -> Stores.manager().open(dir));
		assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
	}
}
