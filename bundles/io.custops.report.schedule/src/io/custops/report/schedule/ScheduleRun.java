package io.custops.report.schedule;

import java.time.Instant;
import java.util.List;

/**
 * One recorded run of a schedule.
 *
 * @param due            the due time it was made for ({@code null} for a run started by hand)
 * @param durationMillis {@code -1} while running
 * @param trigger        {@code due} (on time), {@code catch-up} (a due time missed while nothing
 *                       ran), {@code missed} (recorded, not run) or {@code manual}
 * @param outputs        the files written, absolute paths
 * @param error          why it failed, or {@code null}
 * @param outputsRemoved whether its outputs were deleted because newer runs are kept
 * @param made           what the render did and where its time went, for a report made by this
 *                       process; {@code null} for a run read from the history, a missed or a failed one
 */
public record ScheduleRun(long runId, String scheduleId, String template, Instant due, Instant started,
		long durationMillis, RunStatus status, String trigger, List<String> outputs, String error,
		boolean outputsRemoved, WorkspaceReports.Result made) {

	public ScheduleRun {
		outputs = List.copyOf(outputs);
	}

	/** A run without the render's details (as the history holds it). */
	public ScheduleRun(long runId, String scheduleId, String template, Instant due, Instant started,
			long durationMillis, RunStatus status, String trigger, List<String> outputs, String error,
			boolean outputsRemoved) {
		this(runId, scheduleId, template, due, started, durationMillis, status, trigger, outputs, error, outputsRemoved,
				null);
	}
}
