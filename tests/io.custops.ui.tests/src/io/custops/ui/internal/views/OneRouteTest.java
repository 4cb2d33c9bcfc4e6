package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.custops.engine.FunnelResult;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiStatistics;
import io.custops.ui.internal.campaigns.CampaignRoiModel;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.UiServices;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * One route per feature (issue 17): the workbench's Campaigns and Behaviour parts show, figure by
 * figure, what {@code ./custops roi --json} and {@code ./custops funnel --json} print for the same
 * workspace. The commands run in-process, as the command line tests run them; the workspace is
 * made by them too (CSV imports) and holds a campaign with members who are not customers, one
 * without members, one too small to tell, one without a control group, and events whose funnel
 * counts differ between a 7-day and the default 14-day window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneRouteTest {

	private static final long WAIT = 180_000;
	/** In the store's order (by id), as the part lists them. */
	private static final List<String> CAMPAIGNS = List.of("big", "gross", "hollow", "small", "stray");

	private Path dir;
	private Path workspace;
	private Display display;
	private UiServices services;
	private BackgroundJobs jobs;
	private WorkbenchSession session;
	private final List<Shell> shells = new ArrayList<>();
	/** What {@code roi --campaign ID --json} gave, per campaign. */
	private final Map<String, Cli> roi = new LinkedHashMap<>();
	/** {@code roi --campaign big --param breakdown=attribute:province --json} */
	private Map<String, Object> roiByProvince;
	/** {@code funnel --steps view,cart,order --json}, without and with {@code window=7d} */
	private Map<String, Object> funnelDefault;
	private Map<String, Object> funnel7d;
	/** {@code import --connector boom}: a connector whose read throws */
	private Cli boomImport;
	private org.osgi.framework.ServiceRegistration<?> boom;
	/** the registered instance, as the Data part takes it from the catalog */
	private final Boom boomService = new Boom();

	record Cli(int status, String out, String err) {
	}

	// ------------------------------------------------------------------ the command line, in-process

	/** {@code ./custops ARGS --workspace W}: the application's own entry, as the command line tests call it. */
	private Cli cli(String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--workspace");
		all.add(workspace.toString());
		Bundle bundle = java.util.Arrays.stream(FrameworkUtil.getBundle(View.class).getBundleContext().getBundles())
				.filter(b -> "io.custops.cli".equals(b.getSymbolicName())).findFirst().orElseThrow();
		if (bundle.getState() != Bundle.ACTIVE) {
			bundle.start(Bundle.START_TRANSIENT);
		}
		// the command line's classes are internal to its bundle: reached the way its own tests are, by the entry point
		Class<?> type = bundle.loadClass("io.custops.cli.internal.CustopsApplication");
		Method run = type.getDeclaredMethod("run", String[].class, PrintStream.class, PrintStream.class);
		run.setAccessible(true);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = (int) run.invoke(type.getDeclaredConstructor().newInstance(), all.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Cli ok(String... args) throws Exception {
		Cli r = cli(args);
		assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
		return r;
	}

	private void importCsv(String kind, String text) throws Exception {
		Path file = dir.resolve(kind + ".csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		Cli r = ok("import", "--kind", kind, "--connector", "csv", "--file", file.toString(), "--json");
		assertTrue(r.out().contains("\"rejected\": 0,"), r.out());
	}

	// ------------------------------------------------------------------ the shop

	@BeforeAll
	void shop() throws Exception {
		Path target = Path.of(System.getProperty("user.dir"), "target").toAbsolutePath();
		dir = Files.createDirectories(target.resolve("one-route"));
		workspace = dir.resolve("ws");
		WorkbenchViewsTest.deleteTree(workspace);
		StringBuilder customers = new StringBuilder("customer_id,province\n");
		StringBuilder orders = new StringBuilder("order_id,customer_id,order_time,amount,status\n");
		StringBuilder events = new StringBuilder("customer_id,event_time,event_type,channel\n");
		LocalDateTime t0 = LocalDateTime.of(2026, 3, 2, 10, 0);
		java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		for (int i = 1; i <= 400; i++) {
			String id = String.format("c%04d", i);
			customers.append(id).append(',').append(i % 3 == 0 ? "浙江" : "上海").append('\n');
			// in March: treated members of big (1 … 200) buy more often than its control (201 … 320)
			boolean buys = i <= 200 ? i % 3 == 0 : i <= 320 ? i % 5 == 0 : i % 4 == 0;
			if (buys) {
				orders.append("o").append(i).append(',').append(id).append(",2026-03-")
						.append(String.format("%02d", 1 + i % 28)).append(" 12:00:00,")
						.append(new BigDecimal(40 + (i * 37) % 160).setScale(2)).append(",paid\n");
			}
			if (i % 7 == 0) {
				orders.append("r").append(i).append(',').append(id).append(",2026-02-10 09:00:00,99.00,paid\n");
			}
			// a view; a cart 0 … 19 days later; an order an hour after the cart for two in three
			if (i % 2 == 0) {
				LocalDateTime view = t0.plusHours(i);
				LocalDateTime cart = view.plusDays(i % 20).plusMinutes(i % 50);
				events.append(id).append(',').append(view.format(time)).append(",view,").append(i % 4 == 0 ? "app" : "web").append('\n');
				events.append(id).append(',').append(cart.format(time)).append(",cart,app\n");
				if (i % 3 != 0) {
					events.append(id).append(',').append(cart.plusHours(1).format(time)).append(",order,app\n");
				}
			}
		}
		importCsv("customers", customers.toString());
		importCsv("orders", orders.toString());
		importCsv("events", events.toString());
		importCsv("campaigns", """
				campaign_id,name,start,end,cost,margin,segment
				big,Big spring,2026-03-01,2026-03-31,800.00,40%,all
				small,Six and three,2026-03-01,2026-03-31,40.00,50%,few
				stray,With strays,2026-03-01,2026-03-31,100.00,50%,odd
				hollow,No members yet,2026-03-01,2026-03-31,10,,
				gross,No control,2026-03-01,2026-03-31,60.00,35%,
				""");
		StringBuilder members = new StringBuilder("campaign_id,customer_id,group\n");
		for (int i = 1; i <= 320; i++) {
			members.append("big,").append(String.format("c%04d", i)).append(i <= 200 ? ",treatment\n" : ",control\n");
		}
		for (int i = 321; i <= 329; i++) {
			members.append("small,").append(String.format("c%04d", i)).append(i <= 326 ? ",treatment\n" : ",control\n");
		}
		for (int i = 330; i <= 350; i++) {
			members.append("stray,").append(String.format("c%04d", i)).append(i <= 340 ? ",treatment\n" : ",control\n");
		}
		// members the workspace has no customer of: ./custops roi refuses the campaign, naming them
		members.append("stray,ghost-1,treatment\nstray,ghost-2,treatment\nstray,ghost-3,control\n");
		for (int i = 351; i <= 380; i++) {
			members.append("gross,").append(String.format("c%04d", i)).append(",treatment\n");
		}
		importCsv("campaign-members", members.toString());
		// the commands first: the workbench holds the workspace while it is open
		for (String id : CAMPAIGNS) {
			roi.put(id, cli("roi", "--campaign", id, "--json"));
		}
		roiByProvince = Json.object(
				ok("roi", "--campaign", "big", "--param", "breakdown=attribute:province", "--json").out());
		funnelDefault = Json.object(ok("funnel", "--steps", "view,cart,order", "--json").out());
		funnel7d = Json.object(ok("funnel", "--steps", "view,cart,order", "--param", "window=7d", "--json").out());
		boom = FrameworkUtil.getBundle(View.class).getBundleContext().registerService(
				io.custops.core.spi.DataConnector.class, boomService, null);
		boomImport = cli("import", "--kind", "orders", "--connector", Boom.ID);

		// the workbench on the same workspace, after the commands released it
		display = Display.getDefault();
		services = new UiServices(FrameworkUtil.getBundle(WorkbenchSession.class).getBundleContext());
		assertTrue(services.await(20_000), "catalog, analyses and workspace manager registered");
		jobs = new BackgroundJobs();
		session = new WorkbenchSession(services, new UiPreferences(), jobs, display);
		session.open(workspace, null);
		assertTrue(jobs.waitIdle(display, WAIT));
		assertEquals(WorkbenchSession.State.READY, session.state(), session.message());
	}

	@AfterAll
	void close() {
		if (boom != null) {
			boom.unregister();
		}
		shells.forEach(Shell::dispose);
		if (jobs != null) {
			jobs.waitIdle(display, WAIT);
		}
		if (session != null) {
			session.close();
		}
		if (services != null) {
			services.close();
		}
	}

	private <V extends View> V open(String name, Locale locale, BiFunction<Composite, ViewContext, V> make) {
		Shell shell = new Shell(display);
		shell.setText("CustOps — " + name);
		shell.setLayout(new FillLayout());
		shell.setBounds(0, 0, 1400, 900);
		shells.add(shell);
		V view = make.apply(shell, new ViewContext(session, locale));
		shell.open();
		assertTrue(jobs.waitIdle(display, WAIT), "background work ended");
		return view;
	}

	// ------------------------------------------------------------------ ROI

	@Test
	void campaignsPartShowsTheFiguresOfCustopsRoi() throws Exception {
		CampaignsView view = open("Campaigns", Locale.ENGLISH, CampaignsView::new);
		assertEquals(CAMPAIGNS, view.rows().stream().map(r -> r.record().id()).toList(), "every campaign listed");
		assertEquals(CAMPAIGNS.size(), view.campaignsTable().getItemCount());
		for (int i = 0; i < CAMPAIGNS.size(); i++) {
			String id = CAMPAIGNS.get(i);
			Cli cli = roi.get(id);
			CampaignRoiModel.Row row = view.rows().get(i);
			TableItem item = view.campaignsTable().getItem(i);
			if (cli.status() != 0) {
				// refused alike: the command's message is the part's reason
				assertEquals(2, cli.status(), id + ": " + cli.err());
				assertFalse(row.measured(), id + " is measured by the part but refused by roi: " + cli.err());
				assertTrue(cli.err().startsWith("custops roi: " + row.rejected() + "\n"), id + ": " + cli.err());
				assertEquals("not measured: " + row.rejected(), item.getText(14));
				continue;
			}
			assertTrue(row.measured(), id + " refused by the part, measured by roi: " + row.rejected());
			Map<String, Object> json = Json.object(cli.out());
			RoiResult.Figures f = row.result().total();
			RoiStatistics.Result s = f.statistics();
			assertNotNull(s, id);
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("treatment_size", f.treatmentSize());
			shown.put("control_size", f.controlSize());
			shown.put("treatment_responders", f.treatmentResponders());
			shown.put("control_responders", f.controlResponders());
			shown.put("treatment_revenue", f.treatmentRevenue());
			shown.put("control_revenue", f.controlRevenue());
			shown.put("incremental_revenue", f.incrementalRevenue());
			shown.put("incremental_profit", f.incrementalProfit());
			shown.put("cost", f.cost());
			shown.put("net_return", f.netReturn());
			shown.put("roi", f.roi());
			shown.put("treatment_response_rate", f.treatmentResponseRate());
			shown.put("control_response_rate", f.controlResponseRate());
			shown.put("uplift", f.uplift());
			shown.put("relative_uplift", f.relativeUplift());
			shown.put("incremental", f.incremental());
			shown.put("uplift_ci", s.uplift() == null ? null : s.uplift().toJson());
			shown.put("incremental_revenue_ci", s.incrementalRevenue() == null ? null : s.incrementalRevenue().toJson());
			shown.put("roi_ci", s.roi() == null ? null : s.roi().toJson());
			shown.put("treatment_response_rate_ci", s.treatmentRate() == null ? null : s.treatmentRate().toJson());
			shown.put("control_response_rate_ci", s.controlRate() == null ? null : s.controlRate().toJson());
			shown.put("p_value", s.pValue());
			shown.put("uplift_p_value", s.upliftPValue());
			shown.put("significant", s.significant());
			shown.put("warnings", s.warnings());
			shown.forEach((key, value) -> assertSame(json.get(key), value, id + " " + key));

			// and what the table says is those figures
			assertEquals(Tables.count(number(json, "treatment_size").longValue()), item.getText(2), id);
			assertEquals(Tables.count(number(json, "control_size").longValue()), item.getText(3), id);
			assertEquals(Tables.money(number(json, "treatment_revenue")), item.getText(4), id);
			assertEquals(Tables.money(number(json, "incremental_revenue")), item.getText(5), id);
			assertEquals(Tables.money(number(json, "cost")), item.getText(6), id);
			assertEquals(Tables.ratio(number(json, "roi")), item.getText(7), id);
			assertEquals(interval(json.get("roi_ci")), item.getText(8), id);
			assertEquals(Tables.ratio(number(json, "uplift")), item.getText(9), id);
			assertEquals(interval(json.get("uplift_ci")), item.getText(10), id);
			assertEquals(json.get("p_value") == null ? "—" : number(json, "p_value").toPlainString(), item.getText(11), id);
			assertEquals(json.get("significant") == null ? "—" : (Boolean) json.get("significant") ? "yes" : "no",
					item.getText(12), id);
			assertEquals(Tables.money(number(json, "net_return")), item.getText(13), id);
			@SuppressWarnings("unchecked")
			List<String> warnings = (List<String>) json.get("warnings");
			assertEquals(warnings.stream().anyMatch(w -> w.startsWith(RoiStatistics.TOO_FEW)),
					item.getText(14).contains(RoiStatistics.TOO_FEW), id + ": " + item.getText(14));
			// the selected campaign's warnings in full, as roi prints them
			view.campaignsTable().select(i);
			view.campaignsTable().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertTrue(jobs.waitIdle(display, WAIT));
			for (String w : warnings) {
				assertTrue(view.warningsText().contains(w), id + ": " + w + " in " + view.warningsText());
			}
		}
		// what the figures are worth: the big campaign can tell, the small one cannot
		RoiResult.Figures big = view.rows().get(CAMPAIGNS.indexOf("big")).result().total();
		assertFalse(big.tooFewToTell(), "big: " + big.warnings());
		assertTrue(view.rows().get(CAMPAIGNS.indexOf("small")).result().total().tooFewToTell());
		assertFalse(view.rows().get(CAMPAIGNS.indexOf("stray")).measured(), "members who are not customers: refused");
		assertTrue(view.rows().get(CAMPAIGNS.indexOf("stray")).rejected().contains("ghost-1"));
		assertTrue(view.summaryText().contains("2 not measured"), view.summaryText());

		// by the segments recorded at creation (none here) and by an attribute: the figures of roi --param breakdown
		view.campaignsTable().select(CAMPAIGNS.indexOf("big"));
		assertTrue(view.setBreakdown("attribute:province"));
		view.computeBreakdown();
		assertTrue(jobs.waitIdle(display, WAIT));
		Map<String, Object> by = roiByProvince;
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> segments = (List<Map<String, Object>>) ((Map<String, Object>) by.get("by_segment"))
				.get("segments");
		RoiResult shown = view.breakdownResult();
		assertEquals(segments.size(), shown.segments().size());
		for (int k = 0; k < segments.size(); k++) {
			RoiResult.Segment g = shown.segments().get(k);
			assertEquals(segments.get(k).get("segment"), g.segment());
			assertSame(segments.get(k).get("roi"), g.figures().roi(), g.segment());
			assertSame(segments.get(k).get("incremental_revenue"), g.figures().incrementalRevenue(), g.segment());
			assertSame(segments.get(k).get("roi_ci"), g.figures().statistics().roi() == null ? null
					: g.figures().statistics().roi().toJson(), g.segment());
			assertEquals(Tables.ratio((BigDecimal) segments.get(k).get("roi")), view.segmentsTable().getItem(k).getText(5));
		}
	}

	/** A figure of the JSON equals the part's: numbers by value, lists element by element. */
	private static void assertSame(Object json, Object shown, String what) {
		if (json == null || shown == null) {
			assertEquals(json, shown, what);
		} else if (json instanceof BigDecimal a) {
			BigDecimal b = shown instanceof BigDecimal d ? d : new BigDecimal(shown.toString());
			assertEquals(0, a.compareTo(b), what + ": roi --json " + a + ", the part " + b);
		} else if (json instanceof List<?> a) {
			List<?> b = (List<?>) shown;
			assertEquals(a.size(), b.size(), what);
			for (int i = 0; i < a.size(); i++) {
				assertSame(a.get(i), b.get(i), what + "[" + i + "]");
			}
		} else {
			assertEquals(json, shown, what);
		}
	}

	private static BigDecimal number(Map<String, Object> json, String key) {
		return (BigDecimal) json.get(key);
	}

	private static String interval(Object ci) {
		if (ci == null) {
			return "—";
		}
		List<?> bounds = (List<?>) ci;
		return CampaignRoiModel.percent(new RoiStatistics.Interval((BigDecimal) bounds.get(0), (BigDecimal) bounds.get(1)));
	}

	// ------------------------------------------------------------------ funnel

	@Test
	void behaviourPartCountsTheFunnelOfCustopsFunnel() throws Exception {
		BehaviourView view = open("Behaviour", Locale.ENGLISH, BehaviourView::new);
		view.setSteps(List.of("view", "cart", "order"));
		view.computeFunnel();
		assertTrue(jobs.waitIdle(display, WAIT));
		compare(view, funnelDefault, "default window");
		view.setWindow("7d");
		view.computeFunnel();
		assertTrue(jobs.waitIdle(display, WAIT));
		compare(view, funnel7d, "7d");
	}

	private void compare(BehaviourView view, Map<String, Object> json, String what) {
		FunnelResult r = view.funnel();
		assertNotNull(r, what);
		assertEquals(json.get("window"), r.window(), what);
		assertEquals(json.get("order"), r.order(), what);
		assertTrue(view.funnelSummary().contains("Window " + json.get("window") + " from the first step"),
				view.funnelSummary());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
		assertEquals(steps.size(), r.steps().size(), what);
		for (int k = 0; k < steps.size(); k++) {
			FunnelResult.Step s = r.steps().get(k);
			Map<String, Object> j = steps.get(k);
			assertEquals(j.get("step"), s.step(), what);
			assertSame(j.get("customers"), s.customers(), what + " customers at " + s.step());
			assertSame(j.get("pct_of_first"), s.pctOfFirst(), what + " % of first at " + s.step());
			assertSame(j.get("pct_of_previous"), s.pctOfPrevious(), what + " % of previous at " + s.step());
			assertSame(j.get("median_seconds_from_previous"), s.medianSecondsFromPrevious(), what + " median at " + s.step());
			assertSame(j.get("mean_seconds_from_previous"), s.toJson().get("mean_seconds_from_previous"),
					what + " mean at " + s.step());
			assertEquals(Tables.count(((BigDecimal) j.get("customers")).longValue()), view.stepTable().getItem(k).getText(1),
					what);
		}
		assertNull(json.get("breakdown"), what);
	}

	/** The 7-day and the 14-day funnel of this shop differ, so the comparison above can tell them apart. */
	@Test
	void theWindowsDiffer() {
		assertEquals("14d", funnelDefault.get("window"));
		assertEquals("7d", funnel7d.get("window"));
		Object a = ((Map<?, ?>) ((List<?>) funnelDefault.get("steps")).get(2)).get("customers");
		Object b = ((Map<?, ?>) ((List<?>) funnel7d.get("steps")).get(2)).get("customers");
		assertTrue(((BigDecimal) a).compareTo((BigDecimal) b) > 0, "more reach the order within 14 days: " + a + " > " + b);
	}

	// ------------------------------------------------------------------ imports

	/** A plugin's connector whose read fails in its own code. */
	static final class Boom implements io.custops.core.spi.DataConnector {
		static final String ID = "boom-connector";

		@Override
		public String id() {
			return ID;
		}

		@Override
		public io.custops.core.LocalizedText name() {
			return io.custops.core.LocalizedText.of("Boom", "爆炸");
		}

		@Override
		public java.util.Set<io.custops.core.data.FactKind> supportedKinds() {
			return java.util.Set.of(io.custops.core.data.FactKind.ORDERS);
		}

		@Override
		public boolean needsFile() {
			return false;
		}

		@Override
		public void read(io.custops.core.spi.ImportRequest request, io.custops.core.spi.RecordSink sink) {
			throw new IllegalStateException("boom");
		}
	}

	/** An import started from the workbench calls its connector through the service guard, as the command line's. */
	@Test
	void aWorkbenchImportIsGuardedAsTheCommandLinesIs() throws Exception {
		assertEquals(1, boomImport.status(), boomImport.err());
		Exception[] failure = { null };
		session.importFacts(boomService, io.custops.core.data.FactKind.ORDERS, java.util.Optional.empty(), Map.of(),
				r -> {
				}, e -> failure[0] = e);
		assertTrue(jobs.waitIdle(display, WAIT));
		assertNotNull(failure[0], "the import failed");
		boolean guarded = false;
		for (Throwable t = failure[0]; t != null; t = t.getCause()) {
			guarded |= t instanceof io.custops.engine.ServiceFailedException;
		}
		assertTrue(guarded, "the guard's failure, not the connector's own exception: " + failure[0]);
		String said = WorkbenchSession.text(failure[0]);
		assertTrue(said.contains("connector '" + Boom.ID + "'") && said.contains("failed in read"), said);
		assertFalse(said.contains("ServiceFailedException"), "the guard's words, not its class: " + said);
		assertTrue(boomImport.err().contains(said), "the command line says the same: " + boomImport.err() + " / " + said);
	}
}
