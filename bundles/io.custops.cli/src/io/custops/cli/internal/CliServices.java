package io.custops.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.engine.ServiceCatalog;

/** The OSGi services a command uses, looked up once and released when the command ends. */
final class CliServices implements AutoCloseable {

	private static final long WAIT_MILLIS = 10_000;

	private final BundleContext context;
	private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

	CliServices(BundleContext context) {
		this.context = context;
	}

	ServiceCatalog catalog() {
		return require(ServiceCatalog.class);
	}

	<T> T require(Class<T> type) {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		trackers.add(tracker);
		try {
			T service = tracker.waitForService(WAIT_MILLIS);
			if (service == null) {
				throw new IllegalStateException("service " + type.getName() + " is not available (is its bundle installed and resolved?)");
			}
			return service;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + type.getName(), e);
		}
	}

	@Override
	public void close() {
		trackers.forEach(ServiceTracker::close);
	}
}
