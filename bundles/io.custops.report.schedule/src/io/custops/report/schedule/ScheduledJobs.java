package io.custops.report.schedule;

import java.time.Instant;
import java.util.List;


import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * Work other than reports that runs on the scheduler's clock, with its rules: due times from a
 * cron expression in the workspace's zone, the missed-run policy, a claim so that one job never
 * runs twice at once, and every run recorded (a playbook, in {@code io.custops.campaign}). An
 * OSGi service; the scheduler runs the jobs of every registered kind in {@link Scheduler#runDue}
 * and its background loop, after the reports.
 */
public interface ScheduledJobs {

	/** A job and where it stands. */
	record Job(String id, String cron, MissedRuns missed, Instant lastDue) {
	}

	/** The kind ({@code playbook}): runs are reported as schedule {@code KIND:ID}, template {@code KIND}. */
	String kind();

	List<Job> jobs(Workspace workspace) throws WorkspaceException;

	/** Takes the claim on a job (see {@code PlaybookStore.claim}); false when it is held. */
	boolean claim(Workspace workspace, String id, String owner, Instant now, Instant leaseUntil)
			throws WorkspaceException;

	/** Releases the claim; moves the last due time on to {@code lastDue} when given. */
	void release(Workspace workspace, String id, String owner, Instant lastDue) throws WorkspaceException;

	/**
	 * Runs a claimed job and records the run; a failure is recorded and returned, never thrown.
	 *
	 * @param due     the due time, or null for a run by hand
	 * @param when    the time the run is for (the due time, or the time given by hand)
	 * @param trigger {@code due}, {@code catch-up} or {@code manual}
	 */
	ScheduleRun run(Workspace workspace, String id, Instant due, Instant when, String trigger) throws WorkspaceException;

	/** Records due times missed and not run (the job's missed policy is skip). */
	ScheduleRun recordMissed(Workspace workspace, String id, Instant due, String note) throws WorkspaceException;
}
