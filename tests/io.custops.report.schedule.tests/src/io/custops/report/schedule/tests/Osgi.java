package io.custops.report.schedule.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** Services from the registry, and a small demo shop in a new workspace. */
final class Osgi {

	private Osgi() {
	}

	static BundleContext context() {
		return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
	}

	static <T> T service(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
		tracker.open();
		T service = tracker.waitForService(20_000);
		if (service == null) {
			throw new AssertionError(type.getName() + " is not registered");
		}
		return service; // the tracker stays open for the test run
	}

	/** Waits until the catalog lists a service of a kind and id (DS components come up asynchronously). */
	static void await(ServiceKind kind, String id) throws Exception {
		ServiceCatalog catalog = service(ServiceCatalog.class);
		for (int i = 0; i < 200; i++) {
			if (catalog.services(kind).stream().anyMatch(e -> e.id().equals(id))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no " + kind + " '" + id + "' registered");
	}

	static void startBundles(String... names) throws Exception {
		for (String name : names) {
			Arrays.stream(context().getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst()
					.orElseThrow(() -> new AssertionError(name + " is not installed")).start(Bundle.START_ACTIVATION_POLICY);
		}
	}

	/** A new workspace holding the demo connector's shop of {@code customers} customers, ending on {@code end}. */
	static Workspace demoWorkspace(String name, int customers, String end) throws Exception {
		startBundles("io.custops.connector.demo", "io.custops.segmentation.rfm", "io.custops.report.templates");
		await(ServiceKind.CONNECTOR, "demo");
		DataConnector demo = service(ServiceCatalog.class).find(ServiceKind.CONNECTOR, DataConnector.class, "demo").orElseThrow();
		Path dir = Files.createTempDirectory("custops-" + name);
		Workspace ws = service(WorkspaceManager.class).open(dir);
		Map<String, String> params = Map.of("customers", Integer.toString(customers), "seed", "11", "end", end);
		for (FactKind kind : new FactKind[] { FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS, FactKind.CAMPAIGNS,
				FactKind.CAMPAIGN_MEMBERS }) {
			ws.importFacts(demo, kind, Optional.empty(), params, ProgressMonitor.NULL);
		}
		return ws;
	}
}
