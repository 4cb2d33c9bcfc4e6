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

/** The Services part: every registered connector, strategy, model and template, live. */
public class ServicesPart {

	private ServiceTracker<ServiceCatalog, ServiceCatalog> tracker;

	@PostConstruct
	public void create(Composite parent) throws InterruptedException {
		parent.setLayout(new FillLayout());
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		tracker = new ServiceTracker<>(context, ServiceCatalog.class, null);
		tracker.open();
		ServiceCatalog catalog = tracker.waitForService(5_000);
		if (catalog == null) {
			new Label(parent, SWT.WRAP).setText("The service catalog (bundle io.custops.engine) is not running.");
			return;
		}
		new ServicesView(parent, catalog, Locale.getDefault());
	}

	@PreDestroy
	public void dispose() {
		if (tracker != null) {
			tracker.close();
		}
	}
}
