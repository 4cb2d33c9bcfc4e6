package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./custops funnel} as a person reads it (issue 20): times in words, "—" where nobody
 * converted, and a breakdown in the text output and in {@code --out}, not only in {@code --json}.
 */
class FunnelCommandTest {

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

	/**
	 * c1 (web) carts 2 h 36 min after viewing, c2 (app) 10 min after; c3 (app) only views, and
	 * paid before that: nobody pays after a cart.
	 */
	private String workspace() throws Exception {
		Path file = dir.resolve("events.csv");
		Files.writeString(file, """
				customer_id,event_time,event_type,channel
				c1,2026-03-01 10:00:00,view,web
				c1,2026-03-01 12:36:00,cart,web
				c2,2026-03-02 09:00:00,view,app
				c2,2026-03-02 09:10:00,cart,app
				c3,2026-03-03 08:00:00,pay,app
				c3,2026-03-03 09:00:00,view,app
				""");
		String ws = dir.resolve("ws").toString();
		Run imported = run("import", "--kind", "events", "--connector", "csv", "--file", file.toString(), "--workspace", ws);
		assertEquals(0, imported.status(), imported.err());
		return ws;
	}

	@Test
	void timesInWordsAndTheBreakdownInTextAndCsv() throws Exception {
		String ws = workspace();
		Path csv = dir.resolve("funnel.csv");
		Run r = run("funnel", "--workspace", ws, "--steps", "view,cart,pay", "--param", "breakdown=channel", "--out",
				csv.toString());
		assertEquals(0, r.status(), r.err());
		assertTrue(r.out().contains("median 1 h 23 min"), "the median of 2 h 36 min and 10 min: " + r.out());
		assertTrue(r.out().matches("(?s).*pay\\s+0\\s+0\\.00% of first\\s+0\\.00% of previous\\s+median —  mean —.*"),
				"no one paid: a dash, not null: " + r.out());
		assertFalse(r.out().contains("null"), r.out());
		assertTrue(r.out().contains("by channel:"), r.out());
		assertTrue(r.out().matches("(?s).*\\n  web\\n    view\\s+1 .*\\n    cart\\s+1 .*median 2 h 36 min.*"), r.out());
		List<String> lines = Files.readAllLines(csv);
		assertEquals("step,customers,pct_of_first,pct_of_previous,median_seconds_from_previous,mean_seconds_from_previous,group",
				lines.get(0));
		assertTrue(lines.stream().anyMatch(l -> l.matches("cart,2,66\\.67,66\\.67,4980(\\.0+)?,4980(\\.0+)?,\\(all\\)")),
				lines.toString());
		assertTrue(lines.stream().anyMatch(l -> l.matches("cart,1,100\\.00,100\\.00,9360(\\.0+)?,9360(\\.0+)?,web")),
				lines.toString());
		assertTrue(lines.stream().anyMatch(l -> l.matches("cart,1,50\\.00,50\\.00,600(\\.0+)?,600(\\.0+)?,app")),
				lines.toString());
		assertEquals(1 + 3 * 3, lines.size(), "the funnel's 3 steps, then each group's: " + lines);
	}

	@Test
	void withoutABreakdownTheCsvKeepsItsColumns() throws Exception {
		String ws = workspace();
		Path csv = dir.resolve("plain.csv");
		Run r = run("funnel", "--workspace", ws, "--steps", "view,cart", "--out", csv.toString());
		assertEquals(0, r.status(), r.err());
		List<String> lines = Files.readAllLines(csv);
		assertEquals("step,customers,pct_of_first,pct_of_previous,median_seconds_from_previous,mean_seconds_from_previous",
				lines.get(0));
		assertEquals(3, lines.size(), lines.toString());
	}
}
