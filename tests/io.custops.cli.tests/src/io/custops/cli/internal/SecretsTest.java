package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: a password written into a JDBC URL ({@code ?password=…}, HSQLDB's {@code ;password=…})
 * is never kept in the clear: not in the import history ({@code workspace info --json}), not in
 * any file of the workspace, not in what the command prints.
 */
class SecretsTest {

	private static final String SECRET = "Hunter2-Secret-9431";

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

	/** Files under {@code root} whose bytes contain the secret (as UTF-8 or UTF-16). */
	private static List<Path> holding(Path root, String secret) throws Exception {
		List<Path> found = new ArrayList<>();
		byte[][] forms = { secret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_16BE),
				secret.getBytes(StandardCharsets.UTF_16LE) };
		try (Stream<Path> files = Files.walk(root)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				byte[] content = Files.readAllBytes(f);
				for (byte[] form : forms) {
					if (indexOf(content, form) >= 0) {
						found.add(f);
						break;
					}
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] hay, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= hay.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (hay[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Test
	void aPasswordInsideAJdbcUrlIsNotKeptInTheHistory() throws Exception {
		Path ws = dir.resolve("ws");
		String query = "query.orders=SELECT 'o1' AS order_id, 'c1' AS customer_id, TIMESTAMP '2026-01-05 10:00:00' AS order_time,"
				+ " 10.00 AS amount, 'paid' AS status FROM (VALUES(0))";
		// HSQLDB's ;password= (a new database takes it as its admin's), then the ?password= form of other drivers
		for (String url : List.of("jdbc:hsqldb:file:" + dir.resolve("shop") + ";user=SA;password=" + SECRET,
				"jdbc:hsqldb:mem:shop2?user=SA&password=" + SECRET)) {
			Run r = run("import", "--kind", "orders", "--connector", "jdbc", "--param", "url=" + url, "--param", query,
					"--workspace", ws.toString(), "--json");
			assertEquals(0, r.status(), r.err());
			assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
		}
		// a failing connection: the message masks it too
		Run bad = run("import", "--kind", "orders", "--connector", "jdbc", "--param",
				"url=jdbc:hsqldb:file:" + dir.resolve("nosuch") + ";ifexists=true;password=" + SECRET, "--workspace",
				ws.toString());
		assertTrue(bad.status() != 0);
		assertFalse(bad.err().contains(SECRET), bad.err());

		Run info = run("workspace", "info", "--json", "--workspace", ws.toString());
		assertEquals(0, info.status(), info.err());
		assertTrue(info.out().contains("password=***"), "the history keeps the URL, its password masked: " + info.out());
		assertFalse(info.out().contains(SECRET), info.out());
		assertEquals(List.of(), holding(ws, SECRET), "no file of the workspace holds the password");
	}
}
