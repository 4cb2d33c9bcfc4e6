package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.custops.core.LocalizedText;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.ServiceKind;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.UiServices;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * Installing a plugin does not change a part's default analysis (issue 20): a strategy whose id
 * sorts before {@code rfm}, registered as a plugin's would be, is offered first in the Segments
 * part's chooser, yet the part starts on RFM; a strategy the analyst chose stays chosen when
 * another plugin's service arrives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChooserDefaultsTest {

	private final BundleContext context = FrameworkUtil.getBundle(ChooserDefaultsTest.class).getBundleContext();
	private Display display;
	private UiServices services;
	private BackgroundJobs jobs;
	private WorkbenchSession session;
	private ServiceRegistration<SegmentationStrategy> first;
	private ServiceRegistration<SegmentationStrategy> second;
	private Shell shell;

	@BeforeAll
	void open() throws Exception {
		display = Display.getDefault();
		services = new UiServices(FrameworkUtil.getBundle(WorkbenchSession.class).getBundleContext());
		assertTrue(services.await(20_000), "catalog, analyses and workspace manager registered");
		first = context.registerService(SegmentationStrategy.class, new PluginStrategy("aaa-plugin"), null);
		awaitInCatalog("aaa-plugin");
		jobs = new BackgroundJobs();
		session = new WorkbenchSession(services, new UiPreferences(), jobs, display);
		Path workspace = Files.createTempDirectory("custops-chooser").resolve("ws");
		session.open(workspace, null);
		assertTrue(jobs.waitIdle(display, 60_000));
	}

	@AfterAll
	void close() {
		if (shell != null) {
			shell.dispose();
		}
		for (ServiceRegistration<?> r : new ServiceRegistration<?>[] { first, second }) {
			if (r != null) {
				r.unregister();
			}
		}
		if (session != null) {
			jobs.waitIdle(display, 60_000);
			session.close();
		}
		services.close();
	}

	@Test
	void aPluginStrategyThatSortsFirstDoesNotBecomeTheDefaultAndAChoiceStays() throws Exception {
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		SegmentsView view = new SegmentsView(shell, new ViewContext(session, Locale.ENGLISH));
		shell.open();
		dispatch();
		assertEquals("aaa-plugin", view.strategies().get(0), "the plugin's strategy is offered, first by id");
		assertEquals("rfm", view.strategy(), "the part starts on the built-in default, not on what sorts first");
		assertTrue(view.selectStrategy("tiers"));
		second = context.registerService(SegmentationStrategy.class, new PluginStrategy("aab-plugin"), null);
		awaitInCatalog("aab-plugin");
		for (int i = 0; i < 100 && !view.strategies().contains("aab-plugin"); i++) {
			dispatch();
			Thread.sleep(20);
		}
		assertTrue(view.strategies().contains("aab-plugin"), "the chooser was refilled: " + view.strategies());
		assertEquals("tiers", view.strategy(), "the analyst's choice holds when a plugin's service arrives");
	}

	private void awaitInCatalog(String id) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			if (services.catalog().services(ServiceKind.STRATEGY).stream().anyMatch(e -> e.id().equals(id))) {
				return;
			}
			Thread.sleep(25);
		}
		throw new AssertionError(id + " never reached the service catalog");
	}

	private void dispatch() {
		for (int i = 0; i < 20; i++) {
			while (display.readAndDispatch()) {
				// paint
			}
		}
	}

	/** A strategy as a plugin brings one: every customer in one segment. */
	private static final class PluginStrategy implements SegmentationStrategy {
		private final String id;

		PluginStrategy(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return id;
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of("Plugin " + id);
		}

		@Override
		public List<Label> labels(Parameters parameters) {
			return List.of(Label.of("all", "All", "全部"));
		}

		@Override
		public CustomerClassification classify(AnalysisInput input) {
			return new CustomerClassification(labels(input.parameters()), new int[input.data().customerCount()], List.of(),
					Map.of());
		}
	}
}
