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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./custops campaign | roi | tags} as the application runs them, on a small workspace
 * imported from CSV: the ROI example of docs/analyses.md computed by hand, target lists,
 * and the exit status of every kind of bad input.
 */
class CampaignCommandsTest {

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
		assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
		return r;
	}

	/** Exit status 2 and a message on stderr holding {@code expected}. */
	private void bad(String expected, String... args) {
		Run r = run(args);
		assertEquals(2, r.status(), String.join(" ", args) + ": " + r.out() + r.err());
		assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
	}

	private Path file(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	private void importCsv(String kind, Path file) {
		Run r = ok("import", "--kind", kind, "--connector", "csv", "--file", file.toString(), "--json");
		assertTrue(r.out().contains("\"rejected\": 0,"), r.out());
	}

	/**
	 * The worked example: March 2026, cost 40.00, margin 0.5; treated t1 … t6 with 160.00 of paid
	 * orders in the window from 4 of them, control k1 … k3 with 20.00 from 1.
	 */
	@BeforeEach
	void shop() throws Exception {
		ws = dir.resolve("ws").toString();
		importCsv("customers", file("customers.csv", """
				customer_id,name,phone,province,city
				t1,张三,13812345678,浙江,杭州
				t2,欧阳娜娜,13900001111,上海,上海
				k1,王五,13700001111,浙江,宁波
				"""));
		importCsv("orders", file("orders.csv", """
				order_id,customer_id,order_time,amount,status
				t1a,t1,2026-01-10 10:00:00,600.00,paid
				t1b,t1,2026-03-01 00:00:00,100.00,paid
				t2a,t2,2026-02-01 10:00:00,150.00,paid
				t2b,t2,2026-03-31 23:59:59,30.00,paid
				t3a,t3,2026-01-05 10:00:00,120.00,paid
				t3b,t3,2026-03-15 10:00:00,0.01,paid
				t4a,t4,2026-02-10 10:00:00,50.00,paid
				t4b,t4,2026-03-20 10:00:00,19.99,paid
				t4c,t4,2026-03-21 10:00:00,10.00,paid
				t5a,t5,2026-01-15 10:00:00,700.00,paid
				t5b,t5,2026-03-10 10:00:00,500.00,unpaid
				t5c,t5,2026-03-11 10:00:00,70.00,refunded
				t6a,t6,2026-02-20 10:00:00,20.00,paid
				k1a,k1,2026-01-20 10:00:00,200.00,paid
				k1b,k1,2026-03-05 10:00:00,20.00,paid
				k2a,k2,2026-02-01 10:00:00,10.00,paid
				k2b,k2,2026-04-01 00:00:00,99.00,paid
				k3a,k3,2025-12-01 10:00:00,30.00,paid
				"""));
		importCsv("campaigns", file("campaigns.csv", """
				campaign_id,name,start,end,cost,margin,segment
				march,March SMS,2026-03-01,2026-03-31,40.00,50%,lapsed
				hollow,No members yet,2026-03-01,2026-03-31,10,,
				"""));
		importCsv("campaign-members", file("members.csv", """
				campaign_id,customer_id,group
				march,t1,treatment
				march,t2,treatment
				march,t3,treatment
				march,t4,treatment
				march,t5,treatment
				march,t6,treatment
				march,k1,control
				march,k2,control
				march,k3,control
				"""));
	}

	@Test
	void roiOfTheWorkedExampleByHand() {
		Run r = ok("roi", "--campaign", "march", "--json");
		assertTrue(r.out().startsWith("{"), r.out());
		for (String expected : List.of("\"campaign\": \"march\",", "\"window_start\": \"2026-03-01\",",
				"\"window_end\": \"2026-03-31\",", "\"margin\": 0.5,", "\"treatment_revenue\": 160.00,",
				"\"control_revenue\": 20.00,", "\"incremental_revenue\": 120.00,", "\"cost\": 40.00,", "\"roi\": 0.5000,",
				"\"has_control\": true,", "\"incremental\": true,", "\"treatment_size\": 6,", "\"control_size\": 3,",
				"\"treatment_responders\": 4,", "\"control_responders\": 1,", "\"treatment_response_rate\": 0.6667,",
				"\"control_response_rate\": 0.3333,", "\"uplift\": 0.3333,", "\"relative_uplift\": 1.0000,",
				"\"incremental_profit\": 60.00,", "\"net_return\": 20.00,", "\"origin\": \"imported\",")) {
			assertTrue(r.out().contains(expected), expected + " in " + r.out());
		}
		assertFalse(r.out().contains("\"note\""), r.out());

		Run human = ok("roi", "--campaign", "march");
		assertTrue(human.out().contains("incremental revenue"), human.out());
		assertTrue(human.out().contains("0.5000  (50 %)"), human.out());

		// by the tier each member was in at the start (the engine's breakdown through the command)
		Run byTier = ok("roi", "--campaign", "march", "--param", "breakdown=tiers", "--param",
				"breakdown.levels=bronze:0,silver:100,gold:500", "--param", "breakdown.windowDays=0", "--json");
		assertTrue(byTier.out().contains("\"by\": \"tiers\","), byTier.out());
		assertTrue(byTier.out().contains("\"as_of\": \"2026-03-01\","), byTier.out());
		assertTrue(byTier.out().indexOf("\"segment\": \"bronze\"") < byTier.out().indexOf("\"segment\": \"gold\""));
	}

	@Test
	void theWorkedExampleIsTooFewCustomersToTell() {
		Run r = ok("roi", "--campaign", "march", "--json");
		for (String key : List.of("\"uplift_ci\": [", "\"incremental_revenue_ci\": [", "\"roi_ci\": [", "\"p_value\": ",
				"\"significant\": false", "\"warnings\": [", "\"interval_method\": \"welch_t\"",
				"too few customers to tell: the control group has 3 members (fewer than 100)")) {
			assertTrue(r.out().contains(key), key + " in " + r.out());
		}
		Run human = ok("roi", "--campaign", "march", "--param", "breakdown=target");
		assertTrue(human.out().contains("95 % intervals (rates: Wilson; uplift: Newcombe; revenue: Welch's t"),
				human.out());
		assertTrue(human.out().contains("  too few customers to tell: the treatment group has 6 members"), human.out());
		assertTrue(human.out().contains("not significant"), human.out());
		assertTrue(human.out().lines().filter(l -> l.contains("lapsed") || l.contains("(none)"))
				.allMatch(l -> l.endsWith("too few customers to tell")), human.out());
		assertTrue(ok("roi", "--campaign", "march", "--param", "alpha=0.2", "--json").out()
				.contains("\"alpha\": 0.2,"));
	}

	/** Against the two-proportion formula computed in Python 3 (statistics.NormalDist): 5 % → 6 % needs 8157.73 per arm. */
	@Test
	void planTheMembersNeededPerArm() {
		Run plan = ok("campaign", "plan", "--baseline-rate", "0.05", "--uplift", "0.01", "--json");
		assertTrue(plan.out().contains("\"members_per_arm\": 8158,"), plan.out());
		assertTrue(plan.out().contains("\"control_share\": 0.5000,"), plan.out());
		// Python: power 0.9 → 10920.39; 20 % → 25 % → 1093.74; 10 % → 12 % at alpha 0.01 → 5715.42
		assertTrue(ok("campaign", "plan", "--baseline-rate", "5%", "--uplift", "1%", "--power", "0.9").out()
				.contains("10921 members per arm"));
		assertTrue(ok("campaign", "plan", "--baseline-rate", "0.2", "--uplift", "0.05").out().contains("1094 members per arm"));
		assertTrue(ok("campaign", "plan", "--baseline-rate", "0.1", "--uplift", "0.02", "--alpha", "0.01").out()
				.contains("5716 members per arm"));
		// Python: of 40000, the smallest control group reaching the power is 4744 (0.1186)
		Run big = ok("campaign", "plan", "--baseline-rate", "0.05", "--uplift", "0.01", "--members", "40000", "--json");
		assertTrue(big.out().contains("\"control_members\": 4744,") && big.out().contains("\"control_share\": 0.1186,"),
				big.out());
		// 10000 split in half detects 0.01293 or more
		Run small = ok("campaign", "plan", "--baseline-rate", "0.05", "--uplift", "0.01", "--members", "10000");
		assertTrue(small.out().contains("the target of 10000 members is too small to detect an uplift of 0.01: it needs 16316;"
				+ " split in half it can detect 0.0130 or more"), small.out());
		assertTrue(ok("campaign", "plan", "--baseline-rate", "0.05", "--uplift", "0.01", "--campaign", "march").out()
				.contains("the target of 9 members is too small"));
		bad("--uplift", "campaign", "plan", "--baseline-rate", "0.05");
		bad("between 0 and 1", "campaign", "plan", "--baseline-rate", "1.5", "--uplift", "0.01");
		bad("not a ratio", "campaign", "plan", "--baseline-rate", "five", "--uplift", "0.01");
	}

	@Test
	void aCampaignFromAListWithoutControlIsGross() throws Exception {
		Path list = file("list.csv", "customer_id\nt1\nt2\nt3\nt4\nt5\nt6\n");
		Run created = ok("campaign", "create", "--id", "gross", "--name", "Gross", "--start", "2026-03-01", "--end",
				"2026-03-31", "--cost", "40", "--margin", "0.5", "--target", "file:" + list);
		assertTrue(created.out().contains("control    none: ROI will be gross"), created.out());
		Run r = ok("roi", "--campaign", "gross", "--json");
		for (String expected : List.of("\"treatment_revenue\": 160.00,", "\"control_revenue\": null,",
				"\"incremental_revenue\": 160.00,", "\"roi\": 1.0000,", "\"has_control\": false,", "\"incremental\": false,",
				"\"note\": \"no control group: revenue and ROI are gross, not incremental\"", "\"origin\": \"created\",",
				"\"target\": \"file:" + list.toAbsolutePath() + "\"")) {
			assertTrue(r.out().contains(expected), expected + " in " + r.out());
		}
		assertTrue(ok("roi", "--campaign", "gross").out().contains("no control group: revenue and ROI are gross"));
	}

	@Test
	void aCampaignFromASegmentWithASeededControlGroupAndItsTargetList() throws Exception {
		String[] create = { "campaign", "create", "--id", "tiered", "--name", "Silver and gold", "--start", "2026-03-01",
				"--end", "2026-03-31", "--cost", "25.50", "--margin", "35%", "--target", "strategy:tiers=silver,gold",
				"--param", "target.levels=bronze:0,silver:100,gold:500", "--param", "target.windowDays=0", "--param",
				"control=40%", "--param", "seed=11", "--json" };
		Run r = ok(create);
		for (String expected : List.of("\"campaign\": \"tiered\",", "\"targeted\": 5,", "\"treatment_size\": 3,",
				"\"control_size\": 2,", "\"control_share\": 0.4,", "\"seed\": 11,", "\"margin\": 0.35,", "\"cost\": 25.50,",
				"\"as_of\": \"2026-03-01\",", "\"target\": \"strategy:tiers=silver,gold\",", "\"silver\": 3",
				"\"gold\": 2")) {
			assertTrue(r.out().contains(expected), expected + " in " + r.out());
		}
		create[3] = "tiered2";
		ok(create);

		Path treated = dir.resolve("lists/tiered.csv");
		Run export = ok("campaign", "export", "--id", "tiered", "--out", treated.toString());
		assertTrue(export.out().contains("3 treatment members of tiered written to " + treated), export.out());
		List<String> lines = Files.readAllLines(treated);
		assertEquals("customer_id,name,phone,province,city,group,segment", lines.get(0));
		assertEquals(4, lines.size());
		for (String line : lines.subList(1, 4)) {
			assertTrue(line.endsWith(",treatment,silver") || line.endsWith(",treatment,gold"), line);
		}
		// the same seed holds out the same customers
		Path c1 = dir.resolve("c1.csv");
		Path c2 = dir.resolve("c2.csv");
		ok("campaign", "export", "--id", "tiered", "--group", "control", "--out", c1.toString());
		ok("campaign", "export", "--id", "tiered2", "--group", "control", "--out", c2.toString());
		assertEquals(Files.readAllLines(c1), Files.readAllLines(c2));
		assertEquals(3, Files.readAllLines(c1).size());

		// masked unless --unmask, which says so on stderr; every export is in the audit trail
		Path all = dir.resolve("all.csv");
		Run unmasked = ok("campaign", "export", "--id", "tiered", "--group", "all", "--unmask", "--out", all.toString());
		assertTrue(unmasked.err().contains("5 rows with UNMASKED names, phones and addresses"), unmasked.err());
		String text = Files.readString(all);
		assertTrue(text.contains("t1,张三,13812345678,浙江,杭州,"), text);
		Path masked = dir.resolve("masked.csv");
		ok("campaign", "export", "--id", "tiered", "--group", "all", "--out", masked.toString());
		String maskedText = Files.readString(masked);
		assertTrue(maskedText.contains("t1,张*,138****5678,浙江,杭州,"), maskedText);
		assertTrue(maskedText.contains("k1,王*,137****1111,浙江,宁波,"), maskedText);
		Path xlsx = dir.resolve("tiered.xlsx");
		Run x = ok("campaign", "export", "--id", "tiered", "--out", xlsx.toString(), "--json");
		assertTrue(x.out().contains("\"format\": \"xlsx\","), x.out());
		assertTrue(Files.size(xlsx) > 0);

		Run show = ok("campaign", "show", "--id", "tiered", "--json");
		assertTrue(show.out().contains("\"action\": \"campaign-create\""), show.out());
		assertEquals(5, show.out().split("\"action\": \"target-list-export\"", -1).length - 1, show.out());
		assertTrue(show.out().contains("\"masked\": false"), show.out());
		assertTrue(show.out().contains("\"file\": \"" + all + "\""), show.out());
		assertTrue(ok("campaign", "show", "--id", "tiered").out().contains("(UNMASKED)"));
		// the whole audit log, and one subject's entries, as the workbench's reveals are read back
		Run audit = ok("workspace", "audit", "--json");
		assertEquals(6, audit.out().split("\"action\": \"target-list-export\"", -1).length - 1, audit.out());
		assertTrue(audit.out().contains("\"subject\": \"tiered2\""), audit.out());
		Run one = ok("workspace", "audit", "--subject", "tiered", "--json");
		assertEquals(5, one.out().split("\"action\": \"target-list-export\"", -1).length - 1, one.out());
		assertFalse(one.out().contains("\"subject\": \"tiered2\""), one.out());
		assertTrue(ok("workspace", "audit", "--subject", "tiered").out().contains("target-list-export"));
		assertTrue(ok("workspace", "audit", "--subject", "nobody").out().contains("no entry about nobody"));

		Run list = ok("campaign", "list", "--json");
		for (String id : List.of("march", "hollow", "tiered", "tiered2")) {
			assertTrue(list.out().contains("\"campaign\": \"" + id + "\""), list.out());
		}
		assertTrue(ok("campaign", "list").out().contains("tiered2"));
	}

	@Test
	void aCombinedTargetWithABehaviourPart() throws Exception {
		// as of March 12: t5's order of March 10 is unpaid (its refund of March 11 is no payment); gold
		// (500 or more, all history) is t1 (700.00) and t5 (700.00)
		Run r = ok("campaign", "create", "--id", "mixed", "--name", "Unpaid or gold", "--start", "2026-03-12", "--end",
				"2026-03-18", "--cost", "5", "--target", "unpaid:48h | tier:gold", "--param",
				"target.tiers.levels=bronze:0,silver:100,gold:500", "--param", "target.tiers.windowDays=0", "--json");
		for (String expected : List.of("\"targeted\": 2,", "\"target\": \"unpaid:48h | tier:gold\",",
				"\"unpaid;gold\": 1", "\"gold\": 1", "\"tiers.levels\": \"bronze:0,silver:100,gold:500\"")) {
			assertTrue(r.out().contains(expected), expected + " in " + r.out());
		}
		String[] base = { "campaign", "create", "--id", "k", "--name", "K", "--start", "2026-03-12", "--end",
				"2026-03-31", "--cost", "10" };
		bad("target 'unpaid & (tag:x': position 10: the '(' is not closed", concat(base, "--target", "unpaid & (tag:x"));
		bad("target 'unpaid:48h | tier:gold': position 14 (tier:gold): ", concat(base, "--target",
				"unpaid:48h | tier:gold", "--param", "target.tiers.levels=gold"));
		bad("parameter 'target.levels': names no part of the target", concat(base, "--target", "unpaid | tier:gold",
				"--param", "target.levels=bronze:0"));
		bad("the target unpaid:24h as of 2026-03-12 (unpaid orders in the 24 hours before, not paid since)"
				+ " selects no customer", concat(base, "--target", "unpaid:24h"));
	}

	@Test
	void badInputExitsWithTwoNamingIt() throws Exception {
		String[] base = { "campaign", "create", "--id", "k", "--name", "K", "--start", "2026-03-01", "--end",
				"2026-03-31", "--cost", "10" };
		bad("the end 2026-02-01 is before the start 2026-03-01", "campaign", "create", "--id", "k", "--name", "K",
				"--start", "2026-03-01", "--end", "2026-02-01", "--cost", "10", "--target", "tier=gold");
		bad("selects no customer: a campaign needs members", concat(base, "--target", "tiers=gold", "--param",
				"target.levels=bronze:0,silver:100,gold:500", "--as-of", "2025-01-01"));
		bad("campaign 'hollow' has no members", "roi", "--campaign", "hollow");
		bad("the control group of 10 customers is larger than the target segment of 2", concat(base, "--target",
				"tiers=gold", "--param", "target.levels=bronze:0,silver:100,gold:500", "--param", "target.windowDays=0",
				"--param", "controlSize=10"));
		bad("no campaign 'nope' in the workspace", "roi", "--campaign", "nope");
		bad("no campaign 'nope' in the workspace", "campaign", "export", "--id", "nope", "--out",
				dir.resolve("n.csv").toString());
		bad("no customer carries the tag 'vip-care' (tags: none;", concat(base, "--target", "tag:vip-care"));
		bad("tiers has no label 'platinum' (its labels: regular, senior, vip, supreme)",
				concat(base, "--target", "strategy:tiers=platinum"));
		bad("parameter 'contrl': unknown", concat(base, "--target", "tiers=vip", "--param", "contrl=20%"));
		bad("parameter 'target.levelz': unknown", concat(base, "--target", "tiers=vip", "--param", "target.levelz=1"));
		bad("parameter 'control': 1.50 is above the maximum 1", concat(base, "--target", "tiers=vip", "--param",
				"control=150%"));
		bad("campaign 'march' exists already", "campaign", "create", "--id", "march", "--name", "K", "--start",
				"2026-03-01", "--end", "2026-03-31", "--cost", "10", "--target", "tiers=vip");
		bad("--start '2026-3-1' is not an ISO date", "campaign", "create", "--id", "k", "--name", "K", "--start",
				"2026-3-1", "--end", "2026-03-31", "--cost", "10", "--target", "tiers=vip");
		bad("--cost -5 is not an amount of zero or more", "campaign", "create", "--id", "k", "--name", "K", "--start",
				"2026-03-01", "--end", "2026-03-31", "--cost", "-5", "--target", "tiers=vip");
		bad("--margin 1.2 is not a ratio between 0 and 1", concat(base, "--margin", "1.2", "--target", "tiers=vip"));
		bad("missing --target", base);
		bad("must be a .csv or an .xlsx file", "campaign", "export", "--id", "march", "--out", "list.txt");
		bad("group 'everyone' is not treatment, control or all", "campaign", "export", "--id", "march", "--group",
				"everyone", "--out", dir.resolve("e.csv").toString());
		bad("parameter 'breakdown': '", "roi", "--campaign", "march", "--param", "breakdown=nonsense");
		bad("unknown campaign command 'delete'", "campaign", "delete", "--id", "march");
		// nothing was stored by any of these
		Run list = ok("campaign", "list", "--json");
		assertEquals(2, list.out().split("\"campaign\":", -1).length - 1, list.out());
		assertFalse(Files.exists(dir.resolve("n.csv")));
	}

	@Test
	void manualTagsImportedAddedRemovedCountedAndTargeted() throws Exception {
		Path tags = file("tags.csv", "customer_id,tags\nt1,vip-care;wechat\nk1,vip-care\nt2,two words\nt3,wechat\n");
		Run imported = ok("tags", "import", "--file", tags.toString(), "--json");
		assertTrue(imported.out().contains("\"kind\": \"tags\","), imported.out());
		assertTrue(imported.out().contains("\"imported\": 3,"), imported.out());
		assertTrue(imported.out().contains("\"rejected\": 1,"), imported.out());
		Path rejects = Path.of(imported.out().replaceAll("(?s).*\"rejects_file\": \"([^\"]+)\".*", "$1"));
		assertEquals(List.of("line,field,reason,raw,reason_zh",
				"4,tags,\"tag 'two words' is not one word (no spaces, ; , or quotes)\",\"t2,two words\","
						+ "\"标签 'two words' 不是一个词（不能含空格、;、, 或引号）\""),
				Files.readAllLines(rejects));
		Run again = ok("tags", "import", "--file", tags.toString());
		assertTrue(again.out().contains("read 4, imported 0, unchanged 3, rejected 1"), again.out());

		ok("tags", "add", "--customer", "t4", "--tag", "vip-care");
		assertTrue(ok("tags", "add", "--customer", "t4", "--tag", "vip-care").out().contains("already had"));
		Run removed = ok("tags", "remove", "--customer", "t3", "--tag", "wechat", "--json");
		assertTrue(removed.out().contains("\"removed\": true,"), removed.out());
		bad("tag 'a;b' is not one word", "tags", "add", "--customer", "t4", "--tag", "a;b");

		Run list = ok("tags", "list", "--json");
		assertTrue(list.out().contains("\"vip-care\": 3,"), list.out());
		assertTrue(list.out().contains("\"wechat\": 1"), list.out());
		assertTrue(list.out().contains("\"assignments\": 4"), list.out());
		assertTrue(ok("workspace", "info", "--json").out().contains("\"tags\": 4"));

		// a campaign's target reads them
		Run created = ok("campaign", "create", "--id", "care", "--name", "VIP care", "--start", "2026-03-01", "--end",
				"2026-03-31", "--cost", "0", "--target", "tag:vip-care", "--json");
		assertTrue(created.out().contains("\"targeted\": 3,"), created.out());
		Run roi = ok("roi", "--campaign", "care", "--param", "breakdown=target", "--json");
		assertTrue(roi.out().contains("\"roi\": null,"), "no cost, no ROI: " + roi.out());
		assertTrue(roi.out().contains("\"segment\": \"vip-care\""), roi.out());
	}

	private static String[] concat(String[] a, String... b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
