package io.custops.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;
import io.custops.engine.ConversionResult;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.RoiResult;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.TierConversion;
import io.custops.report.RenderedReport;
import io.custops.report.ReportFormat;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.WorkspaceReports;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * The roi, tier-conversion, behavior-path and clv templates rendered on a demo workspace through
 * the {@link WorkspaceReports} service (what {@code ./custops report} calls), their PDFs read back
 * with poppler and compared with the engine's own results for the same parameters, computed here
 * by the engine's services directly. Pages go to target/report-output/*.png to be looked at.
 */
class WorkspaceTemplatesTest {

	private static final Path OUT = Path.of(System.getProperty("user.dir"), "target", "report-output");
	private static final LocalDate TODAY = LocalDate.parse("2026-11-01");
	private static final Pattern BIRT_ERRORS = Pattern.compile("following items have errors|ReportDesign \\(id|Error\\.|ScriptException");
	private static final DecimalFormat MONEY = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
	private static final DecimalFormat COUNT = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));

	private static final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
	private static Workspace ws;
	private static CustomerDataset data;
	private static WorkspaceReports reports;

	@BeforeAll
	static void setUp() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(WorkspaceTemplatesTest.class).getBundleContext();
		for (String name : List.of("io.custops.connector.demo", "io.custops.segmentation.rfm", "io.custops.segmentation.tiers",
				"io.custops.lifecycle.bgnbd", "io.custops.report.templates", "io.custops.report.schedule")) {
			Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst()
					.orElseThrow(() -> new AssertionError(name + " is not installed")).start(Bundle.START_ACTIVATION_POLICY);
		}
		ServiceCatalog catalog = service(ServiceCatalog.class);
		for (String[] wanted : new String[][] { { "CONNECTOR", "demo" }, { "STRATEGY", "rfm" }, { "STRATEGY", "tiers" },
				{ "MODEL", "bgnbd" }, { "MODEL", "mbgnbd" }, { "TEMPLATE", "roi" }, { "TEMPLATE", "tier-conversion" }, { "TEMPLATE", "behavior-path" },
				{ "TEMPLATE", "clv" }, { "TEMPLATE", "cohorts" } }) {
			ServiceKind kind = ServiceKind.valueOf(wanted[0]);
			for (int i = 0; i < 200 && catalog.services(kind).stream().noneMatch(e -> e.id().equals(wanted[1])); i++) {
				Thread.sleep(50);
			}
			assertTrue(catalog.services(kind).stream().anyMatch(e -> e.id().equals(wanted[1])),
					wanted[0] + " " + wanted[1] + " is not in the service catalog: " + catalog.services(kind));
		}
		DataConnector demo = catalog.find(ServiceKind.CONNECTOR, DataConnector.class, "demo").orElseThrow();
		ws = service(WorkspaceManager.class).open(Files.createTempDirectory("custops-report-demo"));
		Map<String, String> params = Map.of("customers", "2000", "seed", "42", "end", TODAY.toString());
		for (FactKind kind : new FactKind[] { FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS, FactKind.CAMPAIGNS,
				FactKind.CAMPAIGN_MEMBERS }) {
			ws.importFacts(demo, kind, Optional.empty(), params, ProgressMonitor.NULL);
		}
		data = ws.dataset();
		reports = service(WorkspaceReports.class);
		Files.createDirectories(OUT);
	}

	@AfterAll
	static void tearDown() {
		trackers.forEach(ServiceTracker::close);
		if (ws != null) {
			ws.close();
		}
	}

	static <T> T service(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(WorkspaceTemplatesTest.class).getBundleContext(),
				type, null);
		tracker.open();
		trackers.add(tracker);
		T service = tracker.waitForService(20_000);
		assertNotNull(service, type.getName());
		return service;
	}

	private static RenderedReport render(String template, Map<String, String> params, String name) throws Exception {
		WorkspaceReports.Result result = reports.render(ws, template, params, OUT.resolve(name), TODAY, ProgressMonitor.NULL);
		RenderedReport report = result.report();
		System.out.printf("report %s: data %d ms, engine start %d ms, prepare %d ms, run %d ms, render %s ms%n", name,
				result.loadMillis(), report.engineStartMillis(), report.prepareMillis(), report.runMillis(), report.renderMillis());
		return report;
	}

	private static String pdfText(RenderedReport report, String name) throws Exception {
		Path pdf = report.file(ReportFormat.PDF);
		Poppler.pages(pdf, OUT.resolve(name));
		String text = Poppler.layoutText(pdf);
		Files.writeString(OUT.resolve(name + ".txt"), text);
		assertFalse(BIRT_ERRORS.matcher(text).find(), "BIRT error text in the PDF:\n" + text);
		return text;
	}

	private static void assertCharts(RenderedReport report, int expected) throws Exception {
		List<int[]> images = Poppler.images(report.file(ReportFormat.PDF));
		assertEquals(expected, images.size(), "chart images in the PDF");
		for (int[] size : images) {
			assertTrue(size[0] > 200 && size[1] > 100, "chart image of " + size[0] + "x" + size[1]);
		}
		Path html = report.files().get(ReportFormat.HTML);
		if (html != null) {
			String page = Files.readString(html, StandardCharsets.UTF_8);
			assertFalse(BIRT_ERRORS.matcher(page).find(), "BIRT error text in the HTML");
			Matcher img = Pattern.compile("<img[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
			int count = 0;
			while (img.find()) {
				assertTrue(img.group(1).length() > 2000, "an empty chart in the HTML");
				count++;
			}
			assertEquals(expected, count, "embedded chart images in the HTML");
		}
	}

	private static void find(String text, String regex) {
		assertTrue(Pattern.compile(regex).matcher(text).find(), "no match for " + regex + " in\n" + text);
	}

	private static String money(BigDecimal amount) {
		return Pattern.quote(MONEY.format(amount));
	}

	private static String count(long n) {
		return Pattern.quote(COUNT.format(n));
	}

	/** An interval of ratios as the roi report writes it: "[-12.50%, 40.00%]", "—" for none. */
	private static String ci(io.custops.engine.RoiStatistics.Interval interval) {
		if (interval == null) {
			return "—";
		}
		return "\\[" + Pattern.quote(interval.low().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%")
				+ ",\\s+" + Pattern.quote(interval.high().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%")
				+ "\\]";
	}

	/** A ratio (0.2500) as BIRT prints it with the pattern 0.00%: "25.00%". */
	private static String pct(BigDecimal ratio) {
		return ratio == null ? "" : Pattern.quote(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%");
	}

	private static String plain(BigDecimal value) {
		return Pattern.quote(MONEY.format(value));
	}

	// --- roi ---------------------------------------------------------------------------------------

	/** The campaigns as the test reads them from the workspace tables itself (not through the template's loader). */
	private static List<Campaign> campaigns() throws Exception {
		Map<String, List<Integer>> treatment = new HashMap<>();
		Map<String, List<Integer>> control = new HashMap<>();
		List<Campaign> campaigns = new ArrayList<>();
		try (Connection c = ws.connection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT campaign_id, customer_id, member_group FROM campaign_members")) {
				while (rs.next()) {
					(rs.getString(3).equals("control") ? control : treatment).computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
							.add(data.indexOf(rs.getString(2)));
				}
			}
			try (ResultSet rs = s.executeQuery("SELECT campaign_id, name, start_date, end_date, cost, margin FROM campaigns ORDER BY start_date, campaign_id")) {
				while (rs.next()) {
					String id = rs.getString(1);
					campaigns.add(new Campaign(id, rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
							rs.getBigDecimal(5), rs.getBigDecimal(6),
							treatment.getOrDefault(id, List.of()).stream().mapToInt(Integer::intValue).sorted().toArray(),
							control.getOrDefault(id, List.of()).stream().mapToInt(Integer::intValue).sorted().toArray()));
				}
			}
		}
		return campaigns;
	}

	@Test
	void roiPrintsTheEnginesFiguresPerCampaignSegmentAndOverall() throws Exception {
		RenderedReport report = render("roi", Map.of("format", "pdf,html,xlsx"), "roi-en");
		String text = pdfText(report, "roi-en");
		CampaignRoi roi = service(CampaignRoi.class);
		List<Campaign> campaigns = campaigns();
		assertTrue(campaigns.size() >= 8, "the demo shop has campaigns: " + campaigns.size());
		BigDecimal cost = BigDecimal.ZERO, incremental = BigDecimal.ZERO, profit = BigDecimal.ZERO;
		Map<String, String> segmentTexts = new HashMap<>();
		CustomerAnalysis rfm = service(Analyses.class).find("rfm");
		for (Label label : rfm.labels(io.custops.core.param.Parameters.resolve(rfm.parameters(), Map.of()))) {
			segmentTexts.put(label.id(), label.text(Locale.ENGLISH));
		}
		for (Campaign campaign : campaigns) {
			RoiResult r = roi.run(data, campaign, Map.of("breakdown", "segment"), ProgressMonitor.NULL);
			RoiResult.Figures f = r.total();
			String id = Pattern.quote(campaign.id());
			find(text, id + "\\s+" + campaign.start() + "\\s+–\\s+" + campaign.end() + "\\s+" + money(f.cost()) + "\\s+"
					+ money(f.treatmentRevenue()) + "\\s+" + money(f.incrementalRevenue()) + "\\s+" + pct(f.roi()));
			find(text, id + "\\s+[^\\n]+\\s+" + count(f.treatmentSize()) + "\\s+" + count(f.controlSize()) + "\\s+"
					+ pct(f.treatmentResponseRate()) + "\\s+" + pct(f.controlResponseRate()) + "\\s+" + pct(f.uplift()));
			// how sure: the intervals, the p-value and significance of roi --json, and its warnings word for word
			io.custops.engine.RoiStatistics.Result st = f.statistics();
			find(text, String.join("\\s+", java.util.stream.Stream.of(id, pct(f.uplift()), ci(st.uplift()), pct(f.roi()),
					ci(st.roi()), st.pValue() == null ? "" : "\\d\\.\\d{4}",
					st.significant() == null ? "—" : st.significant() ? "yes" : "no").filter(x -> !x.isEmpty()).toList()));
			// in the HTML: the PDF's text breaks a long note with the page number
			String flat = Files.readString(report.file(ReportFormat.HTML)).replaceAll("<[^>]+>", "").replaceAll("\\s+", "");
			for (String w : f.warnings()) {
				assertTrue(flat.contains(w.replaceAll("\\s+", "")), campaign.id() + ": " + w);
			}
			for (RoiResult.Segment s : r.segments()) {
				RoiResult.Figures g = s.figures();
				find(text, id + "\\s+" + Pattern.quote(segmentTexts.getOrDefault(s.segment(), s.segment())) + "\\s+"
						+ count(g.treatmentSize()) + "\\s+" + count(g.controlSize()) + "\\s+" + money(g.cost()) + "\\s+"
						+ money(g.incrementalRevenue()) + "\\s+" + pct(g.roi()));
			}
			cost = cost.add(f.cost());
			incremental = incremental.add(f.incrementalRevenue());
			profit = profit.add(f.incrementalProfit());
		}
		BigDecimal overall = profit.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP);
		find(text, "Cost " + money(cost) + " · treatment revenue [\\d,.]+ · incremental revenue " + money(incremental));
		find(text, "ROI\\s+" + pct(overall));
		assertCharts(report, 1);
		try (ZipFile xlsx = new ZipFile(report.file(ReportFormat.XLSX).toFile())) {
			String strings = new String(xlsx.getInputStream(xlsx.getEntry("xl/sharedStrings.xml")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertTrue(strings.contains(campaigns.get(0).id()) && strings.contains("Strategy ROI"), strings);
		}
	}

	@Test
	void roiOfOneCampaignInChinese() throws Exception {
		List<Campaign> campaigns = campaigns();
		Campaign one = campaigns.get(campaigns.size() - 1);
		RenderedReport report = render("roi", Map.of("campaign", one.id(), "lang", "zh", "format", "pdf,html"), "roi-one-zh");
		String text = pdfText(report, "roi-one-zh");
		RoiResult r = service(CampaignRoi.class).run(data, one, Map.of("breakdown", "segment"), ProgressMonitor.NULL);
		assertTrue(text.contains("营销策略 ROI"), text);
		find(text, "ROI\\s+" + pct(r.total().roi()));
		assertTrue(text.contains("数字的可信程度"), text);
		assertEquals(r.total().tooFewToTell(), text.replaceAll("\\s+", "").contains("客户太少，无法判断"), text);
		find(text, Pattern.quote(one.id()) + "\\s+" + one.start() + "\\s+–\\s+" + one.end() + "\\s+" + money(r.total().cost()));
		for (Campaign other : campaigns.subList(0, campaigns.size() - 1)) {
			assertFalse(text.contains(other.id() + " "), "only the chosen campaign: " + other.id());
		}
		assertTrue(Poppler.fonts(report.file(ReportFormat.PDF)).matches("(?s).*(WenQuanYi|NotoSansCJK).*"));
		assertCharts(report, 1);
		ParameterException unknown = assertThrows(ParameterException.class,
				() -> render("roi", Map.of("campaign", "no-such-campaign"), "never"));
		assertEquals("campaign", unknown.key());
		assertTrue(unknown.getMessage().contains(one.id()), "lists the campaigns: " + unknown.getMessage());
	}

	/**
	 * A campaign created from a target records each member's segment; {@code breakdown=target}
	 * groups by those (as {@code ./custops roi} does): a segment's cost is the campaign's shared by
	 * its treated members, its figures the engine's for its members alone, and a segment whose
	 * members were all held out costs nothing and has no ROI.
	 */
	@Test
	void roiByTheSegmentsRecordedWhenTheCampaignWasCreated() throws Exception {
		String id = "tgt1";
		List<CampaignMember> members = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			CampaignMember.Group group = i < 30 ? CampaignMember.Group.TREATMENT : CampaignMember.Group.CONTROL;
			members.add(new CampaignMember(data.customerId(i), group, i < 20 || (i >= 30 && i < 38) ? "at_risk" : i < 30 ? "vip" : null));
		}
		LocalDate start = LocalDate.parse("2026-06-01"), end = LocalDate.parse("2026-10-31");
		BigDecimal cost = new BigDecimal("400.00"), margin = new BigDecimal("0.3");
		ws.campaigns().create(CampaignRecord.toCreate(id, "Target test", start, end, cost, margin, null, "strategy:rfm=at_risk",
				Map.of(), start, new BigDecimal("0.2"), 7L), members);

		RenderedReport report = render("roi", Map.of("campaign", id, "breakdown", "target", "format", "pdf"), "roi-target");
		String text = pdfText(report, "roi-target");
		assertTrue(text.contains("ROI by segment (the segments recorded when each campaign was created)"), text);
		CampaignRoi roi = service(CampaignRoi.class);
		int[] atRiskT = java.util.stream.IntStream.range(0, 20).toArray(); // members are customers 0…39 of the dataset
		int[] atRiskC = java.util.stream.IntStream.range(30, 38).toArray();
		int[] vipT = java.util.stream.IntStream.range(20, 30).toArray();
		RoiResult.Figures atRisk = roi.run(data, new Campaign(id, "Target test", start, end,
				cost.multiply(BigDecimal.valueOf(20)).divide(BigDecimal.valueOf(30), MathContext.DECIMAL128), margin, atRiskT, atRiskC),
				Map.of(), ProgressMonitor.NULL).total();
		RoiResult.Figures vip = roi.run(data, new Campaign(id, "Target test", start, end,
				cost.multiply(BigDecimal.valueOf(10)).divide(BigDecimal.valueOf(30), MathContext.DECIMAL128), margin, vipT, new int[0]),
				Map.of(), ProgressMonitor.NULL).total();
		assertEquals(new BigDecimal("266.67"), atRisk.cost());
		find(text, Pattern.quote(id) + "\\s+at_risk\\s+20\\s+8\\s+" + money(atRisk.cost()) + "\\s+"
				+ money(atRisk.incrementalRevenue()) + "\\s+" + pct(atRisk.roi()));
		find(text, Pattern.quote(id) + "\\s+vip\\s+10\\s+0\\s+" + money(vip.cost()) + "\\s+" + money(vip.incrementalRevenue())
				+ "\\s+" + pct(vip.roi()));
		// held out entirely: nothing spent, nothing incremental
		find(text, Pattern.quote(id) + "\\s+\\(none\\)\\s+0\\s+2\\s+0\\.00\\s+0\\.00\\s");
	}

	// --- tier conversion ------------------------------------------------------------------------------

	@Test
	void tierConversionPrintsTheEnginesMatrixRatesAndTrend() throws Exception {
		Map<String, String> ladder = Map.of("levels", "bronze:0,silver:150,gold:600");
		Map<String, String> params = new LinkedHashMap<>(ladder);
		params.putAll(Map.of("from", "2026-01-01", "to", "2026-10-01", "period", "quarter", "format", "pdf,html"));
		RenderedReport report = render("tier-conversion", params, "tier-conversion-en");
		String text = pdfText(report, "tier-conversion-en");
		Map<String, String> engineParams = new LinkedHashMap<>(ladder);
		engineParams.put("period", "quarter");
		ConversionResult r = service(TierConversion.class).run(data, "tiers", LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-10-01"), engineParams, ProgressMonitor.NULL);
		assertEquals(List.of("bronze", "silver", "gold"), r.levels());
		find(text, count(r.customers()) + "\\s+customers\\s+with\\s+a\\s+paid\\s+order\\s+before\\s+2026-01-01");
		for (ConversionResult.Level level : r.perLevel()) {
			find(text, "\\b" + level.level() + "\\s+" + count(level.customers()) + "\\s+" + count(level.retained()) + "\\s+"
					+ count(level.upgraded()) + "\\s+" + count(level.downgraded()) + "\\s+" + count(level.unclassified()) + "\\s+"
					+ pct(level.retentionRate()) + "\\s+" + pct(level.upgradeRate()) + "\\s+" + pct(level.downgradeRate()));
			// the heat table's row: the moves to each level, then the row's total
			StringBuilder row = new StringBuilder("\\b" + level.level());
			for (String to : r.levels()) {
				long n = r.matrix().stream().filter(m -> m.from().equals(level.level()) && m.to().equals(to)).mapToLong(ConversionResult.Move::customers).sum();
				row.append("\\s+").append(count(n));
			}
			find(text, row.toString());
		}
		ConversionResult.Totals t = r.totals();
		find(text, "All\\s+" + count(t.customers()) + "\\s+" + count(t.retained()) + "\\s+" + count(t.upgraded()) + "\\s+"
				+ count(t.downgraded()));
		assertEquals(3, r.series().size(), "three quarters");
		for (ConversionResult.Period p : r.series()) {
			find(text, Pattern.quote(p.from().toString().substring(0, 7)) + "\\s+" + count(p.totals().customers()) + "\\s+"
					+ count(p.totals().upgraded()) + "\\s+" + count(p.totals().downgraded()) + "\\s+" + pct(p.totals().upgradeRate())
					+ "\\s+" + pct(p.totals().downgradeRate()) + "\\s+" + count(p.entrants()));
		}
		for (ConversionResult.Move entrant : r.entrants()) {
			find(text, "\\b" + entrant.to() + "\\s+" + count(entrant.customers()));
		}
		assertCharts(report, 1);
	}

	// --- behaviour paths -------------------------------------------------------------------------------

	@Test
	void behaviourPathPrintsTheEnginesFunnelPathsAndChannels() throws Exception {
		RenderedReport report = render("behavior-path", Map.of("steps", "view,cart,order", "format", "pdf,html"),
				"behavior-path-en");
		String text = pdfText(report, "behavior-path-en");
		FunnelResult f = service(FunnelAnalysis.class).run(data, Map.of("steps", "view,cart,order", "breakdown", "channel"),
				ProgressMonitor.NULL);
		// the window is the engine's default, the workbench's too, and the report says so
		find(text, "within\\s+14d\\s+of\\s+the\\s+first\\s+step\\s+\\(ordered\\)");
		DecimalFormat seconds = new DecimalFormat("#,##0.0##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		int k = 1;
		for (FunnelResult.Step step : f.steps()) {
			String row = k + "\\. " + step.step() + "\\s+" + count(step.customers()) + "\\s+" + plain(step.pctOfFirst()) + "\\s+"
					+ plain(step.pctOfPrevious());
			if (step.medianSecondsFromPrevious() != null) {
				row += "\\s+" + Pattern.quote(seconds.format(step.medianSecondsFromPrevious()));
			}
			find(text, row);
			k++;
		}
		PathResult paths = service(PathAnalysis.class).run(data, Map.of("top", "10"), ProgressMonitor.NULL);
		assertEquals(10, paths.paths().size());
		for (PathResult.Path p : paths.paths()) {
			find(text, Pattern.quote(p.text()) + "\\s+" + count(p.count()) + "\\s+" + plain(p.pctOfUnits()));
		}
		PathResult dropped = service(PathAnalysis.class).run(data, Map.of("top", "10", "start", "view", "notReached", "order"),
				ProgressMonitor.NULL);
		find(text, count(dropped.units()) + "\\s+sessions\\s+dropped\\s+off");
		for (PathResult.Path p : dropped.paths()) {
			assertFalse(p.steps().contains("order"));
			find(text, Pattern.quote(p.text()) + "\\s+" + count(p.count()) + "\\s+" + plain(p.pctOfUnits()));
		}
		assertFalse(f.groups().isEmpty());
		for (FunnelResult.Group g : f.groups()) {
			List<FunnelResult.Step> s = g.steps();
			find(text, Pattern.quote(g.group()) + "\\s+" + count(s.get(0).customers()) + "\\s+" + count(s.get(2).customers()) + "\\s+"
					+ plain(s.get(2).pctOfFirst()));
		}
		assertCharts(report, 2);
	}

	/**
	 * {@code --param source=ID}: the template asks the source (SourceAnalyses) for its funnel and
	 * its two path lists and never reads the workspace's dataset. The source here answers with the
	 * in-memory runs, so the report must print the in-memory figures.
	 */
	@Test
	void behaviourPathFromASourceAsksTheSourceForItsFunnelAndPaths() throws Exception {
		FunnelAnalysis funnel = service(FunnelAnalysis.class);
		PathAnalysis paths = service(PathAnalysis.class);
		List<String> asked = new ArrayList<>();
		io.custops.engine.sql.SourceAnalyses source = new io.custops.engine.sql.SourceAnalyses() {
			@Override
			public String source() {
				return "dw";
			}

			@Override
			public io.custops.core.spi.SqlDialect dialect() {
				return io.custops.core.spi.SqlDialect.POSTGRESQL;
			}

			@Override
			public ConversionResult conversion(String analysisId, LocalDate from, LocalDate to, Map<String, String> p) {
				throw new AssertionError("conversion asked");
			}

			@Override
			public RoiResult roi(String campaignId, Map<String, String> p) {
				throw new AssertionError("roi asked");
			}

			@Override
			public FunnelResult funnel(Map<String, String> p) {
				asked.add("funnel " + new java.util.TreeMap<>(p));
				return funnel.run(data, p, ProgressMonitor.NULL);
			}

			@Override
			public PathResult paths(Map<String, String> p) {
				asked.add("paths " + new java.util.TreeMap<>(p));
				return paths.run(data, p, ProgressMonitor.NULL);
			}

			@Override
			public long classify(String analysisId, LocalDate asOf, Map<String, String> p, ClassifiedRows rows) {
				throw new AssertionError("classify asked");
			}
		};
		WorkspaceReports.Result result = reports.render(ws, "behavior-path", Map.of("steps", "view,cart,order", "format", "pdf"),
				OUT.resolve("behavior-path-source"), TODAY, source, ProgressMonitor.NULL);
		String text = pdfText(result.report(), "behavior-path-source");
		assertEquals(List.of("funnel {breakdown=channel, steps=view,cart,order, window=14d}", "paths {top=10}",
				"paths {notReached=order, start=view, top=10}"), asked);
		for (PathResult.Path p : paths.run(data, Map.of("top", "10"), ProgressMonitor.NULL).paths()) {
			find(text, Pattern.quote(p.text()) + "\\s+" + count(p.count()) + "\\s+" + plain(p.pctOfUnits()));
		}
		FunnelResult f = funnel.run(data, Map.of("steps", "view,cart,order", "breakdown", "channel"), ProgressMonitor.NULL);
		find(text, "1\\. view\\s+" + count(f.steps().get(0).customers()));
	}

	// --- cohorts ----------------------------------------------------------------------------------------

	@Test
	void cohortsPrintTheEnginesTriangleCurvesAndChannels() throws Exception {
		RenderedReport report = render("cohorts", Map.of("format", "pdf,html"), "cohorts-en");
		String text = pdfText(report, "cohorts-en");
		CohortResult r = service(CohortAnalysis.class).run(data, Map.of("asOf", TODAY.toString(), "maxPeriods", "12",
				"breakdown", "channel"), ProgressMonitor.NULL);
		assertTrue(r.cohorts().size() > 6, "the demo shop has cohorts: " + r.cohorts().size());
		DecimalFormat cell = new DecimalFormat("#,##0.0#", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		for (CohortResult.Cohort c : r.cohorts()) {
			StringBuilder row = new StringBuilder(Pattern.quote(c.cohort()) + "\\s+" + count(c.size()));
			for (CohortResult.Period p : c.periods().subList(0, Math.min(3, c.periods().size()))) {
				row.append("\\s+").append(Pattern.quote(cell.format(p.pct())));
			}
			find(text, row.toString());
		}
		assertFalse(r.groups().isEmpty());
		for (CohortResult.Group g : r.groups()) {
			find(text, Pattern.quote(g.group()) + "\\s+" + count(g.cohorts().stream().mapToLong(CohortResult.Cohort::size).sum()));
		}
		assertCharts(report, 1);
		RenderedReport zh = render("cohorts", Map.of("lang", "zh", "format", "pdf", "by", "first-order-week",
				"metric", "revenue"), "cohorts-zh");
		String zhText = pdfText(zh, "cohorts-zh");
		find(zhText, "同期群留存分析");
		find(zhText, "按获客渠道对比");
		assertCharts(zh, 1);
	}

	// --- clv -------------------------------------------------------------------------------------------

	@Test
	void clvPrintsTheModelsBandsTopCustomersAndParameters() throws Exception {
		RenderedReport report = render("clv", Map.of("asOf", "2026-10-01", "top", "10", "format", "pdf,html"), "clv-en");
		String text = pdfText(report, "clv-en");
		Analyses analyses = service(Analyses.class);
		// the report's default model is the churn warnings' one: MBG/NBD
		CustomerAnalysis mbgnbd = analyses.find("mbgnbd");
		CustomerClassification r = analyses.run(mbgnbd, data, LocalDate.parse("2026-10-01"),
				analyses.resolve(mbgnbd, Map.of()), ProgressMonitor.NULL);
		find(text, "model\\s+mbgnbd\\s+\\+\\s+Gamma-Gamma");
		ResultColumn alive = r.column("p_alive").orElseThrow();
		ResultColumn clv = r.column("clv").orElseThrow();
		long[] bands = new long[5];
		long[] bandClv = new long[5];
		List<Integer> valued = new ArrayList<>();
		long scored = 0;
		for (int c = 0; c < r.customerCount(); c++) {
			double p = alive.number(c);
			if (Double.isNaN(p)) {
				continue;
			}
			scored++;
			int b = Math.min(4, (int) Math.floor(p * 5 + 1e-12));
			bands[b]++;
			if (!clv.format(c).isEmpty()) {
				bandClv[b] += new BigDecimal(clv.format(c)).movePointRight(2).longValueExact();
				valued.add(c);
			}
		}
		String[] names = { "0.0 – 0.2", "0.2 – 0.4", "0.4 – 0.6", "0.6 – 0.8", "0.8 – 1.0" };
		for (int b = 0; b < 5; b++) {
			find(text, Pattern.quote(names[b]) + "\\s+" + count(bands[b]) + "\\s+\\d+\\.\\d%\\s+[\\d,.]+\\s+"
					+ money(BigDecimal.valueOf(bandClv[b], 2)));
		}
		find(text, count(scored) + "\\s+customers\\s+scored");
		BigDecimal total = (BigDecimal) r.summary().get("clv_total");
		find(text, "CLV\\s+total:\\s+" + money(total));
		valued.sort(Comparator.<Integer>comparingLong(c -> -new BigDecimal(clv.format(c)).movePointRight(2).longValueExact())
				.thenComparingInt(c -> c));
		for (int c : valued.subList(0, 10)) {
			find(text, Pattern.quote(data.customerId(c)) + "\\s+" + count(Long.parseLong(r.column("frequency").orElseThrow().format(c)))
					+ "\\s+" + Pattern.quote(BigDecimal.valueOf(alive.number(c)).setScale(4, RoundingMode.HALF_UP).toPlainString())
					+ "\\s+[\\d,.]+\\s+[\\d,.]+\\s+" + money(new BigDecimal(clv.format(c))));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fitted = (Map<String, Object>) r.summary().get("params");
		for (String p : List.of("r", "alpha", "a", "b")) {
			double v = ((Number) fitted.get(p)).doubleValue();
			find(text, "\\b" + p + "\\s+" + Pattern.quote(new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString()));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> gg = (Map<String, Object>) r.summary().get("gamma_gamma");
		for (String p : List.of("p", "q", "gamma")) {
			double v = ((Number) gg.get(p)).doubleValue();
			find(text, "\\b" + p + "\\s+" + Pattern.quote(new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString()));
		}
		for (Label label : r.labels()) {
			find(text, Pattern.quote(label.text(Locale.ENGLISH)) + "\\s+" + count(r.counts().getOrDefault(label.id(), 0L)));
		}
		// the P(alive) and CLV bands and the calibration histogram; no holdout chart without a holdout
		assertCharts(report, 3);
		assertFalse(text.contains("Holdout check"), text);
	}

	/**
	 * BG/NBD on the demo shop, calibrated to 2026-04-01 with a holdout to 2026-09-30: the report
	 * prints the fit's warnings, the standard errors beside the parameters, the calibration
	 * histogram and the holdout check (tracking chart, table by calibration frequency), each figure
	 * as the model's summary gives it; in Chinese too.
	 */
	@Test
	void clvPrintsTheFitsWarningsStandardErrorsAndHoldoutCheck() throws Exception {
		Map<String, String> given = Map.of("model", "bgnbd", "calibrationEnd", "2026-04-01", "holdoutEnd", "2026-09-30");
		Map<String, String> params = new java.util.HashMap<>(given);
		params.put("asOf", "2026-10-01");
		params.put("format", "pdf,html");
		RenderedReport report = render("clv", params, "clv-holdout-en");
		String text = pdfText(report, "clv-holdout-en");
		Analyses analyses = service(Analyses.class);
		CustomerAnalysis bgnbd = analyses.find("bgnbd");
		Map<String, String> passed = new java.util.HashMap<>(given);
		passed.remove("model");
		CustomerClassification r = analyses.run(bgnbd, data, LocalDate.parse("2026-10-01"), analyses.resolve(bgnbd, passed),
				ProgressMonitor.NULL);
		Map<String, Object> summary = r.summary();
		String flat = text.replaceAll("\\s+", " ");
		@SuppressWarnings("unchecked")
		List<String> warnings = (List<String>) summary.get("warnings");
		assertFalse(warnings.isEmpty(), "BG/NBD warns of its one-time buyers");
		for (String w : warnings) {
			assertTrue(flat.contains(w.replaceAll("\\s+", " ")), "warning missing from the PDF: " + w + "\n" + text);
		}
		find(text, "Std\\.\\s+error");
		@SuppressWarnings("unchecked")
		Map<String, Object> fitted = (Map<String, Object>) summary.get("params");
		@SuppressWarnings("unchecked")
		Map<String, Object> se = (Map<String, Object>) summary.get("params_se");
		for (String p : List.of("r", "alpha", "a", "b")) {
			String seText = se.get(p) == null ? "—" : six(se.get(p));
			find(text, "\\b" + p + "\\s+" + Pattern.quote(six(fitted.get(p))) + "\\s+" + Pattern.quote(seText));
		}
		// the calibration histogram: actual and model per x
		@SuppressWarnings("unchecked")
		Map<String, Object> calibration = (Map<String, Object>) summary.get("calibration");
		for (Object o : (List<?>) calibration.get("frequency_histogram")) {
			Map<?, ?> row = (Map<?, ?>) o;
			find(text, "\\n\\s*" + Pattern.quote(row.get("x").toString()) + "\\s+" + count(((Number) row.get("actual")).longValue())
					+ "\\s+" + Pattern.quote(one(row.get("expected"))) + "\\s*\\n");
		}
		// the holdout: its totals and the table by calibration frequency
		@SuppressWarnings("unchecked")
		Map<String, Object> holdout = (Map<String, Object>) summary.get("holdout");
		find(text, "Holdout\\s+check");
		find(flat, Pattern.quote("Holdout 2026-04-02 – 2026-09-30") + ".*" + count(((Number) holdout.get("actual")).longValue())
				+ " repeat purchases; the model predicted " + Pattern.quote(one(holdout.get("predicted"))));
		for (Object o : (List<?>) holdout.get("by_x")) {
			Map<?, ?> row = (Map<?, ?>) o;
			find(text, "\\n\\s*" + Pattern.quote(row.get("x").toString()) + "\\s+" + count(((Number) row.get("customers")).longValue())
					+ "\\s+" + count(((Number) row.get("actual")).longValue()) + "\\s+" + Pattern.quote(one(row.get("predicted"))));
		}
		// P(alive) bands, CLV bands, the histogram and the weekly tracking
		assertCharts(report, 4);

		params.put("lang", "zh");
		params.put("format", "pdf");
		RenderedReport zh = render("clv", params, "clv-holdout-zh");
		String zhText = pdfText(zh, "clv-holdout-zh");
		String zhFlat = zhText.replaceAll("\\s+", "");
		@SuppressWarnings("unchecked")
		List<String> warningsZh = (List<String>) summary.get("warnings_zh");
		for (String w : warningsZh) {
			assertTrue(zhFlat.contains(w.replaceAll("\\s+", "")), "warning missing from the PDF: " + w + "\n" + zhText);
		}
		assertTrue(zhText.contains("留出期检验") && zhText.contains("标准误") && zhText.contains("校准期：按重复购买次数的客户数"), zhText);
		assertCharts(zh, 4);
	}

	/** A fitted value as the clv report prints it: 6 significant digits. */
	private static String six(Object value) {
		return new BigDecimal(((Number) value).doubleValue()).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}

	/** A decimal as the pattern #,##0.0 prints it. */
	private static String one(Object value) {
		return String.format(Locale.ROOT, "%,.1f", BigDecimal.valueOf(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP));
	}

	@Test
	void chineseBehaviourAndTierReports() throws Exception {
		RenderedReport path = render("behavior-path", Map.of("lang", "zh", "format", "pdf"), "behavior-path-zh");
		String text = pdfText(path, "behavior-path-zh");
		assertTrue(text.contains("用户行为路径") && text.contains("转化漏斗") && text.contains("浏览"), text);
		assertCharts(path, 2);
		RenderedReport tiers = render("tier-conversion", Map.of("lang", "zh", "format", "pdf", "from", "2026-04-01",
				"to", "2026-10-01"), "tier-conversion-zh");
		text = pdfText(tiers, "tier-conversion-zh");
		assertTrue(text.contains("会员等级转化") && text.contains("普通会员"), text);
		assertCharts(tiers, 1);
		RenderedReport clv = render("clv", Map.of("lang", "zh", "format", "pdf"), "clv-zh");
		text = pdfText(clv, "clv-zh");
		assertTrue(text.contains("客户终身价值") && text.contains("高流失风险"), text);
	}

	@Test
	void anUnknownTemplateIsNamed() {
		ScheduleException e = assertThrows(ScheduleException.class, () -> render("no-such-report", Map.of(), "never"));
		assertEquals("template", e.field());
		assertTrue(e.getMessage().contains("no template 'no-such-report'") && e.getMessage().contains("roi"), e.getMessage());
	}
}
