package io.custops.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A playbook held in the workspace ({@link PlaybookStore}): a target evaluated on a cron
 * schedule, each run recording a campaign {@code ID-yyyy-MM-dd} and writing its masked target list.
 *
 * @param id               letters, digits, {@code - _ .}; up to 100 (the run's campaign id adds 11)
 * @param cron             the cron expression (checked by the scheduler)
 * @param target           the target spec
 * @param targetParameters its parameters (without the {@code target.} prefix)
 * @param onlyNew          whether customers of earlier runs' campaigns are left out
 * @param controlShare     the share held out as a control group (0.1), or null for none
 * @param costPerMember    the cost of one treated member, two decimals
 * @param margin           the gross margin recorded with each run's campaign, a ratio in [0, 1]
 * @param days             the days of each run's campaign window, from the run date
 * @param out              the folder the lists are written to, absolute
 * @param format           {@code csv} or {@code xlsx}
 * @param seed             the playbook's seed; each run's control split is seeded from it and the run date
 * @param missed           {@code run} or {@code skip}: what a due time missed while nothing ran does
 * @param created          when it was added (null before it is stored)
 * @param lastDue          the last due time dealt with
 * @param claimedBy        who runs it now, or null
 * @param leaseUntil       until when that claim holds, or null
 */
public record PlaybookRecord(String id, String cron, String target, Map<String, String> targetParameters,
		boolean onlyNew, BigDecimal controlShare, BigDecimal costPerMember, BigDecimal margin, int days, String out,
		String format, long seed, String missed, Instant created, Instant lastDue, String claimedBy,
		Instant leaseUntil) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	public PlaybookRecord {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("playbook id '" + id + "': use letters, digits, '.', '_' or '-'"
					+ " (up to 100, starting with a letter or digit)");
		}
		targetParameters = targetParameters == null ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(targetParameters));
	}

	/** The same playbook standing elsewhere (as read back from the store). */
	public PlaybookRecord withState(Instant created, Instant lastDue, String claimedBy, Instant leaseUntil) {
		return new PlaybookRecord(id, cron, target, targetParameters, onlyNew, controlShare, costPerMember, margin, days,
				out, format, seed, missed, created, lastDue, claimedBy, leaseUntil);
	}
}
