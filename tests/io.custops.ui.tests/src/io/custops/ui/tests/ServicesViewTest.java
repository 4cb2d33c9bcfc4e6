package io.custops.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.engine.ServiceCatalog;
import io.custops.ui.internal.parts.ServicesView;

/** The Services part follows the registry while it is open: a stopped bundle's services leave the table. */
class ServicesViewTest {

	private Display display;
	private Shell shell;
	private ServiceTracker<ServiceCatalog, ServiceCatalog> tracker;
	private Bundle fixtures;

	@BeforeEach
	void setUp() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ServicesView.class).getBundleContext();
		fixtures = Arrays.stream(context.getBundles())
				.filter(b -> "io.custops.testing.fixtures".equals(b.getSymbolicName())).findFirst().orElseThrow();
		fixtures.start();
		tracker = new ServiceTracker<>(context, ServiceCatalog.class, null);
		tracker.open();
		assertNotNull(tracker.waitForService(10_000));
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1000, 400);
	}

	@AfterEach
	void tearDown() throws Exception {
		shell.dispose();
		tracker.close();
		fixtures.start();
	}

	private List<String> ids(ServicesView view) {
		List<String> ids = new ArrayList<>();
		for (TableItem item : view.table().getItems()) {
			ids.add(item.getText(1));
		}
		return ids;
	}

	private void spinUntil(BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	@Test
	void listsServicesAndFollowsBundleStopAndStart() throws Exception {
		ServicesView view = new ServicesView(shell, tracker.getService(), Locale.ENGLISH);
		shell.open();
		assertTrue(ids(view).containsAll(
				List.of("fixture-connector", "fixture-strategy", "fixture-model", "fixture-template")), ids(view).toString());
		assertEquals("Segmentation strategy", view.table().getItem(ids(view).indexOf("fixture-strategy")).getText(0));

		display.timerExec(100, () -> { }); // keep the loop awake while the registry changes
		fixtures.stop();
		spinUntil(() -> !ids(view).contains("fixture-strategy"));
		assertTrue(ids(view).stream().noneMatch(id -> id.startsWith("fixture-")), ids(view).toString());

		fixtures.start();
		spinUntil(() -> ids(view).contains("fixture-template"));
		assertTrue(ids(view).containsAll(List.of("fixture-connector", "fixture-template")), ids(view).toString());
	}

	@Test
	void speaksChinese() {
		ServicesView view = new ServicesView(shell, tracker.getService(), Locale.SIMPLIFIED_CHINESE);
		assertEquals("类型", view.table().getColumn(0).getText());
		int row = ids(view).indexOf("fixture-model");
		assertEquals("测试模型", view.table().getItem(row).getText(2));
		assertEquals("生命周期模型", view.table().getItem(row).getText(0));
	}
}
