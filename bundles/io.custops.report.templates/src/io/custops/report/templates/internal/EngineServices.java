package io.custops.report.templates.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The engine's services (CampaignRoi, TierConversion, FunnelAnalysis, PathAnalysis, Analyses),
 * got while a template prepares its data and released after. Not DS references: the service
 * catalog binds every template when it starts, and a template referring to Analyses (which
 * refers to the catalog) would make a cycle that SCR breaks by leaving the template out.
 */
final class EngineServices implements AutoCloseable {

	private final BundleContext context = FrameworkUtil.getBundle(EngineServices.class).getBundleContext();
	private final List<ServiceReference<?>> used = new ArrayList<>();

	/** @throws IllegalStateException naming the service when it is not registered */
	<T> T get(Class<T> type) {
		ServiceReference<T> ref = context.getServiceReference(type);
		T service = ref == null ? null : context.getService(ref);
		if (service == null) {
			throw new IllegalStateException("the engine's " + type.getSimpleName() + " service is not available");
		}
		used.add(ref);
		return service;
	}

	@Override
	public void close() {
		used.forEach(context::ungetService);
		used.clear();
	}
}
