package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.store.MemoryForecast;

/**
 * "This workspace needs about N GB; use a source": said on stderr (and in {@code import --json}
 * {@code warnings}) before the heap runs out, with a small heap injected through
 * {@link MemoryForecast#HEAP_PROPERTY}.
 */
class MemoryWarningTest {

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

	@AfterEach
	void realHeap() {
		System.clearProperty(MemoryForecast.HEAP_PROPERTY);
	}

	@Test
	void aWorkspaceTooBigForTheHeapIsSaidAtImportAndBeforeAnAnalysisLoadsIt() throws Exception {
		Path orders = dir.resolve("orders.csv");
		Files.writeString(orders, "order_id,customer_id,order_time,amount,status\n"
				+ "o1,c1,2026-01-05 10:00:00,10.00,paid\no2,c2,2026-02-06 11:00:00,20.00,paid\n");
		String ws = dir.resolve("ws").toString();

		Run fine = run("import", "--kind", "orders", "--connector", "csv", "--file", orders.toString(), "--workspace", ws,
				"--json");
		assertEquals(0, fine.status(), fine.err());
		assertTrue(fine.out().contains("\"warnings\": []"), fine.out());
		assertFalse(fine.err().contains("needs about"), fine.err());

		System.setProperty(MemoryForecast.HEAP_PROPERTY, "50m"); // less than the framework's own share
		Run tight = run("import", "--kind", "orders", "--connector", "csv", "--file", orders.toString(), "--workspace",
				ws, "--json");
		assertEquals(0, tight.status(), tight.err());
		assertTrue(tight.out().startsWith("{"), "only JSON on stdout: " + tight.out());
		assertTrue(tight.out().replaceAll("\\s+", " ").contains("\"warnings\": [ \"this workspace needs about 97 MB of memory"),
				tight.out());
		assertTrue(tight.err().contains("custops: warning: this workspace needs about 97 MB of memory for its analyses ("),
				tight.err());
		assertTrue(tight.err().contains("2 orders), more than the Java heap of 50 MB; use a source"), tight.err());

		Run segment = run("segment", "--strategy", "tiers", "--as-of", "2026-03-01", "--workspace", ws, "--json");
		assertEquals(0, segment.status(), segment.err());
		assertTrue(segment.out().startsWith("{"), segment.out());
		assertTrue(segment.err().contains("this workspace needs about 97 MB") && segment.err().contains("use a source"),
				segment.err());

		System.clearProperty(MemoryForecast.HEAP_PROPERTY);
		Run again = run("segment", "--strategy", "tiers", "--as-of", "2026-03-01", "--workspace", ws);
		assertEquals(0, again.status(), again.err());
		assertFalse(again.err().contains("needs about"), again.err());
	}
}
