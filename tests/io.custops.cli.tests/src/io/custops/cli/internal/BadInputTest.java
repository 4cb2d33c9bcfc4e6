package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: a bad input file is the user's problem, not a faulty plugin's. An empty xlsx ends with
 * exit 2 and "the file is empty", no Java class named, and the built-in connector stays (it used
 * to be disabled for the rest of the process).
 */
class BadInputTest {

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

	@Test
	void anEmptyXlsxIsBadInputAndDisablesNothing() throws Exception {
		Path empty = Files.createFile(dir.resolve("empty.xlsx"));
		String ws = dir.resolve("ws").toString();
		for (int attempt = 0; attempt < 3; attempt++) {
			Run r = run("import", "--kind", "orders", "--connector", "xlsx", "--file", empty.toString(), "--workspace", ws);
			assertEquals(2, r.status(), r.err());
			assertTrue(r.err().contains(empty + ": the file is empty"), r.err());
			assertFalse(r.err().contains("Exception") || r.err().contains("disabled") || r.err().contains("org.apache"), r.err());
		}
		Run services = run("services", "--json");
		assertTrue(services.out().contains("\"id\": \"xlsx\""), "the xlsx connector is still registered: " + services.out());
		Run info = run("workspace", "info", "--json", "--workspace", ws);
		assertEquals(0, info.status(), info.err());
	}
}
