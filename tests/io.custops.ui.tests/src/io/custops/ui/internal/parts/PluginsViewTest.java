package io.custops.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.engine.ServiceCatalog;
import io.custops.plugins.InstallResult;
import io.custops.plugins.InstalledPlugin;
import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginCandidate;
import io.custops.plugins.PluginException;
import io.custops.plugins.PluginManager;
import io.custops.plugins.PluginService;
import io.custops.plugins.Signature;

/** The Plugins part against a plugin manager that only records what it is asked. */
class PluginsViewTest {

	private Display display;
	private Shell shell;
	private ServiceTracker<ServiceCatalog, ServiceCatalog> tracker;

	/** Holds plugins in memory; every candidate is one unsigned bundle named after the source. */
	static final class FakeManager implements PluginManager {
		final List<InstalledPlugin> plugins = new ArrayList<>();
		final List<String> calls = new ArrayList<>();

		@Override
		public Path home() {
			return Path.of("/tmp/custops-home/plugins");
		}

		@Override
		public List<InstalledPlugin> installed() {
			return List.copyOf(plugins);
		}

		@Override
		public Optional<InstalledPlugin> find(String id) {
			return plugins.stream().filter(p -> p.id().equals(id)).findFirst();
		}

		@Override
		public PluginCandidate read(String source) throws PluginException {
			calls.add("read " + source);
			if (source.endsWith(".txt")) {
				throw PluginException.refused(source + " is not a jar file");
			}
			PluginBundle bundle = new PluginBundle(source, "1.0.0", Path.of(source), false, Signature.unsigned(null));
			return new PluginCandidate() {
				public String id() { return source; }
				public String version() { return "1.0.0"; }
				public String source() { return source; }
				public List<PluginBundle> bundles() { return List.of(bundle); }
				public List<String> skipped() { return List.of(); }
				public void close() { calls.add("close " + source); }
			};
		}

		@Override
		public InstallResult install(PluginCandidate candidate) {
			calls.add("install " + candidate.id());
			InstalledPlugin p = new InstalledPlugin(candidate.id(), candidate.version(), candidate.source(), Instant.EPOCH,
					candidate.bundles(), List.of(new PluginService("strategy", "repurchase-cycle", "Repurchase cycle",
							candidate.id(), "active", null)));
			plugins.add(p);
			return new InstallResult(p, null, List.of());
		}

		@Override
		public InstalledPlugin uninstall(String id) throws PluginException {
			calls.add("uninstall " + id);
			InstalledPlugin p = find(id).orElseThrow(() -> PluginException.refused("no plugin '" + id + "' is installed"));
			plugins.remove(p);
			return p;
		}
	}

	@BeforeEach
	void setUp() throws Exception {
		tracker = new ServiceTracker<>(FrameworkUtil.getBundle(PluginsView.class).getBundleContext(), ServiceCatalog.class, null);
		tracker.open();
		assertNotNull(tracker.waitForService(10_000));
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1000, 400);
	}

	@AfterEach
	void tearDown() {
		shell.dispose();
		tracker.close();
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
	void asksBeforeInstallingAnUnsignedPluginAndShowsWhatIsInstalled() {
		FakeManager manager = new FakeManager();
		PluginsView view = new PluginsView(shell, manager, tracker.getService(), Locale.ENGLISH);
		List<String> questions = new ArrayList<>();
		boolean[] answer = { false };
		view.setDialogs((title, text) -> {
			questions.add(title + ": " + text);
			return answer[0];
		}, (title, text, error) -> { });
		shell.open();
		assertEquals(0, view.table().getItemCount());

		AtomicReference<String> said = new AtomicReference<>();
		display.timerExec(100, () -> { });
		view.install("com.example.a", said::set);
		spinUntil(() -> said.get() != null);
		assertEquals("The unsigned plugin was not accepted.", said.get());
		assertTrue(questions.get(0).startsWith("Unsigned plugin: com.example.a 1.0.0\n\ncom.example.a 1.0.0: unsigned"), questions.get(0));
		assertEquals(List.of("read com.example.a", "close com.example.a"), manager.calls);

		answer[0] = true;
		said.set(null);
		view.install("com.example.a", said::set);
		spinUntil(() -> said.get() != null);
		assertEquals("Installed com.example.a 1.0.0", said.get());
		assertEquals(1, view.table().getItemCount());
		assertEquals("com.example.a", view.table().getItem(0).getText(0));
		assertEquals("unsigned", view.table().getItem(0).getText(2));
		assertEquals("strategy repurchase-cycle", view.table().getItem(0).getText(3));

		said.set(null);
		view.install("notes.txt", said::set);
		spinUntil(() -> said.get() != null);
		assertEquals("notes.txt is not a jar file", said.get());

		said.set(null);
		view.uninstall("com.example.a", said::set);
		spinUntil(() -> said.get() != null);
		assertEquals("Uninstalled com.example.a", said.get());
		assertEquals(0, view.table().getItemCount());
	}

	@Test
	void speaksChinese() {
		PluginsView view = new PluginsView(shell, new FakeManager(), tracker.getService(), Locale.SIMPLIFIED_CHINESE);
		assertEquals("插件", view.table().getColumn(0).getText());
		assertEquals("签名", view.table().getColumn(2).getText());
	}
}
