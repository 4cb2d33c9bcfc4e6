package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.ui.charts.Chart;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.UiServices;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * Every view of the workbench on a demo workspace, in a real window under X (Xvfb in CI): each
 * is made, does its work in the background, shows no error and draws its charts; the main
 * flows are driven (an import with a rejected row, a segment saved as a tag, a tier threshold
 * edited, a funnel with its drop-offs saved, a report rendered, Chinese); screenshots go to
 * target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchViewsTest {

	private static final long WAIT = 180_000;

	private Display display;
	private UiServices services;
	private BackgroundJobs jobs;
	private WorkbenchSession session;
	private Path target;
	private Path shots;
	private final List<Shell> shells = new ArrayList<>();

	@BeforeAll
	void openDemoWorkspace() throws Exception {
		target = Path.of(System.getProperty("user.dir"), "target").toAbsolutePath();
		if (!Files.isDirectory(target)) {
			target = Files.createTempDirectory("custops-ui");
		}
		shots = Files.createDirectories(target.resolve("screenshots"));
		Path workspace = target.resolve("ui-workspace");
		deleteTree(workspace);
		display = Display.getDefault();
		services = new UiServices(FrameworkUtil.getBundle(WorkbenchSession.class).getBundleContext());
		assertTrue(services.await(20_000), "catalog, analyses and workspace manager registered");
		jobs = new BackgroundJobs();
		session = new WorkbenchSession(services, new UiPreferences(), jobs, display);
		session.open(workspace, null);
		assertTrue(jobs.waitIdle(display, WAIT));
		assertEquals(WorkbenchSession.State.READY, session.state(), session.message());
		assertEquals(0, session.dataset().customerCount(), "a new workspace is empty");
		session.importDemo(Map.of("customers", "3000", "seed", "7"), r -> {
		}, e -> {
			throw new AssertionError(e);
		});
		assertTrue(jobs.waitIdle(display, WAIT));
		assertEquals(3000, session.dataset().customerCount());
		assertTrue(session.dataset().eventCount() > 0);
	}

	@AfterAll
	void close() {
		shells.forEach(Shell::dispose);
		jobs.waitIdle(display, WAIT);
		session.close();
		services.close();
	}

	private <V extends View> V open(String name, Locale locale, BiFunction<Composite, ViewContext, V> make) {
		Shell shell = new Shell(display);
		shell.setText("CustOps — " + name);
		shell.setLayout(new FillLayout());
		shell.setBounds(0, 0, 1400, 900);
		shells.add(shell);
		V view = make.apply(shell, new ViewContext(session, locale));
		shell.open();
		settle();
		return view;
	}

	private void settle() {
		assertTrue(jobs.waitIdle(display, WAIT), "background work ended");
		for (int i = 0; i < 20; i++) {
			while (display.readAndDispatch()) {
				// paint
			}
		}
	}

	private void screenshot(View view, String name) throws IOException, InterruptedException {
		Shell shell = view.control().getShell();
		shell.forceActive();
		settle();
		// the X server paints what the last callbacks changed (a virtual table's new rows) a few
		// round trips later: let it, before the capture
		shell.layout(true, true);
		long until = System.nanoTime() + 400_000_000L;
		while (System.nanoTime() < until) {
			if (!display.readAndDispatch()) {
				Thread.sleep(10);
			}
		}
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(shots.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
		shell.dispose();
		shells.remove(shell);
	}

	private static void assertNoError(View view) {
		assertNull(view.error(), "the view shows an error: " + view.error());
		assertFalse(view.isBusy());
	}

	private static List<Chart> charts(Control control) {
		List<Chart> charts = new ArrayList<>();
		if (control instanceof Chart chart) {
			charts.add(chart);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				charts.addAll(charts(child));
			}
		}
		return charts;
	}

	private static List<String> column(org.eclipse.swt.widgets.Table table, int column) {
		List<String> values = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			values.add(item.getText(column));
		}
		return values;
	}

	// ------------------------------------------------------------------ every view, English

	@Test
	@Order(1)
	void dataViewImportsAFileAndShowsItsRejectedRows() throws Exception {
		DataView view = open("Data", Locale.ENGLISH, DataView::new);
		assertNoError(view);
		assertTrue(view.historyTable().getItemCount() >= 5, "the demo's five imports are in the history");
		Path csv = target.resolve("ui-orders.csv");
		Files.writeString(csv, """
				order_id,customer_id,order_time,amount,status
				ui-1,ui-customer-1,2026-01-05 10:00:00,19.90,paid
				ui-2,ui-customer-1,2026-02-05 11:00:00,abc,paid
				ui-3,ui-customer-2,2026-03-01 09:30:00,42.00,paid
				""", StandardCharsets.UTF_8);
		int before = session.dataset().customerCount();
		view.importFile("csv", FactKind.ORDERS, csv, Map.of());
		settle();
		assertNoError(view);
		assertTrue(view.resultText().contains("read 3, imported 2, unchanged 0, rejected 1"), view.resultText());
		assertEquals(1, view.rejectsTable().getItemCount());
		TableItem reject = view.rejectsTable().getItem(0);
		assertEquals("3", reject.getText(0), "the line of the bad row");
		assertEquals("amount", reject.getText(1));
		assertTrue(reject.getText(2).contains("not a decimal number"), reject.getText(2));
		assertEquals(before + 2, session.dataset().customerCount(), "the dataset was reloaded with the new customers");
		screenshot(view, "data-en");
	}

	@Test
	@Order(2)
	void customersViewFiltersSortsAndMasksPersonalData() throws Exception {
		CustomersView view = open("Customers", Locale.ENGLISH, CustomersView::new);
		assertNoError(view);
		CustomerDataset d = session.dataset();
		assertEquals(d.customerCount(), view.rowCount());
		// the label column is filled by the first strategy of the registry
		assertTrue(view.labelCombo().getItemCount() > 2, "labels of the analysis listed");
		int revenueColumn = view.table().getColumnCount() - 4;
		view.sortBy(revenueColumn);
		settle();
		long previous = Long.MAX_VALUE;
		for (int row = 0; row < 50; row++) {
			long revenue = session.facts().revenueCents(view.customerAt(row));
			assertTrue(revenue <= previous, "sorted by revenue, highest first");
			previous = revenue;
		}
		view.labelCombo().select(1);
		view.filter();
		settle();
		assertTrue(view.rowCount() > 0 && view.rowCount() < d.customerCount(), "filtered by the first label: " + view.rowCount());
		// the workbench's former "mask personal data: off" and a list without name change nothing: one rule
		session.preferences().put("masking", "false");
		session.preferences().put(UiPreferences.MASKED_FIELDS, "city");
		view.selectRow(0);
		settle();
		String[] first = view.table().visibleRows().get(0);
		assertEquals(d.customerId(view.customerAt(0)), first[0], "the grid paints the filtered, sorted rows");
		String detail = texts(view.detail());
		int customer = view.customerAt(0);
		String name = d.attribute("name").value(customer);
		assertNotNull(name, "the demo's customers have names");
		assertFalse(detail.contains(name), "the name is masked: " + name);
		assertTrue(detail.contains(io.custops.core.Masking.name(name)));
		assertTrue(detail.contains("Orders"), detail);
		// reveal: recorded in the workspace's audit log (as target list exports are), then shown
		String id = d.customerId(customer);
		assertEquals(List.of(), session.workspace().audit().entries(id), "nothing recorded before the reveal");
		org.eclipse.swt.widgets.Button reveal = button(view.detail(), "Reveal personal data (recorded)");
		reveal.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		settle();
		assertTrue(texts(view.detail()).contains(name), "shown after the reveal");
		List<io.custops.store.AuditEntry> audit = session.workspace().audit().entries(id);
		assertEquals(1, audit.size(), audit.toString());
		assertEquals(WorkbenchSession.REVEAL, audit.get(0).action());
		assertEquals(Boolean.FALSE, audit.get(0).masked());
		assertTrue(List.of(audit.get(0).details().get("fields").split(",")).contains("name"), audit.toString());
		assertEquals(System.getProperty("user.name"), audit.get(0).user());
		assertFalse(Files.exists(session.directory().resolve("audit").resolve("reveals.csv")), "no file of the UI's own");
		session.preferences().put("masking", null);
		session.preferences().put(UiPreferences.MASKED_FIELDS, null);
		assertNoError(view);
		screenshot(view, "customers-en");
		assertEquals("138****5678", io.custops.core.Masking.masked("phone", "13812345678"));
		assertEquals("张*", io.custops.core.Masking.masked("name", "张三"));
	}

	private static org.eclipse.swt.widgets.Button button(Control control, String text) {
		if (control instanceof org.eclipse.swt.widgets.Button b && text.equals(b.getText())) {
			return b;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				org.eclipse.swt.widgets.Button found = button(child, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String texts(Control control) {
		StringBuilder text = new StringBuilder();
		if (control instanceof org.eclipse.swt.widgets.Label label) {
			text.append(label.getText()).append('\n');
		} else if (control instanceof org.eclipse.swt.widgets.Table table) {
			for (TableItem item : table.getItems()) {
				for (int i = 0; i < table.getColumnCount(); i++) {
					text.append(item.getText(i)).append(' ');
				}
				text.append('\n');
			}
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				text.append(texts(child));
			}
		}
		return text.toString();
	}

	@Test
	@Order(3)
	void segmentsViewShowsSegmentsTheGridAndSavesASelectionAsATag() throws Exception {
		SegmentsView view = open("Segments", Locale.ENGLISH, SegmentsView::new);
		assertNoError(view);
		assertTrue(view.strategies().containsAll(List.of("rfm", "tiers", "tags")), view.strategies().toString());
		assertTrue(view.selectStrategy("rfm"));
		view.compute();
		settle();
		assertNoError(view);
		assertFalse(view.sizesChart().isEmpty());
		assertFalse(view.grid().isEmpty(), "rfm gives R and F: the grid is drawn");
		long sum = 0;
		for (String n : column(view.segmentsTable(), 1)) {
			sum += Long.parseLong(n.replace(",", ""));
		}
		assertTrue(sum > 0 && sum <= session.dataset().customerCount());
		screenshot(view, "segments-rfm-en");

		view = open("Segments", Locale.ENGLISH, SegmentsView::new);
		assertTrue(view.selectStrategy("tiers"));
		view.compute();
		settle();
		assertEquals(4, view.ladderTable().getItemCount(), "the tier ladder of the preferences");
		view.setThreshold("vip", "200");
		settle();
		assertNoError(view);
		assertEquals("200", view.ladderTable().getItem(2).getText(1));
		view.segmentsTable().select(view.segmentsTable().getItemCount() - 1);
		long supreme = Long.parseLong(view.segmentsTable().getItem(view.segmentsTable().getItemCount() - 1).getText(1).replace(",", ""));
		view.saveSelectionAsTag("ui-top-tier");
		settle();
		assertNoError(view);
		CustomerDataset d = session.dataset();
		int tag = d.tagNames().indexOf("ui-top-tier");
		assertTrue(tag >= 0, "the tag is in the reloaded dataset");
		long tagged = java.util.Arrays.stream(d.tagIds()).filter(t -> t == tag).count();
		assertEquals(supreme, tagged, "every customer of the selected segment got the tag");
		screenshot(view, "segments-tiers-en");
	}

	/**
	 * Issue 17: RFM levels nobody is scored in are said in a line of the part, in its language,
	 * with the strategy's own sentences; the line goes when there is nothing to say.
	 */
	@Test
	@Order(3)
	void segmentsViewSaysWhichScoreLevelsAreEmpty() throws Exception {
		var analyses = services.analyses();
		var rfm = analyses.find("rfm");
		var summary = analyses.run(rfm, session.dataset(), session.defaultAsOf(), analyses.resolve(rfm, Map.of()),
				io.custops.core.ProgressMonitor.NULL).summary();
		List<String> expected = ((List<?>) summary.get("warnings")).stream().map(w -> "⚠ " + w).toList();
		SegmentsView view = open("Segments", Locale.ENGLISH, SegmentsView::new);
		assertTrue(view.selectStrategy("rfm"));
		view.compute();
		settle();
		assertNoError(view);
		assertEquals(String.join("\n", expected), view.warnings(), "the strategy's warnings on the demo shop");

		// frequency by thresholds nobody in the demo shop reaches: F2–F5 empty, R and M quintiles
		view.setParameter("scoring.f", "fixed");
		view.setParameter("frequencyThresholds", "100,200,300,400");
		view.compute();
		settle();
		assertNoError(view);
		assertTrue(view.warnings().contains("⚠ F2, F3, F4 and F5 are empty (frequency scored by the fixed thresholds "
				+ "frequencyThresholds=100,200,300,400)"), view.warnings());
		screenshot(view, "segments-rfm-warning-en");

		SegmentsView zh = open("客群", Locale.SIMPLIFIED_CHINESE, SegmentsView::new);
		assertTrue(zh.selectStrategy("rfm"));
		zh.setParameter("scoring.f", "fixed");
		zh.setParameter("frequencyThresholds", "100,200,300,400");
		zh.compute();
		settle();
		assertNoError(zh);
		assertTrue(zh.warnings().contains("⚠ F2、F3、F4、F5 分档为空（购买频次按固定阈值 frequencyThresholds=100,200,300,400 评分）"),
				zh.warnings());
		screenshot(zh, "segments-rfm-warning-zh");

		SegmentsView tiers = open("Segments", Locale.ENGLISH, SegmentsView::new);
		assertTrue(tiers.selectStrategy("tiers"));
		tiers.compute();
		settle();
		assertEquals("", tiers.warnings(), "nothing to say: no line");
		tiers.control().getShell().dispose();
	}

	@Test
	@Order(4)
	void lifecycleViewShowsStagesTrendAndChurnWarnings() throws Exception {
		LifecycleView view = open("Lifecycle", Locale.ENGLISH, LifecycleView::new);
		assertNoError(view);
		assertEquals(5, view.funnelChart().categories().size(), "potential, new, returning, fan, dormant");
		assertFalse(view.activityChart().isEmpty());
		assertFalse(view.trendChart().isEmpty(), "the weekly dormant trend");
		assertFalse(view.bandsChart().isEmpty(), "P(alive) bands of the churn model");
		assertTrue(view.warningsTable().getItemCount() > 0, "repeat buyers likely gone are listed");
		screenshot(view, "lifecycle-en");
	}

	@Test
	@Order(5)
	void conversionViewShowsTheMatrixAndTheTrend() throws Exception {
		ConversionView view = open("Conversion", Locale.ENGLISH, ConversionView::new);
		assertNoError(view);
		assertNotNull(view.result());
		assertEquals("tiers", view.result().analysis());
		assertFalse(view.matrix().isEmpty());
		assertFalse(view.trendChart().isEmpty(), "monthly series");
		assertEquals(view.result().perLevel().size() + 1, view.levelsTable().getItemCount());
		screenshot(view, "conversion-en");
	}

	@Test
	@Order(6)
	void behaviourViewBuildsAFunnelAndSavesItsDropOffs() throws Exception {
		BehaviourView view = open("Behaviour", Locale.ENGLISH, BehaviourView::new);
		assertNoError(view);
		// the default window is the engine's, as in ./custops funnel and the behavior-path report, and is said
		assertEquals("14d", view.funnel().window());
		assertTrue(view.funnelSummary().contains("Window 14d from the first step, ordered."), view.funnelSummary());
		view.setSteps(List.of("view", "cart", "pay"));
		view.setWindow("7d");
		assertTrue(view.setBreakdown("channel"));
		view.computeFunnel();
		settle();
		assertNoError(view);
		assertEquals("7d", view.funnel().window());
		assertTrue(view.funnelSummary().contains("Window 7d from the first step, ordered."), view.funnelSummary());
		assertEquals(List.of("view", "cart", "pay"), view.funnel().steps().stream().map(s -> s.step()).toList());
		assertFalse(view.breakdownChart().isEmpty());
		int dropped = view.funnel().dropped(3).length;
		assertTrue(dropped > 0);
		view.saveDropOffs(3, "ui-cart-not-paid");
		settle();
		CustomerDataset d = session.dataset();
		int tag = d.tagNames().indexOf("ui-cart-not-paid");
		assertTrue(tag >= 0);
		assertEquals(dropped, java.util.Arrays.stream(d.tagIds()).filter(t -> t == tag).count());
		settle();
		assertFalse(view.flowChart().isEmpty(), "flows of the paths");
		assertTrue(view.pathTable().getItemCount() > 0);
		view.computePaths(true);
		settle();
		assertNoError(view);
		screenshot(view, "behaviour-en");
	}

	@Test
	@Order(7)
	void campaignsViewMeasuresEveryCampaign() throws Exception {
		CampaignsView view = open("Campaigns", Locale.ENGLISH, CampaignsView::new);
		assertNoError(view);
		assertTrue(view.results().size() > 0, "the demo's campaigns");
		assertEquals(view.results().size(), view.campaignsTable().getItemCount());
		assertFalse(view.roiChart().isEmpty());
		view.campaignsTable().select(0);
		view.computeBreakdown();
		settle();
		assertNoError(view);
		assertTrue(view.segmentsTable().getItemCount() > 0);
		// the part's one target list export: masked and recorded, as ./custops campaign export
		Path targets = target.resolve("ui-targets.csv");
		String first = view.rows().get(0).record().id();
		io.custops.campaign.TargetListExport.Result exported = io.custops.ui.internal.campaigns.CampaignFormModel
				.export(session.workspace(), session.dataset(), first, targets);
		List<String> lines = Files.readAllLines(targets);
		assertTrue(lines.get(0).replace("\uFEFF", "").startsWith("customer_id,"), lines.get(0));
		assertEquals(view.results().get(0).total().treatmentSize(), lines.size() - 1);
		assertTrue(exported.masked());
		assertTrue(session.workspace().audit().entries(first).stream()
				.anyMatch(e -> e.action().equals(io.custops.campaign.TargetListExport.ACTION) && e.seq() == exported.audit().seq()));
		// the form: a campaign from a lifecycle stage with a control group, the plan's size shown
		int before = view.results().size();
		CampaignEditor editor = view.editor();
		io.custops.ui.internal.campaigns.CampaignFormModel form = editor.model();
		form.id = "ui-dormant";
		form.name = "Wake the dormant";
		form.start = java.time.LocalDate.now().plusDays(3).toString();
		form.end = java.time.LocalDate.now().plusDays(16).toString();
		form.cost = "120";
		form.margin = "35%";
		form.targetKind = io.custops.ui.internal.campaigns.CampaignFormModel.TargetKind.STAGE;
		form.targetValue = "dormant";
		form.control = "20%";
		editor.show();
		editor.check();
		settle();
		assertNoError(view);
		assertTrue(editor.planText().contains("customers;"), editor.planText());
		// a playbook, for the Playbooks section (read again after the save)
		io.custops.campaign.Playbooks.add(session.workspace(), new io.custops.store.PlaybookRecord("weekly-second",
				"0 9 * * 1", "second-purchase", Map.of(), true, new java.math.BigDecimal("0.1"),
				new java.math.BigDecimal("0.10"), java.math.BigDecimal.ONE, 7, target.resolve("ui-lists").toString(),
				"csv", 3, "run", null, null, null, null), java.time.Instant.now());
		editor.save();
		settle();
		assertNoError(view);
		assertTrue(session.workspace().campaigns().get("ui-dormant").isPresent());
		assertTrue(session.workspace().campaigns().get("ui-dormant").get().controlSize() > 0);
		assertTrue(view.results().size() >= before, "the list is read again");
		assertEquals(1, editor.playbooksTable().getItemCount());
		assertEquals("weekly-second", editor.playbooksTable().getItem(0).getText(0));
		screenshot(view, "campaigns-en");
	}

	@Test
	@Order(8)
	void reportsViewRendersATemplate() throws Exception {
		ReportsView view = open("Reports", Locale.ENGLISH, ReportsView::new);
		assertNoError(view);
		assertTrue(view.selectTemplate("rfm"));
		Path out = target.resolve("ui-reports");
		view.setFolder(out);
		view.form().set("format", "html");
		view.render();
		settle();
		assertNoError(view);
		assertNotNull(view.rendered());
		Path html = out.resolve("rfm.html");
		assertTrue(Files.size(html) > 1000, "the report was written");
		assertEquals(1, view.filesTable().getItemCount());
		assertTrue(view.hasBrowser() || view.previewImages() > 0, "previewed: in a browser, or the report's charts");
		screenshot(view, "reports-en");
	}

	@Test
	@Order(9)
	void everyChartExportsAPng() throws Exception {
		SegmentsView view = open("Segments", Locale.ENGLISH, SegmentsView::new);
		List<Chart> charts = charts(view.control());
		assertEquals(2, charts.size());
		Path png = target.resolve("ui-chart.png");
		charts.get(0).exportPng(png);
		ImageData data = new ImageLoader().load(png.toString())[0];
		assertTrue(data.width >= 640 && data.height >= 400, data.width + "x" + data.height);
		view.control().getShell().dispose();
	}

	// ------------------------------------------------------------------ Chinese

	@Test
	@Order(10)
	void everyViewSpeaksChinese() throws Exception {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		List<View> views = new ArrayList<>();
		DataView data = open("数据", zh, DataView::new);
		views.add(data);
		assertNoError(data);
		assertTrue(texts(data.control()).contains("导入"));
		// the rejected row of the English test's import, its reason in Chinese (the file's reason_zh)
		Path rejected = session.info().imports().stream().filter(r -> r.source() != null && r.source().endsWith("ui-orders.csv"))
				.map(r -> r.rejectsFile()).findFirst().orElseThrow();
		data.showRejects(rejected);
		settle();
		assertEquals(1, data.rejectsTable().getItemCount());
		assertEquals("amount", data.rejectsTable().getItem(0).getText(1), "the field column stays the canonical field");
		assertEquals("amount 的值 'abc' 不是数字", data.rejectsTable().getItem(0).getText(2));
		screenshot(data, "data-zh");
		CustomersView customers = open("客户", zh, CustomersView::new);
		assertNoError(customers);
		assertEquals("客户", customers.table().getColumnTitle(0));
		assertEquals(session.dataset().customerCount(), customers.rowCount(), "every customer listed");
		screenshot(customers, "customers-zh");
		SegmentsView segments = open("客群", zh, SegmentsView::new);
		assertNoError(segments);
		assertTrue(segments.sizesChart().categories().stream().anyMatch(c -> c.chars().anyMatch(ch -> ch > 0x4e00)),
				"segment names in Chinese: " + segments.sizesChart().categories());
		screenshot(segments, "segments-zh");
		LifecycleView lifecycle = open("生命周期", zh, LifecycleView::new);
		assertNoError(lifecycle);
		assertTrue(lifecycle.funnelChart().categories().contains("沉睡客户"), lifecycle.funnelChart().categories().toString());
		screenshot(lifecycle, "lifecycle-zh");
		ConversionView conversion = open("等级转化", zh, ConversionView::new);
		assertNoError(conversion);
		screenshot(conversion, "conversion-zh");
		BehaviourView behaviour = open("行为", zh, BehaviourView::new);
		assertNoError(behaviour);
		assertTrue(behaviour.funnelSummary().contains("窗口：首步后 14d 内，按顺序。"), behaviour.funnelSummary());
		screenshot(behaviour, "behaviour-zh");
		CampaignsView campaigns = open("营销活动", zh, CampaignsView::new);
		assertNoError(campaigns);
		screenshot(campaigns, "campaigns-zh");
		ReportsView reports = open("报表", zh, ReportsView::new);
		assertNoError(reports);
		screenshot(reports, "reports-zh");
	}

	@Test
	@Order(12)
	void aPluginsStrategyAppearsInTheChooserAndLeavesWithItsBundle() throws Exception {
		SegmentsView view = open("Segments", Locale.ENGLISH, SegmentsView::new);
		org.osgi.framework.Bundle fixtures = java.util.Arrays.stream(FrameworkUtil.getBundle(View.class).getBundleContext().getBundles())
				.filter(b -> "io.custops.testing.fixtures".equals(b.getSymbolicName())).findFirst().orElseThrow();
		fixtures.start();
		spin(() -> view.strategies().contains("fixture-strategy"));
		assertTrue(view.strategies().contains("fixture-strategy"), "a strategy no UI code names: " + view.strategies());
		fixtures.stop();
		try {
			spin(() -> !view.strategies().contains("fixture-strategy"));
			assertFalse(view.strategies().contains("fixture-strategy"), view.strategies().toString());
			assertTrue(view.strategies().contains("rfm"));
		} finally {
			fixtures.start();
		}
		spin(() -> view.strategies().contains("fixture-strategy"));
		assertTrue(view.strategies().contains("fixture-strategy"));
		settle();
		view.control().getShell().dispose();
	}

	@Test
	@Order(13)
	void preferencesAreTheDefaultsOfTheParametersOfTheirKeys() throws Exception {
		UiPreferences preferences = new UiPreferences();
		preferences.put(UiPreferences.DORMANT_DAYS, "90");
		try {
			LifecycleView view = open("Lifecycle", Locale.ENGLISH, LifecycleView::new);
			assertEquals("90", view.stageParameter(UiPreferences.DORMANT_DAYS), "the model declares dormantDays");
			assertNoError(view);
			view.control().getShell().dispose();
		} finally {
			preferences.put(UiPreferences.DORMANT_DAYS, null);
		}
	}

	private void spin(java.util.function.BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
			display.timerExec(50, () -> {
			});
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	// ------------------------------------------------------------------ workspaces

	@Test
	@Order(11)
	void switchesWorkspacesAndNeverTakesOneInUse() throws Exception {
		Path demo = session.directory();
		DataView data = open("Data", Locale.ENGLISH, DataView::new);
		SegmentsView segments = open("Segments", Locale.ENGLISH, SegmentsView::new);
		Path fresh = target.resolve("ui-workspace-2");
		deleteTree(fresh);
		data.openWorkspace(fresh);
		settle();
		assertEquals(WorkbenchSession.State.READY, session.state(), session.message());
		assertEquals(fresh, session.directory());
		assertEquals(0, session.dataset().customerCount());
		assertNotNull(segments.bannerText(), "an empty workspace is said so");
		assertTrue(segments.bannerText().contains("no data"), segments.bannerText());
		assertNoError(segments);

		// another owner holds a workspace: the session does not take it, and says who holds it
		Path held = target.resolve("ui-workspace-held");
		deleteTree(held);
		try (var owner = services.workspaces().open(held)) {
			data.openWorkspace(held);
			settle();
			assertEquals(WorkbenchSession.State.FAILED, session.state());
			assertTrue(session.message().contains("in use"), session.message());
			assertTrue(data.error() != null && data.error().contains("in use"), data.error());
		}
		data.openWorkspace(demo);
		settle();
		assertEquals(WorkbenchSession.State.READY, session.state(), session.message());
		assertTrue(session.dataset().customerCount() >= 3000);
		screenshot(segments, "segments-after-switch-en");
		data.control().getShell().dispose();
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
