package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.source.SourceCheck;
import io.custops.store.SourceRecord;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.UiServices;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The workbench on a PostgreSQL source (issue 21): a demo workspace's facts copied into tables of
 * the PostgreSQL cluster of {@code CUSTOPS_PG_URL} (started by releng/scripts/engines.sh, as
 * ./test.sh does) and registered as source {@code dw}; the Data part opens it and shows its
 * tables, mapped columns, rows and dates; the Segments and Lifecycle parts run inside it and show
 * the very figures of the in-memory run on the same data; a strategy without pushdown is refused
 * by name in the part; a source that is down is said in the part; back to the workspace.
 * Fails (does not skip) without PostgreSQL when {@code CUSTOPS_ENGINES_REQUIRED=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceViewsTest {

	private static final long WAIT = 180_000;

	private Display display;
	private UiServices services;
	private BackgroundJobs jobs;
	private WorkbenchSession session;
	private Path shots;
	private SourceRecord dw;
	private final List<Shell> shells = new ArrayList<>();

	@BeforeAll
	void openWorkspaceWithSource() throws Exception {
		String url = System.getenv("CUSTOPS_PG_URL");
		if (url == null || url.isBlank()) {
			if ("1".equals(System.getenv("CUSTOPS_ENGINES_REQUIRED"))) {
				fail("CUSTOPS_PG_URL is not set although CUSTOPS_ENGINES_REQUIRED=1 (releng/scripts/engines.sh starts PostgreSQL)");
			}
			Assumptions.abort("CUSTOPS_PG_URL is not set: no PostgreSQL (. releng/scripts/engines.sh; start_postgres)");
		}
		String user = System.getenv("CUSTOPS_PG_USER");
		Path target = Path.of(System.getProperty("user.dir"), "target").toAbsolutePath();
		if (!Files.isDirectory(target)) {
			target = Files.createTempDirectory("custops-ui");
		}
		shots = Files.createDirectories(target.resolve("screenshots"));
		Path workspace = target.resolve("ui-source-workspace");
		deleteTree(workspace);
		display = Display.getDefault();
		services = new UiServices(FrameworkUtil.getBundle(WorkbenchSession.class).getBundleContext());
		assertTrue(services.await(20_000), "catalog, analyses and workspace manager registered");
		jobs = new BackgroundJobs();
		session = new WorkbenchSession(services, new UiPreferences(), jobs, display);
		session.open(workspace, null);
		assertTrue(jobs.waitIdle(display, WAIT));
		session.importDemo(Map.of("customers", "3000", "seed", "11"), r -> {
		}, e -> {
			throw new AssertionError(e);
		});
		assertTrue(jobs.waitIdle(display, WAIT));
		assertEquals(3000, session.dataset().customerCount());
		Map<String, String> tables = new LinkedHashMap<>();
		tables.put("orders", "uishop.orders");
		tables.put("events", "uishop.events");
		tables.put("customers", "uishop.customers");
		dw = new SourceRecord("dw", url, user == null ? "postgres" : user, tables, Map.of("order_time", "created_at"), false,
				Instant.now());
		session.workspace().sources().add(dw);
		for (int i = 0; i < 100 && session.services().sourceRuntime() == null; i++) {
			Thread.sleep(100);
		}
		load(session.dataset(), dw);
	}

	/** The workspace's facts into schema uishop: the same customers, orders and events. */
	private void load(CustomerDataset d, SourceRecord source) throws Exception {
		try (Connection c = session.sourceRuntime().connect(source, false); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS uishop CASCADE");
			s.execute("CREATE SCHEMA uishop");
			s.execute("CREATE TABLE uishop.customers(customer_id VARCHAR(40))");
			s.execute("CREATE TABLE uishop.orders(order_id VARCHAR(40), customer_id VARCHAR(40), created_at TIMESTAMP,"
					+ " amount DECIMAL(12,2), status VARCHAR(20), quantity INT, usage_days INT)");
			s.execute("CREATE TABLE uishop.events(customer_id VARCHAR(40), event_time TIMESTAMP, event_type VARCHAR(40),"
					+ " session_id VARCHAR(40))");
			c.setAutoCommit(false);
			try (PreparedStatement customers = c.prepareStatement("INSERT INTO uishop.customers VALUES (?)");
					PreparedStatement orders = c.prepareStatement("INSERT INTO uishop.orders VALUES (?, ?, ?, ?, ?, ?, ?)");
					PreparedStatement events = c.prepareStatement("INSERT INTO uishop.events VALUES (?, ?, ?, ?)")) {
				int[] orderOffsets = d.orderOffsets();
				int[] eventOffsets = d.eventOffsets();
				for (int k = 0; k < d.customerCount(); k++) {
					String id = d.customerId(k);
					customers.setString(1, id);
					customers.addBatch();
					for (int i = orderOffsets[k]; i < orderOffsets[k + 1]; i++) {
						orders.setString(1, "O" + i);
						orders.setString(2, id);
						orders.setObject(3, time(d.orderTime()[i]));
						orders.setBigDecimal(4, BigDecimal.valueOf(d.orderAmount()[i], 2));
						orders.setString(5, OrderStatus.ofCode(d.orderStatus()[i]).id());
						orders.setInt(6, d.orderQuantity()[i]);
						orders.setInt(7, d.orderUsageDays()[i]);
						orders.addBatch();
					}
					for (int i = eventOffsets[k]; i < eventOffsets[k + 1]; i++) {
						events.setString(1, id);
						events.setObject(2, time(d.eventTime()[i]));
						events.setString(3, d.eventTypeNames().get(d.eventType()[i]));
						events.setString(4, "S" + d.eventSession()[i]);
						events.addBatch();
					}
					if (k % 500 == 499) {
						customers.executeBatch();
						orders.executeBatch();
						events.executeBatch();
					}
				}
				customers.executeBatch();
				orders.executeBatch();
				events.executeBatch();
			}
			c.commit();
			c.setAutoCommit(true);
			s.execute("ANALYZE");
		}
	}

	private static LocalDateTime time(long localSeconds) {
		return LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
	}

	@AfterAll
	void close() {
		if (session == null) {
			return;
		}
		shells.forEach(Shell::dispose);
		jobs.waitIdle(display, WAIT);
		session.close();
		services.close();
	}

	// ------------------------------------------------------------------ the Data part opens the source

	@Test
	@Order(1)
	void dataPartOpensTheSourceAndShowsItsTablesColumnsAndCounts() throws Exception {
		session.useSource((SourceRecord) null);
		DataView view = open("Data", Locale.ENGLISH, DataView::new);
		assertNoError(view);
		assertEquals(List.of("Workspace data (in memory)", "Source dw (PostgreSQL)"), view.sourceChoices());
		view.openSource("dw");
		settle();
		assertNoError(view);
		assertEquals("dw", session.source().id());
		assertEquals("dw (PostgreSQL)", session.sourceTitle());
		SourceCheck check = view.sourceCheck();
		assertNotNull(check, "the source was checked");
		assertTrue(check.ok(), check.problems().toString());
		CustomerDataset d = session.dataset();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (SourceCheck.TableCheck t : check.tables()) {
			rows.put(t.kind(), t.rows());
		}
		assertEquals(Map.of("orders", (long) d.orderCount(), "events", (long) d.eventCount(), "customers",
				(long) d.customerCount()), rows);
		assertEquals(3, view.sourceTablesTable().getItemCount());
		List<String> fields = column(view.sourceColumnsTable(), 1);
		assertTrue(fields.containsAll(List.of("order_time", "amount", "status", "event_time", "event_type")), fields.toString());
		assertTrue(column(view.sourceColumnsTable(), 2).contains("created_at"), "order_time is mapped to created_at");
		assertEquals(session.defaultAsOf(), WorkbenchSession.defaultAsOf(check),
				"the source's default as-of is the workspace's: the day after the last order or event");
		screenshot(view, "source-data-en");
	}

	// ------------------------------------------------------------------ Segments: the in-memory figures

	@Test
	@Order(2)
	void segmentsInTheSourceEqualTheInMemoryRun() throws Exception {
		LocalDate asOf = session.defaultAsOf();
		for (String strategy : List.of("rfm", "tiers")) {
			session.useSource((SourceRecord) null);
			SegmentsView view = open("Segments " + strategy, Locale.ENGLISH, SegmentsView::new);
			assertTrue(view.selectStrategy(strategy));
			view.setDate(asOf);
			view.compute();
			settle();
			assertNoError(view);
			SegmentFigures memory = view.figures();
			List<String[]> memoryRows = rows(view.segmentsTable());
			session.useSource(dw);
			settle();
			assertNoError(view);
			view.setDate(asOf); // the same date typed (the source's default is checked equal above)
			view.compute();
			settle();
			assertNoError(view);
			assertTrue(view.summary().contains("in source dw (PostgreSQL)"), view.summary());
			SegmentFigures source = view.figures();
			assertNotSame(memory, source);
			assertArrayEquals(memory.customers(), source.customers(), strategy + ": customers per segment");
			assertEquals(memory.classified(), source.classified(), strategy);
			assertEquals(memory.customerCount(), source.customerCount(), strategy);
			assertEquals(memory.gridSize(), source.gridSize(), strategy);
			for (int r = 1; r <= memory.gridSize(); r++) {
				for (int f = 1; f <= memory.gridSize(); f++) {
					assertEquals(memory.cellCustomers(r, f), source.cellCustomers(r, f), strategy + " R" + r + " F" + f);
					assertEquals(memory.cellSpend(r, f), source.cellSpend(r, f), strategy + " R" + r + " F" + f);
				}
			}
			List<String[]> sourceRows = rows(view.segmentsTable());
			assertEquals(memoryRows.size(), sourceRows.size());
			for (int i = 0; i < memoryRows.size(); i++) {
				if (source.hasRevenue()) {
					assertArrayEquals(memoryRows.get(i), sourceRows.get(i), strategy + " row " + i);
				} else {
					// revenue comes from the result's monetary and frequency columns: tiers has none
					assertArrayEquals(java.util.Arrays.copyOf(memoryRows.get(i), 3), java.util.Arrays.copyOf(sourceRows.get(i), 3),
							strategy + " row " + i);
				}
			}
			if (strategy.equals("rfm")) {
				assertTrue(source.hasRevenue());
				assertArrayEquals(memory.revenue(), source.revenue());
				assertArrayEquals(memory.orders(), source.orders());
				assertEquals(memory.totalRevenue(), source.totalRevenue());
				assertTrue(source.classified() > 0);
				screenshot(view, "source-segments-en");
			} else {
				view.control().getShell().dispose();
			}
		}
	}

	private static void assertNotSame(Object a, Object b) {
		assertFalse(a == b, "a new run");
	}

	@Test
	@Order(3)
	void segmentsInChinese() throws Exception {
		session.useSource(dw);
		SegmentsView view = open("客群", Locale.CHINESE, SegmentsView::new);
		assertTrue(view.selectStrategy("rfm"));
		view.compute();
		settle();
		assertNoError(view);
		assertTrue(view.summary().contains("数据源 dw (PostgreSQL)"), view.summary());
		assertTrue(view.figures().classified() > 0);
		screenshot(view, "source-segments-zh");
	}

	@Test
	@Order(4)
	void aStrategyWithoutPushdownIsRefusedByNameInThePart() throws Exception {
		session.useSource(dw);
		SegmentsView view = open("Segments tags", Locale.ENGLISH, SegmentsView::new);
		assertTrue(view.selectStrategy("tags"));
		view.compute();
		settle();
		assertNoError(view);
		assertNotNull(view.bannerText());
		assertTrue(view.bannerText().contains("tags cannot run inside a postgresql source"), view.bannerText());
		assertEquals(0, view.segmentsTable().getItemCount());
		view.control().getShell().dispose();
	}

	// ------------------------------------------------------------------ Lifecycle

	@Test
	@Order(5)
	void lifecycleInTheSourceEqualsTheInMemoryRun() throws Exception {
		LocalDate asOf = session.defaultAsOf();
		session.useSource((SourceRecord) null);
		LifecycleView view = open("Lifecycle", Locale.ENGLISH, LifecycleView::new);
		view.setDate(asOf);
		view.computeStages();
		settle();
		assertNoError(view);
		StageFigures memory = view.figures();
		session.useSource(dw);
		settle();
		assertNoError(view);
		view.setDate(asOf);
		view.computeStages();
		settle();
		assertNoError(view);
		StageFigures source = view.figures();
		assertFalse(memory == source, "a new run");
		assertArrayEquals(memory.counts(), source.counts(), "customers per stage");
		assertEquals(memory.activity(), source.activity(), "activity split");
		assertEquals(memory.customers(), source.customers());
		assertTrue(source.total() > 0);
		assertTrue(view.churnSummary().contains("cannot run inside a postgresql source"), view.churnSummary());
		screenshot(view, "source-lifecycle-en");
	}

	// ------------------------------------------------------------------ Behaviour

	@Test
	@Order(6)
	void behaviourFunnelInTheSourceEqualsTheInMemoryRun() throws Exception {
		List<String> steps = List.of("view", "cart", "order");
		session.useSource((SourceRecord) null);
		BehaviourView view = open("Behaviour", Locale.ENGLISH, BehaviourView::new);
		List<String> memoryTypes = view.eventTypeChoices();
		view.setSteps(steps);
		view.setWindow("3d");
		view.computeFunnel();
		settle();
		assertNoError(view);
		Map<String, Object> memory = view.funnel().toJson();
		List<String[]> memoryRows = rows(view.stepTable());
		List<String> memoryDrops = List.of(view.dropStepCombo().getItems());
		assertNotNull(view.paths(), "the part found the workspace's paths when it opened");
		Map<String, Object> memoryPaths = view.paths().toJson();
		List<String[]> memoryPathRows = rows(view.pathTable());
		session.useSource(dw);
		settle();
		assertNoError(view);
		assertNotNull(view.paths(), "the part found the source's paths when it opened it");
		assertEquals(memoryPaths, view.paths().toJson(), "the paths inside the source: those of the in-memory run");
		List<String[]> sourcePathRows = rows(view.pathTable());
		assertEquals(memoryPathRows.size(), sourcePathRows.size());
		for (int i = 0; i < memoryPathRows.size(); i++) {
			assertArrayEquals(memoryPathRows.get(i), sourcePathRows.get(i), "path row " + i);
		}
		assertTrue(memoryPathRows.size() > 0, "the shop has paths");
		assertEquals(new java.util.TreeSet<>(memoryTypes), new java.util.TreeSet<>(view.eventTypeChoices()),
				"the builder offers the source's event types");
		view.setSteps(steps);
		view.setWindow("3d");
		view.computeFunnel();
		settle();
		assertNoError(view);
		assertTrue(view.funnelSummary().contains("inside source dw (PostgreSQL)"), view.funnelSummary());
		assertEquals(memory, view.funnel().toJson(), "the funnel inside the source: every figure of the in-memory run");
		List<String[]> sourceRows = rows(view.stepTable());
		assertEquals(memoryRows.size(), sourceRows.size());
		for (int i = 0; i < memoryRows.size(); i++) {
			assertArrayEquals(memoryRows.get(i), sourceRows.get(i), "step row " + i);
		}
		assertEquals(memoryDrops, List.of(view.dropStepCombo().getItems()), "drop-off choices and their counts");
		assertTrue(((Number) ((Map<?, ?>) ((List<?>) memory.get("steps")).get(0)).get("customers")).longValue() > 0,
				"the shop's funnel is not empty");
		view.saveDropOffs(2, "never");
		assertNotNull(view.error(), "drop-offs of a source are not tags of the workspace");
		assertTrue(view.error().contains("tags belong to the workspace"), view.error());
		view.clearError();
		view.computePaths(true);
		settle();
		assertNoError(view);
		assertNotNull(view.paths());
		assertTrue(view.paths().units() > 0, "paths from view that never reach order");
		screenshot(view, "source-behaviour-en");
	}

	@Test
	@Order(7)
	void behaviourRefusesAnAnalysisBreakdownInsideTheSourceByName() throws Exception {
		session.useSource(dw);
		BehaviourView view = open("行为", Locale.CHINESE, BehaviourView::new);
		assertFalse(view.setBreakdown("strategy:rfm"), "analyses are not offered as breakdowns inside a source");
		view.setSteps(List.of("view", "cart"));
		view.computeFunnel();
		settle();
		assertNoError(view);
		assertTrue(view.funnelSummary().contains("数据源 dw (PostgreSQL)"), view.funnelSummary());
		screenshot(view, "source-behaviour-zh");
	}

	// ------------------------------------------------------------------ a source that is down; back to the workspace

	@Test
	@Order(8)
	void aSourceThatIsDownIsSaidInThePartAndTheWorkspaceComesBack() throws Exception {
		SourceRecord down = new SourceRecord("down", "jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=3", "postgres",
				dw.tables(), dw.columns(), false, Instant.now());
		session.workspace().sources().add(down);
		session.useSource((SourceRecord) null);
		DataView data = open("Data down", Locale.ENGLISH, DataView::new);
		SegmentsView segments = open("Segments down", Locale.ENGLISH, SegmentsView::new);
		data.openSource("down");
		settle();
		assertNotNull(data.error(), "the Data part says the source is down");
		assertTrue(data.error().contains("cannot connect"), data.error());
		assertNotNull(segments.error());
		assertTrue(segments.error().contains("cannot connect"), segments.error());
		data.openSource(null);
		settle();
		assertNull(session.source());
		assertNoError(data);
		assertNoError(segments);
		assertTrue(segments.summary().contains(session.dataset().customerCount() + "")
				|| segments.summary().contains(String.format("%,d", session.dataset().customerCount())), segments.summary());
		assertFalse(segments.summary().contains("in source"), segments.summary());
		data.control().getShell().dispose();
		segments.control().getShell().dispose();
	}

	// ------------------------------------------------------------------ helpers (as WorkbenchViewsTest)

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
		assertTrue(jobs.waitIdle(display, WAIT), "background work ended");
	}

	private void screenshot(View view, String name) throws IOException, InterruptedException {
		Shell shell = view.control().getShell();
		shell.forceActive();
		settle();
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

	private static List<String> column(Table table, int column) {
		List<String> values = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			values.add(item.getText(column));
		}
		return values;
	}

	private static List<String[]> rows(Table table) {
		List<String[]> rows = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			String[] row = new String[table.getColumnCount()];
			for (int i = 0; i < row.length; i++) {
				row[i] = item.getText(i);
			}
			rows.add(row);
		}
		return rows;
	}

	private static void deleteTree(Path dir) throws IOException {
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
