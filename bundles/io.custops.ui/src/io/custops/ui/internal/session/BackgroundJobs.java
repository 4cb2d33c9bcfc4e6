package io.custops.ui.internal.session;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import io.custops.core.ProgressMonitor;

/**
 * Runs long work (opening a workspace, imports, analyses, renders) in Eclipse jobs, never on the
 * UI thread, and keeps the running ones with their progress for the status line, which shows
 * them and cancels them. Results come back on the UI thread.
 */
public final class BackgroundJobs {

	/** Work that reads or writes the workspace runs one at a time. */
	public static final ISchedulingRule WORKSPACE = new ISchedulingRule() {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}
	};

	/** Work done in a job, reporting to a CustOps progress monitor. */
	@FunctionalInterface
	public interface Work<T> {
		T run(ProgressMonitor monitor) throws Exception;
	}

	/** A running job as the status line shows it. */
	public static final class Task implements ProgressMonitor {
		private final String name;
		private volatile IProgressMonitor monitor;
		private volatile String step = "";
		private volatile long total = -1;
		private volatile long worked;
		private volatile boolean canceled;
		private Job job;

		Task(String name) {
			this.name = name;
		}

		public String name() {
			return name;
		}

		public String step() {
			return step;
		}

		/** Work done in per mille, or -1 when the total is unknown. */
		public int permille() {
			long t = total;
			return t <= 0 ? -1 : (int) Math.min(1000, worked * 1000 / t);
		}

		public void cancel() {
			canceled = true;
			if (job != null) {
				job.cancel();
			}
		}

		@Override
		public void begin(String task, long totalWork) {
			step = task == null ? "" : task;
			total = totalWork;
			worked = 0;
		}

		@Override
		public void worked(long work) {
			worked += work;
		}

		@Override
		public boolean isCanceled() {
			IProgressMonitor m = monitor;
			return canceled || (m != null && m.isCanceled());
		}
	}

	private final List<Task> active = new CopyOnWriteArrayList<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** The jobs running now, oldest first. */
	public List<Task> active() {
		return List.copyOf(active);
	}

	public boolean isIdle() {
		return active.isEmpty();
	}

	/** Called (on any thread) when a job starts or ends. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	/**
	 * Runs work in a job; on the UI thread of {@code display} afterwards, {@code done} gets the
	 * result, or {@code failed} the exception ({@link CancellationException} when cancelled).
	 * Either may be null. Nothing is called back when the display is gone.
	 */
	public <T> Task submit(String name, ISchedulingRule rule, Work<T> work, Display display, Consumer<T> done,
			Consumer<Exception> failed) {
		Task task = new Task(name);
		Job job = Job.create(name, (IProgressMonitor monitor) -> {
			task.monitor = monitor;
			monitor.beginTask(name, IProgressMonitor.UNKNOWN);
			try {
				T result = work.run(task);
				if (task.isCanceled()) {
					throw new CancellationException("cancelled");
				}
				deliver(display, () -> {
					if (done != null) {
						done.accept(result);
					}
				});
				return Status.OK_STATUS;
			} catch (Exception | LinkageError | AssertionError e) {
				Exception reported = e instanceof Exception ex ? ex : new RuntimeException(e.toString(), e);
				if (task.isCanceled() && !(reported instanceof CancellationException)) {
					reported = new CancellationException("cancelled");
				}
				Exception failure = reported;
				deliver(display, () -> {
					if (failed != null) {
						failed.accept(failure);
					}
				});
				return failure instanceof CancellationException ? Status.CANCEL_STATUS : Status.OK_STATUS;
			} finally {
				monitor.done();
				active.remove(task);
				fire();
			}
		});
		task.job = job;
		job.setRule(rule);
		job.setUser(true);
		active.add(task);
		fire();
		job.schedule();
		return task;
	}

	/** Waits for the jobs to end, dispatching UI events meanwhile (tests, shutdown). */
	public boolean waitIdle(Display display, long millis) {
		long deadline = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < deadline) {
			while (display != null && display.readAndDispatch()) {
				// run the callbacks the jobs posted
			}
			if (isIdle()) {
				while (display != null && display.readAndDispatch()) {
					// and those posted while ending
				}
				if (isIdle()) {
					return true;
				}
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return isIdle();
	}

	private void fire() {
		listeners.forEach(Runnable::run);
	}

	private static void deliver(Display display, Runnable callback) {
		if (display == null) {
			callback.run();
		} else if (!display.isDisposed()) {
			try {
				display.asyncExec(callback);
			} catch (org.eclipse.swt.SWTException disposed) {
				// the window closed while the job ran
			}
		}
	}
}
