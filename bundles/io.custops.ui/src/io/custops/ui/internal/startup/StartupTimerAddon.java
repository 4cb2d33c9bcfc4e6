package io.custops.ui.internal.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import io.custops.ui.internal.session.WorkbenchSession;

/**
 * Measures the cold start when {@code -Dcustops.startup.report=FILE} is set (the script
 * {@code releng/scripts/startup-time.sh} sets it); otherwise it does nothing.
 * <p>
 * "Usable window": the main window is shown, the workspace's dataset is loaded, the visible
 * part has received its data (no background job left running), its pending paints are flushed,
 * and the UI thread has come back to its event loop once more. The moments of the start (see
 * {@link StartupTimes}) are appended to FILE as one line of {@code name=millis} pairs, measured
 * from the moment the script launched java; with {@code -Dcustops.startup.exit=true} the
 * workbench is closed afterwards.
 */
public class StartupTimerAddon {

	private boolean measured;
	/** Re-checks on the UI thread whenever a job ends or the session changes, until measured. */
	private Runnable check;

	@Inject
	@Optional
	public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event,
			MApplication application, WorkbenchSession session, IWorkbench workbench) {
		if (!StartupTimes.enabled()) {
			return;
		}
		Shell shell = (Shell) ((MWindow) application.getChildren().get(0)).getWidget();
		StartupTimes.mark(shell != null && shell.isVisible() ? "window shown" : "window not visible");
		Display display = Display.getCurrent();
		// checked on the UI thread after the callbacks already queued there (a job's result is
		// queued before the job counts as ended, so "idle" here means its result was shown)
		check = () -> {
			if (!display.isDisposed()) {
				display.asyncExec(() -> measureIfDone(display, shell, session, workbench));
			}
		};
		session.jobs().addListener(check);
		session.addListener(check);
		check.run();
	}

	private void measureIfDone(Display display, Shell shell, WorkbenchSession session, IWorkbench workbench) {
		if (measured || display.isDisposed()) {
			return;
		}
		WorkbenchSession.State state = session.state();
		if ((state == WorkbenchSession.State.READY || state == WorkbenchSession.State.FAILED) && session.jobs().isIdle()) {
			measured = true;
			session.jobs().removeListener(check);
			session.removeListener(check);
			if (shell != null && !shell.isDisposed()) {
				shell.update();
			}
			StartupTimes.mark(state == WorkbenchSession.State.READY ? "data shown" : "workspace failed");
			display.asyncExec(() -> {
				StartupTimes.mark("UI idle");
				// CPU time of the whole process until now: steadier than wall time on a loaded machine
				long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
				report(session, cpu);
				if (Boolean.getBoolean(StartupTimes.EXIT_PROPERTY)) {
					workbench.close();
				}
			});
		}
	}

	private static void report(WorkbenchSession session, long cpuMillis) {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		long launched = Long.getLong(StartupTimes.LAUNCHED_PROPERTY, jvmStart);
		StringBuilder line = new StringBuilder();
		line.append("launched=0");
		Long exec = Long.getLong("custops.startup.exec");
		if (exec != null) {
			line.append(" exec_java=").append(exec - launched);
		}
		line.append(" jvm_started=").append(jvmStart - launched);
		String launcher = System.getProperty("eclipse.startTime");
		if (launcher != null && launcher.matches("\\d+")) {
			line.append(" launcher_started=").append(Long.parseLong(launcher) - launched);
		}
		for (Map.Entry<String, Long> moment : StartupTimes.moments().entrySet()) {
			line.append(' ').append(moment.getKey().replace(' ', '_')).append('=').append(moment.getValue() - launched);
		}
		line.append(" cpu_ms=").append(cpuMillis);
		line.append(" dataset_load_ms=").append(session.loadMillis());
		line.append(" customers=").append(session.dataset() == null ? 0 : session.dataset().customerCount());
		line.append('\n');
		try {
			Path file = Path.of(System.getProperty(StartupTimes.REPORT_PROPERTY));
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		} catch (IOException | RuntimeException e) {
			System.err.println("start-up measurement: " + e);
		}
	}
}
