package io.custops.ui.internal.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;

/**
 * Creates the workbench's session when the application starts and offers it to every part
 * through the application context ({@code @Inject WorkbenchSession}); opens the default
 * workspace at once (in a background job, while the window is made), and closes it when the
 * workbench shuts down.
 */
public class SessionAddon {

	private UiServices services;
	private WorkbenchSession session;

	/** Milliseconds since the JVM started when the addon started, and when the services were there (for the smoke test). */
	public static volatile long startedAt = -1;
	public static volatile long servicesAt = -1;

	@PostConstruct
	public void start(IEclipseContext context) throws InterruptedException {
		io.custops.ui.internal.startup.StartupTimes.mark("session addon started");
		startedAt = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
		services = new UiServices(FrameworkUtil.getBundle(getClass()).getBundleContext());
		services.await(10_000);
		servicesAt = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
		io.custops.ui.internal.startup.StartupTimes.mark("services registered");
		UiPreferences preferences = new UiPreferences();
		BackgroundJobs jobs = new BackgroundJobs();
		session = new WorkbenchSession(services, preferences, jobs, Display.getCurrent());
		context.set(UiServices.class, services);
		context.set(UiPreferences.class, preferences);
		context.set(BackgroundJobs.class, jobs);
		context.set(WorkbenchSession.class, session);
		// open and load the workspace in the background now, while the window is being made (the
		// views created later show whatever state the session has reached)
		if (services.workspaces() != null) {
			session.open(WorkbenchSession.defaultDirectory(services.workspaces()), null);
		}
	}

	@Inject
	@Optional
	public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
		if (session != null && session.state() == WorkbenchSession.State.CLOSED) {
			session.open(WorkbenchSession.defaultDirectory(services.workspaces()), null);
		}
	}

	@PreDestroy
	public void stop() {
		if (session != null) {
			session.close();
		}
		if (services != null) {
			services.close();
		}
	}
}
