package io.custops.ui.internal.parts;

import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.engine.ServiceCatalog;
import io.custops.plugins.PluginManager;

/** The Plugins part: installed plugins and their services; install and uninstall. */
public class PluginsPart {

	private ServiceTracker<PluginManager, PluginManager> managers;
	private ServiceTracker<ServiceCatalog, ServiceCatalog> catalogs;

	@PostConstruct
	public void create(Composite parent) throws InterruptedException {
		parent.setLayout(new FillLayout());
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		managers = new ServiceTracker<>(context, PluginManager.class, null);
		managers.open();
		catalogs = new ServiceTracker<>(context, ServiceCatalog.class, null);
		catalogs.open();
		PluginManager manager = managers.waitForService(5_000);
		ServiceCatalog catalog = catalogs.waitForService(5_000);
		if (manager == null || catalog == null) {
			new Label(parent, SWT.WRAP).setText("The plugin manager (bundle io.custops.plugins) is not running.");
			return;
		}
		new PluginsView(parent, manager, catalog, Locale.getDefault());
	}

	@PreDestroy
	public void dispose() {
		if (managers != null) {
			managers.close();
		}
		if (catalogs != null) {
			catalogs.close();
		}
	}
}
