package io.custops.segmentation.tests;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.SegmentationStrategy;

/** Finds the services under test in the OSGi registry, by interface and id, and runs them. */
final class Services {

	private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new LinkedHashMap<>();

	private Services() {
	}

	static SegmentationStrategy strategy(String id) {
		return find(SegmentationStrategy.class, id);
	}

	static LifecycleModel model(String id) {
		return find(LifecycleModel.class, id);
	}

	/** The symbolic name of the bundle that registered the service of that id. */
	static String bundleOf(Class<? extends CustomerAnalysis> type, String id) throws Exception {
		find(type, id);
		BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
		for (ServiceReference<?> reference : context.getServiceReferences(type, null)) {
			Object service = context.getService(reference);
			context.ungetService(reference);
			if (id.equals(((CustomerAnalysis) service).id())) {
				return reference.getBundle().getSymbolicName();
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " '" + id + "'");
	}

	static synchronized <T extends CustomerAnalysis> T find(Class<T> type, String id) {
		ServiceTracker<?, ?> tracker = tracker(type);
		long deadline = System.currentTimeMillis() + 10_000;
		do {
			Object[] services = tracker.getServices();
			if (services != null) {
				for (Object service : services) {
					if (id.equals(((CustomerAnalysis) service).id())) {
						return type.cast(service);
					}
				}
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		} while (System.currentTimeMillis() < deadline);
		throw new AssertionError("no " + type.getSimpleName() + " with id '" + id + "' in the service registry");
	}

	private static ServiceTracker<?, ?> tracker(Class<?> type) {
		return TRACKERS.computeIfAbsent(type, t -> {
			BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
			startServiceBundles(context);
			ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, t.getName(), null);
			tracker.open();
			return tracker;
		});
	}

	/** Lazy bundles are activated on first class load; SCR needs them at least starting. */
	private static void startServiceBundles(BundleContext context) {
		for (Bundle bundle : context.getBundles()) {
			String name = bundle.getSymbolicName();
			if (name.startsWith("io.custops.segmentation.") && !name.endsWith(".tests")
					|| name.equals("io.custops.lifecycle.stages")) {
				try {
					bundle.start(Bundle.START_ACTIVATION_POLICY);
				} catch (Exception e) {
					throw new AssertionError("cannot start " + name, e);
				}
			}
		}
	}

	/** Runs an analysis as the engine would: parameters checked against its specs first. */
	static CustomerClassification run(CustomerAnalysis analysis, CustomerDataset data, LocalDate asOf,
			String... keyValues) {
		return analysis.classify(new AnalysisInput(data, asOf, parameters(analysis, keyValues), null));
	}

	static Parameters parameters(CustomerAnalysis analysis, String... keyValues) {
		Map<String, String> raw = new LinkedHashMap<>();
		for (String kv : keyValues) {
			int eq = kv.indexOf('=');
			raw.put(kv.substring(0, eq), kv.substring(eq + 1));
		}
		return Parameters.resolve(analysis.parameters(), raw);
	}
}
