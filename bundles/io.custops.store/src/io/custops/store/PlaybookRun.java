package io.custops.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded run of a playbook.
 *
 * @param runDate    the date the target was evaluated as of, and the campaign's start
 * @param due        the due time it was made for, or null for a run started by hand
 * @param durationMillis {@code -1} while running
 * @param status     {@code running}, {@code ok}, {@code failed} or {@code missed}
 * @param trigger    {@code due}, {@code catch-up}, {@code missed} or {@code manual}
 * @param campaignId the campaign recorded, or null (failed, missed, or nobody to target)
 * @param targeted   customers the target selected as of the run date
 * @param excluded   of them, left out because an earlier run had them ({@code --only-new})
 * @param treatment  members contacted (in the list)
 * @param control    members held out
 * @param file       the list written, absolute, or null
 * @param note       what went wrong, or a remark (nobody new to target), or null
 */
public record PlaybookRun(long runId, String playbookId, LocalDate runDate, Instant due, Instant started,
		long durationMillis, String status, String trigger, String campaignId, long targeted, long excluded,
		long treatment, long control, String file, String note) {
}
