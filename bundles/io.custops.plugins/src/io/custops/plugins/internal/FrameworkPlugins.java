package io.custops.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.custops.plugins.PluginException;

/**
 * What the installer does to the running framework. Plugin bundles are installed by reference
 * from {@code CUSTOPS_HOME/plugins/bundles} ({@code reference:file:…} locations), so the
 * framework's own storage keeps no copy of them, and a location says at once whether a bundle is
 * a plugin.
 */
final class FrameworkPlugins {

	private final BundleContext context;
	private final PluginHome home;

	FrameworkPlugins(BundleContext context, PluginHome home) {
		this.context = context;
		this.home = home;
	}

	String location(Path file) {
		return "reference:" + file.toAbsolutePath().normalize().toUri();
	}

	boolean isPlugin(Bundle bundle) {
		return bundle.getLocation().startsWith("reference:" + home.bundles().toUri());
	}

	/** Plugin bundles installed in the framework now, by location. */
	Map<String, Bundle> pluginBundles() {
		Map<String, Bundle> result = new HashMap<>();
		for (Bundle b : context.getBundles()) {
			if (isPlugin(b)) {
				result.put(b.getLocation(), b);
			}
		}
		return result;
	}

	/** A bundle of the workbench itself (not a plugin) with this symbolic name, or null. */
	Bundle productBundle(String symbolicName) {
		for (Bundle b : context.getBundles()) {
			if (symbolicName.equals(b.getSymbolicName()) && !isPlugin(b)) {
				return b;
			}
		}
		return null;
	}

	/**
	 * Makes the framework hold exactly the recorded plugins: installs those missing (after a
	 * rebuild of the product, or when another process installed one), uninstalls plugin bundles
	 * no longer recorded (another process uninstalled them). Quiet and forgiving: a problem with
	 * one plugin is printed and the others go on.
	 *
	 * @param wait whether to wait for the framework's refresh after uninstalling (not during startup)
	 * @return whether anything changed
	 */
	boolean sync(PluginState state, boolean wait) {
		Map<String, Bundle> present = pluginBundles();
		Set<String> expected = new HashSet<>();
		List<Bundle> added = new ArrayList<>();
		for (PluginState.Entry plugin : state.plugins().values()) {
			for (PluginState.BundleRecord record : plugin.bundles()) {
				Path file;
				try {
					file = PluginNames.inside(home.bundles(), record.file());
				} catch (io.custops.plugins.PluginException e) {
					System.err.println("custops: plugin " + plugin.id() + ": " + e.getMessage());
					continue;
				}
				String location = location(file);
				expected.add(location);
				if (present.containsKey(location)) {
					continue;
				}
				if (!Files.isRegularFile(file)) {
					System.err.println("custops: plugin " + plugin.id() + ": " + file + " is missing; reinstall the plugin");
					continue;
				}
				try {
					added.add(context.installBundle(location));
				} catch (BundleException | RuntimeException e) {
					System.err.println("custops: plugin " + plugin.id() + ": cannot install " + file + ": " + e.getMessage());
				}
			}
		}
		List<Bundle> removed = new ArrayList<>();
		for (Map.Entry<String, Bundle> e : present.entrySet()) {
			if (!expected.contains(e.getKey())) {
				try {
					e.getValue().uninstall();
					removed.add(e.getValue());
				} catch (BundleException | RuntimeException ex) {
					System.err.println("custops: cannot uninstall " + e.getValue().getSymbolicName() + ": " + ex.getMessage());
				}
			}
		}
		if (!removed.isEmpty()) {
			refresh(removed, wait);
		}
		if (!added.isEmpty()) {
			wiring().resolveBundles(added);
			for (Bundle b : added) {
				try {
					start(b);
				} catch (BundleException | RuntimeException e) {
					System.err.println("custops: plugin bundle " + b.getSymbolicName() + " does not start: " + e.getMessage());
				}
			}
		}
		return !added.isEmpty() || !removed.isEmpty();
	}

	/** Installs bundles; on a failure uninstalls those already installed and throws. */
	List<Bundle> install(List<Path> files) throws PluginException {
		List<Bundle> installed = new ArrayList<>();
		for (Path file : files) {
			try {
				installed.add(context.installBundle(location(file)));
			} catch (BundleException e) {
				uninstall(installed);
				String message = e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR
						? "a bundle with the same name and version is already installed (" + e.getMessage() + ")"
						: e.getMessage();
				throw new PluginException("the framework refused " + file.getFileName() + ": " + message, true,
						e.getMessage(), e);
			}
		}
		return installed;
	}

	/**
	 * Resolves the new bundles together; when one does not, collects the resolver's reasons for
	 * every bundle that did not, in plain words, and throws. Leaves the bundles installed: the
	 * caller rolls back.
	 */
	void resolve(List<Bundle> bundles) throws PluginException {
		if (wiring().resolveBundles(bundles)) {
			return;
		}
		List<String> reasons = new ArrayList<>();
		StringBuilder detail = new StringBuilder();
		for (Bundle b : bundles) {
			if ((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
				continue;
			}
			String report;
			if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
				report = "Unresolved requirement: Fragment-Host: " + b.getHeaders("").get(Constants.FRAGMENT_HOST);
			} else {
				try {
					// starting an unresolved bundle makes the resolver say why, in the exception
					b.start(Bundle.START_TRANSIENT);
					b.stop(Bundle.STOP_TRANSIENT);
					continue;
				} catch (BundleException e) {
					report = e.getMessage();
				}
			}
			detail.append(report).append('\n');
			for (String reason : ResolutionMessages.explain(report)) {
				reasons.add("bundle " + b.getSymbolicName() + " " + b.getVersion() + ": " + reason);
			}
		}
		if (reasons.isEmpty()) {
			return;
		}
		throw new PluginException("the plugin cannot run in this workbench: " + String.join("; ", reasons), true,
				detail.toString().trim(), null);
	}

	void start(Bundle bundle) throws BundleException {
		if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
			return;
		}
		String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
		bundle.start(policy != null && policy.startsWith(Constants.ACTIVATION_LAZY) ? Bundle.START_ACTIVATION_POLICY : 0);
	}

	/** Uninstalls bundles and refreshes the framework so that nothing of them stays wired; waits for it. */
	void uninstall(Collection<Bundle> bundles) {
		List<Bundle> done = new ArrayList<>();
		for (Bundle b : bundles) {
			try {
				if (b.getState() != Bundle.UNINSTALLED) {
					b.uninstall();
				}
				done.add(b);
			} catch (BundleException | RuntimeException e) {
				System.err.println("custops: cannot uninstall " + b.getSymbolicName() + ": " + e.getMessage());
			}
		}
		refresh(done, true);
	}

	private void refresh(List<Bundle> bundles, boolean wait) {
		CountDownLatch done = new CountDownLatch(1);
		wiring().refreshBundles(bundles, event -> {
			if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
				done.countDown();
			}
		});
		if (wait) {
			try {
				done.await(60, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private FrameworkWiring wiring() {
		return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
	}

	/** Disables the recorded components of plugin bundles that SCR knows now. */
	void applyDisabled(PluginState state) {
		ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
		if (ref == null || state.disabled().isEmpty()) {
			return;
		}
		ServiceComponentRuntime scr = context.getService(ref);
		try {
			for (Bundle b : pluginBundles().values()) {
				for (String key : state.disabled().keySet()) {
					int slash = key.indexOf('/');
					if (slash > 0 && key.substring(0, slash).equals(b.getSymbolicName())) {
						ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(b, key.substring(slash + 1));
						if (d != null && scr.isComponentEnabled(d)) {
							try {
								// wait a little, so that the first command after startup no longer sees it
								scr.disableComponent(d).timeout(2_000).getValue();
							} catch (InterruptedException e) {
								Thread.currentThread().interrupt();
							} catch (java.lang.reflect.InvocationTargetException e) {
								// still disabling in the background
							}
						}
					}
				}
			}
		} finally {
			context.ungetService(ref);
		}
	}

	static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			System.err.println("custops: cannot delete " + file + ": " + e.getMessage());
		}
	}
}
