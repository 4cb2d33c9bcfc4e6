package io.custops.source.tests;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Services as the tests get them: from the OSGi service registry. */
final class Services {

	private Services() {
	}

	static <T> T get(Class<T> type) {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Services.class).getBundleContext(), type, null);
		tracker.open();
		try {
			T service = tracker.waitForService(20_000);
			if (service == null) {
				throw new IllegalStateException("no " + type.getName() + " service within 20 s");
			}
			return service;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
