package io.custops.bench;

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
 * Issue 3: import and load figures of the workspace, a plain harness (one-shot operations):
 * generates an N-order CSV, imports it with the csv connector, loads the dataset from the
 * columnar copy and from the database, and loads the same file with DuckDB's read_csv in the
 * same run for the ratio. Prints figures; asserts nothing.
 */
public final class ImportBench {

	private ImportBench() {
	}

	public static void run(long n, Path dir) throws Exception {
		int orders = Math.toIntExact(n);
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
		double openSecs;
		double bytesPerOrder;
		try (Workspace w = manager.open(ws)) {
			settle();
			long t = System.nanoTime();
			ImportResult r = w.importFacts(csvConnector, FactKind.ORDERS, Optional.of(csv), Map.of(), ProgressMonitor.NULL);
			importSecs = secs(t);
			System.out.printf("import: %,d rows read, %,d imported in %.1f s (%,.0f rows/s)%n", r.read(), r.imported(),
					importSecs, r.read() / importSecs);
			t = System.nanoTime();
			CustomerDataset d = w.dataset();
			bytesPerOrder = (double) d.estimatedBytes() / d.orderCount();
			System.out.printf("dataset() after the import: %.2f s, %,d orders, %,d customers, %.0f bytes/order in memory%n",
					secs(t), d.orderCount(), d.customerCount(), bytesPerOrder);
			t = System.nanoTime();
			ImportResult again = w.importFacts(csvConnector, FactKind.ORDERS, Optional.of(csv), Map.of(), ProgressMonitor.NULL);
			System.out.printf("re-import of the same file: %,d unchanged in %.1f s%n", again.unchanged(), secs(t));
		}
		long t = System.nanoTime();
		try (Workspace w = manager.open(ws)) {
			w.dataset();
			openSecs = secs(t);
			System.out.printf("open a workspace and load its dataset (ready for analysis): %.2f s%n", openSecs);
		}
		System.out.printf("workspace on disk: database %,d MB, columnar fact sets %,d MB%n", size(ws.resolve("db")) >> 20,
				size(ws.resolve("columns")) >> 20);

		Class.forName("org.duckdb.DuckDBDriver");
		Path duck = dir.resolve("duck-" + orders + ".db");
		Files.deleteIfExists(duck);
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duck); Statement s = c.createStatement()) {
			settle();
			t = System.nanoTime();
			s.execute("CREATE TABLE orders AS SELECT * FROM read_csv('" + csv + "', header = true)");
			double duckSecs = secs(t);
			try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
				rs.next();
				System.out.printf("DuckDB read_csv into a table: %,d rows in %.1f s%n", rs.getLong(1), duckSecs);
			}
			double ratio = importSecs / duckSecs;
			System.out.println();
			System.out.printf("== issue 3: import (%,d orders, %,d MB CSV)%n", orders, Files.size(csv) >> 20);
			System.out.printf("%-58s ours %s  reference %s  ratio %.3f  goal ≤ 1 (no slower than DuckDB)%s%n",
					"import of the CSV: workspace vs DuckDB read_csv", Bench.time(importSecs * 1000),
					Bench.time(duckSecs * 1000), ratio, ratio <= 1 ? "  met" : "  NOT met");
			System.out.printf("%-58s ours %s%n", "open the workspace ready for analysis (dataset())",
					Bench.time(openSecs * 1000));
			System.out.printf("%-58s ours %.0f bytes/order (CustomerDataset.estimatedBytes())%n",
					"bytes per order in memory", bytesPerOrder);
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

	/**
	 * Writes the machine's dirty pages to the disk before a timed load (the previous run's
	 * files, a build just before), so that each side writes only its own.
	 */
	static void settle() throws Exception {
		new ProcessBuilder("sync").inheritIO().start().waitFor();
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
