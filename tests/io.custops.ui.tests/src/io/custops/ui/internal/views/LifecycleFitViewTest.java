package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

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
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.ProgressMonitor;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ServiceKind;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.UiServices;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Lifecycle part's churn model on a demo workspace under Xvfb: MBG/NBD by default; what a fit
 * says of itself (its warnings in colour, the parameters with standard errors, the calibration
 * histogram and, with a holdout, the weekly tracking) equal to the model's own run through the
 * analyses, in English and Chinese. Screenshots in target/screenshots: lifecycle-fit-bgnbd-en.png
 * (the warnings), lifecycle-fit-holdout-en.png and lifecycle-fit-holdout-zh.png (the fit tab).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleFitViewTest {

	private static final long WAIT = 180_000;

	private Display display;
	private UiServices services;
	private BackgroundJobs jobs;
	private WorkbenchSession session;
	private Path shots;

	@BeforeAll
	void openDemoWorkspace() throws Exception {
		Path target = Path.of(System.getProperty("user.dir"), "target").toAbsolutePath();
		if (!Files.isDirectory(target)) {
			target = Files.createTempDirectory("custops-ui");
		}
		shots = Files.createDirectories(target.resolve("screenshots"));
		display = Display.getDefault();
		services = new UiServices(FrameworkUtil.getBundle(WorkbenchSession.class).getBundleContext());
		assertTrue(services.await(20_000));
		jobs = new BackgroundJobs();
		session = new WorkbenchSession(services, new UiPreferences(), jobs, display);
		session.open(Files.createTempDirectory(target, "lifecycle-fit-workspace"), null);
		assertTrue(jobs.waitIdle(display, WAIT));
		session.importDemo(Map.of("customers", "3000", "seed", "7"), r -> {
		}, e -> {
			throw new AssertionError(e);
		});
		assertTrue(jobs.waitIdle(display, WAIT));
		assertEquals(3000, session.dataset().customerCount());
		// the models come as DS services: wait until the three customer-base models are there
		for (int i = 0; i < 200 && !services.catalog().services(ServiceKind.MODEL).stream().map(e -> e.id()).toList()
				.containsAll(List.of("bgnbd", "paretonbd", "mbgnbd")); i++) {
			Thread.sleep(50);
		}
	}

	@AfterAll
	void close() {
		jobs.waitIdle(display, WAIT);
		session.close();
		services.close();
	}

	@Test
	void theChurnListRunsMbgnbdAndShowsItsParametersWithStandardErrors() throws Exception {
		LifecycleView view = open("Lifecycle", Locale.ENGLISH);
		assertNull(view.error(), view.error());
		assertEquals("mbgnbd", view.churnModel(), "MBG/NBD is the churn list's model unless the analyst picks another");
		assertTrue(view.churnSummary().startsWith("mbgnbd: "), view.churnSummary());
		CustomerClassification own = run("mbgnbd", Map.of());
		Map<String, Object> params = map(own.summary().get("params"));
		Map<String, Object> se = map(own.summary().get("params_se"));
		List<String[]> rows = rows(view);
		for (String p : List.of("r", "alpha", "a", "b")) {
			String[] row = rows.stream().filter(r -> r[0].equals("MBGNBD") && r[1].equals(p)).findFirst()
					.orElseThrow(() -> new AssertionError("no row of " + p));
			assertEquals(FitFigures.number(params.get(p)), row[2], p);
			assertEquals(FitFigures.number(se.get(p)), row[3], "standard error of " + p);
		}
		assertTrue(rows.stream().anyMatch(r -> r[0].equals("Gamma-Gamma") && r[1].equals("gamma")), "Gamma-Gamma's rows");
		// the calibration histogram, always; the tracking needs a holdout
		assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7+"), view.histogramChart().categories());
		assertEquals(2, view.histogramChart().series().size(), "actual and model");
		assertTrue(view.trackingChart().isEmpty(), "no holdout by default");
		assertEquals(own.summary().get("warnings"), view.fit().warnings());
		view.control().getShell().dispose();
	}

	@Test
	void bgnbdsWarningsAreShownAboveTheList() throws Exception {
		LifecycleView view = open("Lifecycle", Locale.ENGLISH);
		assertTrue(view.selectChurnModel("bgnbd"));
		view.computeChurn();
		settle();
		assertNull(view.error(), view.error());
		@SuppressWarnings("unchecked")
		List<String> expected = (List<String>) run("bgnbd", Map.of()).summary().get("warnings");
		assertFalse(expected.isEmpty(), "BG/NBD warns of one-time buyers on the demo shop");
		String shown = view.fitWarningText();
		assertTrue(shown != null, "the warnings are visible");
		for (String w : expected) {
			assertTrue(shown.contains(w), "shown: " + shown + "\nmissing: " + w);
		}
		assertTrue(shown.contains("one-time buyers P(alive) = 1 by construction"), shown);
		screenshot(view, "lifecycle-fit-bgnbd-en");

		// back to a model without them: the warning box goes
		LifecycleView pareto = open("Lifecycle", Locale.ENGLISH);
		assertTrue(pareto.selectChurnModel("paretonbd"));
		pareto.computeChurn();
		settle();
		@SuppressWarnings("unchecked")
		List<String> none = (List<String>) run("paretonbd", Map.of()).summary().get("warnings");
		assertEquals(none.isEmpty(), pareto.fitWarningText() == null, "warnings " + none + ", shown " + pareto.fitWarningText());
		pareto.control().getShell().dispose();
	}

	@Test
	void aHoldoutGivesTheWeeklyTrackingAsTheModelComputesIt() throws Exception {
		LocalDate asOf = session.defaultAsOf();
		Map<String, String> holdout = Map.of("calibrationEnd", asOf.minusWeeks(26).toString(), "holdoutEnd",
				asOf.minusDays(1).toString());
		CustomerClassification own = run("mbgnbd", holdout);
		Map<String, Object> h = map(own.summary().get("holdout"));
		List<?> weekly = (List<?>) h.get("weekly");

		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			LifecycleView view = open(locale == Locale.ENGLISH ? "Lifecycle" : "生命周期", locale);
			holdout.forEach(view::setChurnParameter);
			view.computeChurn();
			settle();
			assertNull(view.error(), view.error());
			assertFalse(view.trackingChart().isEmpty(), "the weekly tracking");
			assertEquals(weekly.size(), view.trackingChart().categories().size(), "one point a week");
			double[] actual = new double[weekly.size()];
			double[] expected = new double[weekly.size()];
			int calibrationWeek = -1;
			for (int i = 0; i < weekly.size(); i++) {
				Map<String, Object> week = map(weekly.get(i));
				actual[i] = ((Number) week.get("cumulative_actual")).doubleValue();
				expected[i] = ((Number) week.get("cumulative_expected")).doubleValue();
				if (!"holdout".equals(week.get("period"))) {
					calibrationWeek = i;
				}
			}
			assertArrayEquals(actual, view.trackingChart().series().get(0).values(), "cumulative actual");
			assertArrayEquals(expected, view.trackingChart().series().get(1).values(), 1e-9, "cumulative expected");
			assertEquals(calibrationWeek, view.trackingChart().marker(), "the marker at the calibration end");
			assertTrue(calibrationWeek > 0 && calibrationWeek < weekly.size() - 20, "26 holdout weeks after it");
			String summary = view.holdoutSummary();
			assertTrue(summary.contains(String.format(Locale.ROOT, "%,d", ((Number) h.get("actual")).longValue())), summary);
			view.showFitTab(true);
			if (locale == Locale.ENGLISH) {
				assertTrue(summary.startsWith("Holdout " + h.get("start") + " – " + h.get("end")), summary);
				assertEquals("Cumulative repeat purchases, week by week", view.trackingChart().getTitle());
				screenshot(view, "lifecycle-fit-holdout-en");
			} else {
				assertTrue(summary.startsWith("留出期 " + h.get("start")), summary);
				assertEquals("每周累计重复购买次数", view.trackingChart().getTitle());
				assertEquals("标准误", view.fitTable().getColumn(3).getText());
				screenshot(view, "lifecycle-fit-holdout-zh");
			}
		}
	}

	@Test
	void theWarningsSpeakChinese() throws Exception {
		LifecycleView view = open("生命周期", Locale.SIMPLIFIED_CHINESE);
		assertTrue(view.selectChurnModel("bgnbd"));
		view.computeChurn();
		settle();
		assertNull(view.error(), view.error());
		@SuppressWarnings("unchecked")
		List<String> zh = (List<String>) run("bgnbd", Map.of()).summary().get("warnings_zh");
		assertEquals(zh, view.fit().warnings());
		String shown = view.fitWarningText();
		assertTrue(shown != null && shown.contains("存活概率 = 1"), String.valueOf(shown));
		view.showFitTab(true);
		screenshot(view, "lifecycle-fit-bgnbd-zh");
	}

	// ------------------------------------------------------------------ helpers

	private CustomerClassification run(String id, Map<String, String> params) {
		var analyses = services.analyses();
		CustomerAnalysis model = analyses.find(ServiceKind.MODEL, id);
		return analyses.run(model, session.dataset(), session.defaultAsOf(), analyses.resolve(model, params),
				ProgressMonitor.NULL);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o) {
		return (Map<String, Object>) o;
	}

	private static List<String[]> rows(LifecycleView view) {
		List<String[]> rows = new ArrayList<>();
		for (TableItem item : view.fitTable().getItems()) {
			rows.add(new String[] { item.getText(0), item.getText(1), item.getText(2), item.getText(3) });
		}
		return rows;
	}

	private LifecycleView open(String name, Locale locale) {
		Shell shell = new Shell(display);
		shell.setText("CustOps — " + name);
		shell.setLayout(new FillLayout());
		shell.setBounds(0, 0, 1400, 900);
		BiFunction<Composite, ViewContext, LifecycleView> make = LifecycleView::new;
		LifecycleView view = make.apply(shell, new ViewContext(session, locale));
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

	private void screenshot(LifecycleView view, String name) throws Exception {
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
	}
}
