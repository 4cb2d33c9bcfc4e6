package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.campaign.CampaignCreator;
import io.custops.campaign.CampaignLoader;
import io.custops.campaign.CampaignRois;
import io.custops.campaign.LoadedCampaign;
import io.custops.campaign.Target;
import io.custops.campaign.TargetListExport;
import io.custops.campaign.Targets;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.CampaignRoi;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.RoiResult;
import io.custops.store.AuditEntry;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignMember.Group;
import io.custops.store.CampaignRecord;
import io.custops.store.Workspace;

/** Creating, loading, measuring and exporting campaigns over the shop (see {@link Shop}). */
class CampaignsTest {

	private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
	private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

	@TempDir
	Path dir;
	Workspace ws;
	CustomerDataset data;

	@BeforeEach
	void open() throws Exception {
		ws = Shop.open(dir.resolve("ws"));
		data = ws.dataset();
	}

	@AfterEach
	void close() {
		ws.close();
	}

	private CampaignCreator.Draft draft(String id) {
		return new CampaignCreator.Draft(id, "Spring", MARCH_1, MARCH_31, new BigDecimal("40.00"), new BigDecimal("0.5"),
				null, MARCH_1);
	}

	/** The worked example's campaign, stored with the tier each member was in at March 1 (k3 without one). */
	private void storeExample() throws Exception {
		List<CampaignMember> members = List.of(new CampaignMember("t1", Group.TREATMENT, "gold"),
				new CampaignMember("t2", Group.TREATMENT, "silver"), new CampaignMember("t3", Group.TREATMENT, "silver"),
				new CampaignMember("t4", Group.TREATMENT, "bronze"), new CampaignMember("t5", Group.TREATMENT, "gold"),
				new CampaignMember("t6", Group.TREATMENT, "bronze"), new CampaignMember("k1", Group.CONTROL, "silver"),
				new CampaignMember("k2", Group.CONTROL, "bronze"), new CampaignMember("k3", Group.CONTROL, null));
		ws.campaigns().create(CampaignRecord.toCreate("march", "March", MARCH_1, MARCH_31, new BigDecimal("40.00"),
				new BigDecimal("0.5"), null, "tiers=bronze,silver,gold", Map.of(), MARCH_1, null, null), members);
	}

	@Test
	void theLoaderMakesTheEnginesCampaignWithSegmentsBesideTheirMembers() throws Exception {
		storeExample();
		LoadedCampaign c = CampaignLoader.load(ws.campaigns(), "march", data);
		assertEquals(6, c.campaign().treatment().length);
		assertEquals(3, c.campaign().control().length);
		for (int i = 0; i < 6; i++) {
			int member = c.campaign().treatment()[i];
			assertTrue(i == 0 || c.campaign().treatment()[i - 1] < member, "ascending");
			String expected = switch (data.customerId(member)) {
			case "t1", "t5" -> "gold";
			case "t2", "t3" -> "silver";
			default -> "bronze";
			};
			assertEquals(expected, c.treatmentSegments()[i], data.customerId(member));
		}
		assertEquals(new BigDecimal("0.5"), c.campaign().margin());
		assertTrue(c.hasSegments());
	}

	@Test
	void roiOfTheWorkedExampleAndByTheRecordedSegments() throws Exception {
		storeExample();
		CampaignRoi roi = Shop.service(CampaignRoi.class);
		LoadedCampaign c = CampaignLoader.load(ws.campaigns(), "march", data);
		RoiResult total = CampaignRois.run(roi, data, c, Map.of(), ProgressMonitor.NULL);
		assertEquals(new BigDecimal("160.00"), total.total().treatmentRevenue());
		assertEquals(new BigDecimal("20.00"), total.total().controlRevenue());
		assertEquals(new BigDecimal("120.00"), total.total().incrementalRevenue());
		assertEquals(new BigDecimal("0.5000"), total.total().roi());
		assertNull(total.breakdownBy());

		RoiResult by = CampaignRois.run(roi, data, c, Map.of("breakdown", "target"), ProgressMonitor.NULL);
		assertEquals(total.total(), by.total());
		assertEquals("target", by.breakdownBy());
		assertEquals(List.of("bronze", "gold", "silver", "(none)"), by.segments().stream().map(RoiResult.Segment::segment)
				.toList());
		RoiResult.Figures bronze = by.segments().get(0).figures();
		assertEquals(2, bronze.treatmentSize());
		assertEquals(1, bronze.controlSize());
		assertEquals(new BigDecimal("29.99"), bronze.treatmentRevenue());
		assertEquals(new BigDecimal("0.00"), bronze.controlRevenue());
		assertEquals(new BigDecimal("29.99"), bronze.incrementalRevenue());
		assertEquals(new BigDecimal("13.33"), bronze.cost());
		assertEquals(new BigDecimal("1.66"), bronze.netReturn());
		assertEquals(new BigDecimal("0.1246"), bronze.roi(), "(14.995 − 40/3) / (40/3) = 0.124625");
		assertEquals(new BigDecimal("0.5000"), bronze.uplift());
		assertNull(bronze.relativeUplift(), "the control rate is 0");
		RoiResult.Figures gold = by.segments().get(1).figures();
		assertFalse(gold.incremental(), "no gold member was held out: gross");
		assertEquals(new BigDecimal("100.00"), gold.incrementalRevenue());
		assertEquals(new BigDecimal("2.7500"), gold.roi());
		assertEquals(new BigDecimal("0.5000"), gold.treatmentResponseRate());
		RoiResult.Figures silver = by.segments().get(2).figures();
		assertEquals(new BigDecimal("-9.99"), silver.incrementalRevenue(), "(30.01/2 − 20.00/1) × 2");
		assertEquals(new BigDecimal("-1.3746"), silver.roi());
		assertEquals(new BigDecimal("0.0000"), silver.uplift());
		RoiResult.Figures none = by.segments().get(3).figures();
		assertEquals(0, none.treatmentSize());
		assertEquals(1, none.controlSize());
		assertEquals(new BigDecimal("0.00"), none.controlRevenue());
		assertEquals(new BigDecimal("0.0000"), none.controlResponseRate());
		assertEquals(new BigDecimal("0.00"), none.cost());
		assertNull(none.roi());
		assertNull(none.treatmentResponseRate());
		// the shares of the cost add up to the cost
		assertEquals(0, by.segments().stream().map(s -> s.figures().cost()).reduce(BigDecimal.ZERO, BigDecimal::add)
				.compareTo(new BigDecimal("39.99")), "13.33 × 3, each rounded once");
		assertEquals("target", by.toJson().get("by_segment") instanceof Map<?, ?> m ? m.get("by") : null);

		// any other breakdown is the engine's, as of the start
		RoiResult byTier = CampaignRois.run(roi, data, c, Map.of("breakdown", "tiers", "breakdown.levels", Shop.LADDER,
				"breakdown.windowDays", "0"), ProgressMonitor.NULL);
		assertEquals(List.of("bronze", "silver", "gold"), byTier.segments().stream().map(RoiResult.Segment::segment)
				.toList());
		assertEquals("breakdown.levels", assertThrows(io.custops.core.param.ParameterException.class,
				() -> CampaignRois.run(roi, data, c, Map.of("breakdown", "target", "breakdown.levels", "x"),
						ProgressMonitor.NULL)).key());
	}

	@Test
	void aCampaignFromATargetWithASeededControlGroup() throws Exception {
		Analyses analyses = Shop.service(Analyses.class);
		FunnelAnalysis funnels = Shop.service(FunnelAnalysis.class);
		Target target = Targets.resolve("tiers=bronze,silver,gold", Map.of("levels", Shop.LADDER, "windowDays", "0"),
				data, MARCH_1, analyses, funnels, null);
		assertEquals(9, target.size());
		CampaignCreator.Created a = CampaignCreator.create(ws.campaigns(), data, draft("a"), target,
				new CampaignCreator.Control(new BigDecimal("0.3"), null, 7L));
		CampaignCreator.Created b = CampaignCreator.create(ws.campaigns(), data, draft("b"), target,
				new CampaignCreator.Control(null, 3, 7L));
		assertEquals(3, a.control().length, "round(9 × 0.3) = 3");
		assertArrayEquals(a.control(), b.control(), "the same customers, size and seed: the same split");
		assertEquals(7L, a.record().seed());
		assertEquals(new BigDecimal("0.3"), a.record().controlShare());
		assertEquals(new BigDecimal("0.3333"), b.record().controlShare());
		assertEquals("tiers=bronze,silver,gold", a.record().target());
		assertEquals(Map.of("levels", Shop.LADDER, "windowDays", "0", "basis", "spend"), a.record().targetParameters(),
				"the parameters as resolved, defaults included");
		assertEquals(MARCH_1, a.record().asOf());
		List<CampaignMember> members = ws.campaigns().members("a");
		assertEquals(9, members.size());
		for (CampaignMember m : members) {
			assertEquals(target.segmentOf(data.indexOf(m.customerId())), m.segment(), m.customerId());
			boolean held = java.util.Arrays.stream(a.control()).anyMatch(c -> data.customerId(c).equals(m.customerId()));
			assertEquals(held ? Group.CONTROL : Group.TREATMENT, m.group());
		}
		// a fresh seed is drawn and recorded when none is given
		CampaignCreator.Created fresh = CampaignCreator.create(ws.campaigns(), data, draft("c"), target,
				new CampaignCreator.Control(new BigDecimal("0.2"), null, null));
		assertEquals(2, fresh.control().length, "round(9 × 0.2) = 2");
		assertTrue(fresh.record().seed() != null);
		CampaignCreator.Created none = CampaignCreator.create(ws.campaigns(), data, draft("d"), target,
				CampaignCreator.Control.none());
		assertEquals(0, none.record().controlSize());
		assertNull(none.record().seed());
		assertNull(none.record().controlShare());

		assertEquals("campaign 'a' exists already in the workspace", assertThrows(AnalysisInputException.class,
				() -> CampaignCreator.create(ws.campaigns(), data, draft("a"), target, CampaignCreator.Control.none()))
				.getMessage());
		assertEquals("the control group of 10 customers is larger than the target segment of 9",
				assertThrows(AnalysisInputException.class, () -> CampaignCreator.create(ws.campaigns(), data,
						draft("e"), target, new CampaignCreator.Control(null, 10, 1L))).getMessage());
		assertTrue(assertThrows(AnalysisInputException.class, () -> CampaignCreator.create(ws.campaigns(), data,
				draft("e"), target, new CampaignCreator.Control(BigDecimal.ONE, null, 1L))).getMessage()
				.contains("takes the whole target segment"));
		CampaignCreator.Draft backwards = new CampaignCreator.Draft("e", "E", MARCH_31, MARCH_1, BigDecimal.ONE,
				BigDecimal.ONE, null, MARCH_1);
		assertEquals("campaign 'e': the end 2026-03-01 is before the start 2026-03-31", assertThrows(
				AnalysisInputException.class, () -> CampaignCreator.check(ws.campaigns(), backwards)).getMessage());
		assertTrue(ws.campaigns().get("e").isEmpty(), "nothing stored by the failed attempts");
		assertEquals(4, ws.campaigns().list().size());
	}

	@Test
	void loadingBadCampaignsSaysWhy() throws Exception {
		assertEquals("no campaign 'nope' in the workspace (it holds none; ./custops campaign create or import --kind"
				+ " campaigns)", assertThrows(AnalysisInputException.class,
						() -> CampaignLoader.load(ws.campaigns(), "nope", data)).getMessage());
		Shop.load(ws, FactKind.CAMPAIGNS, "campaign_id|name|start|end|cost", "empty|Empty|2026-03-01|2026-03-31|5",
				"strangers|Strangers|2026-03-01|2026-03-31|5", "held|All held out|2026-03-01|2026-03-31|5");
		Shop.load(ws, FactKind.CAMPAIGN_MEMBERS, "campaign_id|customer_id|group", "strangers|t1|treatment",
				"strangers|x1|treatment", "strangers|x2|control", "held|t1|control");
		assertTrue(assertThrows(AnalysisInputException.class, () -> CampaignLoader.load(ws.campaigns(), "nope", data))
				.getMessage().contains("(campaigns: empty, held, strangers)"));
		assertTrue(assertThrows(AnalysisInputException.class, () -> CampaignLoader.load(ws.campaigns(), "empty", data))
				.getMessage().startsWith("campaign 'empty' has no members"));
		assertTrue(assertThrows(AnalysisInputException.class,
				() -> CampaignLoader.load(ws.campaigns(), "strangers", data)).getMessage()
				.startsWith("campaign 'strangers': 2 members are not customers of the workspace (x1, x2)"));
		assertEquals("campaign 'held' has no members in its treatment group", assertThrows(
				AnalysisInputException.class, () -> CampaignLoader.load(ws.campaigns(), "held", data)).getMessage());
	}

	@Test
	void targetListsAreMaskedUnlessAskedAndEveryExportIsRecorded() throws Exception {
		storeExample();
		Path csv = dir.resolve("out/march.csv");
		TargetListExport.Result masked = TargetListExport.write(ws, data, "march", csv, TargetListExport.Groups.TREATMENT,
				false);
		assertEquals(6, masked.rows());
		assertTrue(masked.masked());
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals(List.of("customer_id,name,phone,province,city,address,group,segment",
				"t1,张*,138****5678,浙江,杭州,浙江省杭州市****,treatment,gold",
				"t2,欧***,+86****1111,上海,上海,,treatment,silver",
				"t3,A** ***,****78,广东,深圳,广东省深圳市****,treatment,silver",
				"t4,,,,,,treatment,bronze", "t5,,,,,,treatment,gold", "t6,,,,,,treatment,bronze"), lines);
		assertTrue(Files.readString(csv).contains("\r\n"), "CRLF line ends");

		Path xlsx = dir.resolve("out/march.xlsx");
		TargetListExport.Result clear = TargetListExport.write(ws, data, "march", xlsx, TargetListExport.Groups.ALL,
				true);
		assertEquals(9, clear.rows());
		assertFalse(clear.masked());
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Sheet sheet = book.getSheetAt(0);
			assertEquals("march", sheet.getSheetName());
			assertEquals(9, sheet.getLastRowNum(), "a header and nine members");
			assertEquals(List.of("customer_id", "name", "phone", "province", "city", "address", "group", "segment"),
					cells(sheet.getRow(0)));
			assertEquals(List.of("k1", "王", "13700001111", "浙江", "宁波", "", "control", "silver"), cells(sheet.getRow(1)));
			assertEquals(List.of("t1", "张三", "13812345678", "浙江", "杭州", "浙江省杭州市西湖区文三路100号", "treatment",
					"gold"), cells(sheet.getRow(4)));
			assertEquals(CellType.STRING, sheet.getRow(1).getCell(2).getCellType(), "phones are text, not numbers");
		}

		TargetListExport.write(ws, data, "march", dir.resolve("control.csv"), TargetListExport.Groups.CONTROL, false);
		assertEquals(List.of("customer_id,name,phone,province,city,address,group,segment",
				"k1,*,137****1111,浙江,宁波,,control,silver", "k2,,,,,,control,bronze", "k3,,,,,,control,"),
				Files.readAllLines(dir.resolve("control.csv")));

		List<AuditEntry> audit = ws.audit().entries("march");
		assertEquals(List.of("campaign-create", "target-list-export", "target-list-export", "target-list-export"),
				audit.stream().map(AuditEntry::action).toList());
		assertEquals(csv.toString(), audit.get(1).file());
		assertEquals(Boolean.TRUE, audit.get(1).masked());
		assertEquals(6L, audit.get(1).rows());
		assertEquals(Map.of("format", "csv", "group", "treatment", "columns",
				"customer_id,name,phone,province,city,address,group,segment"), audit.get(1).details());
		assertEquals(Boolean.FALSE, audit.get(2).masked());
		assertEquals("xlsx", audit.get(2).details().get("format"));
		assertEquals(System.getProperty("user.name"), audit.get(2).user());
	}

	@Test
	void badExportsWriteNothing() throws Exception {
		storeExample();
		Shop.load(ws, FactKind.CAMPAIGNS, "campaign_id|name|start|end|cost", "empty|Empty|2026-03-01|2026-03-31|5");
		ws.campaigns().create(CampaignRecord.toCreate("nocontrol", "N", MARCH_1, MARCH_31, BigDecimal.ONE,
				BigDecimal.ONE, null, "tag:vip-care", Map.of(), MARCH_1, null, null),
				List.of(new CampaignMember("t1", Group.TREATMENT, "vip-care")));
		Path out = dir.resolve("x.csv");
		assertEquals("the target list " + dir.resolve("x.txt") + " must be a .csv or an .xlsx file",
				assertThrows(AnalysisInputException.class, () -> TargetListExport.write(ws, data, "march",
						dir.resolve("x.txt"), TargetListExport.Groups.ALL, false)).getMessage());
		assertEquals("no campaign 'nope' in the workspace", assertThrows(AnalysisInputException.class,
				() -> TargetListExport.write(ws, data, "nope", out, TargetListExport.Groups.ALL, false)).getMessage());
		assertEquals("campaign 'empty' has no members", assertThrows(AnalysisInputException.class,
				() -> TargetListExport.write(ws, data, "empty", out, TargetListExport.Groups.ALL, false)).getMessage());
		assertEquals("campaign 'nocontrol' has no control members (it has no control group)",
				assertThrows(AnalysisInputException.class, () -> TargetListExport.write(ws, data, "nocontrol", out,
						TargetListExport.Groups.CONTROL, false)).getMessage());
		assertFalse(Files.exists(out));
		try (var files = Files.list(dir)) {
			assertEquals(List.of("ws"), files.map(p -> p.getFileName().toString()).toList(), "no leftover part file");
		}
		assertEquals(List.of("campaign-create"), ws.audit().entries("march").stream().map(AuditEntry::action).toList());
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			Cell cell = row.getCell(i);
			values.add(cell == null ? "" : cell.getStringCellValue());
		}
		return values;
	}
}
