package io.custops.source.spark.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.spi.SqlDialect;
import io.custops.source.SourceCheck;
import io.custops.source.SourceException;
import io.custops.source.SourceRuntime;
import io.custops.store.SourceRecord;

/** The Spark Connect adapter, found as a {@link Driver} service, against a real Spark Connect server. */
class SparkConnectDriverTest {

	private static Driver driver;
	private static String url;

	@BeforeAll
	static void setUp() throws Exception {
		driver = sparkDriver();
		url = SparkServer.url();
	}

	/** The adapter's service among every Driver service in the registry: the one accepting sc://. */
	static Driver sparkDriver() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(SparkConnectDriverTest.class).getBundleContext();
		ServiceTracker<Driver, Driver> tracker = new ServiceTracker<>(context, Driver.class, null);
		tracker.open();
		tracker.waitForService(20_000);
		Collection<ServiceReference<Driver>> refs = context.getServiceReferences(Driver.class, "(custops.url.scheme=sc)");
		assertEquals(1, refs.size(), "one Spark Connect driver service");
		Driver d = context.getService(refs.iterator().next());
		assertTrue(d.acceptsURL("sc://127.0.0.1:15002"));
		assertTrue(d.acceptsURL("jdbc:sc://spark.example:443/;use_ssl=true"));
		assertFalse(d.acceptsURL("jdbc:postgresql://127.0.0.1/x"));
		assertNull(d.connect("jdbc:postgresql://127.0.0.1/x", new Properties()), "another kind's URL is not ours");
		return d;
	}

	@Test
	void aDeadPortFailsAtOnceWithAClearMessage() throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort(); // free once closed: nothing listens there
		}
		long t0 = System.nanoTime();
		SQLException e = assertThrows(SQLException.class, () -> driver.connect("sc://127.0.0.1:" + port, new Properties()));
		long ms = (System.nanoTime() - t0) / 1_000_000;
		assertTrue(e.getMessage().contains("127.0.0.1:" + port + " is not reachable"), e.getMessage());
		assertEquals("08001", e.getSQLState());
		assertTrue(ms < 10_000, "failed after " + ms + " ms, not at once");
	}

	@Test
	void badUrlsAreRefusedNamingWhatIsWrong() {
		SQLException port = assertThrows(SQLException.class, () -> driver.connect("sc://127.0.0.1:abc", new Properties()));
		assertTrue(port.getMessage().contains("port 'abc' is not a number"), port.getMessage());
		SQLException param = assertThrows(SQLException.class,
				() -> driver.connect("sc://127.0.0.1:1/;token=secret;oops", new Properties()));
		assertTrue(param.getMessage().contains("'oops' is not key=value"), param.getMessage());
		assertFalse(param.getMessage().contains("secret"), "the token is masked: " + param.getMessage());
		SQLException timeout = assertThrows(SQLException.class,
				() -> driver.connect("sc://127.0.0.1:1/;connect_timeout=0", new Properties()));
		assertTrue(timeout.getMessage().contains("connect_timeout '0'"), timeout.getMessage());
	}

	@Test
	void valuesComeBackTypedAsJdbcReadsThem() throws Exception {
		try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						SELECT id, CAST(id AS INT) AS i, CAST(id AS DECIMAL(12,2)) / 4 AS money,
						  CAST(-123456789012345678901234.5 AS DECIMAL(30,1)) AS big,
						  IF(id % 2 = 0, NULL, concat('客户-', id)) AS name,
						  TIMESTAMP_NTZ '2026-03-01 00:00:00' + make_interval(0, 0, 0, 0, 0, 0, id) AS t,
						  DATE '2026-03-01' AS d, 7 div 2 AS q, 7 / 2 AS f, id > 1 AS b
						FROM range(3) ORDER BY id""")) {
			ResultSetMetaData md = rs.getMetaData();
			assertEquals(10, md.getColumnCount());
			assertEquals(List.of("id", "i", "money", "big", "name", "t", "d", "q", "f", "b"),
					java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> {
						try {
							return md.getColumnLabel(i);
						} catch (SQLException e) {
							throw new IllegalStateException(e);
						}
					}).toList());
			assertEquals(Types.BIGINT, md.getColumnType(1));
			assertEquals(Types.INTEGER, md.getColumnType(2));
			assertEquals(Types.DECIMAL, md.getColumnType(3));
			assertEquals(Types.VARCHAR, md.getColumnType(5));
			assertEquals(Types.TIMESTAMP, md.getColumnType(6), "TIMESTAMP_NTZ: a wall-clock timestamp");
			assertEquals("TIMESTAMP_NTZ", md.getColumnTypeName(6));
			assertEquals(Types.DATE, md.getColumnType(7));
			assertTrue(rs.next());
			assertEquals(0L, rs.getLong(1));
			assertEquals(0, rs.getInt("i"));
			assertNull(rs.getString("name"));
			assertTrue(rs.wasNull());
			assertEquals(new BigDecimal("-123456789012345678901234.5"), rs.getBigDecimal("big"));
			assertEquals(Timestamp.valueOf(LocalDateTime.of(2026, 3, 1, 0, 0)), rs.getTimestamp("t"));
			assertEquals(LocalDate.of(2026, 3, 1), rs.getDate("d").toLocalDate());
			assertEquals(3L, rs.getLong("q"), "div is whole-number division");
			assertEquals(3.5, rs.getDouble("f"), 0, "/ is a fraction on Spark");
			assertFalse(rs.getBoolean("b"));
			assertTrue(rs.next());
			assertEquals("客户-1", rs.getString("name"));
			assertEquals(0, new BigDecimal("0.25").compareTo(rs.getBigDecimal("money")), rs.getString("money"));
			assertEquals(LocalDateTime.of(2026, 3, 1, 0, 0, 1), rs.getObject("t", LocalDateTime.class));
			assertTrue(rs.next());
			assertTrue(rs.getBoolean("b"));
			assertFalse(rs.next());
			assertFalse(rs.next());
		}
	}

	@Test
	void rowsStreamAcrossPagesAndAnEarlyCloseLeavesTheConnectionUsable() throws Exception {
		try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement()) {
			s.setFetchSize(10_000);
			long rows = 0;
			long sum = 0;
			int pageRows = 0;
			try (ResultSet rs = s.executeQuery("SELECT id FROM range(0, 45000, 1, 2)")) {
				pageRows = rs.getFetchSize();
				while (rs.next()) {
					rows++;
					sum += rs.getLong(1);
				}
			}
			assertEquals(45_000, rows);
			assertEquals(45_000L * 44_999 / 2, sum);
			assertTrue(pageRows > 0 && pageRows < 45_000, "one Arrow batch is held at a time, not the result: " + pageRows);
			try (ResultSet rs = s.executeQuery("SELECT id FROM range(0, 2000000, 1, 2)")) {
				assertTrue(rs.next());
				assertEquals(0, rs.getLong(1));
			}
			try (ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
				assertTrue(rs.next());
				assertEquals(42, rs.getInt(1));
			}
			assertTrue(c.isValid(10));
		}
	}

	@Test
	void commandsRunAndErrorsCarrySparksMessage() throws Exception {
		try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement()) {
			assertFalse(s.execute("CREATE SCHEMA IF NOT EXISTS adapter_test"));
			assertFalse(s.execute("DROP TABLE IF EXISTS adapter_test.made"));
			assertFalse(s.execute("CREATE TABLE adapter_test.made AS SELECT id, CAST(id AS DECIMAL(12,2)) AS amount FROM range(7)"));
			try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(amount) FROM adapter_test.made")) {
				assertTrue(rs.next());
				assertEquals(7, rs.getLong(1));
				assertEquals(new BigDecimal("21.00"), rs.getBigDecimal(2));
			}
			DatabaseMetaData md = c.getMetaData();
			assertEquals("Spark SQL", md.getDatabaseProductName());
			assertTrue(md.getDatabaseProductVersion().startsWith("4."), md.getDatabaseProductVersion());
			try (ResultSet cols = md.getColumns(null, "adapter_test", "made", null)) {
				assertTrue(cols.next());
				assertEquals("id", cols.getString("COLUMN_NAME"));
				assertEquals(Types.BIGINT, cols.getInt("DATA_TYPE"));
				assertTrue(cols.next());
				assertEquals("amount", cols.getString("COLUMN_NAME"));
				assertEquals("DECIMAL(12,2)", cols.getString("TYPE_NAME"));
				assertFalse(cols.next());
			}
			SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM adapter_test.nosuch"));
			assertTrue(missing.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"), missing.getMessage());
			assertEquals("42P01", missing.getSQLState());
			assertThrows(SQLException.class, () -> c.setAutoCommit(false), "Spark SQL has no transactions");
		}
	}

	/** The source runtime reaches Spark through this service: source test checks the mapped columns. */
	@Test
	void theSourceRuntimeTestsASparkSource() throws Exception {
		try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA IF NOT EXISTS adapter_test");
			s.execute("DROP TABLE IF EXISTS adapter_test.orders");
			s.execute("CREATE TABLE adapter_test.orders (order_id STRING, customer_id STRING, created_at TIMESTAMP_NTZ,"
					+ " amount DECIMAL(12,2), status STRING)");
			s.execute("INSERT INTO adapter_test.orders VALUES ('o1', 'c1', TIMESTAMP_NTZ '2026-01-05 10:00:00', 12.50, 'paid'),"
					+ " ('o2', 'c2', TIMESTAMP_NTZ '2026-02-01 09:30:00', 3.00, 'unpaid')");
		}
		SourceRuntime runtime = service(SourceRuntime.class);
		assertEquals(SqlDialect.SPARK_SQL, runtime.dialect(url));
		SourceRecord source = new SourceRecord("spark-test", url, null, Map.of("orders", "adapter_test.orders"),
				Map.of("order_time", "created_at"), false, null);
		SourceCheck check = runtime.test(source);
		assertEquals("spark", check.dialect());
		assertTrue(check.product().startsWith("Spark SQL 4."), check.product());
		assertEquals(List.of(), check.problems());
		SourceCheck.TableCheck orders = check.tables().get(0);
		assertEquals(2, orders.rows());
		assertEquals("2026-01-05T10:00", orders.first());
		assertEquals("2026-02-01T09:30", orders.last());

		SourceRecord dead;
		try (ServerSocket free = new ServerSocket(0)) {
			dead = new SourceRecord("spark-dead", "sc://127.0.0.1:" + free.getLocalPort(), null,
					Map.of("orders", "adapter_test.orders"), Map.of(), false, null);
		}
		SourceException e = assertThrows(SourceException.class, () -> runtime.test(dead));
		assertTrue(e.getMessage().contains("is not reachable"), e.getMessage());
	}

	static <T> T service(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(SparkConnectDriverTest.class).getBundleContext(), type, null);
		tracker.open();
		T service = tracker.waitForService(20_000);
		assertNotNull(service, "no " + type.getName() + " service");
		return service;
	}
}
