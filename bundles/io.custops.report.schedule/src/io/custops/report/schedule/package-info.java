/**
 * Scheduled reports: schedules kept in the workspace (a cron expression, a template, its
 * parameters with relative dates, formats, an output folder pattern, how many outputs to keep),
 * the {@link io.custops.report.schedule.Scheduler} that runs them — in the workbench, in
 * {@code ./custops schedule daemon} or once per {@code ./custops schedule run-due} — and
 * {@link io.custops.report.schedule.WorkspaceReports}, which renders one template on an open
 * workspace. Details: docs/reports.md, "Scheduled reports".
 */
@Version("1.1.0")
package io.custops.report.schedule;

import org.osgi.annotation.versioning.Version;
