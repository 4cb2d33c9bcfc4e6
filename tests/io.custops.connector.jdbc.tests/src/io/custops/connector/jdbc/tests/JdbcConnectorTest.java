package io.custops.connector.jdbc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.custops.connector.jdbc.JdbcSecrets;
import io.custops.connector.jdbc.tests.Connectors.Collected;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;

/** The jdbc connector against an HSQLDB database the test creates, and the password store. */
class JdbcConnectorTest {

	private static final AtomicInteger DATABASES = new AtomicInteger();
	private static final String PASSWORD = "Tr0ub4dor&3";

	@TempDir
	static Path storage;

	private static DataConnector jdbc;
	private static String url;

	@BeforeAll
	static void setUp() throws Exception {
		System.setProperty("custops.secureStorage", storage.toString());
		jdbc = Connectors.find("jdbc", "io.custops.connector.jdbc");
		url = "jdbc:hsqldb:mem:shop" + DATABASES.incrementAndGet();
		try (Connection c = connect(url, "SA", ""); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE ORDERS (ORDER_ID VARCHAR(20), CUSTOMER_ID VARCHAR(20), ORDER_TIME TIMESTAMP, "
					+ "AMOUNT DECIMAL(12,2), STATUS VARCHAR(10), QUANTITY INT, UNIT_PRICE DOUBLE)");
			s.execute("INSERT INTO ORDERS VALUES ('o1', 'c1', TIMESTAMP '2026-01-05 10:00:00', 12.50, 'paid', 2, 6.25)");
			s.execute("INSERT INTO ORDERS VALUES ('o2', 'c2', TIMESTAMP '2026-01-06 23:59:58.5', 100.00, 'refunded', NULL, 12.3)");
			s.execute("INSERT INTO ORDERS VALUES ('o3', 'c1', TIMESTAMP '2026-02-01 08:30:00', 0.10, 'unpaid', 1, NULL)");
			s.execute("CREATE SCHEMA ERP");
			s.execute("CREATE TABLE ERP.BUYERS (NICK VARCHAR(20), MOBILE VARCHAR(20), JOINED DATE, VIP_NOTE VARCHAR(40), "
					+ "LAST_LOGIN TIMESTAMP WITH TIME ZONE)");
			s.execute("INSERT INTO ERP.BUYERS VALUES ('c1', '13800000000', DATE '2025-12-31', '老客户', "
					+ "TIMESTAMP '2026-01-05 10:00:00+08:00')");
			s.execute("INSERT INTO ERP.BUYERS VALUES ('c2', NULL, NULL, NULL, NULL)");
			s.execute("CREATE TABLE CAMPAIGN_MEMBERS (CAMPAIGN_ID VARCHAR(20), CUSTOMER_ID VARCHAR(20), \"group\" VARCHAR(10))");
			s.execute("INSERT INTO CAMPAIGN_MEMBERS VALUES ('k1', 'c1', 'treatment'), ('k1', 'c2', 'control')");
			s.execute("CREATE USER ANALYST PASSWORD '" + PASSWORD + "'");
			s.execute("GRANT SELECT ON ORDERS TO ANALYST");
		}
	}

	@AfterAll
	static void tearDown() throws Exception {
		try (Connection c = connect(url, "SA", ""); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
		System.clearProperty("custops.secureStorage");
	}

	private static Connection connect(String url, String user, String password) throws SQLException {
		Properties p = new Properties();
		p.setProperty("user", user);
		p.setProperty("password", password);
		return new org.hsqldb.jdbc.JDBCDriver().connect(url, p);
	}

	private static Map<String, String> params(String... keysAndValues) {
		Map<String, String> m = new HashMap<>();
		m.put("url", url);
		m.put("user", "SA");
		for (int i = 0; i < keysAndValues.length; i += 2) {
			m.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return m;
	}

	@Test
	void describesItself() {
		assertEquals(Set.of(FactKind.values()), jdbc.supportedKinds());
		assertFalse(jdbc.needsFile());
		ParameterSpec password = jdbc.parameters().stream().filter(p -> p.key().equals("password")).findFirst().orElseThrow();
		assertTrue(password.secret());
		assertTrue(jdbc.parameters().stream().anyMatch(p -> p.key().equals("map.*") && p.isFamily()));
	}

	@Test
	void ordersFromTheTableNamedLikeTheKind() throws Exception {
		Collected c = Connectors.read(jdbc, FactKind.ORDERS, null, params());
		assertEquals(List.of(), c.rejects);
		assertEquals(3, c.rows.size());
		assertEquals(Map.of("order_id", "o1", "customer_id", "c1", "order_time", "2026-01-05T10:00:00", "amount", "12.50",
				"status", "paid", "quantity", "2", "unit_price", "6.25"), c.line(1).fields());
		assertEquals(Map.of("order_id", "o2", "customer_id", "c2", "order_time", "2026-01-06T23:59:58.500", "amount", "100.00",
				"status", "refunded", "unit_price", "12.3"), c.line(2).fields(), "NULL is left out; a double is its shortest decimal");
		assertEquals("0.10", c.line(3).get("amount"));
		assertEquals("o2,c2,2026-01-06T23:59:58.500,100.00,refunded,,12.3", c.line(2).raw());
	}

	@Test
	void queryAndMappingAndExtraCustomerColumns() throws Exception {
		Collected c = Connectors.read(jdbc, FactKind.CUSTOMERS, null,
				params("table.customers", "ERP.BUYERS", "map.customer_id", "NICK", "map.phone", "mobile", "map.first_seen", "JOINED"));
		assertEquals(Map.of("customer_id", "c1", "phone", "13800000000", "first_seen", "2025-12-31", "vip_note", "老客户",
				"last_login", "2026-01-05T10:00+08:00"), c.line(1).fields());
		assertEquals(Map.of("customer_id", "c2"), c.line(2).fields());

		Collected q = Connectors.read(jdbc, FactKind.ORDERS, null, params("query.orders",
				"SELECT ORDER_ID AS NO, CUSTOMER_ID AS BUYER, ORDER_TIME AS T, AMOUNT * 2 AS PAID, STATUS FROM ORDERS WHERE STATUS = 'paid'",
				"map.order_id", "no", "map.customer_id", "buyer", "map.order_time", "t", "map.amount", "paid"));
		assertEquals(List.of(Map.of("order_id", "o1", "customer_id", "c1", "order_time", "2026-01-05T10:00:00", "amount",
				"25.00", "status", "paid")), q.rows.stream().map(Connectors.Collected.Row::fields).toList());

		Collected members = Connectors.read(jdbc, FactKind.CAMPAIGN_MEMBERS, null, params());
		assertEquals(List.of("treatment", "control"), members.rows.stream().map(r -> r.get("group")).toList());
	}

	@Test
	void sourceLevelProblemsFailTheWholeImport() {
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> Connectors.read(jdbc, FactKind.ORDERS, null, params("query.orders", "SELECT ORDER_ID, CUSTOMER_ID, STATUS FROM ORDERS")));
		assertTrue(e.getMessage().contains(url) && e.getMessage().contains("order_time, amount"), e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(jdbc, FactKind.ORDERS, null, params("map.amount", "NO_SUCH_COLUMN")));
		assertTrue(e.getMessage().contains("NO_SUCH_COLUMN"), e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(jdbc, FactKind.ORDERS, null, params("map.price", "AMOUNT")));
		assertTrue(e.getMessage().contains("map.price"), e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(jdbc, FactKind.ORDERS, null, params("table.orders", "ORDERS; DROP TABLE ORDERS")));
		assertTrue(e.getMessage().contains("not a table name"), e.getMessage());
		e = assertThrows(ConnectorException.class, () -> Connectors.read(jdbc, FactKind.EVENTS, null, params()));
		assertTrue(e.getMessage().contains("events query failed"), e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(jdbc, FactKind.ORDERS, null, Map.of("url", "jdbc:nosuchdb://x")));
		assertTrue(e.getMessage().contains("jdbc:nosuchdb://x") && e.getMessage().contains("cannot connect"), e.getMessage());
	}

	@Test
	void passwordsLiveInSecureStorageAndNeverInMessages() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		ServiceReference<JdbcSecrets> ref = context.getServiceReference(JdbcSecrets.class);
		JdbcSecrets secrets = context.getService(ref);
		try {
			Map<String, String> analyst = new HashMap<>(Map.of("url", url, "user", "ANALYST"));

			// the wrong password fails, and the message does not repeat it
			ConnectorException e = assertThrows(ConnectorException.class, () -> Connectors.read(jdbc, FactKind.ORDERS,
					null, with(analyst, "password", "wrong-" + PASSWORD)));
			assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());

			// a key with nothing behind it
			e = assertThrows(ConnectorException.class,
					() -> Connectors.read(jdbc, FactKind.ORDERS, null, with(analyst, "passwordKey", "shop-db")));
			assertTrue(e.getMessage().contains("no password is stored under 'shop-db'"), e.getMessage());
			assertFalse(secrets.has("shop-db"));

			// given once with savePassword, then only the key
			assertEquals(3, Connectors.read(jdbc, FactKind.ORDERS, null,
					with(analyst, "password", PASSWORD, "passwordKey", "shop-db", "savePassword", "true")).rows.size());
			assertTrue(secrets.has("shop-db"));
			assertEquals(3, Connectors.read(jdbc, FactKind.ORDERS, null, with(analyst, "passwordKey", "shop-db")).rows.size());

			// stored through the service too
			secrets.store("other-db", PASSWORD.toCharArray());
			assertEquals(3, Connectors.read(jdbc, FactKind.ORDERS, null, with(analyst, "passwordKey", "other-db")).rows.size());
			secrets.remove("other-db");
			assertFalse(secrets.has("other-db"));
			assertThrows(IllegalArgumentException.class, () -> secrets.store("bad key/../x", "x".toCharArray()));

			// nothing on disk holds the password in plain text, and run records show it masked
			try (Stream<Path> files = Files.walk(storage)) {
				for (Path f : files.filter(Files::isRegularFile).toList()) {
					String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
					assertFalse(content.contains(PASSWORD), f + " holds the password");
					assertFalse(content.contains(java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))), f.toString());
				}
			}
			assertTrue(Files.exists(storage.resolve("secure_storage")), "the secure storage is where it was asked to be");
			Parameters p = Parameters.resolve(jdbc.parameters(), with(analyst, "password", PASSWORD));
			assertEquals(Parameters.MASK, p.asText().get("password"));
			assertFalse(p.toString().contains(PASSWORD));
		} finally {
			context.ungetService(ref);
		}
	}

	@Test
	void postgresqlDriverIsBundledAndTheUrlPasswordIsMasked() {
		// nothing listens on port 1: the bundled driver is loaded, tries, and fails
		ConnectorException e = assertThrows(ConnectorException.class, () -> Connectors.read(jdbc, FactKind.ORDERS, null,
				Map.of("url", "jdbc:postgresql://127.0.0.1:1/shop?user=u&password=hunter2&connectTimeout=2")));
		assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/shop?user=u&password=***"), e.getMessage());
		assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
		assertTrue(e.getCause().getClass().getName().startsWith("org.postgresql."), e.getCause().getClass().getName());
	}

	private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
		Map<String, String> m = new HashMap<>(base);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			m.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return m;
	}
}
