package io.custops.ui.internal.session;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.engine.Analyses;
import io.custops.engine.CampaignRoi;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.PathAnalysis;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.TierConversion;
import io.custops.report.ReportRenderer;
import io.custops.source.SourceRuntime;
import io.custops.store.WorkspaceManager;

/**
 * The OSGi services the workbench's views use, tracked for the workbench's life. Each getter
 * returns the service registered now (null when its bundle is not running), so a view always
 * calls the current one.
 */
public final class UiServices implements AutoCloseable {

	private final BundleContext context;
	private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
	private final ServiceTracker<ServiceCatalog, ServiceCatalog> catalog;
	private final ServiceTracker<Analyses, Analyses> analyses;
	private final ServiceTracker<TierConversion, TierConversion> conversion;
	private final ServiceTracker<FunnelAnalysis, FunnelAnalysis> funnel;
	private final ServiceTracker<PathAnalysis, PathAnalysis> paths;
	private final ServiceTracker<CampaignRoi, CampaignRoi> roi;
	private final ServiceTracker<ReportRenderer, ReportRenderer> renderer;
	private final ServiceTracker<WorkspaceManager, WorkspaceManager> workspaces;
	private final ServiceTracker<SourceRuntime, SourceRuntime> sources;

	public UiServices(BundleContext context) {
		this.context = context;
		catalog = track(ServiceCatalog.class);
		analyses = track(Analyses.class);
		conversion = track(TierConversion.class);
		funnel = track(FunnelAnalysis.class);
		paths = track(PathAnalysis.class);
		roi = track(CampaignRoi.class);
		renderer = track(ReportRenderer.class);
		workspaces = track(WorkspaceManager.class);
		sources = track(SourceRuntime.class);
	}

	private <T> ServiceTracker<T, T> track(Class<T> type) {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		trackers.add(tracker);
		return tracker;
	}

	/** Waits until the services the workbench cannot do without are registered. */
	public boolean await(long millis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + millis;
		for (ServiceTracker<?, ?> t : List.of(catalog, analyses, workspaces)) {
			if (t.waitForService(Math.max(1, deadline - System.currentTimeMillis())) == null) {
				return false;
			}
		}
		return true;
	}

	public ServiceCatalog catalog() {
		return catalog.getService();
	}

	public Analyses analyses() {
		return analyses.getService();
	}

	public TierConversion conversion() {
		return conversion.getService();
	}

	public FunnelAnalysis funnel() {
		return funnel.getService();
	}

	public PathAnalysis paths() {
		return paths.getService();
	}

	public CampaignRoi roi() {
		return roi.getService();
	}

	/** The report renderer, or null when the reports bundle is not installed. */
	public ReportRenderer renderer() {
		return renderer.getService();
	}

	/** The runtime that runs analyses inside registered sources, or null when its bundle is not running. */
	public SourceRuntime sourceRuntime() {
		return sources.getService();
	}

	public WorkspaceManager workspaces() {
		return workspaces.getService();
	}

	/** Waits a little for an optional service that registers late (the report renderer starts lazily). */
	public <T> T await(Class<T> type, long millis) {
		for (ServiceTracker<?, ?> t : trackers) {
			Object service = t.getService();
			if (service != null && type.isInstance(service)) {
				return type.cast(service);
			}
		}
		ServiceTracker<T, T> tracker = track(type);
		try {
			return tracker.waitForService(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		trackers.forEach(ServiceTracker::close);
	}
}
