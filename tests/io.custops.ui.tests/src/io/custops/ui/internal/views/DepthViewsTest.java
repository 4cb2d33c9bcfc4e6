package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.FrameworkUtil;

import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.UiServices;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The analysts' depth views (Cohorts) on a demo workspace under Xvfb, in English and Chinese,
 * with screenshots in target/screenshots (cohorts-en.png, cohorts-zh.png) to be looked at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepthViewsTest {

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
		session.open(Files.createTempDirectory(target, "depth-workspace"), null);
		assertTrue(jobs.waitIdle(display, WAIT));
		session.importDemo(Map.of("customers", "3000", "seed", "7"), r -> {
		}, e -> {
			throw new AssertionError(e);
		});
		assertTrue(jobs.waitIdle(display, WAIT));
		assertEquals(3000, session.dataset().customerCount());
	}

	@AfterAll
	void close() {
		jobs.waitIdle(display, WAIT);
		session.close();
		services.close();
	}

	private <V extends View> V open(String name, Locale locale, BiFunction<Composite, ViewContext, V> make) {
		Shell shell = new Shell(display);
		shell.setText("CustOps — " + name);
		shell.setLayout(new FillLayout());
		shell.setBounds(0, 0, 1400, 900);
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

	private void screenshot(View view, String name) throws Exception {
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

	@Test
	void cohortsViewShowsTheTriangleAndTheLtvCurves() throws Exception {
		CohortsView view = open("Cohorts", Locale.ENGLISH, CohortsView::new);
		assertNull(view.error(), view.error());
		assertFalse(view.heatMap().isEmpty(), "cohorts in the heat map");
		assertFalse(view.ltvChart().isEmpty(), "LTV curves");
		int rows = view.heatMap().rows().size();
		assertEquals(view.model().cohorts().size(), rows);
		// the triangle: the last cohort has fewer periods than the first
		assertTrue(view.model().cohorts().get(rows - 1).periods().size() < view.model().cohorts().get(0).periods().size());
		screenshot(view, "cohorts-en");

		CohortsView zh = open("同期群", Locale.SIMPLIFIED_CHINESE, CohortsView::new);
		assertNull(zh.error(), zh.error());
		assertFalse(zh.heatMap().isEmpty());
		assertTrue(zh.heatMap().getTitle().contains("同期群"));
		screenshot(zh, "cohorts-zh");
	}
}
