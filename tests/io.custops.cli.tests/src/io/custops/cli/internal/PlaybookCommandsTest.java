package io.custops.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./custops playbook} as the application runs it: a 催付 playbook over a small shop whose
 * unpaid orders are worked out by hand, its runs, history and ROI, run-due, and every bad input.
 */
class PlaybookCommandsTest {

	@TempDir
	Path dir;
	String ws;

	record Run(int status, String out, String err) {
	}

	private Run run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--workspace");
		all.add(ws);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CustopsApplication().run(all.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Run ok(String... args) {
		Run r = run(args);
		assertEquals(0, r.status(), String.join(" ", args) + ": " + r.out() + r.err());
		return r;
	}

	private void bad(String expected, String... args) {
		Run r = run(args);
		assertEquals(2, r.status(), String.join(" ", args) + ": " + r.out() + r.err());
		assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
	}

	private static void contains(Run r, String... expected) {
		for (String e : expected) {
			assertTrue(r.out().contains(e), e + " in " + r.out());
		}
	}

	private Path file(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	@BeforeEach
	void shop() throws Exception {
		ws = dir.resolve("ws").toString();
		ok("import", "--kind", "customers", "--connector", "csv", "--file", file("customers.csv", """
				customer_id,name,phone,province,city
				t5,张三,13812345678,浙江,杭州
				u1,欧阳娜娜,13900001111,上海,上海
				u2,王五,13700001111,浙江,宁波
				""").toString());
		// as of March 12 unpaid:48h looks at [March 10, March 12): t5 and u1; u2 paid an hour later
		ok("import", "--kind", "orders", "--connector", "csv", "--file", file("orders.csv", """
				order_id,customer_id,order_time,amount,status
				t5a,t5,2026-01-15 10:00:00,700.00,paid
				t5b,t5,2026-03-10 10:00:00,500.00,unpaid
				u1a,u1,2026-03-10 12:00:00,80.00,unpaid
				u2a,u2,2026-03-10 11:00:00,60.00,unpaid
				u2b,u2,2026-03-10 12:00:00,60.00,paid
				u1b,u1,2026-03-14 09:00:00,80.00,paid
				""").toString());
	}

	@Test
	void aRemindersPlaybookRunsRecordsACampaignAndMeasuresIt() throws Exception {
		Path out = dir.resolve("lists");
		Run added = ok("playbook", "add", "--id", "nag", "--cron", "0 9 * * *", "--target", "unpaid:48h", "--only-new",
				"--control", "50%", "--cost-per-member", "0.10", "--margin", "40%", "--out", out.toString(), "--since",
				"2026-03-11", "--param", "seed=3", "--param", "days=3", "--json");
		contains(added, "\"id\": \"nag\"", "\"only_new\": true", "\"control\": 0.5", "\"margin\": 0.4", "\"seed\": 3",
				"\"days\": 3", "\"format\": \"csv\"", "\"next_due\": \"2026-03-11T09:00:00");

		Run first = ok("playbook", "run", "nag", "--as-of", "2026-03-12", "--json");
		contains(first, "\"run_date\": \"2026-03-12\"", "\"status\": \"ok\"", "\"trigger\": \"manual\"",
				"\"campaign\": \"nag-2026-03-12\"", "\"targeted\": 2,", "\"excluded\": 0,", "\"treatment\": 1,",
				"\"control\": 1,");
		Path list = out.resolve("nag-2026-03-12.csv");
		List<String> lines = Files.readAllLines(list);
		assertEquals(2, lines.size(), lines.toString());
		assertTrue(lines.get(1).contains("****"), "masked: " + lines.get(1));
		Run show = ok("campaign", "show", "--id", "nag-2026-03-12", "--json");
		contains(show, "\"start\": \"2026-03-12\"", "\"end\": \"2026-03-14\"", "\"cost\": 0.10", "\"margin\": 0.4",
				"\"target\": \"unpaid:48h\"", "\"as_of\": \"2026-03-12\"", "\"action\": \"target-list-export\"",
				"\"masked\": true");

		// as of March 11 the same two are unpaid, and both were in the first run
		Run second = ok("playbook", "run", "nag", "--as-of", "2026-03-11");
		contains(second, "targeted 2, excluded 2 (earlier runs), treatment 0, control 0",
				"no new customer: all 2 were targeted by earlier runs");

		// the run's campaign is measured like any other: u1 paid 80.00 on March 14, in the window
		Run roi = ok("roi", "--campaign", "nag-2026-03-12", "--json");
		contains(roi, "\"cost\": 0.10");
		Run history = ok("playbook", "history", "nag", "--json");
		contains(history, "\"playbook\": \"nag\"", "\"campaign\": \"nag-2026-03-12\"", "\"total\"", "\"cost\": 0.10");
		contains(ok("playbook", "history", "nag"), "total: incremental profit");
		contains(ok("playbook", "list"), "nag", "unpaid:48h (only new)");

		// due playbooks run with the schedules: the daily due times since March 11 are caught up once
		Run due = ok("schedule", "run-due", "--json");
		contains(due, "\"schedule\": \"playbook:nag\"", "\"template\": \"playbook\"", "\"trigger\": \"catch-up\"");
		assertTrue(ok("schedule", "run-due").out().contains("nothing is due"));
		contains(ok("playbook", "list", "--json"), "\"last_run\"", "\"trigger\": \"catch-up\"");

		ok("playbook", "remove", "nag");
		contains(ok("playbook", "list"), "no playbooks");
		assertTrue(Files.exists(list), "a removed playbook's lists stay");
	}

	@Test
	void aFailedRunExitsOneAndBadInputTwo() throws Exception {
		Path notAFolder = file("plain", "x");
		ok("playbook", "add", "--id", "broken", "--cron", "@daily", "--target", "unpaid", "--out", notAFolder.toString());
		Run failed = run("playbook", "run", "broken", "--as-of", "2026-03-12");
		assertEquals(1, failed.status(), failed.out() + failed.err());
		assertTrue(failed.err().contains("run failed"), failed.err());
		bad("no campaign 'broken-2026-03-12'", "campaign", "show", "--id", "broken-2026-03-12");

		String out = dir.resolve("o").toString();
		bad("has 4 fields", "playbook", "add", "--id", "p", "--cron", "0 9 * *", "--target", "unpaid", "--out", out);
		bad("target 'unpaid &': position 9: a target is missing", "playbook", "add", "--id", "p", "--cron", "@daily",
				"--target", "unpaid &", "--out", out);
		bad("the control share 1.5 is not a ratio", "playbook", "add", "--id", "p", "--cron", "@daily", "--target",
				"unpaid", "--control", "150%", "--out", out);
		bad("--control 'lots' is not a ratio", "playbook", "add", "--id", "p", "--cron", "@daily", "--target",
				"unpaid", "--control", "lots", "--out", out);
		bad("--format 'pdf' is not csv or xlsx", "playbook", "add", "--id", "p", "--cron", "@daily", "--target",
				"unpaid", "--format", "pdf", "--out", out);
		bad("parameter 'colour': unknown", "playbook", "add", "--id", "p", "--cron", "@daily", "--target", "unpaid",
				"--param", "colour=red", "--out", out);
		bad("the cost per member 0.001", "playbook", "add", "--id", "p", "--cron", "@daily", "--target", "unpaid",
				"--cost-per-member", "0.001", "--out", out);
		bad("playbook id 'a b'", "playbook", "add", "--id", "a b", "--cron", "@daily", "--target", "unpaid", "--out",
				out);
		bad("missing --out", "playbook", "add", "--id", "p", "--cron", "@daily", "--target", "unpaid");
		bad("a playbook 'broken' exists already", "playbook", "add", "--id", "broken", "--cron", "@daily", "--target",
				"unpaid", "--out", out);
		bad("no playbook 'nope'", "playbook", "run", "nope");
		bad("no playbook 'nope'", "playbook", "remove", "nope");
		bad("no playbook 'nope'", "playbook", "history", "nope");
		bad("missing the playbook id", "playbook", "history");
		bad("unknown playbook command 'launch'", "playbook", "launch");
		bad("--as-of 'soon' is not an ISO date", "playbook", "run", "broken", "--as-of", "soon");
		contains(ok("playbook", "list", "--json"), "\"id\": \"broken\"");
	}
}
