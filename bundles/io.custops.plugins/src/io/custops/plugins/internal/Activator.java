package io.custops.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Starts early (start level 3, before the workbench's own bundles): installs the recorded
 * plugins into the framework, so the command line and the workbench both find their services
 * from the first moment; then watches the record, so that a plugin installed or uninstalled by
 * another process (the CLI while the workbench is open) comes or goes here too. This is
 * framework management, not service plumbing: the plugin manager itself is a DS component.
 */
public class Activator implements BundleActivator {

	private static final long WATCH_MILLIS = 2_000;

	private volatile Thread watcher;
	private SynchronousBundleListener listener;

	@Override
	public void start(BundleContext context) {
		PluginHome home = PluginHome.fromEnvironment();
		FrameworkPlugins framework = new FrameworkPlugins(context, home);
		if (Files.exists(home.stateFile()) || !framework.pluginBundles().isEmpty()) {
			syncQuietly(home, framework, false);
		}
		// components recorded as failed are disabled again as soon as SCR has picked their bundle up
		listener = event -> {
			if ((event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.LAZY_ACTIVATION)
					&& framework.isPlugin(event.getBundle())) {
				try {
					framework.applyDisabled(home.load());
				} catch (IOException | RuntimeException e) {
					System.err.println("custops: plugins: " + e.getMessage());
				}
			}
		};
		context.addBundleListener(listener);
		Thread t = new Thread(() -> watch(home, framework), "custops-plugin-watcher");
		t.setDaemon(true);
		watcher = t;
		t.start();
	}

	private void watch(PluginHome home, FrameworkPlugins framework) {
		String seen = stamp(home.stateFile());
		while (watcher == Thread.currentThread()) {
			try {
				Thread.sleep(WATCH_MILLIS);
			} catch (InterruptedException e) {
				return;
			}
			String now = stamp(home.stateFile());
			if (!now.equals(seen)) {
				seen = now;
				if (syncQuietly(home, framework, true)) {
					List<String> bundles = framework.pluginBundles().values().stream().map(Bundle::getSymbolicName).sorted().toList();
					System.err.println("custops: plugins changed by another process; plugin bundles now: "
							+ (bundles.isEmpty() ? "none" : String.join(", ", bundles)));
				}
			}
		}
	}

	private static String stamp(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
		} catch (IOException e) {
			return "none";
		}
	}

	private static boolean syncQuietly(PluginHome home, FrameworkPlugins framework, boolean wait) {
		try (PluginHome.Lock lock = home.lock()) {
			PluginState state = home.load();
			boolean changed = framework.sync(state, wait);
			framework.applyDisabled(state);
			return changed;
		} catch (IOException | RuntimeException e) {
			System.err.println("custops: cannot install the recorded plugins from " + home.dir() + ": " + e);
			return false;
		}
	}

	@Override
	public void stop(BundleContext context) {
		Thread t = watcher;
		watcher = null;
		if (t != null) {
			t.interrupt();
		}
		if (listener != null) {
			context.removeBundleListener(listener);
		}
		if (context.getBundle(0).getState() == Bundle.STOPPING) {
			// The framework is shutting down: take the plugins out of its saved state. Every start
			// installs them again from the record, so the framework's storage never holds a plugin
			// that was uninstalled meanwhile by another process (nothing of it remains anywhere).
			FrameworkPlugins framework = new FrameworkPlugins(context, PluginHome.fromEnvironment());
			for (Bundle b : framework.pluginBundles().values()) {
				try {
					b.uninstall();
				} catch (BundleException | RuntimeException e) {
					// the next start's sync sets it right
				}
			}
		}
	}
}
