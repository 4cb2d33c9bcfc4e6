package io.custops.connector.jdbc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.custops.connector.jdbc.tests.Connectors.Collected;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;

/**
 * The jdbc connector reads a real Trino (the one releng/scripts/engines.sh starts for ./test.sh,
 * named by CUSTOPS_TRINO_URL) through the wrapped io.trino.jdbc bundle: proof that jdbc:trino:
 * URLs work inside OSGi, where DriverManager does not see the driver.
 */
class TrinoSourceTest {

	private static final String TABLE = "memory.default.jdbc_connector_orders";
	private static String url;
	private static DataConnector jdbc;

	/** The engine's URL; without it the test is skipped, unless the run requires the engines (./test.sh). */
	static String engineUrl(String variable) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			if ("1".equals(System.getenv("CUSTOPS_ENGINES_REQUIRED"))) {
				fail(variable + " is not set although CUSTOPS_ENGINES_REQUIRED=1 (releng/scripts/engines.sh starts the engines)");
			}
			Assumptions.abort(variable + " is not set: no engine to test against (run under releng/scripts/engines.sh)");
		}
		return value;
	}

	private static Connection connect() throws SQLException {
		Properties p = new Properties();
		p.setProperty("user", "custops");
		return new io.trino.jdbc.TrinoDriver().connect(url, p);
	}

	@BeforeAll
	static void setUp() throws Exception {
		url = engineUrl("CUSTOPS_TRINO_URL");
		jdbc = Connectors.find("jdbc", "io.custops.connector.jdbc");
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS " + TABLE);
			s.execute("CREATE TABLE " + TABLE + " (order_id VARCHAR, customer_id VARCHAR, order_time TIMESTAMP(3), "
					+ "amount DECIMAL(12,2), status VARCHAR, quantity INTEGER)");
			s.execute("INSERT INTO " + TABLE + " VALUES ('o1', 'c1', TIMESTAMP '2026-01-05 10:00:00', 12.50, 'paid', 2), "
					+ "('o2', '客户2', TIMESTAMP '2026-01-06 23:59:58.500', 100.00, 'refunded', NULL)");
		}
	}

	@AfterAll
	static void tearDown() throws Exception {
		if (url != null) {
			try (Connection c = connect(); Statement s = c.createStatement()) {
				s.execute("DROP TABLE IF EXISTS " + TABLE);
			}
		}
	}

	@Test
	void ordersFromATrinoTable() throws Exception {
		Collected c = Connectors.read(jdbc, FactKind.ORDERS, null,
				Map.of("url", url, "user", "custops", "table.orders", TABLE));
		assertEquals(List.of(), c.rejects);
		assertEquals(2, c.rows.size());
		Map<String, Map<String, String>> byId = new java.util.HashMap<>();
		c.rows.forEach(r -> byId.put(r.get("order_id"), r.fields()));
		assertEquals(Map.of("order_id", "o1", "customer_id", "c1", "order_time", "2026-01-05T10:00:00", "amount", "12.50",
				"status", "paid", "quantity", "2"), byId.get("o1"));
		assertEquals(Map.of("order_id", "o2", "customer_id", "客户2", "order_time", "2026-01-06T23:59:58.500", "amount",
				"100.00", "status", "refunded"), byId.get("o2"), "NULL is left out, Chinese text survives");
	}

	@Test
	void theDriverComesFromTheWrappedBundle() throws Exception {
		try (Connection c = connect()) {
			Class<?> driver = c.getClass();
			String bundle = org.osgi.framework.FrameworkUtil.getBundle(driver).getSymbolicName();
			assertEquals("io.trino.jdbc", bundle);
			assertTrue(c.getMetaData().getDatabaseProductVersion().startsWith("476"), c.getMetaData().getDatabaseProductVersion());
		}
	}
}
