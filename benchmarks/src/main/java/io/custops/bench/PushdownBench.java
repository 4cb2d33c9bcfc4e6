package io.custops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.custops.core.data.EventTypes;
import io.custops.core.data.OrderStatus;
import io.custops.store.MemoryForecast;

/**
 * Issue 21, "Performance": the analyses pushed down into PostgreSQL against the same SQL typed
 * into psql, and the same analyses after copying the shop into a workspace through the jdbc
 * connector, run in memory. Everything runs as the product runs: each analysis is one
 * {@code ./custops} process (fresh JVM, {@code -Xmx4g} as the launcher gives it), so the heap
 * figures are the product's.
 *
 * <p>Measured per run:
 * <ul>
 * <li>time: the run's own {@code millis} from {@code --json} (JVM start and workspace open not
 * included) and the process's wall time;</li>
 * <li>peak heap: the largest heap occupancy the JVM's GC log shows ({@code -Xlog:gc}: before each
 * collection, and at exit);</li>
 * <li>bytes over JDBC: counted by a TCP relay between the JVM and the server, both ways;</li>
 * <li>the ratio of the pushed-down run to psql running the SQL that {@code --explain} prints,
 * into {@code /dev/null}, measured in the same run.</li>
 * </ul>
 */
final class PushdownBench {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final String AS_OF = ShopData.END.toString();
	private static final String FUNNEL = "visit,view,cart,order,pay";

	private final Path root; // the repository (./custops)
	private final Path dir; // this size's files
	private final String psql;
	private final int pgPort;
	private final Relay relay;
	private final Path home;
	private final Path workspace;
	private String schema = "shop";

	private PushdownBench(Path root, Path dir, String psql, int pgPort) throws IOException {
		this.root = root;
		this.dir = dir;
		this.psql = psql;
		this.pgPort = pgPort;
		this.relay = new Relay(pgPort);
		this.home = dir.resolve("home");
		this.workspace = dir.resolve("workspace");
	}

	static void run(long orders, Path base) throws Exception {
		Path root = Path.of(System.getProperty("custops.root", ".."));
		String psql = System.getProperty("custops.bench.psql", "psql");
		int port = Integer.parseInt(System.getProperty("custops.bench.pgPort"));
		Path dir = base.resolve(Long.toString(orders));
		Files.createDirectories(dir);
		new PushdownBench(root, dir, psql, port).all(orders);
	}

	private void all(long orders) throws Exception {
		int customers = (int) Math.max(1, orders / 10);
		long events = orders * 2;
		schema = "shop_" + orders; // one schema per size: a second size does not reload the first
		String shop = load(customers, orders, events);
		System.out.println("data: " + shop);
		String heapEnv = System.getProperty("custops.bench.pushdownHeap", "");
		// a workspace for the sources (the source runs read no facts from it)
		deleteTree(home);
		deleteTree(workspace);
		Files.createDirectories(home);
		custops(Map.of(), "source", "add", "--id", "pg", "--url", relay.url(), "--user", "postgres", "--table",
				"orders=" + schema + ".orders", "--table", "events=" + schema + ".events", "--table",
				"customers=" + schema + ".customers", "--map",
				"order_time=created_at");

		System.out.println();
		System.out.printf("== issue 21: pushed down into PostgreSQL (%s)%n", shop);
		header();
		Map<String, String> pdEnv = heapEnv.isBlank() ? Map.of() : Map.of("CUSTOPS_HEAP", heapEnv);
		long psqlTotal = 0;
		long ourTotal = 0;
		for (String[] analysis : analyses(true)) {
			String name = analysis[0];
			String[] args = java.util.Arrays.copyOfRange(analysis, 1, analysis.length);
			String[] plain = java.util.Arrays.stream(args).filter(a -> !a.equals("--json")).toArray(String[]::new);
			String sql = custops(Map.of(), concat(plain, "--explain")).stdout;
			Files.writeString(dir.resolve(name + ".sql"), sql);
			long psqlMs = psqlTime(dir.resolve(name + ".sql"));
			Run r = measured(name + " pushed down", pdEnv, concat(args, "--out", dir.resolve(name + "-pushed.csv").toString()));
			psqlTotal += psqlMs;
			ourTotal += r.millis;
			row(name + " pushed down", r, psqlMs);
		}
		System.out.printf("%-34s %9s %9s  (psql %s, ratio %.2f)%n", "all four pushed down", secs(ourTotal), "",
				secs(psqlTotal), (double) ourTotal / psqlTotal);

		System.out.println();
		System.out.printf("== issue 21: the same through the jdbc connector into a workspace, then in memory%n");
		header();
		long importBytes = 0;
		for (String[] kind : new String[][] { { "customers", schema + ".customers" }, { "orders", schema + ".orders" },
				{ "events", schema + ".events" } }) {
			List<String> args = new ArrayList<>(List.of("import", "--connector", "jdbc", "--kind", kind[0], "--param",
					"url=" + relay.url(), "--param", "user=postgres", "--param", "table." + kind[0] + "=" + kind[1], "--json"));
			if (kind[0].equals("orders")) {
				args.addAll(List.of("--param", "map.order_time=created_at"));
			}
			Run r = measured("import " + kind[0] + " (jdbc)", Map.of(), args.toArray(String[]::new));
			importBytes += r.bytes;
			row("import " + kind[0] + " (jdbc)", r, -1);
		}
		long peakInMemory = 0;
		long liveInMemory = 0;
		for (String[] analysis : analyses(false)) {
			String name = analysis[0];
			String[] args = java.util.Arrays.copyOfRange(analysis, 1, analysis.length);
			Run r = measured(name + " in memory", Map.of(), concat(args, "--out", dir.resolve(name + "-memory.csv").toString()));
			peakInMemory = Math.max(peakInMemory, r.peak);
			liveInMemory = Math.max(liveInMemory, r.live);
			row(name + " in memory", r, -1);
		}
		System.out.printf("bytes moved by the imports: %s%n", mb(importBytes));

		// the memory forecast: what the product says, against the heap the in-memory runs took
		MemoryForecast said = MemoryForecast.of(realCustomers, realOrders, realEvents, 4L << 30);
		double perOrderUnit = (double) liveInMemory / realOrders; // a shop of this shape: per order, with its share of customers and events
		System.out.println();
		System.out.printf("== memory of the in-memory path (%s)%n", shop);
		System.out.printf("largest peak heap of the in-memory analyses %s, largest heap after a collection %s"
				+ " (%.0f B per order of this shop with its customers and events)%n", mb(peakInMemory), mb(liveInMemory),
				perOrderUnit);
		System.out.printf("the product's forecast for this workspace: %s (%d B per customer, %d B per order, %d B per event)%n",
				mb(said.neededBytes()), MemoryForecast.BYTES_PER_CUSTOMER, MemoryForecast.BYTES_PER_ORDER,
				MemoryForecast.BYTES_PER_EVENT);
		long limitOrders = MemoryForecast.ordersFitting(4L << 30, realCustomers / (double) realOrders,
				realEvents / (double) realOrders);
		System.out.printf("the 4 GB heap runs out, by the forecast, at about %,d orders (%,d customers, %,d events);"
				+ " the forecast warns from %,d orders%n", limitOrders, limitOrders * realCustomers / realOrders,
				limitOrders * realEvents / realOrders,
				MemoryForecast.ordersFitting((long) ((4L << 30) * MemoryForecast.WARN_SHARE),
						realCustomers / (double) realOrders, realEvents / (double) realOrders));
		System.out.println();
		System.out.println("(rows: the run's own time from --json, the JVM's wall time, peak heap from -Xlog:gc, bytes"
				+ " over JDBC both ways through a relay, the same SQL in psql into /dev/null)");
	}

	private long realCustomers;
	private long realOrders;
	private long realEvents;

	/** The analyses: name, then the arguments of ./custops (with or without --source). */
	private static List<String[]> analyses(boolean source) {
		List<String[]> list = new ArrayList<>();
		String[] src = source ? new String[] { "--source", "pg" } : new String[0];
		list.add(concat(new String[] { "rfm", "segment", "--strategy", "rfm", "--as-of", AS_OF, "--json" }, src));
		list.add(concat(new String[] { "stages", "lifecycle", "--model", "stages", "--as-of", AS_OF, "--json" }, src));
		list.add(concat(new String[] { "tiers", "segment", "--strategy", "tiers", "--as-of", AS_OF, "--json" }, src));
		list.add(concat(new String[] { "funnel", "funnel", "--steps", FUNNEL, "--json" }, src));
		return list;
	}

	// ---------------------------------------------------------------- the shop in PostgreSQL

	/** Generates the shop's CSV files (kept for later runs) and COPYs them into PostgreSQL unless already there. */
	private String load(int customers, long orders, long events) throws Exception {
		String marker = customers + "/" + orders + "/" + events;
		String loaded = psqlValue("SELECT note FROM " + schema + ".bench WHERE 1 = 1");
		Path counts = dir.resolve("counts.txt");
		if (marker.equals(loaded) && Files.exists(counts)) {
			String[] c = Files.readString(counts).trim().split(" ");
			realCustomers = Long.parseLong(c[0]);
			realOrders = Long.parseLong(c[1]);
			realEvents = Long.parseLong(c[2]);
			return describe();
		}
		long t0 = System.nanoTime();
		if (Files.exists(counts)) { // the files of an earlier run (written last, so complete)
			String[] c = Files.readString(counts).trim().split(" ");
			realCustomers = Long.parseLong(c[0]);
			realOrders = Long.parseLong(c[1]);
			realEvents = Long.parseLong(c[2]);
		} else {
			ShopData d = ShopData.generate(customers, orders, events, 42);
			realCustomers = d.customers;
			realOrders = d.orderCount;
			realEvents = d.eventCount;
			writeCsv(d);
			Files.writeString(counts, realCustomers + " " + realOrders + " " + realEvents + "\n");
			System.out.printf("generated %s in %s%n", describe(), secs((System.nanoTime() - t0) / 1_000_000));
		}
		t0 = System.nanoTime();
		String sc = schema;
		psqlRun("DROP SCHEMA IF EXISTS " + sc + " CASCADE; CREATE SCHEMA " + sc + ";"
				+ " CREATE TABLE " + sc + ".customers(customer_id VARCHAR(20), channel VARCHAR(20));"
				+ " CREATE TABLE " + sc + ".orders(order_id VARCHAR(20), customer_id VARCHAR(20), created_at TIMESTAMP,"
				+ " amount DECIMAL(12,2), status VARCHAR(12), quantity INT, usage_days INT, channel VARCHAR(20));"
				+ " CREATE TABLE " + sc + ".events(customer_id VARCHAR(20), event_time TIMESTAMP, event_type VARCHAR(12),"
				+ " session_id VARCHAR(12), channel VARCHAR(20));"
				+ " CREATE TABLE " + sc + ".bench(note VARCHAR(100));");
		for (String t : List.of("customers", "orders", "events")) {
			psqlCopy(sc + "." + t, dir.resolve(t + ".csv"));
		}
		psqlRun("INSERT INTO " + sc + ".bench VALUES ('" + marker + "')");
		psqlRun("VACUUM ANALYZE");
		System.out.printf("loaded into PostgreSQL with COPY (and VACUUM ANALYZE) in %s; on disk %s%n",
				secs((System.nanoTime() - t0) / 1_000_000), psqlValue("SELECT pg_size_pretty(pg_database_size('postgres'))"));
		return describe();
	}

	private String describe() {
		return String.format("%,d orders / %,d customers / %,d events", realOrders, realCustomers, realEvents);
	}

	private void writeCsv(ShopData d) throws IOException {
		int width = Math.max(7, Integer.toString(d.customers).length());
		String[] ids = new String[d.customers];
		for (int c = 0; c < d.customers; c++) {
			ids[c] = ShopData.customerId(c, width);
		}
		try (Writer w = writer("customers.csv")) {
			w.write("customer_id,channel\n");
			java.util.SplittableRandom r = new java.util.SplittableRandom(7);
			for (int c = 0; c < d.customers; c++) {
				w.write(ids[c]);
				w.write(',');
				w.write(ShopData.CHANNELS[r.nextInt(ShopData.CHANNELS.length)]);
				w.write('\n');
			}
		}
		OrderStatus[] statuses = OrderStatus.values();
		try (Writer w = writer("orders.csv")) {
			w.write("order_id,customer_id,created_at,amount,status,quantity,usage_days,channel\n");
			StringBuilder b = new StringBuilder(128);
			for (int o = 0; o < d.orderCount; o++) {
				b.setLength(0);
				b.append('O').append(o + 1).append(',').append(ids[d.orderCustomer[o]]).append(',');
				b.append(TIME.format(LocalDateTime.ofEpochSecond(d.orderTime[o], 0, ZoneOffset.UTC))).append(',');
				long cents = d.orderAmount[o];
				b.append(cents / 100).append('.').append((char) ('0' + cents % 100 / 10)).append((char) ('0' + cents % 10));
				b.append(',').append(statuses[d.orderStatus[o]].id()).append(',').append(d.orderQuantity[o]).append(',');
				if (d.orderUsageDays[o] > 0) {
					b.append(d.orderUsageDays[o]);
				}
				b.append(',').append(ShopData.CHANNELS[d.orderChannel[o]]).append('\n');
				w.append(b);
			}
		}
		String[] types = EventTypes.STANDARD.toArray(String[]::new);
		try (Writer w = writer("events.csv")) {
			w.write("customer_id,event_time,event_type,session_id,channel\n");
			StringBuilder b = new StringBuilder(96);
			for (int e = 0; e < d.eventCount; e++) {
				b.setLength(0);
				int c = d.eventCustomer[e];
				b.append(ids[c]).append(',');
				b.append(TIME.format(LocalDateTime.ofEpochSecond(d.eventTime[e], 0, ZoneOffset.UTC))).append(',');
				b.append(types[d.eventType[e]]).append(',').append(d.eventSession[e]).append(',');
				b.append(ShopData.CHANNELS[(c + d.eventSession[e]) % ShopData.CHANNELS.length]).append('\n');
				w.append(b);
			}
		}
	}

	private Writer writer(String name) throws IOException {
		return new BufferedWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8), 1 << 20);
	}

	// ---------------------------------------------------------------- psql, the engine's own client

	private List<String> psqlCommand() {
		return new ArrayList<>(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
				Integer.toString(pgPort), "-U", "postgres", "-d", "postgres"));
	}

	/** The wall time of psql running the file's SQL, its rows printed into /dev/null (the best of two). */
	private long psqlTime(Path sql) throws Exception {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 2; i++) {
			List<String> cmd = psqlCommand();
			cmd.addAll(List.of("-At", "-f", sql.toString(), "-o", "/dev/null"));
			long t0 = System.nanoTime();
			exec(cmd, null, Map.of());
			best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
		}
		return best;
	}

	private void psqlRun(String sql) throws Exception {
		List<String> cmd = psqlCommand();
		cmd.addAll(List.of("-c", sql));
		exec(cmd, null, Map.of());
	}

	private String psqlValue(String sql) throws Exception {
		List<String> cmd = psqlCommand();
		cmd.addAll(List.of("-At", "-c", sql));
		try {
			return exec(cmd, null, Map.of()).stdout.trim();
		} catch (IOException e) {
			return "";
		}
	}

	private void psqlCopy(String table, Path file) throws Exception {
		List<String> cmd = psqlCommand();
		cmd.addAll(List.of("-c", "COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)"));
		exec(cmd, file, Map.of());
	}

	// ---------------------------------------------------------------- the product

	record Out(String stdout, String stderr, long wallMillis) {
	}

	record Run(long millis, long wall, long peak, long live, long bytes, String stderr) {
	}

	private Out custops(Map<String, String> env, String... args) throws Exception {
		List<String> cmd = new ArrayList<>();
		cmd.add(root.resolve("custops").toString());
		cmd.addAll(List.of(args));
		cmd.addAll(List.of("--workspace", workspace.toString()));
		Map<String, String> e = new LinkedHashMap<>(env);
		e.put("CUSTOPS_HOME", home.toString());
		e.put("CUSTOPS_NO_BUILD", "1");
		return exec(cmd, null, e);
	}

	private static final Pattern MILLIS = Pattern.compile("\"(?:millis|took_ms)\"\\s*:\\s*(\\d+)");

	/** One run of ./custops with a GC log and the relay's byte count. */
	private Run measured(String name, Map<String, String> env, String... args) throws Exception {
		Path gc = dir.resolve("gc-" + name.replace(' ', '-').replaceAll("[()]", "") + ".log");
		Files.deleteIfExists(gc);
		Map<String, String> e = new LinkedHashMap<>(env);
		e.put("CUSTOPS_VMARGS", "-Xlog:gc,gc+heap+exit:file=" + gc);
		relay.reset();
		Out out = custops(e, args);
		Matcher m = MILLIS.matcher(out.stdout);
		long millis = m.find() ? Long.parseLong(m.group(1)) : out.wallMillis;
		long[] heap = heap(gc);
		Files.writeString(dir.resolve("out-" + name.replace(' ', '-').replaceAll("[()]", "") + ".json"), out.stdout);
		return new Run(millis, out.wallMillis, heap[0], heap[1], relay.bytes(), out.stderr);
	}

	private static final Pattern GC = Pattern.compile("Pause \\w+.*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");
	private static final Pattern USED = Pattern.compile("^.*(PSYoungGen|ParOldGen|garbage-first heap|def new generation|tenured generation).*used (\\d+)K");

	/** Peak heap (before a collection, or at exit) and the largest heap after a collection, in bytes. */
	static long[] heap(Path gcLog) throws IOException {
		long peak = 0;
		long live = 0;
		long exitUsed = 0;
		if (!Files.exists(gcLog)) {
			return new long[] { -1, -1 };
		}
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = GC.matcher(line);
			if (m.find()) {
				peak = Math.max(peak, Long.parseLong(m.group(1)) << 20);
				live = Math.max(live, Long.parseLong(m.group(2)) << 20);
				continue;
			}
			Matcher u = USED.matcher(line);
			if (u.find()) {
				exitUsed += Long.parseLong(u.group(2)) << 10;
			}
		}
		return new long[] { Math.max(peak, exitUsed), Math.max(live, Math.min(exitUsed, peak == 0 ? exitUsed : live)) };
	}

	private static Out exec(List<String> cmd, Path stdin, Map<String, String> env) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(cmd);
		pb.environment().putAll(env);
		Path out = Files.createTempFile("pdbench", ".out");
		Path err = Files.createTempFile("pdbench", ".err");
		pb.redirectOutput(out.toFile()).redirectError(err.toFile());
		if (stdin != null) {
			pb.redirectInput(stdin.toFile());
		}
		long t0 = System.nanoTime();
		Process p = pb.start();
		if (!p.waitFor(4, TimeUnit.HOURS)) {
			p.destroyForcibly();
		}
		long wall = (System.nanoTime() - t0) / 1_000_000;
		String o = Files.readString(out);
		String e = Files.readString(err);
		Files.delete(out);
		Files.delete(err);
		if (p.exitValue() != 0) {
			throw new IOException(String.join(" ", cmd.subList(0, Math.min(cmd.size(), 8))) + "… exited with "
					+ p.exitValue() + ": " + e.strip());
		}
		return new Out(o, e, wall);
	}

	// ---------------------------------------------------------------- printing

	private static void header() {
		System.out.printf("%-34s %9s %9s %10s %10s %10s %9s %7s%n", "run", "time", "JVM wall", "peak heap", "after GC",
				"JDBC bytes", "psql", "ratio");
	}

	private static void row(String name, Run r, long psqlMs) {
		System.out.printf("%-34s %9s %9s %10s %10s %10s %9s %7s%s%n", name, secs(r.millis), secs(r.wall), mb(r.peak),
				mb(r.live), mb(r.bytes), psqlMs < 0 ? "" : secs(psqlMs),
				psqlMs < 0 ? "" : String.format("%.2f", (double) r.millis / psqlMs),
				psqlMs < 0 ? "" : (r.peak <= 256L << 20 ? "  heap ≤ 256 MB met" : "  heap ≤ 256 MB NOT met")
						+ ((double) r.millis / psqlMs <= 2 ? ", time ≤ 2× met" : ", time ≤ 2× NOT met"));
		for (String line : r.stderr.split("\n")) {
			if (line.toLowerCase(java.util.Locale.ROOT).contains("needs about")) {
				System.out.println("    warned: " + line.strip());
			}
		}
	}

	static String secs(long ms) {
		return String.format("%.2f s", ms / 1000.0);
	}

	static String mb(long bytes) {
		if (bytes < 0) {
			return "?";
		}
		return bytes >= 10L << 30 ? String.format("%.1f GB", bytes / (double) (1L << 30))
				: String.format("%,d MB", (bytes + (1 << 19)) >> 20);
	}

	private static String[] concat(String[] a, String... b) {
		String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, r, a.length, b.length);
		return r;
	}

	private static void deleteTree(Path p) throws IOException {
		if (!Files.exists(p)) {
			return;
		}
		try (var walk = Files.walk(p)) {
			for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(x);
			}
		}
	}

	// ---------------------------------------------------------------- the relay

	/** A TCP relay on 127.0.0.1 that forwards to the server and counts the bytes both ways. */
	static final class Relay {
		private final ServerSocket server;
		private final AtomicLong bytes = new AtomicLong();

		Relay(int target) throws IOException {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accept = new Thread(() -> {
				while (true) {
					try {
						Socket in = server.accept();
						Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
						in.setTcpNoDelay(true);
						out.setTcpNoDelay(true);
						pump(in, out);
						pump(out, in);
					} catch (IOException e) {
						return;
					}
				}
			}, "relay");
			accept.setDaemon(true);
			accept.start();
		}

		String url() {
			return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/postgres";
		}

		void reset() {
			bytes.set(0);
		}

		long bytes() {
			return bytes.get();
		}

		private void pump(Socket from, Socket to) {
			Thread t = new Thread(() -> {
				byte[] buf = new byte[1 << 16];
				try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
					int n;
					while ((n = i.read(buf)) > 0) {
						o.write(buf, 0, n);
						bytes.addAndGet(n);
					}
				} catch (IOException e) {
					// the other side closed
				} finally {
					try {
						from.close();
						to.close();
					} catch (IOException e) {
						// closed already
					}
				}
			}, "relay-pump");
			t.setDaemon(true);
			t.start();
		}
	}
}
