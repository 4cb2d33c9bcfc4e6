package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.custops.source.SourceRuntime;
import io.custops.store.SourceRecord;

/**
 * Issue 17, "Inputs that fail loudly": RFM quintiles that leave score levels empty say so (JSON
 * {@code warnings}, text output), scoring is chosen per dimension, and a funnel or path over an
 * event type the data does not contain exits 2 listing the types present.
 */
class LoudInputsTest {

	@TempDir
	Path dir;

	private String ws;

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
	 * Ten customers: seven with one paid order, two with two, one with five. Quintiles of
	 * frequency: 1 order → F1 (nobody worse), 2 → 1 + floor(5 × 7 / 10) = F4, 5 → F5: F2 and F3
	 * empty. Events: views and carts only.
	 */
	@BeforeEach
	void shop() throws Exception {
		ws = dir.resolve("ws").toString();
		StringBuilder orders = new StringBuilder("order_id,customer_id,order_time,amount,status\n");
		int[] counts = { 1, 1, 1, 1, 1, 1, 1, 2, 2, 5 };
		int id = 0;
		for (int c = 0; c < counts.length; c++) {
			for (int k = 0; k < counts[c]; k++) {
				orders.append("o").append(++id).append(",c").append(c).append(",2026-0").append(1 + k).append('-')
						.append(10 + c).append(" 10:00:00,").append(10 * (c + 1)).append(".00,paid\n");
			}
		}
		Path o = dir.resolve("orders.csv");
		Files.writeString(o, orders);
		Path e = dir.resolve("events.csv");
		Files.writeString(e, "customer_id,event_time,event_type\nc1,2026-01-01 09:00:00,view\nc1,2026-01-01 09:05:00,cart\n"
				+ "c2,2026-01-02 09:00:00,view\n");
		assertEquals(0, run("import", "--kind", "orders", "--connector", "csv", "--file", o.toString(), "--workspace", ws).status());
		assertEquals(0, run("import", "--kind", "events", "--connector", "csv", "--file", e.toString(), "--workspace", ws).status());
	}

	@Test
	void emptyScoreLevelsAreSaidInJsonAndText() {
		Run json = run("segment", "--strategy", "rfm", "--as-of", "2026-07-01", "--workspace", ws, "--json");
		assertEquals(0, json.status(), json.err());
		String out = json.out();
		assertTrue(out.contains("\"empty_score_levels\": {\"r\": [], \"f\": [2, 3], \"m\": []}")
				|| out.replaceAll("\\s+", "").contains("\"empty_score_levels\":{\"r\":[],\"f\":[2,3],\"m\":[]}"), out);
		assertTrue(out.contains("\"warnings\": ["), out);
		assertTrue(out.contains("F2 and F3 are empty (frequency scored by quintiles): F1 holds 70.0 % of the 10 scored customers"),
				out);
		assertTrue(out.contains("--param scoring.f=fixed --param frequencyThresholds=2,3,5,10"), out);
		assertTrue(out.contains("\"warnings_zh\": ["), out);

		Run text = run("segment", "--strategy", "rfm", "--as-of", "2026-07-01", "--workspace", ws);
		assertEquals(0, text.status(), text.err());
		assertTrue(text.out().contains("\nwarning: F2 and F3 are empty"), text.out());
	}

	@Test
	void frequencyByThresholdsWhileRecencyAndMonetaryStayQuintiles() {
		Run fixed = run("segment", "--strategy", "rfm", "--as-of", "2026-07-01", "--workspace", ws, "--json", "--param",
				"scoring.f=fixed", "--param", "frequencyThresholds=2,3,5,10");
		assertEquals(0, fixed.status(), fixed.err());
		String out = fixed.out().replaceAll("\\s+", "");
		assertTrue(out.contains("\"scoring\":\"mixed\""), out);
		assertTrue(out.contains("\"scoring_by_dimension\":{\"r\":\"quantile\",\"f\":\"fixed\",\"m\":\"quantile\"}"), out);
		// 1 order → F1 (7), 2 → F2 (2), 5 → F4 (1): F3 and F5 are the thresholds' empty levels now
		assertTrue(out.contains("\"f\":[7,2,0,1,0]"), out);
		assertTrue(fixed.out().contains("F3 and F5 are empty (frequency scored by the fixed thresholds frequencyThresholds=2,3,5,10)"
				+ ": no scored customer falls in their ranges (F3: 3 to 4 paid orders; F5: 10 or more paid orders)"), fixed.out());
		assertFalse(fixed.out().contains("scored by quintiles"), "R and M fill every level: " + fixed.out());

		Run bad = run("segment", "--strategy", "rfm", "--workspace", ws, "--param", "scoring.f=fix");
		assertEquals(2, bad.status(), bad.err());
		assertTrue(bad.err().contains("scoring.f"), bad.err());
	}

	@Test
	void aFunnelOrPathOverATypeTheDataLacksExitsTwoListingTheTypesPresent() {
		Run funnel = run("funnel", "--steps", "view,cart,pay", "--workspace", ws);
		assertEquals(2, funnel.status(), funnel.out() + funnel.err());
		assertTrue(funnel.err().contains("parameter 'steps': the data has no 'pay' events; types present: view (2), cart (1)"),
				funnel.err());
		assertEquals("", funnel.out(), "no zeros reported");

		for (String anchor : new String[] { "start", "end", "notReached" }) {
			Run paths = run("paths", "--param", anchor + "=pay", "--workspace", ws, "--json");
			assertEquals(2, paths.status(), anchor + ": " + paths.out() + paths.err());
			assertTrue(paths.err().contains("parameter '" + anchor + "': the data has no 'pay' events; types present: view (2), cart (1)"),
					paths.err());
		}
		Run present = run("funnel", "--steps", "view,cart", "--workspace", ws, "--json");
		assertEquals(0, present.status(), present.err());
		assertEquals(0, run("paths", "--param", "start=view", "--workspace", ws).status());
	}

	/** The same inside a source (DuckDB, no server): checked once a step counted nobody. */
	@Test
	void aFunnelInASourceOverATypeItLacksExitsTwoListingTheTypesPresent() throws Exception {
		Path db = dir.resolve("shop.duckdb");
		SourceRecord record = new SourceRecord("dw", "jdbc:duckdb:" + db, null, Map.of("events", "events"), Map.of(), false,
				Instant.now());
		try (Connection c = sourceRuntime().connect(record, false); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE events(customer_id VARCHAR, event_time TIMESTAMP, event_type VARCHAR)");
			s.execute("INSERT INTO events VALUES ('c1', TIMESTAMP '2026-01-01 09:00:00', 'view'),"
					+ " ('c1', TIMESTAMP '2026-01-01 09:05:00', 'cart'), ('c2', TIMESTAMP '2026-01-02 09:00:00', 'view')");
		}
		Run add = run("source", "add", "--id", "dw", "--url", "jdbc:duckdb:" + db, "--table", "events=events", "--workspace",
				ws);
		assertEquals(0, add.status(), add.out() + add.err());
		Run missing = run("funnel", "--steps", "view,cart,pay", "--source", "dw", "--workspace", ws);
		assertEquals(2, missing.status(), missing.out() + missing.err());
		assertTrue(missing.err().contains("parameter 'steps': the source has no 'pay' events; types present: view (2), cart (1)"),
				missing.err());
		Run nobody = run("funnel", "--steps", "cart,view", "--source", "dw", "--workspace", ws, "--json");
		assertEquals(0, nobody.status(), "a step nobody reached of a type the source has is a result: " + nobody.err());
	}

	private SourceRuntime sourceRuntime() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		for (int i = 0; i < 100; i++) {
			ServiceReference<SourceRuntime> ref = context.getServiceReference(SourceRuntime.class);
			if (ref != null) {
				return context.getService(ref);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no SourceRuntime service");
	}
}
