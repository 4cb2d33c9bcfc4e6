package io.custops.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
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

/**
 * Used by the UI smoke test only: with {@code -Dcustops.smoke.dir=DIR}, once the workbench has
 * started it checks that every part was created (no part whose contribution failed), saves a
 * screenshot of the window and a {@code smoke.txt} verdict to DIR, and closes the workbench.
 * Without the property it does nothing.
 */
public class SmokeTestAddon {

	private static final String PROPERTY = "custops.smoke.dir";

	@Inject
	@Optional
	public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event,
			MApplication application, EModelService models, IWorkbench workbench) {
		String dir = System.getProperty(PROPERTY);
		if (dir == null) {
			return;
		}
		Display display = Display.getCurrent();
		// give asynchronous refreshes (service lists) time to land before looking
		display.timerExec(2_500, () -> {
			List<String> lines = new ArrayList<>();
			boolean ok = check(application, models, lines);
			try {
				Path out = Path.of(dir);
				Files.createDirectories(out);
				MWindow window = application.getChildren().get(0);
				Shell shell = (Shell) window.getWidget();
				Path png = out.resolve("workbench.png");
				screenshot(display, shell, png);
				lines.add("screenshot " + png);
				lines.add(0, ok ? "RESULT OK" : "RESULT FAILED");
				Files.write(out.resolve("smoke.txt"), lines, StandardCharsets.UTF_8);
			} catch (IOException | RuntimeException e) {
				System.err.println("smoke test: " + e);
			}
			workbench.close();
		});
	}

	private static boolean check(MApplication application, EModelService models, List<String> lines) {
		boolean ok = true;
		for (MPart part : models.findElements(application, null, MPart.class, null)) {
			if (!part.isToBeRendered() || part.getParent() == null || part.getParent().getSelectedElement() != part) {
				continue;
			}
			boolean rendered = part.getWidget() instanceof Control control && !control.isDisposed();
			boolean created = part.getObject() != null;
			lines.add("part " + part.getElementId() + " rendered=" + rendered + " created=" + created);
			ok &= rendered && created;
		}
		if (lines.isEmpty()) {
			lines.add("no visible part");
			ok = false;
		}
		return ok;
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
