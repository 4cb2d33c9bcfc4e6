package io.custops.report.schedule.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.custops.report.schedule.CronSchedule;

/**
 * Which due times of a schedule lie between the last one dealt with and now, and whether the
 * latest is on time: within {@code grace} of now. A latest due time further back was missed
 * (nothing ran at that time).
 *
 * @param latest  the latest due time in (lastDue, now], or null when none is due
 * @param count   how many due times lie in (lastDue, now] (counted up to {@link #LIMIT})
 * @param first   the earliest of them
 * @param onTime  whether {@code latest} is within the grace period of now
 */
record DueTimes(Instant latest, Instant first, long count, boolean onTime) {

	/** More due times than this are not counted one by one (an every-minute schedule idle for weeks). */
	static final long LIMIT = 100_000;

	static DueTimes between(CronSchedule cron, Instant lastDue, Instant now, ZoneId zone, Duration grace) {
		ZonedDateTime end = now.atZone(zone);
		Optional<ZonedDateTime> first = cron.next(lastDue.atZone(zone));
		if (first.isEmpty() || first.get().isAfter(end)) {
			return new DueTimes(null, null, 0, false);
		}
		Instant latest = cron.previous(end.plusSeconds(1)).map(ZonedDateTime::toInstant).orElse(first.get().toInstant());
		if (latest.isBefore(first.get().toInstant())) {
			latest = first.get().toInstant();
		}
		long count = 1;
		ZonedDateTime at = first.get();
		while (count < LIMIT) {
			Optional<ZonedDateTime> next = cron.next(at);
			if (next.isEmpty() || next.get().isAfter(end)) {
				break;
			}
			at = next.get();
			count++;
		}
		boolean onTime = !Duration.between(latest, now).minus(grace).isPositive();
		return new DueTimes(latest, first.get().toInstant(), count, onTime);
	}

	boolean due() {
		return latest != null;
	}

	/** The next due time after now. */
	static Instant next(CronSchedule cron, Instant after, ZoneId zone) {
		return cron.next(after.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
	}
}
