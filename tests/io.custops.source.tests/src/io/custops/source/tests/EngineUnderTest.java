package io.custops.source.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.custops.core.spi.SqlDialect;
import io.custops.store.SourceRecord;

/**
 * A real engine the equality suite runs against, named by a dialect id. Which ones run:
 * {@code CUSTOPS_TEST_ENGINES} (environment) or {@code -Dcustops.test.engines}, a comma list,
 * default {@code hsqldb,duckdb,postgresql}, then {@code trino} and {@code spark} when
 * {@code CUSTOPS_TRINO_URL} / {@code CUSTOPS_SPARK_URL} are set (releng/scripts/engines.sh, which ./test.sh
 * runs; Trino's tables go to its {@code memory} catalog when the URL names none). Spark is reached
 * through the {@code sc://} driver service of io.custops.source.spark. PostgreSQL is the cluster of {@code CUSTOPS_PG_URL}
 * that ./test.sh starts (releng/scripts/engines.sh); without it, this starts one by that script
 * and stops it when the JVM ends.
 */
final class EngineUnderTest {

	final String name;
	final SqlDialect dialect;
	final String url;
	final String user;

	private EngineUnderTest(String name, String url, String user) {
		this.name = name;
		this.dialect = SqlDialect.ofUrl(url).orElseThrow();
		this.url = url;
		this.user = user;
	}

	@Override
	public String toString() {
		return name;
	}

	static List<EngineUnderTest> selected(Path work) throws Exception {
		String list = System.getenv("CUSTOPS_TEST_ENGINES");
		if (list == null || list.isBlank()) {
			list = System.getProperty("custops.test.engines", "hsqldb,duckdb,postgresql");
			for (String server : List.of("trino", "spark")) {
				String url = System.getenv("CUSTOPS_" + server.toUpperCase(Locale.ROOT) + "_URL");
				if (url != null && !url.isBlank()) {
					list += "," + server;
				}
			}
		}
		List<String> names = new ArrayList<>(List.of(list.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
		List<EngineUnderTest> engines = new ArrayList<>();
		for (String name : names) {
			engines.add(switch (name) {
			case "hsqldb" -> new EngineUnderTest(name, "jdbc:hsqldb:mem:equality;shutdown=false", "SA");
			case "duckdb" -> new EngineUnderTest(name, "jdbc:duckdb:" + work.resolve("equality.duckdb"), null);
			case "postgresql" -> new EngineUnderTest(name, postgresUrl(), "postgres");
			default -> {
				String url = System.getenv("CUSTOPS_" + name.toUpperCase(Locale.ROOT) + "_URL");
				if (url == null || url.isBlank()) {
					throw new IllegalStateException("engine " + name + ": set CUSTOPS_" + name.toUpperCase(Locale.ROOT)
							+ "_URL (releng/scripts/engines.sh start_" + name + ")");
				}
				if (name.equals("trino") && url.matches("jdbc:trino://[^/]+/?")) {
					url = url.replaceAll("/$", "") + "/memory";
				}
				String user = System.getenv("CUSTOPS_" + name.toUpperCase(Locale.ROOT) + "_USER");
				yield new EngineUnderTest(name, url, user == null && name.equals("trino") ? "custops" : user);
			}
			});
		}
		return engines;
	}

	// ---------------------------------------------------------------- PostgreSQL started here when not by ./test.sh

	private static String startedPostgres;

	private static synchronized String postgresUrl() throws Exception {
		String url = System.getenv("CUSTOPS_PG_URL");
		if (url != null && !url.isBlank()) {
			return url;
		}
		if (startedPostgres != null) {
			return startedPostgres;
		}
		Path root = Path.of("").toAbsolutePath();
		while (root != null && !Files.exists(root.resolve("releng/scripts/engines.sh"))) {
			root = root.getParent();
		}
		if (root == null) {
			throw new IllegalStateException("CUSTOPS_PG_URL is not set and releng/scripts/engines.sh is not found");
		}
		String script = ". releng/scripts/common.sh && . releng/scripts/engines.sh && start_postgres >&2 && echo \"$CUSTOPS_PG_URL\"";
		String out = bash(root, script);
		startedPostgres = out.strip();
		Path repo = root;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				bash(repo, ". releng/scripts/common.sh && . releng/scripts/engines.sh && stop_postgres");
			} catch (Exception e) {
				System.err.println("could not stop PostgreSQL: " + e);
			}
		}));
		return startedPostgres;
	}

	private static String bash(Path dir, String script) throws Exception {
		Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out;
		try (Reader r = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
			out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		if (p.waitFor() != 0) {
			throw new IllegalStateException("'" + script + "' failed with " + p.exitValue());
		}
		return out;
	}

	// ---------------------------------------------------------------- connections and loading

	Connection connect() throws SQLException {
		Properties props = new Properties();
		if (user != null) {
			props.setProperty("user", user);
		}
		return switch (dialect) {
		case HSQLDB -> new org.hsqldb.jdbc.JDBCDriver().connect(url, props);
		case POSTGRESQL -> new org.postgresql.Driver().connect(url, props);
		case DUCKDB -> new org.duckdb.DuckDBDriver().connect(url, props);
		case TRINO -> new io.trino.jdbc.TrinoDriver().connect(url, props);
		case SPARK_SQL -> driverService().connect(url, props);
		default -> java.sql.DriverManager.getConnection(url, props);
		};
	}

	/** The driver service accepting this URL (inside OSGi, DriverManager does not see other bundles' drivers). */
	private java.sql.Driver driverService() throws SQLException {
		org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(EngineUnderTest.class)
				.getBundleContext();
		org.osgi.util.tracker.ServiceTracker<java.sql.Driver, java.sql.Driver> tracker = new org.osgi.util.tracker.ServiceTracker<>(
				context, java.sql.Driver.class, null);
		tracker.open();
		try {
			tracker.waitForService(20_000);
			for (java.sql.Driver d : tracker.getTracked().values()) {
				if (d.acceptsURL(url)) {
					return d;
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		throw new SQLException("no java.sql.Driver service accepts " + url);
	}

	/** Set once PostgreSQL holds the shop: Trino then copies it from its postgresql catalog. */
	private static boolean shopInPostgres;

	/** The source as the workspace would register it: the shop's tables, order_time mapped to created_at. */
	SourceRecord source() {
		Map<String, String> tables = new LinkedHashMap<>();
		tables.put("orders", "shop.orders");
		tables.put("events", "shop.events");
		tables.put("customers", "shop.customers");
		return new SourceRecord("eq-" + name, url, user, tables, Map.of("order_time", "created_at"), false, null);
	}

	private String text() {
		return dialect == SqlDialect.SPARK_SQL ? "STRING" : "VARCHAR(40)";
	}

	/** Creates schema {@code shop} with its three tables and loads the shop's files. */
	void load(Shop shop) throws Exception {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			String t = text();
			switch (dialect) {
			case POSTGRESQL, DUCKDB -> s.execute("DROP SCHEMA IF EXISTS shop CASCADE");
			case HSQLDB -> s.execute("DROP SCHEMA IF EXISTS shop CASCADE");
			default -> {
				for (String table : List.of("orders", "events", "customers")) {
					s.execute("DROP TABLE IF EXISTS shop." + table);
				}
			}
			}
			if (dialect != SqlDialect.TRINO && dialect != SqlDialect.SPARK_SQL) {
				s.execute("CREATE SCHEMA shop");
			} else {
				s.execute("CREATE SCHEMA IF NOT EXISTS shop");
			}
			// Spark reads the files where they are (same machine): a CSV table each, no row INSERTs
			String[] using = new String[3];
			if (dialect == SqlDialect.SPARK_SQL) {
				int i = 0;
				for (Path f : List.of(shop.customers, shop.orders, shop.events)) {
					using[i++] = " USING csv OPTIONS (path '" + f.toAbsolutePath() + "', header 'true', timestampNTZFormat"
							+ " 'yyyy-MM-dd HH:mm:ss')";
				}
			} else {
				java.util.Arrays.fill(using, "");
			}
			s.execute("CREATE TABLE shop.customers(customer_id " + t + ", channel " + t + ")" + using[0]);
			s.execute("CREATE TABLE shop.orders(order_id " + t + ", customer_id " + t
					+ ", created_at TIMESTAMP, amount DECIMAL(12,2), status " + t + ", quantity INT, usage_days INT)" + using[1]);
			s.execute("CREATE TABLE shop.events(customer_id " + t + ", event_time TIMESTAMP, event_type " + t + ", session_id "
					+ t + ", channel " + t + ")" + using[2]);
			switch (dialect) {
			case POSTGRESQL -> {
				org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.core.BaseConnection.class).getCopyAPI();
				copy(copy, "shop.customers", shop.customers);
				copy(copy, "shop.orders", shop.orders);
				copy(copy, "shop.events", shop.events);
				s.execute("ANALYZE");
				shopInPostgres = true;
			}
			case TRINO -> {
				// one INSERT … SELECT per table from the same files in PostgreSQL (Trino's postgresql
				// catalog is the cluster of CUSTOPS_PG_URL): seconds, where literal INSERTs take minutes
				boolean copied = false;
				if (shopInPostgres) {
					try {
						for (String table : List.of("customers", "orders", "events")) {
							s.execute("INSERT INTO shop." + table + " SELECT * FROM postgresql.shop." + table);
						}
						copied = true;
					} catch (SQLException e) {
						System.err.println("trino: no copy from its postgresql catalog (" + e.getMessage() + "); inserting rows");
						for (String table : List.of("customers", "orders", "events")) {
							s.execute("DELETE FROM shop." + table);
						}
					}
				}
				if (!copied) {
					insert(c, "shop.customers", shop.customers, new boolean[] { true, true });
					insert(c, "shop.orders", shop.orders, new boolean[] { true, true, true, false, true, false, false });
					insert(c, "shop.events", shop.events, new boolean[] { true, true, true, true, true });
				}
			}
			case DUCKDB -> {
				for (Map.Entry<String, Path> f : Map.of("customers", shop.customers, "orders", shop.orders, "events", shop.events)
						.entrySet()) {
					s.execute("COPY shop." + f.getKey() + " FROM '" + f.getValue() + "' (HEADER)");
				}
			}
			case SPARK_SQL -> {
				// read through the CSV tables above
			}
			default -> {
				insert(c, "shop.customers", shop.customers, new boolean[] { true, true });
				insert(c, "shop.orders", shop.orders, new boolean[] { true, true, true, false, true, false, false });
				insert(c, "shop.events", shop.events, new boolean[] { true, true, true, true, true });
			}
			}
		}
	}

	private static void copy(org.postgresql.copy.CopyManager copy, String table, Path file) throws Exception {
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			copy.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", r);
		}
	}

	/** Multi-row INSERTs of literals (every engine takes them): quoted where {@code quoted[i]}, NULL for "". */
	private void insert(Connection c, String table, Path file, boolean[] quoted) throws IOException, SQLException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); Statement s = c.createStatement()) {
			String header = in.readLine();
			boolean time = false;
			StringBuilder sql = new StringBuilder();
			int rows = 0;
			String line;
			String[] names = header.split(",");
			while ((line = in.readLine()) != null) {
				String[] v = line.split(",", -1);
				sql.append(rows == 0 ? "INSERT INTO " + table + " VALUES " : ", ").append('(');
				for (int i = 0; i < v.length; i++) {
					if (i > 0) {
						sql.append(", ");
					}
					time = names[i].endsWith("_time");
					if (v[i].isEmpty()) {
						sql.append("NULL");
					} else if (time) {
						sql.append("TIMESTAMP '").append(v[i]).append('\'');
					} else if (quoted[i]) {
						sql.append('\'').append(v[i].replace("'", "''")).append('\'');
					} else {
						sql.append(v[i]);
					}
				}
				sql.append(')');
				if (++rows == 1000) {
					s.execute(sql.toString());
					sql.setLength(0);
					rows = 0;
				}
			}
			if (rows > 0) {
				s.execute(sql.toString());
			}
		}
	}
}
