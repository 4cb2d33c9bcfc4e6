package io.custops.report.schedule.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.custops.core.ProgressMonitor;
import io.custops.report.ReportFormat;
import io.custops.report.schedule.CronSchedule;
import io.custops.report.schedule.MissedRuns;
import io.custops.report.schedule.OutputFolders;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.Schedule;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.ScheduleRun;
import io.custops.report.schedule.ScheduledJobs;
import io.custops.report.schedule.ScheduledReport;
import io.custops.report.schedule.Scheduler;
import io.custops.report.schedule.WorkspaceReports;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * The scheduler. Due times are computed from each schedule's cron expression in the workspace's
 * zone, from the last due time dealt with (stored with the schedule) up to now. A run claims the
 * schedule's row first (claimed_by, lease_until), so the same schedule never runs twice at once:
 * within this process a second claim is refused; a claim held by another process is stale,
 * because one process owns a workspace (its lock), and is taken over.
 *
 * <p>System properties: {@code custops.schedule.grace} (how late a due time may be run and still
 * count as on time, default 10m), {@code custops.schedule.lease} (how long a claim holds, default
 * 6h), {@code custops.schedule.poll} (the longest the background loop sleeps, default 60s).
 */
@Component(service = Scheduler.class)
public class DefaultScheduler implements Scheduler {

	private static final Logger LOG = Logger.getLogger(DefaultScheduler.class.getName());

	@Reference
	private WorkspaceReports reports;

	/** Playbooks and other work on the schedules' clock, run after the reports. */
	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<ScheduledJobs> jobs = new CopyOnWriteArrayList<>();

	private final Duration grace = duration("custops.schedule.grace", Duration.ofMinutes(10));
	private final Duration lease = duration("custops.schedule.lease", Duration.ofHours(6));
	private final Duration poll = duration("custops.schedule.poll", Duration.ofSeconds(60));
	private final String owner = owner();
	private final Set<String> running = ConcurrentHashMap.newKeySet();
	private final List<Consumer<ScheduleRun>> listeners = new CopyOnWriteArrayList<>();

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition wake = lock.newCondition();
	private Thread loop;
	private Workspace startedOn;
	private volatile boolean stopping;

	public DefaultScheduler() {
	}

	/** For tests outside OSGi. */
	DefaultScheduler(WorkspaceReports reports) {
		this.reports = reports;
	}

	@Override
	public ScheduledReport add(Workspace workspace, Schedule schedule, Instant since) throws WorkspaceException {
		ScheduleStore store = new ScheduleStore(workspace);
		if (!store.insert(schedule, Instant.now(), since)) {
			throw new ScheduleException("id", "a schedule '" + schedule.id() + "' exists already (remove it first)");
		}
		wakeUp();
		return get(workspace, schedule.id()).orElseThrow();
	}

	@Override
	public ScheduledReport update(Workspace workspace, Schedule schedule) throws WorkspaceException {
		if (!new ScheduleStore(workspace).update(schedule)) {
			throw new ScheduleException("id", "no schedule '" + schedule.id() + "'");
		}
		wakeUp();
		return get(workspace, schedule.id()).orElseThrow();
	}

	@Override
	public boolean remove(Workspace workspace, String scheduleId) throws WorkspaceException {
		boolean removed = new ScheduleStore(workspace).delete(scheduleId);
		wakeUp();
		return removed;
	}

	@Override
	public List<ScheduledReport> list(Workspace workspace) throws WorkspaceException {
		List<ScheduledReport> list = new ArrayList<>();
		for (ScheduleStore.Row row : new ScheduleStore(workspace).all()) {
			list.add(report(row, workspace.zone()));
		}
		return list;
	}

	@Override
	public Optional<ScheduledReport> get(Workspace workspace, String scheduleId) throws WorkspaceException {
		return new ScheduleStore(workspace).get(scheduleId).map(row -> report(row, workspace.zone()));
	}

	private static ScheduledReport report(ScheduleStore.Row row, ZoneId zone) {
		CronSchedule cron = CronSchedule.parse(row.schedule().cron());
		return new ScheduledReport(row.schedule(), row.created(), row.lastDue(), DueTimes.next(cron, row.lastDue(), zone),
				row.claimedBy());
	}

	@Override
	public List<ScheduleRun> history(Workspace workspace, String scheduleId, int limit) throws WorkspaceException {
		return new ScheduleStore(workspace).runs(scheduleId, limit);
	}

	@Override
	public List<ScheduleRun> runDue(Workspace workspace, Instant now) throws WorkspaceException {
		ScheduleStore store = new ScheduleStore(workspace);
		ZoneId zone = workspace.zone();
		List<ScheduleRun> recorded = new ArrayList<>();
		for (ScheduleStore.Row row : store.all()) {
			if (stopping && startedOn == workspace && Thread.currentThread() == loop) {
				break;
			}
			Schedule schedule = row.schedule();
			DueTimes due = DueTimes.between(CronSchedule.parse(schedule.cron()), row.lastDue(), now, zone, grace);
			if (!due.due()) {
				continue;
			}
			if (!claim(store, schedule.id(), now)) {
				LOG.info(() -> "schedule " + schedule.id() + " is being made; not started again");
				continue;
			}
			try {
				long missedBefore = due.onTime() ? due.count() - 1 : due.count();
				if (!due.onTime() && schedule.missed() == MissedRuns.SKIP) {
					recorded.add(recordMissed(store, schedule, due, missedBefore, now));
				} else {
					if (due.onTime() && missedBefore > 0 && schedule.missed() == MissedRuns.SKIP) {
						recorded.add(recordMissed(store, schedule,
								new DueTimes(due.first(), due.first(), missedBefore, false), missedBefore, now));
					}
					recorded.add(make(workspace, store, schedule, due.latest(), due.onTime() ? "due" : "catch-up"));
				}
			} finally {
				release(store, schedule.id(), due.latest());
			}
		}
		for (ScheduledJobs kind : jobs) {
			for (ScheduledJobs.Job job : kind.jobs(workspace)) {
				if (stopping && startedOn == workspace && Thread.currentThread() == loop) {
					break;
				}
				runDueJob(workspace, kind, job, now, zone, recorded);
			}
		}
		recorded.forEach(this::tell);
		return recorded;
	}

	/** A job's due times, as a schedule's: claimed, missed ones by its policy, then released with the latest. */
	private void runDueJob(Workspace workspace, ScheduledJobs kind, ScheduledJobs.Job job, Instant now, ZoneId zone,
			List<ScheduleRun> recorded) throws WorkspaceException {
		DueTimes due = DueTimes.between(CronSchedule.parse(job.cron()), job.lastDue(), now, zone, grace);
		if (!due.due()) {
			return;
		}
		String key = kind.kind() + ":" + job.id();
		if (!claimJob(workspace, kind, job.id(), key)) {
			LOG.info(() -> key + " is running; not started again");
			return;
		}
		try {
			long missedBefore = due.onTime() ? due.count() - 1 : due.count();
			if (!due.onTime() && job.missed() == MissedRuns.SKIP) {
				recorded.add(kind.recordMissed(workspace, job.id(), due.latest(), missedNote(due, missedBefore)));
			} else {
				if (due.onTime() && missedBefore > 0 && job.missed() == MissedRuns.SKIP) {
					recorded.add(kind.recordMissed(workspace, job.id(), due.first(),
							missedNote(new DueTimes(due.first(), due.first(), missedBefore, false), missedBefore)));
				}
				recorded.add(kind.run(workspace, job.id(), due.latest(), due.latest(), due.onTime() ? "due" : "catch-up"));
			}
		} finally {
			try {
				kind.release(workspace, job.id(), owner, due.latest());
			} finally {
				running.remove(key);
			}
		}
	}

	private boolean claimJob(Workspace workspace, ScheduledJobs kind, String id, String key) throws WorkspaceException {
		if (!running.add(key)) {
			return false;
		}
		boolean claimed = false;
		try {
			claimed = kind.claim(workspace, id, owner, Instant.now(), Instant.now().plus(lease));
			return claimed;
		} finally {
			if (!claimed) {
				running.remove(key);
			}
		}
	}

	@Override
	public ScheduleRun runNow(Workspace workspace, String kindId, String id, Instant when) throws WorkspaceException {
		ScheduledJobs kind = jobs.stream().filter(j -> j.kind().equals(kindId)).findFirst()
				.orElseThrow(() -> new ScheduleException("kind", "no " + kindId + " jobs are registered"));
		if (kind.jobs(workspace).stream().noneMatch(j -> j.id().equals(id))) {
			throw new ScheduleException("id", "no " + kindId + " '" + id + "'");
		}
		String key = kindId + ":" + id;
		if (!claimJob(workspace, kind, id, key)) {
			throw new ScheduleException("id", kindId + " '" + id + "' is running now");
		}
		try {
			ScheduleRun run = kind.run(workspace, id, null, when == null ? Instant.now() : when, "manual");
			tell(run);
			return run;
		} finally {
			try {
				kind.release(workspace, id, owner, null);
			} finally {
				running.remove(key);
			}
		}
	}

	private static String missedNote(DueTimes due, long count) {
		return count <= 1 ? "missed: nothing ran at " + due.latest()
				: "missed " + (count >= DueTimes.LIMIT ? "at least " : "") + count + " due times from " + due.first() + " to "
						+ due.latest() + ": nothing ran";
	}

	@Override
	public ScheduleRun runNow(Workspace workspace, String scheduleId) throws WorkspaceException {
		ScheduleStore store = new ScheduleStore(workspace);
		Schedule schedule = store.get(scheduleId).orElseThrow(() -> new ScheduleException("id", "no schedule '" + scheduleId + "'"))
				.schedule();
		if (!claim(store, scheduleId, Instant.now())) {
			throw new ScheduleException("id", "schedule '" + scheduleId + "' is being made now");
		}
		try {
			ScheduleRun run = make(workspace, store, schedule, null, "manual");
			tell(run);
			return run;
		} finally {
			release(store, scheduleId, null);
		}
	}

	private boolean claim(ScheduleStore store, String id, Instant now) throws WorkspaceException {
		if (!running.add(id)) {
			return false;
		}
		boolean claimed = false;
		try {
			claimed = store.claim(id, owner, Instant.now(), Instant.now().plus(lease));
			return claimed;
		} finally {
			if (!claimed) {
				running.remove(id);
			}
		}
	}

	private void release(ScheduleStore store, String id, Instant lastDue) throws WorkspaceException {
		try {
			store.release(id, owner, lastDue);
		} finally {
			running.remove(id);
		}
	}

	private ScheduleRun recordMissed(ScheduleStore store, Schedule schedule, DueTimes due, long count, Instant now)
			throws WorkspaceException {
		String note = count <= 1 ? "missed: nothing ran at " + due.latest()
				: "missed " + (count >= DueTimes.LIMIT ? "at least " : "") + count + " due times from " + due.first() + " to "
						+ due.latest() + ": nothing ran";
		long id = store.startRun(schedule.id(), schedule.template(), due.latest(), now, RunStatus.MISSED, "missed", note);
		return new ScheduleRun(id, schedule.id(), schedule.template(), due.latest(), now, 0, RunStatus.MISSED, "missed",
				List.of(), note, false);
	}

	/** Makes one report; a failure is recorded, never thrown. */
	private ScheduleRun make(Workspace workspace, ScheduleStore store, Schedule schedule, Instant due, String trigger)
			throws WorkspaceException {
		Instant started = Instant.now();
		long runId = store.startRun(schedule.id(), schedule.template(), due, started, RunStatus.RUNNING, trigger, null);
		long t0 = System.nanoTime();
		RunStatus status;
		List<String> outputs = new ArrayList<>();
		String error = null;
		WorkspaceReports.Result made = null;
		try {
			ZonedDateTime when = (due == null ? started : due).atZone(workspace.zone());
			Path folder = OutputFolders.resolve(schedule.out(), when, schedule.id(), schedule.template());
			Map<String, String> parameters = new LinkedHashMap<>(schedule.parameters());
			parameters.put("format", String.join(",", schedule.formats()));
			WorkspaceReports.Result result = reports.render(workspace, schedule.template(), parameters, folder,
					when.toLocalDate(), ProgressMonitor.NULL);
			for (ReportFormat format : ReportFormat.values()) {
				Path file = result.report().files().get(format);
				if (file != null) {
					outputs.add(file.toAbsolutePath().toString());
				}
			}
			status = RunStatus.OK;
			made = result;
		} catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
			status = RunStatus.FAILED;
			error = e.getMessage() == null || e.getMessage().isBlank() ? e.toString()
					: e instanceof RuntimeException && !(e instanceof IllegalArgumentException)
							&& !e.getClass().getName().startsWith("io.custops") ? e.toString() : e.getMessage();
			LOG.log(Level.WARNING, "scheduled report " + schedule.id() + " failed", e);
		}
		long millis = (System.nanoTime() - t0) / 1_000_000;
		store.finishRun(runId, millis, status, outputs, error);
		if (status == RunStatus.OK && schedule.keep() > 0) {
			prune(store, schedule);
		}
		return new ScheduleRun(runId, schedule.id(), schedule.template(), due, started, millis, status, trigger, outputs,
				error, false, made);
	}

	/** Deletes the outputs of the schedule's successful runs beyond the newest {@code keep}. */
	private static void prune(ScheduleStore store, Schedule schedule) throws WorkspaceException {
		List<ScheduleRun> ok = store.runs(schedule.id(), 0).stream()
				.filter(r -> r.status() == RunStatus.OK && !r.outputsRemoved()).toList();
		if (ok.size() <= schedule.keep()) {
			return;
		}
		Set<String> kept = new HashSet<>();
		ok.subList(0, schedule.keep()).forEach(r -> kept.addAll(r.outputs()));
		for (ScheduleRun old : ok.subList(schedule.keep(), ok.size())) {
			for (String output : old.outputs()) {
				if (kept.contains(output)) {
					continue; // a newer run wrote the same file
				}
				Path file = Path.of(output);
				try {
					Files.deleteIfExists(file);
					Path folder = file.getParent();
					if (folder != null) {
						Files.delete(folder); // only when empty
					}
				} catch (DirectoryNotEmptyException | NoSuchFileException stillUsed) {
					// the folder holds other files: kept
				} catch (IOException e) {
					LOG.log(Level.WARNING, "could not delete the old output " + file, e);
				}
			}
			store.markOutputsRemoved(old.runId());
		}
	}

	@Override
	public void start(Workspace workspace) throws WorkspaceException {
		lock.lock();
		try {
			if (loop != null) {
				if (startedOn == workspace) {
					return;
				}
				throw new IllegalStateException("the scheduler runs on " + startedOn.directory() + "; stop it first");
			}
			new ScheduleStore(workspace).all(); // fails now, not in the background, when the tables are missing
			startedOn = workspace;
			stopping = false;
			loop = new Thread(() -> loop(workspace), "custops-scheduler");
			loop.setDaemon(true);
			loop.start();
		} finally {
			lock.unlock();
		}
	}

	private void loop(Workspace workspace) {
		while (!stopping) {
			Instant nextWake = Instant.now().plus(poll);
			try {
				runDue(workspace);
				for (ScheduledReport s : list(workspace)) {
					if (s.nextDue() != null && s.nextDue().isBefore(nextWake)) {
						nextWake = s.nextDue();
					}
				}
				for (ScheduledJobs kind : jobs) {
					for (ScheduledJobs.Job job : kind.jobs(workspace)) {
						Instant next = DueTimes.next(CronSchedule.parse(job.cron()), job.lastDue(), workspace.zone());
						if (next != null && next.isBefore(nextWake)) {
							nextWake = next;
						}
					}
				}
			} catch (WorkspaceException | RuntimeException e) {
				LOG.log(Level.WARNING, "scheduler: " + e.getMessage(), e);
			}
			lock.lock();
			try {
				long millis = Duration.between(Instant.now(), nextWake).toMillis();
				if (!stopping && millis > 0) {
					wake.await(millis + 50, TimeUnit.MILLISECONDS); // just after the due time
				}
			} catch (InterruptedException e) {
				return;
			} finally {
				lock.unlock();
			}
		}
	}

	private void wakeUp() {
		lock.lock();
		try {
			wake.signalAll();
		} finally {
			lock.unlock();
		}
	}

	@Override
	@Deactivate
	public void stop() {
		Thread thread;
		lock.lock();
		try {
			thread = loop;
			stopping = true;
			wake.signalAll();
		} finally {
			lock.unlock();
		}
		if (thread != null) {
			try {
				thread.join(); // a report being made is finished, not cut off
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		lock.lock();
		try {
			loop = null;
			startedOn = null;
		} finally {
			lock.unlock();
		}
	}

	@Override
	public Optional<Workspace> started() {
		return Optional.ofNullable(startedOn);
	}

	@Override
	public void addListener(Consumer<ScheduleRun> listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Consumer<ScheduleRun> listener) {
		listeners.remove(listener);
	}

	private void tell(ScheduleRun run) {
		for (Consumer<ScheduleRun> listener : listeners) {
			try {
				listener.accept(run);
			} catch (RuntimeException e) {
				LOG.log(Level.WARNING, "schedule listener failed", e);
			}
		}
	}

	private static String owner() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			host = "localhost";
		}
		return "pid " + ProcessHandle.current().pid() + " on " + host;
	}

	private static Duration duration(String property, Duration fallback) {
		String text = System.getProperty(property);
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return io.custops.core.param.ParameterSpec.builder(property, io.custops.core.param.ParameterType.DURATION)
					.build().parse(text) instanceof Duration d ? d : fallback;
		} catch (RuntimeException e) {
			return fallback;
		}
	}
}
