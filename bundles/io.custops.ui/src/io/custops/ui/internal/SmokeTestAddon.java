package io.custops.ui.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import io.custops.ui.internal.parts.ViewPart;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * Used by the product's smoke test only: with {@code -Dcustops.smoke.dir=DIR}, once the
 * workbench has started it measures the cold start (JVM start to a usable window, and to the
 * workspace's data loaded), activates every part in turn, waits for its work to end, checks
 * that it was created and shows no error, saves a screenshot of each ({@code part-ID.png}) and
 * of the window ({@code workbench.png}), writes the verdict to {@code smoke.txt} and closes the
 * workbench. Without the property it does nothing.
 */
public class SmokeTestAddon {

	private static final String PROPERTY = "custops.smoke.dir";
	private static final long LOAD_TIMEOUT_MILLIS = 180_000;
	private static final long PART_TIMEOUT_MILLIS = 120_000;

	private final List<String> lines = new ArrayList<>();
	private boolean ok = true;

	@Inject
	@Optional
	public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event,
			MApplication application, EModelService models, EPartService parts, IWorkbench workbench,
			WorkbenchSession session) {
		String dir = System.getProperty(PROPERTY);
		if (dir == null) {
			return;
		}
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		long windowMillis = System.currentTimeMillis() - jvmStart;
		lines.add("locale " + Locale.getDefault());
		lines.add("window usable after " + windowMillis + " ms (JVM start to startup complete)");
		lines.add("  the workbench's addon started at " + io.custops.ui.internal.session.SessionAddon.startedAt
				+ " ms, the services it needs were registered at " + io.custops.ui.internal.session.SessionAddon.servicesAt + " ms");
		Display display = Display.getCurrent();
		Path out = Path.of(dir);
		long deadline = System.currentTimeMillis() + LOAD_TIMEOUT_MILLIS;
		waitFor(display, () -> session.state() == WorkbenchSession.State.READY
				|| session.state() == WorkbenchSession.State.FAILED || System.currentTimeMillis() > deadline, () -> {
					long readyMillis = System.currentTimeMillis() - jvmStart;
					lines.add("workspace " + session.directory() + " " + session.state() + " after " + readyMillis
							+ " ms (dataset loaded in " + session.loadMillis() + " ms)"
							+ (session.dataset() == null ? "" : ", " + session.dataset().customerCount() + " customers"));
					if (session.state() != WorkbenchSession.State.READY) {
						lines.add("workspace not ready: " + session.message());
						ok = false;
					}
					List<MPart> all = new ArrayList<>();
					for (MPart part : models.findElements(application, null, MPart.class, null)) {
						if (part.isToBeRendered() && part.getParent() != null) {
							all.add(part);
						}
					}
					visit(display, all, 0, parts, session, out, application, workbench);
				});
	}

	private void visit(Display display, List<MPart> all, int index, EPartService parts, WorkbenchSession session, Path out,
			MApplication application, IWorkbench workbench) {
		if (index >= all.size()) {
			finish(display, out, application, workbench);
			return;
		}
		MPart part = all.get(index);
		long started = System.currentTimeMillis();
		parts.activate(part);
		long deadline = started + PART_TIMEOUT_MILLIS;
		// let the part start its work, then wait for the background jobs it started to end
		display.timerExec(400, () -> waitFor(display, () -> session.jobs().isIdle() || System.currentTimeMillis() > deadline,
				() -> display.timerExec(300, () -> {
					boolean rendered = part.getWidget() instanceof Control control && !control.isDisposed();
					boolean created = part.getObject() != null;
					String error = part.getObject() instanceof ViewPart viewPart && viewPart.view() != null
							? viewPart.view().error()
							: null;
					boolean idle = session.jobs().isIdle();
					boolean partOk = rendered && created && error == null && idle;
					ok &= partOk;
					String name = part.getElementId().substring(part.getElementId().lastIndexOf('.') + 1);
					Path png = out.resolve("part-" + name + ".png");
					try {
						Files.createDirectories(out);
						screenshot(display, (Shell) ((MWindow) application.getChildren().get(0)).getWidget(), png);
					} catch (IOException | RuntimeException e) {
						lines.add("screenshot of " + name + " failed: " + e);
					}
					lines.add("part " + part.getElementId() + " rendered=" + rendered + " created=" + created + " idle=" + idle
							+ " error=" + (error == null ? "none" : error) + " ready after "
							+ (System.currentTimeMillis() - started) + " ms; screenshot " + png);
					visit(display, all, index + 1, parts, session, out, application, workbench);
				})));
	}

	private void finish(Display display, Path out, MApplication application, IWorkbench workbench) {
		try {
			Files.createDirectories(out);
			Shell shell = (Shell) ((MWindow) application.getChildren().get(0)).getWidget();
			Path png = out.resolve("workbench.png");
			screenshot(display, shell, png);
			lines.add("screenshot " + png);
			if (lines.stream().noneMatch(l -> l.startsWith("part "))) {
				lines.add("no visible part");
				ok = false;
			}
			lines.add(0, ok ? "RESULT OK" : "RESULT FAILED");
			Files.write(out.resolve("smoke.txt"), lines, StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException e) {
			System.err.println("smoke test: " + e);
		}
		workbench.close();
	}

	private static void waitFor(Display display, java.util.function.BooleanSupplier condition, Runnable then) {
		if (condition.getAsBoolean()) {
			then.run();
			return;
		}
		display.timerExec(200, () -> waitFor(display, condition, then));
	}

	private static void screenshot(Display display, Shell shell, Path png) {
		shell.forceActive();
		while (display.readAndDispatch()) {
			// paint everything before copying the screen
		}
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageData data = image.getImageData();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			loader.save(png.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
