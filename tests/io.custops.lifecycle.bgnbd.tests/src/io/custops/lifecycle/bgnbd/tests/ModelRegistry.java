package io.custops.lifecycle.bgnbd.tests;

import java.time.LocalDate;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.LifecycleModel;

/** Finds lifecycle models in the OSGi service registry by id, as the engine does. */
final class ModelRegistry implements AutoCloseable {

	private final ServiceTracker<LifecycleModel, LifecycleModel> tracker;

	ModelRegistry() {
		BundleContext context = FrameworkUtil.getBundle(ModelRegistry.class).getBundleContext();
		tracker = new ServiceTracker<>(context, LifecycleModel.class, null);
		tracker.open();
	}

	/** The registered model of this id, waiting up to ten seconds for SCR to register it. */
	LifecycleModel model(String id) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			for (LifecycleModel model : tracker.getServices(new LifecycleModel[0])) {
				if (model.id().equals(id)) {
					return model;
				}
			}
			tracker.waitForService(100);
			Thread.sleep(20);
		}
		throw new AssertionError("no LifecycleModel with id '" + id + "' in the service registry");
	}

	/** Resolves text parameters as the command line does and classifies. */
	static CustomerClassification run(LifecycleModel model, CustomerDataset data, LocalDate asOf,
			Map<String, String> parameters) {
		Parameters resolved = Parameters.resolve(model.parameters(), parameters);
		return model.classify(new AnalysisInput(data, asOf, resolved, null));
	}

	@Override
	public void close() {
		tracker.close();
	}
}
