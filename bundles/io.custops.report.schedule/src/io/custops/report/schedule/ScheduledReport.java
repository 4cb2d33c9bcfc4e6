package io.custops.report.schedule;

import java.time.Instant;

/**
 * A stored schedule and where it stands.
 *
 * @param created   when it was added
 * @param lastDue   the last due time that was dealt with (run, or recorded as missed); due times
 *                  after it and up to now are due
 * @param nextDue   the next due time after {@code lastDue}
 * @param claimedBy who runs it now ({@code pid N on HOST}), or {@code null}
 */
public record ScheduledReport(Schedule schedule, Instant created, Instant lastDue, Instant nextDue, String claimedBy) {
}
