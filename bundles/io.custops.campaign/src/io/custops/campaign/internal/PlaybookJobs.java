package io.custops.campaign.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.campaign.Playbooks;
import io.custops.engine.Analyses;
import io.custops.engine.FunnelAnalysis;
import io.custops.report.schedule.MissedRuns;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.ScheduleRun;
import io.custops.report.schedule.ScheduledJobs;
import io.custops.store.PlaybookRecord;
import io.custops.store.PlaybookRun;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/** The playbooks of a workspace as the scheduler's jobs. */
@Component(service = ScheduledJobs.class)
public class PlaybookJobs implements ScheduledJobs {

	@Reference
	private Analyses analyses;

	@Reference
	private FunnelAnalysis funnels;

	@Override
	public String kind() {
		return Playbooks.KIND;
	}

	@Override
	public List<Job> jobs(Workspace workspace) throws WorkspaceException {
		List<Job> jobs = new ArrayList<>();
		for (PlaybookRecord p : workspace.playbooks().list()) {
			jobs.add(new Job(p.id(), p.cron(), MissedRuns.of(p.missed()), p.lastDue()));
		}
		return jobs;
	}

	@Override
	public boolean claim(Workspace workspace, String id, String owner, Instant now, Instant leaseUntil)
			throws WorkspaceException {
		return workspace.playbooks().claim(id, owner, now, leaseUntil);
	}

	@Override
	public void release(Workspace workspace, String id, String owner, Instant lastDue) throws WorkspaceException {
		workspace.playbooks().release(id, owner, lastDue);
	}

	@Override
	public ScheduleRun run(Workspace workspace, String id, Instant due, Instant when, String trigger)
			throws WorkspaceException {
		return Playbooks.run(workspace, analyses, funnels, id, due, when, trigger);
	}

	@Override
	public ScheduleRun recordMissed(Workspace workspace, String id, Instant due, String note) throws WorkspaceException {
		Instant now = Instant.now();
		PlaybookRun run = new PlaybookRun(0, id, due.atZone(workspace.zone()).toLocalDate(), due, now, 0,
				RunStatus.MISSED.id(), "missed", null, 0, 0, 0, 0, null, note);
		long runId = workspace.playbooks().startRun(run);
		return Playbooks.scheduleRun(new PlaybookRun(runId, id, run.runDate(), due, now, 0, run.status(), "missed", null,
				0, 0, 0, 0, null, note), null);
	}
}
