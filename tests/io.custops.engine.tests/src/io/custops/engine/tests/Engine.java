package io.custops.engine.tests;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.engine.Analyses;

/**
 * The engine's services as the tests get them: from the OSGi service registry. Also registers
 * two test strategies (a three-level ladder and a multi-label one) the way any plugin's
 * services arrive, so the shared analyses find them through the catalog.
 */
final class Engine {

	private static final Map<Class<?>, Object> SERVICES = new HashMap<>();
	private static boolean strategiesRegistered;

	private Engine() {
	}

	static synchronized <T> T service(Class<T> type) {
		registerTestStrategies();
		return type.cast(SERVICES.computeIfAbsent(type, t -> {
			ServiceTracker<?, ?> tracker = new ServiceTracker<>(context(), t.getName(), null);
			tracker.open();
			try {
				Object service = tracker.waitForService(10_000);
				if (service == null) {
					throw new IllegalStateException("no " + t.getName() + " service within 10 s");
				}
				return service;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}));
	}

	private static void registerTestStrategies() {
		if (strategiesRegistered) {
			return;
		}
		strategiesRegistered = true;
		context().registerService(SegmentationStrategy.class, new LadderStrategy(), null);
		context().registerService(SegmentationStrategy.class, new TagsStrategy(), null);
		Analyses analyses = service(Analyses.class);
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			try {
				analyses.find("fixture-ladder");
				analyses.find("fixture-tags");
				return;
			} catch (NoSuchElementException e) {
				if (System.currentTimeMillis() > deadline) {
					throw e;
				}
				Thread.onSpinWait();
			}
		}
	}

	private static BundleContext context() {
		return FrameworkUtil.getBundle(Engine.class).getBundleContext();
	}

	/** Local seconds of an ISO local date-time, as the dataset stores them. */
	static long at(String localDateTime) {
		return CustomerDataset.localSeconds(LocalDateTime.parse(localDateTime));
	}
}
