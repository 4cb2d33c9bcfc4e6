package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./custops schedule …} and {@code ./custops report} usage as the application runs them (no report is made here). */
class ScheduleCommandsTest {

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

	private Run add(String ws, String... extra) {
		String[] base = { "schedule", "add", "--id", "weekly", "--cron", "0 8 * * MON", "--template", "rfm", "--format",
				"pdf,html", "--out", dir.resolve("out/{date:yyyy-MM-dd}").toString(), "--workspace", ws };
		String[] args = new String[base.length + extra.length];
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(extra, 0, args, base.length, extra.length);
		return run(args);
	}

	@Test
	void schedulesAreAddedListedAndRemoved() {
		String ws = dir.resolve("ws").toString();
		assertEquals(0, run("workspace", "zone", "UTC", "--workspace", ws).status(), "a workspace to schedule in");
		Run added = add(ws, "--keep", "3", "--param", "asOf=@last-week.end", "--json");
		assertEquals(0, added.status(), added.err());
		assertTrue(added.out().contains("\"id\": \"weekly\"") && added.out().contains("\"keep\": 3"), added.out());
		assertTrue(added.out().contains("\"asOf\": \"@last-week.end\""), "kept relative: " + added.out());
		assertTrue(added.out().contains("T08:00:00"), "next due at 08:00: " + added.out());

		Run twice = add(ws);
		assertEquals(2, twice.status());
		assertTrue(twice.err().contains("exists already"), twice.err());

		Run list = run("schedule", "list", "--workspace", ws);
		assertEquals(0, list.status(), list.err());
		assertTrue(list.out().contains("weekly") && list.out().contains("0 8 * * MON") && list.out().contains("keep 3"), list.out());

		Run history = run("schedule", "history", "weekly", "--json", "--workspace", ws);
		assertEquals(0, history.status(), history.err());
		assertTrue(history.out().contains("\"runs\": []"), history.out());

		Run nothing = run("schedule", "run-due", "--workspace", ws);
		assertEquals(0, nothing.status(), nothing.err());
		assertTrue(nothing.out().contains("nothing is due"), nothing.out());

		assertEquals(0, run("schedule", "remove", "weekly", "--workspace", ws).status());
		Run again = run("schedule", "remove", "weekly", "--workspace", ws);
		assertEquals(2, again.status());
		assertTrue(again.err().contains("no schedule 'weekly'"), again.err());
	}

	@Test
	void badSchedulesExit2NamingWhatIsWrong() {
		String ws = dir.resolve("ws").toString();
		assertEquals(0, run("workspace", "zone", "UTC", "--workspace", ws).status(), "a workspace to schedule in");
		Run noSub = run("schedule", "--workspace", ws);
		assertEquals(2, noSub.status());
		assertTrue(noSub.err().contains("missing the subcommand"), noSub.err());
		Run[] bad = { run("schedule", "add", "--id", "x", "--cron", "0 8 * *", "--template", "rfm", "--out", "/tmp/x", "--workspace", ws),
				add(ws, "--param", "colour=red"), add(ws, "--param", "asOf=@last-mnth.end"), add(ws, "--missed", "later"),
				add(ws, "--keep", "many"), run("schedule", "add", "--id", "x", "--cron", "@daily", "--template", "no-such",
						"--out", "/tmp/x", "--workspace", ws),
				add(ws, "--format", "pdf,docx"), add(ws, "--since", "yesterday"), run("schedule", "launch", "--workspace", ws),
				run("report", "--out", "/tmp/x", "--workspace", ws) };
		String[] says = { "has 4 fields", "colour", "@last-mnth.end", "'later' is not run or skip", "--keep 'many'",
				"no template 'no-such'", "'docx'", "--since 'yesterday'", "unknown subcommand 'launch'", "missing --template" };
		for (int i = 0; i < bad.length; i++) {
			assertEquals(2, bad[i].status(), says[i] + ": " + bad[i].err());
			assertTrue(bad[i].err().contains(says[i]), says[i] + " in " + bad[i].err());
		}
		Run list = run("schedule", "list", "--json", "--workspace", ws);
		assertTrue(list.out().contains("\"schedules\": []"), "nothing was added: " + list.out());
	}
}
