package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./custops overview} on a small imported shop: JSON, the table, bad usage. */
class OverviewCommandTest {

	@TempDir
	Path dir;

	record Run(int status, String out, String err) {
	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CustopsApplication().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private String workspace() throws Exception {
		Path file = dir.resolve("orders.csv");
		Files.writeString(file, """
				order_id,customer_id,order_time,amount,status
				o1,c1,2026-01-05 10:00:00,100.00,paid
				o2,c2,2026-01-20 10:00:00,60.00,paid
				o3,c1,2026-02-03 10:00:00,40.50,paid
				o4,c3,2026-02-10 10:00:00,30.00,paid
				o5,c2,2026-02-11 10:00:00,500.00,refunded
				""");
		String ws = dir.resolve("ws").toString();
		Run imported = run("import", "--kind", "orders", "--connector", "csv", "--file", file.toString(), "--workspace", ws);
		assertEquals(0, imported.status(), imported.err());
		return ws;
	}

	@Test
	void jsonAndTable() throws Exception {
		String ws = workspace();
		Run r = run("overview", "--workspace", ws, "--from", "2026-01-01", "--to", "2026-03-01", "--json");
		assertEquals(0, r.status(), r.err());
		assertTrue(r.out().startsWith("{"), r.out());
		// c1 twice, c2 and c3 once: 230.50 in 4 orders, 1 of 3 buyers repurchased
		assertTrue(r.out().matches("(?s).*\"totals\": \\{\\s*\"gmv\": 230.50,\\s*\"paid_orders\": 4,\\s*\"buying_customers\": 3,"
				+ "\\s*\"aov\": 57.63,\\s*\"repurchase_rate\": 0.3333,\\s*\"new_customers\": 3,.*"), r.out());
		assertTrue(r.out().contains("\"period\": \"2026-02\""), r.out());
		Run table = run("overview", "--workspace", ws, "--from", "2026-01-01", "--to", "2026-03-01", "--period", "month");
		assertEquals(0, table.status(), table.err());
		assertTrue(table.out().contains("GMV 230.50, 4 orders, 3 buying customers, AOV 57.63, repurchase rate 33.33%"),
				table.out());
		assertTrue(table.out().contains("2026-02"), table.out());
	}

	@Test
	void badUsageExitsWithTwo() throws Exception {
		String ws = workspace();
		Run period = run("overview", "--workspace", ws, "--period", "year");
		assertEquals(2, period.status());
		assertTrue(period.err().contains("'period'"), period.err());
		Run dates = run("overview", "--workspace", ws, "--from", "2026-03-01", "--to", "2026-01-01");
		assertEquals(2, dates.status());
		assertTrue(dates.err().contains("is not after the start date"), dates.err());
	}
}
