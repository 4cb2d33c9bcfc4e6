package io.custops.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.LocalizedText;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.AnalysisRunner;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.engine.Analyses;
import io.custops.report.AnalysisRunners;
import io.custops.report.RenderedReport;
import io.custops.report.ReportException;
import io.custops.report.ReportFormat;
import io.custops.report.ReportRenderer;
import io.custops.report.ReportRequest;

/**
 * Renders the built-in templates inside this OSGi framework, through the registry, on a small
 * shop whose figures are worked out by hand (see {@link ShopData}), and reads the PDFs back
 * with poppler. The pages also go to target/report-output/*.png to be looked at.
 */
class ReportRendererTest {

	private static final Path OUT = Path.of(System.getProperty("user.dir"), "target", "report-output");
	private static final Pattern BIRT_ERRORS = Pattern.compile("following items have errors|ReportDesign \\(id|Error\\.|ScriptException");

	private static ServiceTracker<ReportRenderer, ReportRenderer> rendererTracker;
	private static ServiceTracker<Analyses, Analyses> analysesTracker;
	private static ReportRenderer renderer;
	private static CustomerDataset shop;
	private static final List<org.osgi.framework.ServiceRegistration<?>> registrations = new java.util.ArrayList<>();
	private static AnalysisRunner runner;

	@BeforeAll
	static void setUp() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ReportRendererTest.class).getBundleContext();
		// the test analyses, registered as a plugin's DS components would be; the templates find them by id
		registrations.add(context.registerService(io.custops.core.spi.SegmentationStrategy.class, new TestRfmStrategy(), null));
		registrations.add(context.registerService(io.custops.core.spi.LifecycleModel.class, new TestStagesModel(), null));
		rendererTracker = new ServiceTracker<>(context, ReportRenderer.class, null);
		rendererTracker.open();
		renderer = rendererTracker.waitForService(10_000);
		assertNotNull(renderer, "ReportRenderer service");
		analysesTracker = new ServiceTracker<>(context, Analyses.class, null);
		analysesTracker.open();
		Analyses analyses = analysesTracker.waitForService(10_000);
		assertNotNull(analyses, "Analyses service");
		for (int attempt = 0; attempt < 100 && !installed(analyses, "test-rfm", "test-stages"); attempt++) {
			Thread.sleep(100);
		}
		shop = ShopData.build();
		runner = AnalysisRunners.over(analyses, shop, ProgressMonitor.NULL);
		Files.createDirectories(OUT);
	}

	@AfterAll
	static void tearDown() {
		registrations.forEach(org.osgi.framework.ServiceRegistration::unregister);
		rendererTracker.close();
		analysesTracker.close();
	}

	private static boolean installed(Analyses analyses, String strategy, String model) {
		try {
			analyses.find(io.custops.core.spi.ServiceKind.STRATEGY, strategy);
			analyses.find(io.custops.core.spi.ServiceKind.MODEL, model);
			return true;
		} catch (NoSuchElementException e) {
			return false;
		}
	}

	static ReportTemplate template(String id) throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ReportRendererTest.class).getBundleContext();
		for (int attempt = 0; attempt < 100; attempt++) {
			for (ServiceReference<ReportTemplate> ref : context.getServiceReferences(ReportTemplate.class, null)) {
				ReportTemplate template = context.getService(ref);
				if (template != null && template.id().equals(id)) {
					return template;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no template '" + id + "' registered");
	}

	static RenderedReport render(String templateId, Map<String, String> params, String name) throws Exception {
		ReportRequest request = ReportRequest.of(template(templateId), shop, runner, Locale.ENGLISH, ShopData.AS_OF,
				params, ProgressMonitor.NULL);
		RenderedReport report = renderer.render(request, OUT, name);
		System.out.printf("report %s: engine start %d ms, prepare %d ms, run %d ms, render %s ms%n", name,
				report.engineStartMillis(), report.prepareMillis(), report.runMillis(), report.renderMillis());
		return report;
	}

	static String pdfText(RenderedReport report, String pages) throws Exception {
		Path pdf = report.file(ReportFormat.PDF);
		Poppler.pages(pdf, OUT.resolve(pages));
		String text = Poppler.text(pdf);
		Files.writeString(OUT.resolve(pages + ".txt"), text);
		assertFalse(BIRT_ERRORS.matcher(text).find(), "BIRT error text in the PDF:\n" + text);
		return text;
	}

	static void assertChartImages(RenderedReport report, int expected) throws Exception {
		List<int[]> images = Poppler.images(report.file(ReportFormat.PDF));
		assertEquals(expected, images.size(), "images in the PDF");
		for (int[] size : images) {
			assertTrue(size[0] > 200 && size[1] > 100, "chart image of " + size[0] + "x" + size[1]);
		}
		String html = Files.readString(report.file(ReportFormat.HTML), StandardCharsets.UTF_8);
		assertFalse(BIRT_ERRORS.matcher(html).find(), "BIRT error text in the HTML");
		assertFalse(html.contains("file:"), "the HTML links a file: it must be self-contained");
		Matcher img = Pattern.compile("<img[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
		int count = 0;
		while (img.find()) {
			assertTrue(img.group(1).length() > 2000, "a chart image of " + img.group(1).length() + " base64 characters");
			count++;
		}
		assertEquals(expected, count, "embedded images in the HTML");
	}

	@Test
	void rfmPrintsTheStrategysFiguresInAllFormats() throws Exception {
		RenderedReport report = render("rfm", Map.of("strategy", "test-rfm", "format", "pdf,html,xlsx"), "rfm-en");
		assertEquals(Set.of(ReportFormat.PDF, ReportFormat.HTML, ReportFormat.XLSX), report.files().keySet());
		String text = pdfText(report, "rfm-en");
		// scored: c01 c02 c03 c04 c07 c09 c10; 600 + 50 + 240 + 250 + 12.34 + 1000 + 20
		assertTrue(text.contains("RFM overview"), text);
		assertTrue(text.contains("7 customers scored of 10"), text);
		assertTrue(text.contains("Total: 7 customers, monetary 2,172.34"), text);
		// champions c01 + c09: 2 of 7 = 28.6 %, 1,600.00 of 2,172.34 = 73.7 %
		assertTrue(Pattern.compile("Champions\\s+2\\s+28\\.6%\\s+1,600\\.00\\s+73\\.7%").matcher(text).find(), text);
		// at risk c03 c04 c10: 3 = 42.9 %, 240 + 250 + 20 = 510.00 = 23.5 %
		assertTrue(Pattern.compile("At risk\\s+3\\s+42\\.9%\\s+510\\.00\\s+23\\.5%").matcher(text).find(), text);
		assertTrue(Pattern.compile("New\\s+1\\s+14\\.3%\\s+50\\.00\\s+2\\.3%").matcher(text).find(), text);
		assertTrue(Pattern.compile("Lost\\s+1\\s+14\\.3%\\s+12\\.34\\s+0\\.6%").matcher(text).find(), text);
		// grid cells: R4 F4 = c09 alone, R1 F1 = c07 alone
		assertTrue(text.contains("1,000.00") && text.contains("R4") && text.contains("F5"), text);
		assertChartImages(report, 1);
		try (ZipFile xlsx = new ZipFile(report.file(ReportFormat.XLSX).toFile())) {
			String strings = new String(xlsx.getInputStream(xlsx.getEntry("xl/sharedStrings.xml")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertTrue(strings.contains("Champions") && strings.contains("RFM overview"), strings);
		}
	}

	@Test
	void chineseReportEmbedsACjkFont() throws Exception {
		RenderedReport report = render("rfm", Map.of("strategy", "test-rfm", "lang", "zh", "format", "pdf,html"), "rfm-zh");
		String text = pdfText(report, "rfm-zh");
		assertTrue(text.contains("RFM 客户价值概览"), text);
		assertTrue(Pattern.compile("重要价值客户\\s+2\\s+28\\.6%\\s+1,600\\.00").matcher(text).find(), text);
		assertTrue(text.contains("合计：7 位客户，消费金额 2,172.34"), text);
		String fonts = Poppler.fonts(report.file(ReportFormat.PDF));
		assertTrue(fonts.contains("WenQuanYi") || fonts.contains("NotoSansCJK"), fonts);
		assertChartImages(report, 1);
	}

	@Test
	void lifecycleShowsStagesTrendAndAtRiskList() throws Exception {
		RenderedReport report = render("lifecycle", Map.of("model", "test-stages", "format", "pdf,html"), "lifecycle-en");
		String text = pdfText(report, "lifecycle-en");
		// potential c05 c06, new c02, returning c03 c10, fan c01 c09, dormant c04 c07; c08 has nothing before asOf
		assertTrue(text.contains("9 customers"), text);
		for (String stage : new String[] { "Potential\\s+2\\s+22\\.2%", "New\\s+1\\s+11\\.1%", "Returning\\s+2\\s+22\\.2%",
				"Fan\\s+2\\s+22\\.2%", "Dormant\\s+2\\s+22\\.2%" }) {
			assertTrue(Pattern.compile(stage).matcher(text).find(), stage + " in\n" + text);
		}
		// active c01 c02 c09, silent c03 c10, sleeping c04, lost c07
		assertTrue(Pattern.compile("Active\\s+3\\s+42\\.9%").matcher(text).find(), text);
		assertTrue(Pattern.compile("Silent\\s+2\\s+28\\.6%").matcher(text).find(), text);
		// at risk: c10 (last 2026-01-15, 167 days) before c03 (2026-03-01, 122 days)
		Matcher c10 = Pattern.compile("c10\\s+Returning\\s+Silent\\s+2026-01-15\\s+167\\s+2\\s+20\\.00").matcher(text);
		Matcher c03 = Pattern.compile("c03\\s+Returning\\s+Silent\\s+2026-03-01\\s+122\\s+3\\s+240\\.00").matcher(text);
		assertTrue(c10.find() && c03.find() && c10.start() < c03.start(), text);
		assertTrue(text.contains("2 buyers are silent or sleeping"), text);
		assertChartImages(report, 2); // stage sizes and the weekly trend
	}

	@Test
	void lifecycleOfAModelWithoutSeriesOrActivityHidesTheTrend() throws Exception {
		RenderedReport report = render("lifecycle", Map.of("model", "fixture-model", "format", "pdf,html", "lang", "zh"),
				"lifecycle-fixture-zh");
		String text = pdfText(report, "lifecycle-fixture-zh");
		assertTrue(text.contains("该模型未提供每周序列"), text);
		// fixture-model: buyer = any order (c01–c05, c07–c10), other = c06
		assertTrue(Pattern.compile("买家\\s+9\\s+90\\.0%").matcher(text).find(), text);
		assertChartImages(report, 1);
	}

	@Test
	void badParametersAreRefusedBeforeRendering() throws Exception {
		ReportTemplate rfm = template("rfm");
		ParameterException unknown = assertThrows(ParameterException.class, () -> ReportRequest.of(rfm, shop, runner,
				Locale.ENGLISH, ShopData.AS_OF, Map.of("colour", "red"), ProgressMonitor.NULL));
		assertEquals("colour", unknown.key());
		assertEquals("format", assertThrows(ParameterException.class, () -> ReportRequest.of(rfm, shop, runner,
				Locale.ENGLISH, ShopData.AS_OF, Map.of("format", "pdf,docx"), ProgressMonitor.NULL)).key());
		assertEquals("lang", assertThrows(ParameterException.class, () -> ReportRequest.of(rfm, shop, runner,
				Locale.ENGLISH, ShopData.AS_OF, Map.of("lang", "fr"), ProgressMonitor.NULL)).key());
		assertEquals("asOf", assertThrows(ParameterException.class, () -> ReportRequest.of(rfm, shop, runner,
				Locale.ENGLISH, ShopData.AS_OF, Map.of("asOf", "2026-13-01"), ProgressMonitor.NULL)).key());
		ReportRequest ok = ReportRequest.of(rfm, shop, runner, Locale.ENGLISH, ShopData.AS_OF,
				Map.of("lang", "zh", "format", "HTML, pdf"), ProgressMonitor.NULL);
		assertEquals(Locale.SIMPLIFIED_CHINESE, ok.context().locale());
		assertEquals(Set.of(ReportFormat.PDF, ReportFormat.HTML), ok.formats());
		assertEquals(Set.of(ReportFormat.PDF), ReportRequest.of(rfm, shop, runner, Locale.ENGLISH, ShopData.AS_OF, Map.of(),
				ProgressMonitor.NULL).formats());
		// an analysis nobody installed
		NoSuchElementException missing = assertThrows(NoSuchElementException.class,
				() -> render("rfm", Map.of("strategy", "no-such-rfm"), "never"));
		assertTrue(missing.getMessage().contains("'no-such-rfm'"), missing.getMessage());
		assertFalse(Files.exists(OUT.resolve("never.pdf")));
	}

	@Test
	void aDesignThatDoesNotFitItsDataFailsNamingTheDataSet() {
		ReportTemplate template = new TestTemplate("mismatch", "/designs/values.rptdesign",
				new ReportData().table("other", new ReportData.Table(List.of("x"), List.of())).value("title", "T"));
		ReportException e = assertThrows(ReportException.class, () -> renderer.render(request(template), OUT));
		assertTrue(e.getMessage().contains("data set 'rows' has no table"), e.getMessage());

		ReportTemplate wrongColumn = new TestTemplate("column", "/designs/values.rptdesign", new ReportData()
				.table("rows", new ReportData.Table(List.of("name"), List.<Object[]>of(new Object[] { "a" }))).value("title", "T"));
		e = assertThrows(ReportException.class, () -> renderer.render(request(wrongColumn), OUT));
		assertTrue(e.getMessage().contains("declares column 'amount'"), e.getMessage());
	}

	@Test
	void birtErrorsFailTheRenderWithTheirText() {
		// the design reads a value the data lacks: BIRT reports a script error, never a silent blank
		ReportTemplate template = new TestTemplate("missing-value", "/designs/values.rptdesign",
				new ReportData().table("rows", new ReportData.Table(List.of("name", "amount"), List.of())));
		ReportException e = assertThrows(ReportException.class, () -> renderer.render(request(template), OUT));
		assertTrue(e.getMessage().contains("report value 'title' is not in the report data"), e.getMessage());
		assertFalse(Files.exists(OUT.resolve("missing-value.pdf")));
	}

	@Test
	void tableValuesArriveExactly() throws Exception {
		ReportTemplate template = new TestTemplate("values", "/designs/values.rptdesign", new ReportData()
				.table("rows", new ReportData.Table(List.of("name", "amount"),
						List.of(new Object[] { "exact", new java.math.BigDecimal("12345678901234.57") },
								new Object[] { "small", new java.math.BigDecimal("0.01") }, new Object[] { null, null })))
				.value("title", "Values 值"));
		RenderedReport report = renderer.render(request(template), OUT);
		String text = Poppler.text(report.file(ReportFormat.PDF));
		assertTrue(text.contains("Values 值"), text);
		assertTrue(text.contains("12,345,678,901,234.57") && text.contains("0.01"), text);
	}

	@Test
	void timings() throws Exception {
		// printed, not asserted: engine start, first and warm PDF (see the report of this branch)
		long begin = System.nanoTime();
		RenderedReport first = render("rfm", Map.of("strategy", "test-rfm"), "timing");
		long firstMillis = (System.nanoTime() - begin) / 1_000_000;
		long warm = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			begin = System.nanoTime();
			render("rfm", Map.of("strategy", "test-rfm"), "timing");
			warm = Math.min(warm, (System.nanoTime() - begin) / 1_000_000);
		}
		System.out.printf("report timings: engine start %d ms (in this call), this PDF %d ms, warm PDF %d ms (best of 5)%n",
				first.engineStartMillis(), firstMillis, warm);
		assertTrue(Files.size(first.file(ReportFormat.PDF)) > 0);
	}

	private static ReportRequest request(ReportTemplate template) {
		ReportContext context = new ReportRequest.StandardReportContext(io.custops.core.param.Parameters.empty(),
				Locale.ENGLISH, ShopData.AS_OF, shop, runner, ProgressMonitor.NULL);
		return new ReportRequest(template, context, new HashSet<>(List.of(ReportFormat.PDF)));
	}

	/** A template with a design of this bundle and fixed data. */
	private record TestTemplate(String id, String path, ReportData data) implements ReportTemplate {
		@Override
		public LocalizedText name() {
			return LocalizedText.of(id);
		}

		@Override
		public URL design() {
			return ReportRendererTest.class.getResource(path);
		}

		@Override
		public ReportData prepare(ReportContext context) {
			return data;
		}
	}

	@Test
	void aRenderRemovesThePartsThatKilledRendersLeftBehind() throws Exception {
		Path folder = Files.createDirectories(OUT.resolve("parts"));
		Path dead = Files.writeString(folder.resolve(".rfm.pdf.999999999.part"), "half a pdf");
		Path legacy = Files.writeString(folder.resolve(".rfm.html.part"), "half a page");
		Files.setLastModifiedTime(legacy, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(86_400)));
		Path alive = Files.writeString(folder.resolve(".other.pdf." + ProcessHandle.current().pid() + ".part"), "being written");
		Path unrelated = Files.writeString(folder.resolve("notes.part"), "not ours");
		ReportRequest request = ReportRequest.of(template("rfm"), shop, runner, Locale.ENGLISH, ShopData.AS_OF,
				Map.of("strategy", "test-rfm", "format", "pdf"), ProgressMonitor.NULL);
		renderer.render(request, folder, "rfm");
		assertFalse(Files.exists(dead), "the part of a process that is gone");
		assertFalse(Files.exists(legacy), "an old part without a pid");
		assertTrue(Files.exists(alive), "a part of a live process is left to it");
		assertTrue(Files.exists(unrelated), "a file that is no report part stays");
		assertTrue(Files.exists(folder.resolve("rfm.pdf")));
		try (var files = Files.list(folder)) {
			assertEquals(List.of(".other.pdf." + ProcessHandle.current().pid() + ".part", "notes.part", "rfm.pdf"),
					files.map(f -> f.getFileName().toString()).sorted().toList());
		}
	}
}
