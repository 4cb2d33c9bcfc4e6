package io.custops.report.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * Runs scheduled reports on a workspace. An OSGi service (DS); the workbench calls
 * {@link #start(Workspace)} when it opens a workspace and {@link #stop()} when it closes it;
 * {@code ./custops schedule daemon} does the same, {@code ./custops schedule run-due} calls
 * {@link #runDue(Workspace)} once.
 *
 * <p>Rules (docs/reports.md, "Scheduled reports"): a due time is run once, however often
 * {@code runDue} is called; a due time missed while nothing ran is run once at the next start
 * (or recorded as missed, as the schedule says); a failing report is recorded with its error and
 * does not stop the others; the same schedule never runs twice at once (a claim on its row in the
 * workspace database, and one process owns a workspace); every run is recorded.
 */
public interface Scheduler {

	/** Adds a schedule; its first due time is the first one after now. */
	default ScheduledReport add(Workspace workspace, Schedule schedule) throws WorkspaceException {
		return add(workspace, schedule, Instant.now());
	}

	/**
	 * Adds a schedule whose first due time is the first one after {@code since} (a time in the past
	 * makes the due times since then count as missed at the next check).
	 *
	 * @throws ScheduleException naming {@code id} when a schedule of that id exists
	 */
	ScheduledReport add(Workspace workspace, Schedule schedule, Instant since) throws WorkspaceException;

	/** Replaces a schedule's definition, keeping its history and where it stands. */
	ScheduledReport update(Workspace workspace, Schedule schedule) throws WorkspaceException;

	/** Removes a schedule (its history stays); false when there was none of that id. */
	boolean remove(Workspace workspace, String scheduleId) throws WorkspaceException;

	List<ScheduledReport> list(Workspace workspace) throws WorkspaceException;

	Optional<ScheduledReport> get(Workspace workspace, String scheduleId) throws WorkspaceException;

	/**
	 * Recorded runs, newest first.
	 *
	 * @param scheduleId one schedule's, or {@code null} for all
	 * @param limit      at most this many (0 or less: all)
	 */
	List<ScheduleRun> history(Workspace workspace, String scheduleId, int limit) throws WorkspaceException;

	/** Runs, in this thread, every schedule that is due now; returns the runs recorded (made, failed or missed). */
	default List<ScheduleRun> runDue(Workspace workspace) throws WorkspaceException {
		return runDue(workspace, Instant.now());
	}

	/** {@link #runDue(Workspace)} as if it were {@code now}. */
	List<ScheduleRun> runDue(Workspace workspace, Instant now) throws WorkspaceException;

	/** Runs one schedule now, due or not (trigger {@code manual}); does not change when it is next due. */
	ScheduleRun runNow(Workspace workspace, String scheduleId) throws WorkspaceException;

	/**
	 * Runs one job of a registered {@link ScheduledJobs} kind now (trigger {@code manual}), under
	 * its claim; does not change when it is next due.
	 *
	 * @param when the time the run is for (its date is the run's date); null for now
	 * @throws ScheduleException naming {@code id} when there is no such job or it is running now
	 */
	ScheduleRun runNow(Workspace workspace, String kind, String id, Instant when) throws WorkspaceException;

	/**
	 * Runs due schedules in the background, on this workspace, until {@link #stop()}: checks at
	 * start (catching up missed runs) and then at every due time (and at least every minute).
	 *
	 * @throws IllegalStateException when already started on another workspace
	 */
	void start(Workspace workspace) throws WorkspaceException;

	/** Stops the background runs; waits for a report being made to finish. Does nothing when not started. */
	void stop();

	/** The workspace the background runs are on, if started. */
	Optional<Workspace> started();

	/** Hears of every run recorded by the background runs (on the scheduler's thread). */
	void addListener(java.util.function.Consumer<ScheduleRun> listener);

	void removeListener(java.util.function.Consumer<ScheduleRun> listener);
}
