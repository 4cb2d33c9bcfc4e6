import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * Import and load figures of the workspace, run outside OSGi on the built jars (run.sh):
 * generates an N-order CSV, imports it with the csv connector, loads the dataset from the
 * columnar copy and from the database, and — when DuckDB's JDBC driver is on the class path —
 * loads the same file with DuckDB's read_csv for a ratio. Prints figures; asserts nothing.
 */
public final class ImportBenchmark {

	public static void main(String[] args) throws Exception {
		int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/custops-bench");
		Files.createDirectories(dir);
		Path csv = dir.resolve("orders-" + orders + ".csv");
		if (!Files.exists(csv)) {
			long t = System.nanoTime();
			generate(csv, orders);
			System.out.printf("generated %,d orders (%,d MB) in %.1f s%n", orders, Files.size(csv) >> 20, secs(t));
		}
		Path ws = dir.resolve("ws-" + orders);
		delete(ws);
		WorkspaceManager manager = (WorkspaceManager) Class.forName("io.custops.store.internal.HsqlWorkspaceManager")
				.getConstructor().newInstance();
		DataConnector csvConnector = (DataConnector) Class
				.forName("io.custops.connector.csv.internal.CsvConnector").getConstructor().newInstance();

		double importSecs;
		try (Workspace w = manager.open(ws)) {
			long t = System.nanoTime();
			ImportResult r = w.importFacts(csvConnector, FactKind.ORDERS, Optional.of(csv), Map.of(), ProgressMonitor.NULL);
			importSecs = secs(t);
			System.out.printf("import: %,d rows read, %,d imported in %.1f s (%,.0f rows/s)%n", r.read(), r.imported(),
					importSecs, r.read() / importSecs);
			t = System.nanoTime();
			CustomerDataset d = w.dataset();
			System.out.printf("dataset() after the import (columnar copy appended): %.2f s, %,d orders, %,d customers, %.0f bytes/order in memory%n",
					secs(t), d.orderCount(), d.customerCount(), (double) d.estimatedBytes() / d.orderCount());
			t = System.nanoTime();
			ImportResult again = w.importFacts(csvConnector, FactKind.ORDERS, Optional.of(csv), Map.of(), ProgressMonitor.NULL);
			System.out.printf("re-import of the same file: %,d unchanged in %.1f s%n", again.unchanged(), secs(t));
		}
		delete(ws.resolve("columns"));
		try (Workspace w = manager.open(ws)) {
			long t = System.nanoTime();
			w.dataset();
			System.out.printf("dataset() with the columnar copy lost (rebuilt from the database): %.2f s%n", secs(t));
		}
		long t = System.nanoTime();
		try (Workspace w = manager.open(ws)) {
			w.dataset();
			System.out.printf("open a workspace and load its dataset (ready for analysis): %.2f s%n", secs(t));
		}
		System.out.printf("workspace on disk: database %,d MB, columnar copy %,d MB%n", size(ws.resolve("db")) >> 20,
				size(ws.resolve("columns")) >> 20);

		try {
			Class.forName("org.duckdb.DuckDBDriver");
		} catch (ClassNotFoundException e) {
			System.out.println("DuckDB driver not on the class path: no comparison");
			return;
		}
		Path duck = dir.resolve("duck-" + orders + ".db");
		Files.deleteIfExists(duck);
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duck); Statement s = c.createStatement()) {
			t = System.nanoTime();
			s.execute("CREATE TABLE orders AS SELECT * FROM read_csv('" + csv + "', header = true)");
			double duckSecs = secs(t);
			try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
				rs.next();
				System.out.printf("DuckDB read_csv into a table: %,d rows in %.1f s%n", rs.getLong(1), duckSecs);
			}
			System.out.printf("ratio import time CustOps / DuckDB: %.1f%n", importSecs / duckSecs);
		}
	}

	/** Orders of N/8 customers over 2025, with channels, statuses and an 11.11 peak. */
	static void generate(Path file, int n) throws Exception {
		java.util.Random random = new java.util.Random(42);
		String[] channels = { "tmall", "jd", "app", "store", "wechat" };
		String[] statuses = { "paid", "paid", "paid", "paid", "paid", "paid", "paid", "unpaid", "refunded", "cancelled" };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("order_id,customer_id,order_time,amount,status,quantity,channel\n");
			for (int i = 0; i < n; i++) {
				int day = random.nextInt(10) == 0 ? 314 : random.nextInt(365);
				java.time.LocalDateTime time = java.time.LocalDate.of(2025, 1, 1).plusDays(day).atStartOfDay()
						.plusSeconds(random.nextInt(86_400));
				long cents = 500 + random.nextInt(50_000);
				out.write("T" + (10_000_000 + i) + ",C" + random.nextInt(Math.max(1, n / 8)) + ","
						+ time.toString().replace('T', ' ') + "," + cents / 100 + "." + String.format("%02d", cents % 100)
						+ "," + statuses[random.nextInt(statuses.length)] + "," + (1 + random.nextInt(3)) + ","
						+ channels[random.nextInt(channels.length)] + "\n");
			}
		}
	}

	static double secs(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	static long size(Path dir) throws Exception {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	static void delete(Path dir) throws Exception {
		if (Files.exists(dir)) {
			try (Stream<Path> walk = Files.walk(dir)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}
}
