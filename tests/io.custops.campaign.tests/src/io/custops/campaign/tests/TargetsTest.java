package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.campaign.Target;
import io.custops.campaign.Targets;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.FunnelAnalysis;
import io.custops.store.Workspace;

/** Every kind of target over the shop's data, and each way a target can be wrong. */
class TargetsTest {

	private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
	private static final Map<String, String> LADDER = Map.of("levels", Shop.LADDER, "windowDays", "0");

	@TempDir
	static Path dir;
	static Workspace ws;
	static CustomerDataset data;
	static Analyses analyses;
	static FunnelAnalysis funnels;

	@BeforeAll
	static void open() throws Exception {
		ws = Shop.open(dir.resolve("ws"));
		data = ws.dataset();
		analyses = Shop.service(Analyses.class);
		funnels = Shop.service(FunnelAnalysis.class);
	}

	@AfterAll
	static void close() {
		ws.close();
	}

	private static Target resolve(String spec, Map<String, String> params) {
		return Targets.resolve(spec, params, data, MARCH_1, analyses, funnels, ProgressMonitor.NULL);
	}

	/** The selected customers as "id=segment", in dataset order. */
	private static List<String> members(Target t) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			out.add(data.customerId(t.customers()[i]) + "=" + t.segments()[i]);
		}
		out.sort(null);
		return out;
	}

	@Test
	void aSegmentOfAStrategyWithItsParameters() {
		Target t = resolve("strategy:tiers=silver,gold", LADDER);
		assertEquals(List.of("k1=silver", "t1=gold", "t2=silver", "t3=silver", "t5=gold"), members(t));
		assertEquals(Shop.LADDER, t.parameters().get("levels"));
		assertEquals("strategy:tiers=silver,gold as of 2026-03-01", t.description());
		for (int i = 1; i < t.size(); i++) {
			assertTrue(t.customers()[i - 1] < t.customers()[i], "ascending indexes");
		}
		assertEquals(members(t), members(resolve("tier=silver, gold", LADDER)), "the alias, spaces around labels");
		assertEquals(members(t), members(resolve("tiers=Silver,GOLD", LADDER)), "labels in any case");
		// as of a later day the ladder sees March's orders too: k1 (220.00) stays silver, t4 (79.99) bronze
		Target april = Targets.resolve("tiers=bronze", LADDER, data, LocalDate.of(2026, 4, 1), analyses, funnels, null);
		assertEquals(List.of("k2=bronze", "k3=bronze", "t4=bronze", "t6=bronze"), members(april));
	}

	@Test
	void theIdColonLabelsShorthandAndCombinations() {
		assertEquals(members(resolve("strategy:tiers=silver,gold", LADDER)), members(resolve("tier:silver,gold", LADDER)));
		assertEquals("tier:silver,gold", resolve("tier:silver,gold", LADDER).spec());
		// in a combination each parameter names its part: gold {t1, t5} or the tag complaint {k1}
		Map<String, String> scoped = Map.of("tiers.levels", Shop.LADDER, "tiers.windowDays", "0");
		Target either = resolve("tier:gold | tag:complaint", scoped);
		assertEquals(List.of("k1=complaint", "t1=gold", "t5=gold"), members(either));
		assertEquals(Shop.LADDER, either.parameters().get("tiers.levels"));
		// silver {k1, t2, t3} and vip-care {t1, k1}
		assertEquals(List.of("k1=silver;vip-care"), members(resolve("tier:silver & tag:vip-care", scoped)));
		assertEquals(List.of("k1=silver;vip-care"), members(resolve("tier=silver&tag:vip-care",
				Map.of("tier.levels", Shop.LADDER, "tier.windowDays", "0"))), "the alias as written names the part too");
		assertEquals("target.tiers.levels", assertThrows(ParameterException.class,
				() -> resolve("tier:gold | tag:complaint", Map.of("tiers.levels", "gold"))).key());
		assertEquals("target 'tag:complaint | tier:platinum': position 17 (tier:platinum): tiers has no label"
				+ " 'platinum' (its labels: bronze, silver, gold)", assertThrows(AnalysisInputException.class,
						() -> resolve("tag:complaint | tier:platinum", scoped)).getMessage());
	}

	@Test
	void aLabelByItsChineseText() {
		// the default ladder: regular 0, senior 100, vip 300, supreme 1000 over the trailing 365 days
		Target t = resolve("strategy:tiers=VIP会员", Map.of());
		assertEquals(List.of("t1=vip", "t5=vip"), members(t));
	}

	@Test
	void manualTags() {
		assertEquals(List.of("k1=vip-care", "t1=vip-care"), members(resolve("tag:vip-care", Map.of())));
		assertEquals(List.of("k1=complaint;vip-care", "t1=vip-care"),
				members(resolve("tag:complaint,vip-care", Map.of())));
	}

	@Test
	void aFunnelDropOffCountsEventsBeforeTheDate() {
		// t1 ordered on March 2: as of March 1 it has not
		assertEquals(List.of("t1=dropped@3:order"), members(resolve("funnel:view,cart,order@3", Map.of())));
		assertEquals(List.of("t3=dropped@2:cart"), members(resolve("funnel:view,cart,order@2", Map.of())));
		Target before = Targets.resolve("funnel:view,cart,order@3", Map.of("to", "2026-02-02"), data, MARCH_1,
				analyses, funnels, null);
		assertEquals(List.of("t1=dropped@3:order"), members(before), "t2's events on February 2 are not counted");
		assertEquals(List.of("t3=dropped@2:cart"), members(Targets.resolve("funnel:view,cart,order@2",
				Map.of("from", "2026-02-02"), data, MARCH_1, analyses, funnels, null)));
		assertEquals("target.breakdown", assertThrows(ParameterException.class,
				() -> resolve("funnel:view,cart,order@2", Map.of("breakdown", "channel"))).key());
		assertEquals("target.window", assertThrows(ParameterException.class,
				() -> resolve("funnel:view,cart,order@2", Map.of("window", "soon"))).key());
	}

	@Test
	void aListFile() throws Exception {
		Path list = dir.resolve("list.csv");
		Files.write(list, ("\uFEFFCustomer_ID,segment\r\nt2,winback\r\n\"t1\",\r\n\r\nt2,again\r\n")
				.getBytes(StandardCharsets.UTF_8));
		Target t = resolve("file:" + list, Map.of());
		assertEquals(List.of("t1=null", "t2=winback"), members(t), "a customer listed twice is taken once");
		assertEquals("file:" + list.toAbsolutePath(), t.spec());

		Path other = dir.resolve("other.csv");
		Files.writeString(other, "id;note\nk1;x\n");
		assertEquals(List.of("k1=null"),
				members(resolve("file:" + other, Map.of("column", "id", "delimiter", "semicolon"))));
	}

	@Test
	void badTargetsSayWhatIsWrong() throws Exception {
		assertEquals("target 'strategy:tiers=platinum': tiers has no label 'platinum' (its labels: bronze, silver, gold)",
				assertThrows(AnalysisInputException.class, () -> resolve("strategy:tiers=platinum", LADDER)).getMessage());
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("strategy:nope=x", Map.of())).getMessage()
				.startsWith("target 'strategy:nope=x': "));
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("rfm", Map.of())).getMessage()
				.contains("is none of strategy:ID=LABEL"));
		assertEquals("target.levelz", assertThrows(ParameterException.class,
				() -> resolve("tiers=gold", Map.of("levelz", "x"))).key());
		assertEquals("target.levels", assertThrows(ParameterException.class,
				() -> resolve("tiers=gold", Map.of("levels", "gold"))).key());
		assertEquals("target 'tag:gold-card': no customer carries the tag 'gold-card' (tags: complaint, vip-care)",
				assertThrows(AnalysisInputException.class, () -> resolve("tag:gold-card", Map.of())).getMessage());
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("funnel:view,cart@3", Map.of()))
				.getMessage().contains("step 3 is not a step 2 … 2"));
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("funnel:view,cart", Map.of()))
				.getMessage().contains("write funnel:STEP,STEP,…@K"));
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("funnel:view,checkout@2", Map.of()))
				.getMessage().contains("checkout"));
		assertEquals("the target tiers=gold as of 2025-01-01 selects no customer: a campaign needs members",
				assertThrows(AnalysisInputException.class, () -> Targets.resolve("tiers=gold", LADDER, data,
						LocalDate.of(2025, 1, 1), analyses, funnels, null)).getMessage());

		Path unknown = dir.resolve("unknown.csv");
		Files.writeString(unknown, "customer_id\nt1\nzz\nt2\nyy\n");
		assertEquals(unknown + ": 2 customer_ids are not customers of the workspace (line 3: zz; line 5: yy);"
				+ " import them as customers first",
				assertThrows(AnalysisInputException.class, () -> resolve("file:" + unknown, Map.of())).getMessage());
		Path noColumn = dir.resolve("nocolumn.csv");
		Files.writeString(noColumn, "id\nt1\n");
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("file:" + noColumn, Map.of()))
				.getMessage().contains("no column 'customer_id' in the header [id]; name the column with --param"
						+ " target.column=NAME"));
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("file:" + dir.resolve("absent.csv"),
				Map.of())).getMessage().endsWith("absent.csv: no such file"));
		Path gbk = dir.resolve("gbk.csv");
		Files.write(gbk, "customer_id,segment\nt1,高价值\n".getBytes("GBK"));
		assertTrue(assertThrows(AnalysisInputException.class, () -> resolve("file:" + gbk, Map.of())).getMessage()
				.contains("not valid UTF-8 text; name the encoding with --param target.encoding=GBK"));
		assertEquals(List.of("t1=高价值"), members(resolve("file:" + gbk, Map.of("encoding", "GBK"))));
		assertEquals("target.sheet", assertThrows(ParameterException.class,
				() -> resolve("file:" + gbk, Map.of("sheet", "1"))).key());
		assertEquals("target.levels", assertThrows(ParameterException.class,
				() -> resolve("tag:vip-care", Map.of("levels", "1"))).key());
	}

	@Test
	void segmentOfLooksUpASelectedCustomer() {
		Target t = resolve("strategy:tiers=gold", LADDER);
		int[] expected = { data.indexOf("t1"), data.indexOf("t5") };
		java.util.Arrays.sort(expected);
		assertArrayEquals(expected, t.customers());
		assertEquals("gold", t.segmentOf(data.indexOf("t5")));
		assertEquals(null, t.segmentOf(data.indexOf("t2")));
	}
}
