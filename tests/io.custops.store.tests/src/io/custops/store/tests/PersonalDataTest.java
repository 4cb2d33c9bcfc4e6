package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;

/**
 * Issue 22's personal data at rest: the workspace is its owner's only (0700, database files 0600),
 * a rejects file is 0600 in a 0700 folder marked personal, keeps the raw line, and masks phones
 * in the reasons CustOps writes.
 */
class PersonalDataTest extends WorkspaceFixture {

	private static String mode(Path p) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}

	@Test
	void theWorkspaceAndItsRejectsAreTheOwnersOnly() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status",
				"o1,c1,2026-01-05 10:00:00,12.50,paid", "o2,c2,2026-01-05,13812345678x,paid");
		assertEquals(1, r.rejected());
		Path rejects = r.rejectsFile();
		assertEquals("rw-------", mode(rejects), "the rejects file");
		assertEquals("rwx------", mode(rejects.getParent()), "the rejects folder");
		Path marker = rejects.getParent().resolve("PERSONAL-DATA.txt");
		assertTrue(Files.readString(marker, StandardCharsets.UTF_8).contains("personal data"), "the folder says what it holds");
		String[] row = ValidationTest.parseCsv(Stores.rejects(r).get(0));
		assertEquals("amount '138****5678x' is not a decimal number", row[2], "the phone in the reason is masked");
		assertEquals("o2,c2,2026-01-05,13812345678x,paid", row[3], "the raw line is kept as the user's file had it");

		ws.close();
		ws = Stores.manager().open(dir);
		assertEquals("rwx------", mode(dir), "the workspace folder");
		try (Stream<Path> files = Files.list(dir.resolve("db"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertEquals("rw-------", mode(f), f.toString());
			}
		}
		assertFalse(Files.isReadable(dir.resolve("db")) && mode(dir.resolve("db")).contains("r--r--"));
	}
}
