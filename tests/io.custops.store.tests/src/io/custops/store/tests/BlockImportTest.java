package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;

/**
 * Rows handed a block at a time (UTF-8 byte ranges, parsed from bytes where the values are in
 * their plain forms) must make exactly the import the same rows make handed one by one: the
 * same counts, the same rejects with the same reasons, the same stored orders. The rows mix
 * plain values with every form the byte parser leaves to the text parser.
 */
class BlockImportTest {

	@TempDir
	Path dir;

	private static final String HEADER = "order_id|customer_id|order_time|amount|status|quantity|channel|product_id"
			+ "|unit_price|pay_time|usage_days|category|province|city";

	/** One row per line: the values, in the header's order. */
	private static List<String> trickyOrders() {
		List<String> rows = new ArrayList<>();
		rows.add(HEADER);
		String[] times = { "2026-01-05 10:00:00", "2026-01-05", "2026-01-05T10:00", "2026-01-05 10:00:00.1239",
				"2026-01-05 10:00:00,5", "2026-01-05T23:59:59Z", "2026-01-05 10:00:00+08:00", "2026-02-29 10:00:00",
				"2024-02-29 10:00:00", "1899-12-31", "2200-01-01", "2026-1-5", " 2026-01-05 10:00:00 ",
				"2026-01-05 24:00:00", "2026-01-05 10:60", "2026-01-05 10:00:", "2026-01-05 10:00:00.", "\u00a02026-01-05",
				// read eight bytes at a time: each place of the two common forms broken once
				"2026-13-05 10:00:00", "2026-00-05", "2026-01-00", "2026-04-31 10:00:00", "2026-01-32", "2026-01-05x10:00:00",
				"2026-01-05 10-00-00", "2026-01-05 1a:00:00", "2026/01/05", "2026-01-05 10:00:5x", "0000-01-01",
				"9999-12-31 23:59:59", "2026-01-05T10:00:00", "2026-01-05 23:59:60", "2026-01-05 10:0a:00", "2026-0a-05",
				"2026-01-0a", "20a6-01-05", "2026-01-05 10:00:00Z", "2026-01-05 10:00 ", "2100-02-29", "2000-02-29 00:00:00",
				"2026-01-05 10:0a", "2026-01-05 10-00", "2026-01-05 24:00", "2026-01-05 23:59", "2026-01-05T00:00" };
		String[] amounts = { "117.48", "1.500", "1.505", ".5", "5.", "¥12.00", "1,234.50", "1e3", "999999999999999.99",
				"1000000000000000", "+5", "-0", "0", "00012.30", "-", "12.3.4", "",
				// read as one long up to 8 bytes: a stray byte at each end, eight digits, a point at the end
				"x1234567", "1234567x", "12345678", "9999999.", "1.5e", "0.01", "-1.5", "1.2.3", "12.345", "12.340" };
		String[] statuses = { "paid", "unpaid", "refunded", "cancelled", "Paid", "canceled", " paid ", "shipped", "",
				"pai", "paidd", "unpaiD", "refundeD", "cancellee", "已付款" };
		String[] quantities = { "2", "", "0", "3.0", "+2", "-1", "1234567890", "99999999999", "x" };
		String[] channels = { "tmall", "", "天猫", "\u3000app", "jd ", "x".repeat(1001), "京东商城" };
		String[] customers = { "C1", "12923.0", "客户7", "", " C2 ", "c".repeat(201), "C\u00a0", "C12345678.9",
				"C1234567890123456", "C123456789012345.", ".C1", "c".repeat(200), "客户12345678" };
		String[] products = { "", "P1", "12.0", "SKU-9" };
		String[] prices = { "", "19.9900", "19.99999", "3" };
		String[] payTimes = { "", "2026-01-06 08:00:00", "not a time" };
		String[] usages = { "", "30", "-2" };
		String[][] dimensions = { times, amounts, statuses, quantities, channels, customers, products, prices, payTimes,
				usages };
		// each row varies one field over its tricky forms, the others plain: most rows are stored
		for (int i = 0; i < 1200; i++) {
			String[] v = { "2026-01-05 10:00:00", "117.48", i % 4 == 0 ? "refunded" : "paid", "2", "tmall", "C" + i % 50,
					"", "", "", "" };
			int d = i % dimensions.length;
			v[d] = dimensions[d][(i / dimensions.length) % dimensions[d].length];
			String amount = v[1];
			if (i % 29 == 3) {
				amount = "-" + amount; // negative: fine for refunds only
			}
			String orderId = i % 37 == 5 ? "" : i % 41 == 7 ? "订单" + i : i % 43 == 9 ? "o" + i + ".0" : "o" + i;
			rows.add(String.join("|", orderId, v[5], v[0], amount, v[2], v[3], v[4], v[6], v[7], v[8], v[9],
					i % 2 == 0 ? "" : "cat" + i % 5, i % 3 == 0 ? "" : "浙江", i % 3 == 0 ? "" : "杭州"));
		}
		// the same order twice: identical (unchanged) and with another amount (rejected)
		rows.add("dup1|C1|2026-03-01 10:00:00|10.00|paid|1|web||||||||");
		rows.add("dup1|C1|2026-03-01 10:00:00|10.00|paid|1|web||||||||");
		rows.add("dup2|C1|2026-03-01 10:00:00|10.00|paid|1|web||||||||");
		rows.add("dup2|C1|2026-03-01 10:00:00|11.00|paid|1|web||||||||");
		rows.add("!a row the connector could not map");
		return rows;
	}

	/** A second file: some orders changed, some the same, some new. */
	private static List<String> changedOrders() {
		List<String> rows = new ArrayList<>();
		rows.add(HEADER);
		for (int i = 0; i < 1200; i += 3) {
			String amount = i % 2 == 0 ? "117.48" : "20.00";
			rows.add("o" + i + "|C1|2026-01-05 10:00:00|" + amount + "|paid|2|tmall|||||||");
		}
		for (int i = 1000; i < 1100; i++) {
			rows.add("o" + i + "|C9|2026-04-05 10:00:00|5.00|refunded||app|||||||");
		}
		return rows;
	}

	@Test
	void blocksMakeTheSameImportAsRowsOneByOne() throws Exception {
		List<String> first = trickyOrders();
		List<String> second = changedOrders();
		String byRows = importBoth(dir.resolve("rows"), first, second, 0);
		// the mix is as meant: most rows stored, many rejected for one bad value each
		java.util.regex.Matcher counts = java.util.regex.Pattern.compile("read=(\\d+) imported=(\\d+) rejected=(\\d+)")
				.matcher(byRows);
		assertTrue(counts.find(), byRows);
		assertEquals(first.size() - 1, Long.parseLong(counts.group(1)));
		assertTrue(Long.parseLong(counts.group(2)) > 700, byRows.lines().findFirst().orElseThrow());
		assertTrue(Long.parseLong(counts.group(3)) > 150, byRows.lines().findFirst().orElseThrow());
		for (int blockRows : new int[] { 1, 7, 256 }) {
			assertEquals(byRows, importBoth(dir.resolve("blocks" + blockRows), first, second, blockRows),
					"blocks of " + blockRows + " rows");
		}
	}

	/** Imports two files and describes everything the workspace then holds, as text. */
	private static String importBoth(Path at, List<String> first, List<String> second, int blockRows) throws Exception {
		StringBuilder out = new StringBuilder();
		try (Workspace ws = Stores.manager().open(at)) {
			for (List<String> file : List.of(first, second)) {
				out.append(importRows(ws, FactKind.ORDERS, file, blockRows));
			}
			Set<String> ids = new LinkedHashSet<>();
			for (List<String> file : List.of(first, second)) {
				for (String line : file.subList(1, file.size())) {
					ids.add(line.split("\\|", -1)[0].strip());
				}
			}
			for (String id : ids) {
				Optional<Map<String, String>> order = ws.order(id);
				out.append(id).append(" -> ").append(order.map(o -> new TreeMap<>(o).toString().replaceAll(
						"import_id=[^,}]*", "import_id=?")).orElse("none")).append('\n');
			}
			var data = ws.dataset();
			out.append("dataset orders=").append(data.orderCount()).append(" customers=").append(data.customerCount())
					.append('\n');
		}
		return out.append(factFiles(at)).toString();
	}

	/** Imports rows (in blocks of {@code blockRows}, or one by one for 0) and describes the import. */
	private static String importRows(Workspace ws, FactKind kind, List<String> rows, int blockRows) throws Exception {
		RowsConnector connector = new RowsConnector(rows);
		if (blockRows > 0) {
			connector.inBlocksOf(blockRows);
		}
		ImportResult r = ws.importFacts(connector, kind, Optional.empty(), Map.of("maxRejects", "10000"),
				ProgressMonitor.NULL);
		return "read=" + r.read() + " imported=" + r.imported() + " rejected=" + r.rejected() + " unchanged="
				+ r.unchanged() + "\n" + rejects(r);
	}

	/**
	 * The rejects file's rows by line: rows rejected as they are read come before conflicts found
	 * where rows are stored, so the file's order is not the contract, its rows are.
	 */
	private static String rejects(ImportResult r) throws Exception {
		if (r.rejectsFile() == null) {
			return "";
		}
		List<String> lines = new ArrayList<>(Files.readAllLines(r.rejectsFile(), StandardCharsets.UTF_8));
		String header = lines.remove(0);
		lines.sort(java.util.Comparator.comparingLong(l -> Long.parseLong(l.substring(0, l.indexOf(',')))));
		StringBuilder out = new StringBuilder(header).append('\n');
		for (String line : lines) {
			out.append("reject ").append(line.replace(r.importId(), "IMPORT")).append('\n');
		}
		return out.toString();
	}

	/**
	 * Every file of the fact sets with a digest of its bytes: the same rows stored the same way
	 * give the same files. A text column's codes are compared as the texts they stand for:
	 * rows coded where they are parsed may enter a dictionary in another order. The import ids'
	 * dictionary is left out (each workspace names its imports).
	 */
	private static String factFiles(Path workspace) throws Exception {
		StringBuilder out = new StringBuilder();
		try (var files = Files.walk(workspace.resolve("columns"))) {
			for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				String name = workspace.resolve("columns").relativize(f).toString();
				if (name.endsWith(".dict") || name.startsWith("manifest")) {
					continue;
				}
				byte[] content = Files.readAllBytes(f);
				Path dict = f.resolveSibling(f.getFileName().toString().replace(".col", ".dict"));
				if (name.endsWith(".col") && Files.exists(dict) && !name.endsWith("import_id.col")) {
					content = decoded(content, Files.readAllBytes(dict));
				}
				byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
				out.append(name).append(' ').append(java.util.HexFormat.of().formatHex(digest)).append('\n');
			}
		}
		return out.toString();
	}

	/** A text column's codes (4 bytes each) as its texts, by its dictionary (entries: 4-byte length, UTF-8). */
	private static byte[] decoded(byte[] codes, byte[] dict) {
		java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(dict);
		List<String> values = new ArrayList<>();
		while (d.remaining() >= 4) {
			byte[] value = new byte[d.getInt()];
			d.get(value);
			values.add(new String(value, StandardCharsets.UTF_8));
		}
		java.nio.ByteBuffer c = java.nio.ByteBuffer.wrap(codes);
		StringBuilder texts = new StringBuilder();
		while (c.remaining() >= 4) {
			int code = c.getInt();
			texts.append(code < 0 ? "(none)" : values.get(code)).append('\n');
		}
		return texts.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> trickyEvents() {
		List<String> rows = new ArrayList<>();
		rows.add("customer_id|event_time|event_type|item_id|session_id|channel|query");
		String[] customers = { "C1", "C2", "12923.0", "客户7", "", " C3 " };
		String[] times = { "2026-01-05 10:00:00", "2026-01-05 10:00", "2026-01-05T10:00:00.250", "2026-01-05",
				"2026-01-05 10:00:00Z", "2026-13-05 10:00:00", "2026-01-05 10:00:07" };
		String[] types = { "visit", "view", "cart", "pay", "Search", "coupon", "", "order" };
		String[] items = { "", "I1", "7.0", "商品" };
		String[] sessions = { "", "S1", "S2" };
		String[] channels = { "", "app", "小程序", "x".repeat(1001) };
		for (int i = 0; i < 900; i++) {
			rows.add(String.join("|", customers[i % customers.length], times[(i / 2) % times.length],
					types[(i / 3) % types.length], items[(i / 5) % items.length], sessions[(i / 7) % sessions.length],
					channels[(i / 11) % channels.length], i % 13 == 0 ? "red shoes" : ""));
		}
		rows.add("C1|2026-01-05 10:00:00|visit|||app|");
		rows.add("C1|2026-01-05 10:00:00|visit|||web|");
		return rows;
	}

	@Test
	void eventBlocksMakeTheSameImportAsRowsOneByOne() throws Exception {
		List<String> events = trickyEvents();
		String byRows = importEvents(dir.resolve("rows"), events, 0);
		assertTrue(byRows.contains("rejected="), byRows);
		assertEquals(byRows, importEvents(dir.resolve("blocks"), events, 64));
	}

	private static String importEvents(Path at, List<String> rows, int blockRows) throws Exception {
		StringBuilder out = new StringBuilder();
		try (Workspace ws = Stores.manager().open(at)) {
			for (int pass = 0; pass < 2; pass++) { // the second pass finds every event held
				out.append(importRows(ws, FactKind.EVENTS, rows, blockRows));
			}
			out.append("dataset events=").append(ws.dataset().eventCount()).append('\n');
		}
		return out.append(factFiles(at)).toString();
	}
}
