package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./custops cohorts} on a small imported shop: JSON, one CSV row per cell, bad usage. */
class CohortsCommandTest {

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

	/** c1 and c2 start in January, c3 in February; c1 buys again in February, c2's March order is refunded. */
	private String workspace() throws Exception {
		Path file = dir.resolve("orders.csv");
		Files.writeString(file, """
				order_id,customer_id,order_time,amount,status,channel
				o1,c1,2026-01-05 10:00:00,100.00,paid,web
				o2,c2,2026-01-20 10:00:00,60.00,paid,app
				o3,c1,2026-02-03 10:00:00,40.50,paid,web
				o4,c3,2026-02-10 10:00:00,30.00,paid,app
				o5,c2,2026-03-01 10:00:00,500.00,refunded,app
				o6,c3,2026-03-30 10:00:00,10.00,unpaid,app
				""");
		String ws = dir.resolve("ws").toString();
		Run imported = run("import", "--kind", "orders", "--connector", "csv", "--file", file.toString(), "--workspace", ws);
		assertEquals(0, imported.status(), imported.err());
		return ws;
	}

	@Test
	void jsonHasTheCohortsAndTheCsvOneRowPerCell() throws Exception {
		String ws = workspace();
		Path csv = dir.resolve("out/cohorts.csv");
		Run r = run("cohorts", "--workspace", ws, "--json", "--out", csv.toString());
		assertEquals(0, r.status(), r.err());
		assertTrue(r.out().startsWith("{"), r.out());
		// as of the day after the last fact, 2026-03-31: January has periods 0 … 2
		assertTrue(r.out().contains("\"as_of\": \"2026-03-31\""), r.out());
		assertTrue(r.out().matches("(?s).*\"cohort\": \"2026-01\",\\s*\"size\": 2,.*"), r.out());
		assertTrue(r.out().contains("\"cumulative_revenue_per_customer\": 100.25"), r.out());
		List<String> lines = Files.readAllLines(csv);
		assertEquals(List.of("cohort,size,period,customers,pct,orders,revenue,cumulative_revenue_per_customer",
				"2026-01,2,0,2,100.00,2,160.00,80.00", "2026-01,2,1,1,50.00,1,40.50,100.25",
				"2026-01,2,2,0,0.00,0,0.00,100.25", "2026-02,1,0,1,100.00,1,30.00,30.00",
				"2026-02,1,1,0,0.00,0,0.00,30.00"), lines);
	}

	@Test
	void optionsAndBreakdownByChannel() throws Exception {
		String ws = workspace();
		Path csv = dir.resolve("by-channel.csv");
		Run r = run("cohorts", "--workspace", ws, "--by", "first-order-month", "--metric", "revenue", "--from",
				"2026-01-01", "--to", "2026-02-01", "--param", "breakdown=channel", "--out", csv.toString());
		assertEquals(0, r.status(), r.err());
		assertTrue(r.out().contains("1 cohorts by first-order-month, 2 customers, orders before 2026-02-01"), r.out());
		assertTrue(r.out().contains("channel = app"), r.out());
		List<String> lines = Files.readAllLines(csv);
		assertEquals(List.of("group,cohort,size,period,customers,pct,orders,revenue,cumulative_revenue_per_customer",
				"(all),2026-01,2,0,2,100.00,2,160.00,80.00", "app,2026-01,1,0,1,100.00,1,60.00,60.00",
				"web,2026-01,1,0,1,100.00,1,100.00,100.00"), lines);
	}

	@Test
	void badUsageExitsWithTwo() throws Exception {
		String ws = workspace();
		Run by = run("cohorts", "--workspace", ws, "--by", "first-order-day");
		assertEquals(2, by.status());
		assertTrue(by.err().contains("'by'"), by.err());
		Run unknown = run("cohorts", "--workspace", ws, "--period", "month");
		assertEquals(2, unknown.status());
		assertTrue(unknown.err().contains("unknown option --period"), unknown.err());
		Run breakdown = run("cohorts", "--workspace", ws, "--param", "breakdown=nope");
		assertEquals(2, breakdown.status());
		assertTrue(breakdown.err().contains("breakdown"), breakdown.err());
	}
}
